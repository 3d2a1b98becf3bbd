//! The plan's budget as charts: built from the published budget tables (and
//! the staff figures quoted from the plan's text), never from typed-in numbers.

use crate::chart::{BarChart, Series};
use crate::document::{Document, Table};
use crate::format::{format_figure, format_number, format_percent};
use crate::model::{ChartKind, Dataset, Unit};

/// (table id, name in tables and summaries, short name for the axis)
const AREAS: [(&str, &str, &str); 4] = [
    ("budget-kansli", "Kansli", "Kansli"),
    ("budget-unga-utbildning-och-etablering", "Unga, utbildning och etablering", "Unga"),
    ("budget-halsa-vard-och-omsorg", "Hälsa, vård och omsorg", "Vård"),
    ("budget-miljo-och-livsmedel", "Miljö och livsmedel", "Miljö"),
];

fn table<'d>(doc: &'d Document, id: &str) -> Option<&'d Table> {
    doc.tables().find(|t| t.id == id)
}

/// A row's value in one column, found by label regardless of case.
fn row(t: &Table, label: &str, col: usize) -> Option<f64> {
    t.rows.iter().find(|r| r.label.eq_ignore_ascii_case(label)).and_then(|r| r.values.get(col).copied())
}

fn tkr(v: f64) -> String {
    format!("{}\u{a0}tkr", format_number(v))
}

fn source_line(doc: &Document, section: &str) -> String {
    format!("Källa: {}, {}, avsnitt {section}.", doc.source.publisher, doc.source.title)
}

fn chart(id: &str, title: &str, heading: &str, categories: Vec<(String, String)>, series: Vec<Series>, summary: String, source: String) -> BarChart {
    BarChart {
        id: id.into(),
        title: title.into(),
        kind: ChartKind::Compare,
        unit: Unit::Count,
        axis_labels: categories.iter().map(|c| c.1.clone()).collect(),
        categories: categories.into_iter().map(|c| c.0).collect(),
        category_heading: heading.into(),
        series,
        summary,
        source_line: source,
        notes: Vec::new(),
    }
}

fn series(name: &str, values: Vec<f64>) -> Series {
    Series { name: name.into(), displays: values.iter().map(|v| format_number(*v)).collect(), values }
}

/// Income and costs of each verksamhetsområde. Where a table states no cost
/// total (Miljö och livsmedel), its two cost rows are added, and a note says so.
/// The budget page's charts, in its order; each is embeddable as `/embed/<id>`
/// (every id starts with "budget-").
pub fn charts(doc: &Document, staff_figures: &Dataset) -> Vec<BarChart> {
    [income_and_costs(doc), excluding_transfers(doc), income_split(doc), staff(doc, staff_figures)].into_iter().flatten().collect()
}

pub fn income_and_costs(doc: &Document) -> Option<BarChart> {
    let mut cats = Vec::new();
    let (mut income, mut costs) = (Vec::new(), Vec::new());
    let mut notes = Vec::new();
    for (id, name, short) in AREAS {
        let t = table(doc, id)?;
        income.push(row(t, "SUMMA INTÄKTER", 0).or_else(|| row(t, "INTÄKTER", 0))?);
        costs.push(match row(t, "SUMMA KOSTNADER", 0) {
            Some(v) => v,
            None => {
                notes.push(format!("{name}: tabellen anger ingen summa för kostnaderna; diagrammet visar summan av övriga kostnader och personalkostnader."));
                row(t, "ÖVRIGA KOSTNADER", 0)? + row(t, "PERSONALKOSTNADER", 0)?
            }
        });
        cats.push((name.to_string(), short.to_string()));
    }
    let (max_i, _) = income.iter().enumerate().fold((0, f64::MIN), |acc, (i, &v)| if v > acc.1 { (i, v) } else { acc });
    let (min_i, _) = income.iter().enumerate().fold((0, f64::MAX), |acc, (i, &v)| if v < acc.1 { (i, v) } else { acc });
    let balanced = income.iter().zip(&costs).filter(|(i, c)| (*i + *c).abs() < 0.5).count();
    let summary = format!(
        "Störst budget har {} med {} i intäkter, minst har {} med {}; i {} av {} områden är intäkter och kostnader lika stora.",
        cats[max_i].0, tkr(income[max_i]), cats[min_i].0, tkr(income[min_i]), balanced, cats.len()
    );
    let mut c = chart(
        "budget-omraden",
        "Intäkter och kostnader per verksamhetsområde 2025 (tkr)",
        "Verksamhetsområde",
        cats,
        vec![series("Intäkter", income), series("Kostnader", costs)],
        summary,
        source_line(doc, "Budget 2025"),
    );
    c.notes = notes;
    Some(c)
}

