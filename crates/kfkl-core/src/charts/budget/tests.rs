//! The budget charts' tests: a small plan whose tables give every chart, and what is left out when one is missing.

use super::*;
use crate::document::{Block, TableRow};
use crate::model::{SourceDoc, SCHEMA_VERSION};
use crate::publications::BudgetArea;

/// The plan's index entry with the roles of `doc()`'s tables.
fn plan() -> Publication {
    let area = |tabell: &str, namn: &str, kort: &str| BudgetArea {
        tabell: tabell.into(),
        namn: namn.into(),
        kort: kort.into(),
        personal: None,
    };
    let mut p = crate::publications::tests::doc("plan", 2025, "gällande");
    p.budget = Some(BudgetRoles {
        avsnitt: "Budget 2025".into(),
        helhet: "budget-kfkl-2025".into(),
        jamforelse: "budget-exklusive-transfereringar".into(),
        transfereringar: Some("i projekten SIA och OPIS".into()),
        omraden: vec![
            area("budget-kansli", "Kansli", "Kansli"),
            area(
                "budget-unga-utbildning-och-etablering",
                "Unga, utbildning och etablering",
                "Unga",
            ),
            area("budget-halsa-vard-och-omsorg", "Hälsa, vård och omsorg", "Vård"),
            area("budget-miljo-och-livsmedel", "Miljö och livsmedel", "Miljö"),
        ],
        personal_totalt: None,
    });
    p
}

