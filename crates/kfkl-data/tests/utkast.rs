//! The `utkast` command on the two real extracted texts: the drafts pass the
//! build's check, and their headings and tables are compared with the
//! hand-made documents (see docs/utkast-skillnader.md for what still differs).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kfkl_core::document::{Block, Document};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// A fresh copy of what the check needs: sources/, documents/, dokument.toml.
fn temp_data(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kfkl-utkast-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["sources", "documents"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for e in std::fs::read_dir(data_dir().join(sub)).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                std::fs::copy(e.path(), dir.join(sub).join(e.file_name())).unwrap();
            }
        }
    }
    std::fs::copy(data_dir().join("dokument.toml"), dir.join("dokument.toml")).unwrap();
    dir
}

fn utkast(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_utkast"))
        .args(args)
        .arg("--data")
        .arg(data)
        .output()
        .unwrap()
}

fn load(data: &Path, rel: &str) -> Document {
    let path = data.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let read_doc = |r: &str| std::fs::read_to_string(data.join(r)).map_err(|e| e.to_string());
    kfkl_data::document::load(&path, &text, &read_doc).unwrap_or_else(|e| panic!("{rel} fails the check: {e:?}"))
}

/// Headings as "level text", in order.
fn headings(doc: &Document) -> Vec<String> {
    doc.headings().map(|h| format!("{} {}", h.level, h.text)).collect()
}

/// Tables without their ids: caption, columns, then "label: values" rows.
fn tables(doc: &Document) -> Vec<String> {
    doc.tables()
        .map(|t| {
            format!(
                "{} | {:?} | {:?}",
                t.caption,
                t.columns,
                t.rows
                    .iter()
                    .map(|r| (r.label.as_str(), r.values.clone()))
                    .collect::<Vec<_>>()
            )
        })
        .collect()
}

/// What is in one list and not in the other, marked "-" (hand-made only) and "+" (draft only).
fn difference(hand: &[String], draft: &[String]) -> Vec<String> {
    let mut out: Vec<String> = hand
        .iter()
        .filter(|h| !draft.contains(h))
        .map(|h| format!("- {h}"))
        .collect();
    out.extend(draft.iter().filter(|d| !hand.contains(d)).map(|d| format!("+ {d}")));
    out
}

/// (paragraphs, lists, commitments), for the record in docs/utkast-skillnader.md.
fn counts(doc: &Document) -> (usize, usize, usize) {
    fn walk(blocks: &[Block], c: &mut (usize, usize, usize)) {
        for b in blocks {
            match b {
                Block::Paragraph { .. } | Block::Quote { .. } => c.0 += 1,
                Block::List { .. } => c.1 += 1,
                Block::Commitment(cm) => {
                    c.2 += 1;
                    walk(&cm.body, c);
                }
                _ => {}
            }
        }
    }
    let mut c = (0, 0, 0);
    walk(&doc.blocks, &mut c);
    c
}

struct Case {
    args: [&'static str; 3],
    draft: &'static str,
    hand: &'static str,
    /// Heading differences that remain: "-" hand-made only, "+" draft only.
    headings: &'static [&'static str],
}

