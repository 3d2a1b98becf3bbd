//! The municipalities' reports: one for each of the 12, with the chosen
//! indicators for every grade, the passages that name the municipality (and
//! not the county), and a selection file whose mistakes stop the build.

mod common;

use std::path::Path;

use kfkl_core::kommunrapport::Comparison;
use kfkl_data::kommunrapport::{load, names};

#[test]
fn every_municipality_has_its_report() {
    let build = common::built();
    assert_eq!(build.reports.len(), 12);
    for r in &build.reports {
        assert_eq!(
            r.surveys.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["andts", "lupp"],
            "{}",
            r.name
        );
        // ANDTS: four indicators; LUPP: one for each of its seven themes; two grades each.
        // Vimmerby takes no part in the county's ANDTS survey: a sentence, no cards.
        let andts = if r.slug == "vimmerby" { 0 } else { 8 };
        assert_eq!(
            r.surveys.iter().map(|s| s.indicators.len()).collect::<Vec<_>>(),
            [andts, 14],
            "{}",
            r.name
        );
        assert_eq!(r.surveys[0].absent.is_some(), r.slug == "vimmerby", "{}", r.name);
        // CAN publishes the nation's figures; LUPP has none, so its cards never name the nation.
        assert_eq!(
            r.surveys.iter().map(|s| s.has_nation).collect::<Vec<_>>(),
            [true, false],
            "{}",
            r.name
        );
        assert!(r.surveys[1]
            .indicators
            .iter()
            .all(|k| k.nation.is_none() && k.nation_years.is_empty()));
        assert_eq!(r.county_wide.len(), 1);
        assert!(r.county_wide[0].quote.contains("alla 12 kommuner"));
    }
    let vimmerby = build.reports.iter().find(|r| r.slug == "vimmerby").unwrap();
    assert_eq!(
        vimmerby.surveys[0].absent.as_deref(),
        Some("Vimmerby deltar inte i CAN:s regionala undersökning.")
    );
    assert!(
        vimmerby.surveys[0].sources[0].contains("deltar ej"),
        "the sentence has its source"
    );
    // The nation is drawn where CAN has published it within the rounds shown.
    let kalmar = build.reports.iter().find(|r| r.slug == "kalmar").unwrap();
    assert!(kalmar.surveys[0].indicators.iter().any(|k| !k.nation_years.is_empty()));
    assert!(vimmerby.surveys[1].indicators.iter().all(|k| k.latest.is_some()));
    // The nation's n is never published: no claim against Riket.
    assert!(build
        .reports
        .iter()
        .flat_map(|r| &r.surveys)
        .flat_map(|s| &s.indicators)
        .all(|k| k.vs_nation == Comparison::Unknown));
}

#[test]
fn kalmars_passages_name_the_municipality_not_the_county() {
    let build = common::built();
    let kalmar = build.reports.iter().find(|r| r.slug == "kalmar").unwrap();
    let county_mentions: usize = build
        .documents
        .iter()
        .flat_map(|d| &d.blocks)
        .filter(|b| matches!(b, kfkl_core::document::Block::Paragraph { runs } if runs.iter().any(|r| r.text.contains("Kalmar län"))))
        .count();
    assert!(
        county_mentions > 30,
        "the documents name the county often ({county_mentions} paragraphs)"
    );
    assert!(
        (1..=12).contains(&kalmar.passages.len()),
        "{} passages",
        kalmar.passages.len()
    );
    for p in &kalmar.passages {
        assert!(names(&p.text, "Kalmar"), "{}", p.text);
        assert!(
            p.link.starts_with("/plan/2025#") || p.link.starts_with("/rapport/2023#"),
            "{}",
            p.link
        );
    }
    assert!(kalmar
        .passages
        .iter()
        .any(|p| p.text.contains("pilotprojekt i Kalmar kommun")));
    // Every municipality is named somewhere in the report 2023; a name found nowhere gives none
    // (the page then says so). A long heading is cut for the crumb.
    for r in &build.reports {
        assert!(!r.passages.is_empty(), "{}", r.name);
        assert!(r.passages.iter().all(|p| p.section.chars().count() <= 92), "{}", r.name);
    }
    assert!(kfkl_data::kommunrapport::passages("Ödeshög", &build.documents, &build.publications).is_empty());
}

