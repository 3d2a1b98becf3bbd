//! The report 2023 as published: every paragraph and bullet of the source,
//! every key figure as the text states it, the follow-up topics cut from both
//! documents, and the search index over them.

mod common;

use std::path::Path;

use kfkl_core::document::Document;
use kfkl_core::format::format_figure;
use kfkl_data::document::counts;
use kfkl_data::Build;

fn build() -> &'static Build {
    common::built()
}

fn report(build: &Build) -> &Document {
    build
        .documents
        .iter()
        .find(|d| d.id == "rapport-2023")
        .expect("rapport-2023")
}

#[test]
fn counts_of_bullets_and_fokusomraden_match_the_source() {
    let source = std::fs::read_to_string(common::data_dir().join("sources/verksamhetsberattelse-2023.txt")).unwrap();
    let body: Vec<&str> = source.lines().skip(91).collect();
    let bullets = body
        .iter()
        .filter(|l| l.trim_start().starts_with('•') || l.starts_with("- "))
        .count();
    let build = build();
    let report = report(build);
    let (headings, paragraphs, doc_bullets) = counts(report);
    assert_eq!((bullets, doc_bullets), (112, 112));
    // 2 + 11 + 3 fokusområden, each with a Resultat section (and one for Miljö och livsmedel).
    let focus = report.headings().filter(|h| h.text.starts_with("Fokusområde ")).count();
    let results = report.headings().filter(|h| h.text == "Resultat").count();
    assert_eq!((focus, results), (16, 17));
    // Headings: the introduction, 4 areas, 16 fokusområden, 17 Resultat, Miljö's two
    // project lists and 36 sub-headings inside Resultat sections. The words are
    // checked by the build; these counts guard the structure.
    let sub = report.headings().filter(|h| h.level == 5).count();
    assert_eq!((headings, sub), (1 + 4 + 16 + 17 + 2 + 36, 36));
    assert_eq!(paragraphs, 194);
    assert_eq!(report.commitments().count(), 72);
}

#[test]
fn every_key_figure_is_as_the_report_states_it_and_sits_in_its_section() {
    let build = build();
    let ds = build
        .datasets
        .iter()
        .find(|d| d.id == "rapport-2023-nyckeltal")
        .unwrap();
    let expected: &[(&str, &str, &str)] = &[
        ("kurs-aktiviteter", "34", "kurser-och-utbildningar-resultat"),
        ("kurs-deltagare", "drygt 800", "kurser-och-utbildningar-resultat"),
        ("skr-insatser", "cirka 400", "hallbar-socialtjanst-resultat"),
        ("yrkesresan-platser", "90", "kunskapsstyrning-yrkesresan"),
        ("fullmaktige-nara-vard", "13", "god-och-nara-vard-resultat"),
        ("kunskapsbehov", "145", "lss-identifiera-behov-kunskapsutveckling"),
        ("inspekterade-foretag", "18", "miljo-och-livsmedel-resultat"),
        ("modersmalslarare", "ca 120", "ungas-uppvaxt-modersmalsnatverket"),
        ("sia-inskrivna", "219", "etablering-aga-driva-samordna"),
        ("sia-mal", "584", "etablering-aga-driva-samordna"),
        ("sia-andel", "37,5 %", "etablering-aga-driva-samordna"),
        ("npf-deltagare", "70", "etablering-aga-driva-samordna"),
    ];
    for (id, shown, anchor) in expected {
        let f = ds.figure(id).unwrap_or_else(|| panic!("missing {id}"));
        assert_eq!(format_figure(f).replace('\u{a0}', " "), *shown, "{id}");
        assert_eq!(f.source.anchor.as_deref(), Some(*anchor), "{id}");
    }
    assert_eq!(ds.figures.len(), expected.len(), "a figure was added: list it here");
}