fn t(id: &str, columns: &[&str], rows: &[(&str, &[f64])]) -> Block {
    Block::Table(Table {
        id: id.into(),
        caption: id.into(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows: rows
            .iter()
            .map(|(l, v)| TableRow {
                label: l.to_string(),
                values: v.to_vec(),
            })
            .collect(),
        note: None,
    })
}

fn doc() -> Document {
    Document {
        schema_version: SCHEMA_VERSION,
        id: "p".into(),
        title: "P".into(),
        source: SourceDoc {
            id: "s".into(),
            title: "Plan".into(),
            publisher: "KFKL".into(),
        },
        tags: vec![],
        mends: vec![],
        discrepancies: vec![],
        see_also: vec![],
        blocks: vec![
            t(
                "budget-kfkl-2025",
                &[""],
                &[
                    ("Avtalade intäkter", &[75.0]),
                    ("Övriga intäkter", &[25.0]),
                    ("SUMMA INTÄKTER", &[100.0]),
                ],
            ),
            t(
                "budget-exklusive-transfereringar",
                &["2024", "2025"],
                &[
                    ("INTÄKTER", &[10.0, 12.0]),
                    ("ÖVRIGA KOSTNADER", &[-4.0, -5.0]),
                    ("PERSONALKOSTNADER", &[-6.0, -7.0]),
                ],
            ),
            t(
                "budget-kansli",
                &[""],
                &[("SUMMA INTÄKTER", &[9.0]), ("SUMMA KOSTNADER", &[-9.0])],
            ),
            t(
                "budget-unga-utbildning-och-etablering",
                &[""],
                &[("SUMMA INTÄKTER", &[14.0]), ("SUMMA KOSTNADER", &[-13.0])],
            ),
            t(
                "budget-halsa-vard-och-omsorg",
                &[""],
                &[("SUMMA INTÄKTER", &[4.0]), ("SUMMA KOSTNADER", &[-4.0])],
            ),
            t(
                "budget-miljo-och-livsmedel",
                &[""],
                &[
                    ("INTÄKTER", &[1.0]),
                    ("ÖVRIGA KOSTNADER", &[-0.5]),
                    ("PERSONALKOSTNADER", &[-0.5]),
                ],
            ),
        ],
    }
}

fn plain(s: &str) -> String {
    s.replace('\u{a0}', " ").replace('\u{2212}', "-")
}

#[test]
fn the_split_across_areas_comes_from_the_area_tables_with_shares() {
    let (d, p) = (doc(), plan());
    let c = area_split(Budget::of(&d, &p).unwrap()).unwrap();
    assert_eq!(
        (c.id.as_str(), c.title.as_str()),
        (
            "budget-2025-omraden",
            "Så fördelas budgeten på verksamhetsområdena 2025 (tkr)"
        )
    );
    assert_eq!(c.series.len(), 1);
    assert_eq!(c.series[0].values, [9.0, 13.0, 4.0, 1.0]);
    assert_eq!(
        c.series[0].displays.iter().map(|d| plain(d)).collect::<Vec<_>>(),
        ["9 (33,3 %)", "13 (48,1 %)", "4 (14,8 %)", "1 (3,7 %)"]
    );
    assert_eq!(c.axis_labels, ["Kansli", "Unga", "Vård", "Miljö"]);
    // Unga's income (14) is not its costs (13): no claim that every area balances.
    assert_eq!(plain(&c.summary), "Av verksamhetsområdenas 27 tkr går störst del till Unga, utbildning och etablering 13 tkr (48,1 %). Sedan kommer Kansli 9 tkr (33,3 %), Hälsa, vård och omsorg 4 tkr (14,8 %) och Miljö och livsmedel 1 tkr (3,7 %).");
    assert_eq!(c.notes.len(), 1, "the computed Miljö cost total is explained");
}

#[test]
fn the_totals_are_related_in_one_sentence() {
    // Whole 100, without transfers 12, the areas' tables 9 + 14 + 4 + 1 = 28.
    assert_eq!(
        plain(&totals_sentence(Budget::of(&doc(), &plan()).unwrap()).unwrap()),
        "Förbundets budget 2025 är 100 tkr. Av dem är 88 tkr transfereringar, pengar som förbundet betalar vidare till kommunerna i projekten SIA och OPIS, så den egna verksamheten har 12 tkr. De fyra verksamhetsområdenas tabeller summerar till 28 tkr, 16 tkr mer än så i planens egna siffror."
    );
}

#[test]
fn the_year_comparison_and_income_split_state_every_number() {
    let (d, p) = (doc(), plan());
    let b = Budget::of(&d, &p).unwrap();
    let c = excluding_transfers(b).unwrap();
    assert_eq!(
        (c.id.as_str(), c.title.as_str()),
        (
            "budget-2025-jamforelse",
            "Budget exklusive transfereringar, 2024 och 2025 (tkr)"
        ),
        "the years are the table's columns"
    );
    assert_eq!(
        c.series.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["2024", "2025"]
    );
    assert_eq!(plain(&c.summary), "Budget exklusive transfereringar: intäkter 10 tkr år 2024 och 12 tkr år 2025; övriga kostnader -4 tkr år 2024 och -5 tkr år 2025; personalkostnader -6 tkr år 2024 och -7 tkr år 2025.");
    let s = income_split(b).unwrap();
    assert_eq!(
        plain(&s.summary),
        "Av intäkterna på 100 tkr är 75 tkr avtalade (75 %) och 25 tkr övriga (25 %)."
    );
}

#[test]
fn a_missing_table_gives_no_chart_rather_than_a_wrong_one() {
    let (mut d, mut p) = (doc(), plan());
    d.blocks.remove(0);
    assert!(income_split(Budget::of(&d, &p).unwrap()).is_none());
    assert!(area_split(Budget::of(&d, &p).unwrap()).is_some());
    p.budget = None;
    assert!(
        Budget::of(&d, &p).is_none(),
        "a plan without budget roles has no charts"
    );
}

#[test]
fn budget_charts_render_negative_bars_and_two_series() {
    let (d, p) = (doc(), plan());
    let svg = crate::charts::bar::render_svg(&excluding_transfers(Budget::of(&d, &p).unwrap()).unwrap(), 480, 300);
    assert!(svg.contains("fill=\"none\""), "the second series is hollow");
    assert!(svg.contains("\u{2212}7"), "cost labels keep their minus sign");
}