/// The budget excluding transfers, 2024 against 2025, row by row.
pub fn excluding_transfers(doc: &Document) -> Option<BarChart> {
    let t = table(doc, "budget-exklusive-transfereringar")?;
    let rows: Vec<&str> = ["INTÄKTER", "ÖVRIGA KOSTNADER", "PERSONALKOSTNADER"].to_vec();
    let names = ["Intäkter", "Övriga kostnader", "Personalkostnader"];
    let in_sentence = ["intäkter", "övriga kostnader", "personalkostnader"];
    let years: Vec<(usize, &String)> = t.columns.iter().enumerate().collect();
    let mut all = Vec::new();
    for (col, year) in &years {
        let values: Option<Vec<f64>> = rows.iter().map(|r| row(t, r, *col)).collect();
        all.push(series(year, values?));
    }
    let parts: Vec<String> = in_sentence
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let per_year: Vec<String> = years.iter().zip(&all).map(|((_, y), s)| format!("{} år {y}", tkr(s.values[i]))).collect();
            format!("{name} {}", per_year.join(" och "))
        })
        .collect();
    Some(chart(
        "budget-2024-2025",
        "Budget exklusive transfereringar, 2024 och 2025 (tkr)",
        "Post",
        names.iter().map(|n| (n.to_string(), n.replace("Övriga kostnader", "Övriga kostn.").replace("Personalkostnader", "Personal"))).collect(),
        all,
        format!("Budget exklusive transfereringar: {}.", parts.join("; ")),
        source_line(doc, "Budget 2025"),
    ))
}

/// How the association's income splits into agreed and other income.
pub fn income_split(doc: &Document) -> Option<BarChart> {
    let t = table(doc, "budget-kfkl-2025")?;
    let (agreed, other, total) = (row(t, "Avtalade intäkter", 0)?, row(t, "Övriga intäkter", 0)?, row(t, "SUMMA INTÄKTER", 0)?);
    let share = |v: f64| format_percent((1000.0 * v / total).round() / 10.0);
    Some(chart(
        "budget-intakter",
        "Intäkternas fördelning 2025 (tkr)",
        "Intäkt",
        vec![("Avtalade intäkter".into(), "Avtalade".into()), ("Övriga intäkter".into(), "Övriga".into())],
        vec![series("Belopp", vec![agreed, other])],
        format!(
            "Av intäkterna på {} är {} avtalade ({}) och {} övriga ({}).",
            tkr(total), tkr(agreed), share(agreed), tkr(other), share(other)
        ),
        source_line(doc, "Budget 2025"),
    ))
}

