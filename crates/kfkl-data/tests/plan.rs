//! The plan 2025 as published: every heading, paragraph and bullet of the
//! source, every budget figure, and the commitments with their tags.

mod common;

use kfkl_core::document::{Block, Document};
use kfkl_data::document::counts;

fn plan() -> Document {
    common::built()
        .documents
        .iter()
        .find(|d| d.id == "plan-2025")
        .expect("plan-2025")
        .clone()
}

fn source() -> String {
    std::fs::read_to_string(common::data_dir().join("sources/verksamhetsplan-budget-2025.txt")).unwrap()
}

#[test]
fn every_heading_of_the_table_of_contents_is_a_heading_in_order() {
    let source = source();
    let toc: Vec<String> = source
        .lines()
        .skip_while(|l| l.trim() != "Innehåll")
        .skip(1)
        .take_while(|l| l.trim() != "Inledning")
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap().trim_end_matches('.').trim().to_string())
        .collect();
    assert_eq!(toc.len(), 28, "{toc:?}");
    let plan = plan();
    let headings: Vec<String> = plan.headings().map(|h| h.text.to_lowercase()).collect();
    let mut from = 0;
    for entry in toc {
        let at = headings[from..]
            .iter()
            .position(|h| *h == entry.to_lowercase())
            .unwrap_or_else(|| panic!("{entry} after {from}"));
        from += at + 1;
    }
}

#[test]
fn counts_of_headings_paragraphs_and_bullets_match_the_source() {
    let source = source();
    let body: Vec<&str> = source.lines().skip(48).filter(|l| !l.trim().is_empty()).collect();
    let bullets = body.iter().filter(|l| l.starts_with("- ")).count();
    let table_lines = body.iter().filter(|l| l.contains('\t')).count();
    let (headings, paragraphs, doc_bullets) = counts(&plan());
    assert_eq!(doc_bullets, bullets);
    assert_eq!(bullets, 75);
    // Six paragraphs were split by page breaks in the PDF and are joined.
    let page_break_joins = 6;
    assert_eq!(
        headings + paragraphs + page_break_joins,
        body.len() - bullets - table_lines
    );
    // 28 headings of the table of contents and 6 more (RSS, SSKL, SIA …).
    assert_eq!((headings, paragraphs), (34, 129));
}

#[test]
fn every_budget_figure_is_as_the_source_states_it() {
    let plan = plan();
    let cases: &[(&str, &[(&str, &[f64])])] = &[
        (
            "budget-kfkl-2025",
            &[
                ("Avtalade intäkter", &[21701.0]),
                ("Övriga intäkter", &[13245.0]),
                ("SUMMA INTÄKTER", &[34946.0]),
                ("Övriga kostnader", &[-16758.0]),
                ("Personalkostnader", &[-18188.0]),
                ("SUMMA KOSTNADER", &[-34946.0]),
                ("TOTALT", &[0.0]),
            ],
        ),
        (
            "budget-exklusive-transfereringar",
            &[
                ("INTÄKTER", &[29443.0, 27946.0]),
                ("ÖVRIGA KOSTNADER", &[-10706.0, -9758.0]),
                ("PERSONALKOSTNADER", &[-17417.0, -18188.0]),
                ("SUMMA", &[-500.0, 0.0]),
            ],
        ),
        (
            "budget-kansli",
            &[
                ("Avtalade intäkter", &[7478.0]),
                ("Övriga intäkter", &[1510.0]),
                ("SUMMA INTÄKTER", &[8988.0]),
                ("Övriga kostnader", &[-4358.0]),
                ("Personalkostnader", &[-4630.0]),
                ("SUMMA KOSTNADER", &[-8988.0]),
                ("TOTALT", &[0.0]),
            ],
        ),
        (
            "budget-unga-utbildning-och-etablering",
            &[
                ("Avtalade intäkter", &[10233.0]),
                ("Övriga intäkter", &[3357.0]),
                ("SUMMA INTÄKTER", &[13590.0]),
                ("Övriga kostnader", &[-4684.0]),
                ("Personalkostnader", &[-8905.0]),
                ("SUMMA KOSTNADER", &[-13590.0]),
                ("TOTALT", &[0.0]),
            ],
        ),
        (
            "budget-halsa-vard-och-omsorg",
            &[
                ("Avtalade intäkter", &[2680.0]),
                ("Övriga intäkter", &[1376.0]),
                ("SUMMA INTÄKTER", &[4056.0]),
                ("Övriga kostnader", &[-300.0]),
                ("Personalkostnader", &[-3756.0]),
                ("SUMMA KOSTNADER", &[-4056.0]),
                ("TOTALT", &[0.0]),
            ],
        ),
        (
            "budget-miljo-och-livsmedel",
            &[
                ("INTÄKTER", &[1310.0]),
                ("ÖVRIGA KOSTNADER", &[-414.0]),
                ("PERSONALKOSTNADER", &[-896.0]),
                ("SUMMA", &[0.0]),
            ],
        ),
    ];
    let tables: Vec<_> = plan.tables().collect();
    assert_eq!(tables.len(), cases.len());
    for (id, rows) in cases {
        let table = tables.iter().find(|t| t.id == *id).unwrap_or_else(|| panic!("{id}"));
        let actual: Vec<(&str, &[f64])> = table
            .rows
            .iter()
            .map(|r| (r.label.as_str(), r.values.as_slice()))
            .collect();
        assert_eq!(&actual, rows, "{id}");
    }
    let exkl = tables
        .iter()
        .find(|t| t.id == "budget-exklusive-transfereringar")
        .unwrap();
    assert_eq!(exkl.columns, ["2024", "2025"]);
    assert!(tables
        .iter()
        .find(|t| t.id == "budget-miljo-och-livsmedel")
        .unwrap()
        .note
        .is_some());
}