#[test]
fn a_selection_that_cannot_be_shown_stops_the_build() {
    let build = common::built();
    let cases = [
        ("[[survey]]\nid = \"andts\"\nindicators = [\"rokning\", \"finns_inte\"]\n", "k.toml:1: andts: no indicator 'finns_inte'"),
        ("[[survey]]\nid = \"lupp\"\nindicators = [\"livet_nojd\"]\n", "k.toml:1: lupp: 'livet_nojd' is a distribution of answers, not a share that can be compared"),
        ("[[survey]]\nid = \"okand\"\nindicators = []\n", "k.toml:1: no survey 'okand' (statistik/*.toml)"),
        (
            "[[survey]]\nid = \"andts\"\nevery_theme = true\nindicators = [\"alkohol_senaste_12_man\", \"rokning\", \"snus\", \"narkotika_nagon_gang\"]\n",
            "k.toml:1: andts: every_theme asks for one indicator of the theme 'Tobak och nikotin', not 2\nk.toml:1: andts: every_theme asks for one indicator of the theme 'Spel om pengar', not 0",
        ),
        ("[[survey]]\nid = \"andts\"\nindicators = []\n\n[[county_wide]]\ndataset = \"av-media-2023\"\nfigure = \"x\"\n", "k.toml:5: no key figure 'x' in figures/av-media-2023.toml"),
    ];
    for (text, want) in cases {
        let errors: Vec<String> = load(Path::new("k.toml"), text, &build.tables, &build.datasets)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(errors.join("\n"), want, "{text}");
    }
}

#[test]
fn every_card_cites_exactly_the_sources_of_the_values_it_shows() {
    // Each card of all 12 reports: every value it states or draws (the municipality's and the
    // county's rounds, the nation's years) has its source cited, and nothing else is cited.
    let build = common::built();
    for r in &build.reports {
        for part in &r.surveys {
            let table = build.tables.iter().find(|t| t.survey.id == part.id).unwrap();
            let at = |code: &str| table.areas.iter().position(|a| a.code == code).unwrap();
            let (own, county, nation) = (at(&r.code), at("08"), at("00"));
            for k in &part.indicators {
                let indicator = table.survey.indicators.iter().position(|i| i.id == k.id).unwrap();
                let grade = (0..kfkl_core::stats::GRADES.len())
                    .find(|&g| kfkl_core::explorer::grade_label(g) == k.grade)
                    .unwrap();
                let mut want: Vec<&str> = Vec::new();
                for i in table.rows_of(indicator) {
                    let o = table.rows.get(i);
                    let shown = o.grade == grade
                        && o.gender == 0
                        && ((o.area == own || o.area == county) && k.years.contains(&o.year)
                            || o.area == nation
                                && (k.nation_years.contains(&o.year)
                                    || k.nation.as_ref().is_some_and(|n| n.year == o.year)));
                    if shown && !want.contains(&table.sources[o.source].as_str()) {
                        want.push(&table.sources[o.source]);
                    }
                }
                want.sort();
                let mut got: Vec<&str> = k.sources.iter().map(String::as_str).collect();
                got.sort();
                assert_eq!(got, want, "{} {} {}", r.name, k.id, k.grade);
                assert!(
                    !got.is_empty(),
                    "{} {} {}: a card cites its source",
                    r.name,
                    k.id,
                    k.grade
                );
            }
        }
    }
    // The alcohol card of Kalmar does not cite the narcotics figure's source (it did when a card cited its section's).
    let kalmar = build.reports.iter().find(|r| r.slug == "kalmar").unwrap();
    let alcohol = kalmar.surveys[0]
        .indicators
        .iter()
        .find(|k| k.id.starts_with("alkohol"))
        .unwrap();
    assert!(
        alcohol.sources.iter().all(|s| !s.contains("gyf")),
        "{:?}",
        alcohol.sources
    );
}