/// Staff per verksamhetsområde, as the plan's text states it: in årsarbetare,
/// except where the plan counts medarbetare (the label then says so).
pub fn staff(doc: &Document, figures: &Dataset) -> Option<BarChart> {
    let ids = ["personal-kansli", "personal-unga-utbildning-och-etablering", "personal-halsa-vard-och-omsorg", "personal-miljo-och-livsmedel"];
    let mut cats = Vec::new();
    let mut values = Vec::new();
    let mut displays = Vec::new();
    for ((_, name, short), id) in AREAS.iter().zip(ids) {
        let f = figures.figure(id)?;
        cats.push((name.to_string(), short.to_string()));
        values.push(f.value);
        displays.push(format!("{} {}", format_figure(f), f.label.rsplit(", ").next().unwrap_or_default()));
    }
    let listed: Vec<String> = cats.iter().zip(&displays).map(|((n, _), d)| format!("{n} {d}")).collect();
    let total = figures.figure("personal-totalt").map(|f| format!(" Hela förbundet: {} årsarbetare.", format_figure(f))).unwrap_or_default();
    let mut c = chart(
        "budget-personal",
        "Personal per verksamhetsområde 2025",
        "Verksamhetsområde",
        cats,
        vec![Series { name: "Personal".into(), values, displays }],
        format!("Personal 2025: {}.{total}", listed.join(", ")),
        format!("Källa: {}, {}, avsnitt Budget 2025 (texten under varje verksamhetsområde).", doc.source.publisher, doc.source.title),
    );
    c.notes = vec!["Planen anger årsarbetare för alla områden utom Unga, utbildning och etablering, där den anger antal medarbetare.".into()];
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, TableRow};
    use crate::model::{SourceDoc, SCHEMA_VERSION};

    fn t(id: &str, columns: &[&str], rows: &[(&str, &[f64])]) -> Block {
        Block::Table(Table {
            id: id.into(),
            caption: id.into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: rows.iter().map(|(l, v)| TableRow { label: l.to_string(), values: v.to_vec() }).collect(),
            note: None,
        })
    }

    fn doc() -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            id: "p".into(),
            title: "P".into(),
            source: SourceDoc { id: "s".into(), title: "Plan".into(), publisher: "KFKL".into() },
            tags: vec![],
            mends: vec![],
            discrepancies: vec![],
            see_also: vec![],
            blocks: vec![
                t("budget-kfkl-2025", &[""], &[("Avtalade intäkter", &[75.0]), ("Övriga intäkter", &[25.0]), ("SUMMA INTÄKTER", &[100.0])]),
                t("budget-exklusive-transfereringar", &["2024", "2025"], &[("INTÄKTER", &[10.0, 12.0]), ("ÖVRIGA KOSTNADER", &[-4.0, -5.0]), ("PERSONALKOSTNADER", &[-6.0, -7.0])]),
                t("budget-kansli", &[""], &[("SUMMA INTÄKTER", &[9.0]), ("SUMMA KOSTNADER", &[-9.0])]),
                t("budget-unga-utbildning-och-etablering", &[""], &[("SUMMA INTÄKTER", &[14.0]), ("SUMMA KOSTNADER", &[-13.0])]),
                t("budget-halsa-vard-och-omsorg", &[""], &[("SUMMA INTÄKTER", &[4.0]), ("SUMMA KOSTNADER", &[-4.0])]),
                t("budget-miljo-och-livsmedel", &[""], &[("INTÄKTER", &[1.0]), ("ÖVRIGA KOSTNADER", &[-0.5]), ("PERSONALKOSTNADER", &[-0.5])]),
            ],
        }
    }

    fn plain(s: &str) -> String {
        s.replace('\u{a0}', " ").replace('\u{2212}', "-")
    }

    #[test]
    fn income_and_costs_come_from_the_area_tables() {
        let c = income_and_costs(&doc()).unwrap();
        assert_eq!(c.series[0].values, [9.0, 14.0, 4.0, 1.0]);
        assert_eq!(c.series[1].values, [-9.0, -13.0, -4.0, -1.0]);
        assert_eq!(c.axis_labels, ["Kansli", "Unga", "Vård", "Miljö"]);
        assert_eq!(plain(&c.summary), "Störst budget har Unga, utbildning och etablering med 14 tkr i intäkter, minst har Miljö och livsmedel med 1 tkr; i 3 av 4 områden är intäkter och kostnader lika stora.");
        assert_eq!(c.notes.len(), 1, "the computed Miljö cost total is explained");
    }

    #[test]
    fn the_year_comparison_and_income_split_state_every_number() {
        let c = excluding_transfers(&doc()).unwrap();
        assert_eq!(c.series.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["2024", "2025"]);
        assert_eq!(plain(&c.summary), "Budget exklusive transfereringar: intäkter 10 tkr år 2024 och 12 tkr år 2025; övriga kostnader -4 tkr år 2024 och -5 tkr år 2025; personalkostnader -6 tkr år 2024 och -7 tkr år 2025.");
        let s = income_split(&doc()).unwrap();
        assert_eq!(plain(&s.summary), "Av intäkterna på 100 tkr är 75 tkr avtalade (75 %) och 25 tkr övriga (25 %).");
    }

    #[test]
    fn a_missing_table_gives_no_chart_rather_than_a_wrong_one() {
        let mut d = doc();
        d.blocks.remove(0);
        assert!(income_split(&d).is_none());
        assert!(income_and_costs(&d).is_some());
    }

    #[test]
    fn budget_charts_render_negative_bars_and_two_series() {
        let svg = crate::chart::render_svg(&income_and_costs(&doc()).unwrap(), 480, 300);
        assert!(svg.contains("fill=\"none\""), "the second series is hollow");
        assert!(svg.contains("\u{2212}13"), "cost labels keep their minus sign");
    }
}