#[test]
fn the_sources_discrepancies_are_reported_not_mended() {
    let found: Vec<(String, String, f64, f64)> = plan()
        .discrepancies
        .iter()
        .map(|d| (d.table.clone(), d.column.clone(), d.stated, d.computed))
        .collect();
    assert_eq!(
        found,
        vec![
            ("budget-exklusive-transfereringar".into(), "2024".into(), -500.0, 1320.0),
            (
                "budget-unga-utbildning-och-etablering".into(),
                "".into(),
                -13590.0,
                -13589.0
            ),
        ]
    );
}

#[test]
fn commitments_have_unique_ids_an_area_a_focus_and_known_tags() {
    let plan = plan();
    let commitments: Vec<_> = plan.commitments().collect();
    assert_eq!(commitments.len(), 65);
    let mut ids: Vec<&str> = commitments.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 65);
    for c in &commitments {
        assert!(plan.heading(&c.area).is_some_and(|h| h.level == 2), "{}", c.id);
        assert!(plan.heading(&c.focus).is_some(), "{}", c.id);
        assert!(c.tags.iter().all(|t| plan.tag_label(t).is_some()), "{}", c.id);
    }
    let per_area = |area: &str| commitments.iter().filter(|c| c.area == area).count();
    assert_eq!(per_area("halsa-vard-och-omsorg"), 29);
    assert_eq!(per_area("unga-utbildning-och-etablering"), 28);
    assert_eq!(per_area("folkhalsa"), 1);
    assert_eq!(per_area("livsmedel-miljo-och-halsoskydd"), 7);
    let aldre = commitments
        .iter()
        .find(|c| c.text.starts_with("bidra till utveckling av arbetet"))
        .unwrap();
    assert_eq!(
        (aldre.focus.as_str(), aldre.tags.contains(&"aldre".to_string())),
        ("aldre", true)
    );
    assert!(matches!(aldre.body.first(), Some(Block::Paragraph { .. })));
}

#[test]
fn mends_are_listed_and_applied() {
    let plan = plan();
    let mends: Vec<(&str, &str, u32)> = plan
        .mends
        .iter()
        .map(|m| (m.from.as_str(), m.to.as_str(), m.count))
        .collect();
    assert_eq!(
        mends,
        [
            ("Läns-gemensam", "Länsgemensam", 6),
            ("Brucarundersökningar", "Brukarundersökningar", 1)
        ]
    );
    let json = serde_json::to_string(&plan.blocks).unwrap();
    assert!(!json.contains("Läns-gemensam") && !json.contains("Brucar"));
}