#[test]
fn follow_up_topics_hold_promises_from_both_documents_and_link_back() {
    let build = build();
    let followup = build.followups.first().unwrap();
    assert_eq!(
        (
            followup.summary.report.as_str(),
            followup.summary.plan.as_str(),
            followup.summary.path.as_str()
        ),
        ("rapport-2023", "plan-2025", "/uppfoljning"),
        "the pair in dokument.toml"
    );
    let topic = |id: &str| {
        followup
            .topics
            .iter()
            .find(|t| t.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    for t in &followup.topics {
        assert!(t.report_promises() > 0 && t.plan_promises() > 0, "{}", t.id);
        assert_eq!(t.results.len(), t.report.len(), "{}", t.id);
    }
    // Goal versus outcome, with the figures the charts need.
    let av = topic("av-media");
    assert!(av.figures.chart("av-media-aktiviteter").is_some() && av.figures.figure("aktiviteter-utfall").is_some());
    let sia = topic("etablering");
    assert!(sia.figures.chart("sia-deltagare").is_some() && sia.figures.figure("sia-mal").is_some());
    // A promise is tied to the result sub-heading that repeats it.
    let lupp = topic("ungas-uppvaxt");
    assert!(
        lupp.report[0]
            .promises
            .iter()
            .filter(|p| p.result_anchor.is_some())
            .count()
            >= 3
    );
    // Both documents link their sections to the topic.
    for doc in &build.documents {
        if doc.id == "plan-2025" || doc.id == "rapport-2023" {
            assert!(
                doc.see_also.iter().any(|s| s.topic == "ungas-uppvaxt"
                    && s.heading == "ungas-uppvaxt"
                    && s.path == "/uppfoljning/ungas-uppvaxt"),
                "{}",
                doc.id
            );
        }
    }
}

#[test]
fn searching_lupp_reaches_ungas_uppvaxt_in_both_documents() {
    let build = build();
    let ix = &build.search;
    let places: Vec<(String, String)> = ix
        .query("LUPP")
        .into_iter()
        .map(|h| {
            let s = ix.section_of(h);
            (ix.docs[s.doc as usize].path.clone(), s.title.clone())
        })
        .collect();
    for path in ["/plan/2025", "/rapport/2023"] {
        assert!(
            places.iter().any(|(p, t)| p == path && t.contains("Ungas uppväxt")),
            "{path}: {places:?}"
        );
    }
    assert_eq!(ix.query("lupp"), ix.query("LUPP"));
    // Key figures are searchable by their label, indicators by name and definition.
    assert!(!ix.query("modersmålslärare").is_empty());
    let indicator_links = |q: &str| -> Vec<String> {
        ix.query(q)
            .into_iter()
            .filter_map(|h| {
                let doc = &ix.docs[ix.section_of(h).doc as usize];
                Some(format!("{}{}", doc.path, ix.entries[h as usize].anchor.as_ref()?))
            })
            .filter(|link| link.starts_with("/statistik/"))
            .collect()
    };
    assert_eq!(
        indicator_links("vitt snus"),
        ["/statistik/andts?indikator=vitt_snus_senaste_30_dagar"]
    );
    assert!(indicator_links("fritid").contains(&"/statistik/lupp?indikator=fritid_mangd".to_string()));
}

#[test]
fn a_catalogue_with_a_duplicate_or_incomplete_indicator_fails_with_its_line() {
    let head = "[survey]\nid = \"x\"\ntitle = \"X\"\npublisher = \"P\"\nroute = \"/x\"\nmethod = \"M\"\nmethod_source = \"S\"\ngrades = [\"ak8\"]\n";
    let indicator = |id: &str, label: &str| {
        format!("\n[[indicator]]\nid = \"{id}\"\nlabel = \"{label}\"\ntheme = \"T\"\nunit = \"percent\"\ndefinition = \"D\"\nsource = \"S\"\n")
    };
    let cases: &[(String, &[&str])] = &[
        (format!("{head}{}", indicator("a", "A")), &[]),
        (
            format!("{head}{}{}", indicator("a", "A"), indicator("a", "B")),
            &["x.toml:18: indicator id 'a' is used twice"],
        ),
        (
            format!("{head}{}", indicator("a", " ")),
            &["x.toml:10: indicator 'a': label is empty"],
        ),
        (
            format!("{head}{}", indicator("Å", "A")),
            &["x.toml:10: indicator id 'Å' may hold only a–z, 0–9 and '_'"],
        ),
    ];
    for (text, want) in cases {
        let got: Vec<String> = match kfkl_data::statistics::load(Path::new("x.toml"), text).map(|_| ()) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
        };
        assert_eq!(got, want.to_vec(), "{text}");
    }
}

#[test]
fn a_figure_whose_section_names_another_place_fails_with_its_line() {
    let build = build();
    let text = std::fs::read_to_string(common::data_dir().join("figures/rapport-2023-nyckeltal.toml")).unwrap();
    let right = "section = \"Hälsa, vård och omsorg › Fokusområde 1: En hållbar socialtjänst › Resultat\"";
    let bad = text.replacen(right, "section = \"Hälsa, vård och omsorg › Fokusområde 4: Äldre\"", 1);
    let read_doc = |rel: &str| std::fs::read_to_string(common::data_dir().join(rel)).map_err(|e| e.to_string());
    let errors = kfkl_data::figures::load(Path::new("f.toml"), &bad, &read_doc, &build.documents).expect_err("fails");
    let line = 1 + text[..text.find("quote = \"Underlaget visade").unwrap()]
        .matches('\n')
        .count();
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(messages, [format!(
        "f.toml:{line}: figure 'skr-insatser': section should be \"Hälsa, vård och omsorg › Fokusområde 1: En hållbar socialtjänst › Resultat\" (where the quote stands in 'rapport-2023')"
    )]);
}