const CASES: [Case; 2] = [
    Case {
        args: ["plan", "2026", "sources/verksamhetsplan-budget-2025.txt"],
        draft: "documents/plan-2026.md",
        hand: "documents/plan-2025.md",
        // Folkhälsa: the extracted table of contents has lost its indentation, and
        // nothing in its words tells it from the fokusområden before it.
        headings: &["- 2 Folkhälsa", "+ 4 Folkhälsa"],
    },
    Case {
        args: ["rapport", "2024", "sources/verksamhetsberattelse-2023.txt"],
        draft: "documents/rapport-2024.md",
        hand: "documents/rapport-2023.md",
        // The report's own sub-headings in its "Resultat" sections are found when they
        // repeat a commitment of the section word for word (or stand alone as a short
        // line); these nine reword the commitment, span a page break or end with a
        // full stop, and stay paragraphs.
        headings: &[
            "- 5 Samordna länets nätverk för BBIC (Barns behov i centrum) och vara länk mellan kommunerna och Socialstyrelsen i frågor som rör BBIC.",
            "- 5 Utifrån ett pedagogiskt sammanhang underhålla, utveckla och presentera AV-Plays (fd Mediekatalogen) utbud och AV-Medias webbplats vad gäller film, utlåningsmaterial och utbildningar",
            "- 5 Med utbildningar och workshops erbjuda kompetensstödjande insatser inom Informations-och kommunikationsteknik (IKT) till personal och elever inom skol-och förskoleverksamhet.",
            "- 5 Erbjuda besök i kommunerna för att tillgängliggöra testrumskonceptet i hela länet.",
            "- 5 Erbjuda och samordna informations-och nätverksträffar för länets utbildningsförvaltningar och nämnds presidier, samt samordna resa till Skolriksdagen 2023",
            "- 5 Samarbeta med Lärarutbildningen för att studenter ska få tillgång till AV-Medias utbildningar och AV-Play i syfte att förbättra blivande lärares digitala kompetens och ge verktyg för en varierad undervisning",
            "- 5 Tillhandahålla hållbar kompetensutveckling genom utbildning i Skriva sig till lärande (STL) som kopplar ihop ett skriv –och språkutvecklande arbete med IKT och digitala verktyg för att öka elevers resultat generellt men samtidigt minska spridningen mellan elever då de lägst presterande eleverna når bättre resultat och då särskilt pojkar.",
            "- 5 Samordna och vara ett stöd kring utmaningar utifrån ett jämställdhetsperspektiv kopplade till ungas tillvaro i samhället",
            "- 5 Samordna träffar för länsnätverken för Komvux, arbetsmarknadsenheterna (AME), kommunernas återbruk, Studie-och yrkesvägledare och KAA (Kommunala aktivitetsansvaret.",
        ],
    },
];

#[test]
fn drafts_pass_the_check_and_match_the_hand_made_documents() {
    for case in &CASES {
        let data = temp_data(case.args[0]);
        let input = data.join(case.args[2]);
        let out = utkast(&data, &[case.args[0], case.args[1], input.to_str().unwrap()]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        eprintln!("{stdout}");
        assert!(
            out.status.success(),
            "{:?}: {}{}",
            case.args,
            stdout,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            stdout.contains("klarar ordagrannhetskontrollen") && stdout.contains("Nästa steg"),
            "{stdout}"
        );
        let draft = load(&data, case.draft);
        let hand = load(&data, case.hand);
        let got = difference(&headings(&hand), &headings(&draft));
        assert_eq!(got, case.headings, "{:?} headings", case.args);
        assert_eq!(tables(&draft), tables(&hand), "{:?} tables", case.args);
        eprintln!(
            "{:?}: draft (paragraphs, lists, commitments) {:?}, hand-made {:?}",
            case.args,
            counts(&draft),
            counts(&hand)
        );
        let index = std::fs::read_to_string(data.join("dokument.toml")).unwrap();
        assert!(
            index.ends_with(&format!("fil = \"{}\"\nstatus = \"utkast\"\n", case.draft)),
            "{index}"
        );
        let _ = std::fs::remove_dir_all(&data);
    }
}

#[test]
fn refuses_to_overwrite_or_to_list_an_id_twice() {
    let data = temp_data("refusals");
    let input = data.join("sources/verksamhetsplan-budget-2025.txt");
    let input = input.to_str().unwrap();
    let index_before = std::fs::read_to_string(data.join("dokument.toml")).unwrap();
    let refusals: [(&str, &str, &dyn Fn(), &str); 3] = [
        ("2025", "plan-2025.md", &|| {}, "finns redan"),
        (
            "2027",
            "plan-2027.md",
            &|| std::fs::write(data.join("sources/plan-2027.txt"), "annat").unwrap(),
            "annat innehåll",
        ),
        (
            "2028",
            "plan-2028.md",
            &|| {
                std::fs::write(
                    data.join("dokument.toml"),
                    format!("{index_before}\n[[dokument]]\nid = \"plan-2028\"\n"),
                )
                .unwrap()
            },
            "står redan",
        ),
    ];
    for (year, md, prepare, why) in refusals {
        prepare();
        let before = std::fs::read_to_string(data.join("dokument.toml")).unwrap();
        let out = utkast(&data, &["plan", year, input]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && stderr.contains(why), "{year}: {stderr}");
        assert_eq!(
            std::fs::read_to_string(data.join("dokument.toml")).unwrap(),
            before,
            "{year}: the index is untouched"
        );
        assert!(
            md == "plan-2025.md" || !data.join("documents").join(md).exists(),
            "{year}: no draft written"
        );
    }
    let _ = std::fs::remove_dir_all(&data);
}
