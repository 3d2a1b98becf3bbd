//! The plan's budget as charts: built from the published budget tables (and
//! the staff figures quoted from the plan's text), never from typed-in numbers.
//! Which table is which comes from the publications index (`BudgetRoles`), and
//! ids and titles from the plan's year and the tables' own columns.

use super::bar::{BarChart, Series};
use crate::document::{Document, Table};
use crate::format::{and_list, format_figure, format_number, format_percent};
use crate::model::{ChartKind, Dataset, Unit};
use crate::publications::{BudgetRoles, Publication};

/// A plan with the roles of its budget tables: what every chart is built from.
#[derive(Clone, Copy)]
pub struct Budget<'a> {
    pub doc: &'a Document,
    pub plan: &'a Publication,
    pub roles: &'a BudgetRoles,
}

impl<'a> Budget<'a> {
    /// `None` for a plan whose index entry gives no budget roles.
    pub fn of(doc: &'a Document, plan: &'a Publication) -> Option<Budget<'a>> {
        Some(Budget {
            doc,
            plan,
            roles: plan.budget.as_ref()?,
        })
    }

    fn source(&self) -> String {
        source_line(self.doc, &self.roles.avsnitt)
    }
}

fn table<'d>(doc: &'d Document, id: &str) -> Option<&'d Table> {
    doc.tables().find(|t| t.id == id)
}

/// A row's value in one column, found by label regardless of case.
fn row(t: &Table, label: &str, col: usize) -> Option<f64> {
    t.rows
        .iter()
        .find(|r| r.label.eq_ignore_ascii_case(label))
        .and_then(|r| r.values.get(col).copied())
}

fn tkr(v: f64) -> String {
    format!("{}\u{a0}tkr", format_number(v))
}

fn source_line(doc: &Document, section: &str) -> String {
    format!(
        "Källa: {}, {}, avsnitt {section}.",
        doc.source.publisher, doc.source.title
    )
}

fn chart(
    id: &str,
    title: &str,
    heading: &str,
    categories: Vec<(String, String)>,
    series: Vec<Series>,
    summary: String,
    source: String,
) -> BarChart {
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
    Series {
        name: name.into(),
        displays: values.iter().map(|v| format_number(*v)).collect(),
        values,
    }
}

/// Income and costs of each verksamhetsområde. Where a table states no cost
/// total (Miljö och livsmedel), its two cost rows are added, and a note says so.
/// The budget page's charts, in its order; each is embeddable as `/embed/<id>`
/// (`budget-<år>-<namn>`, `publications::BUDGET_CHARTS`).
pub fn charts(b: Budget, staff_figures: &Dataset) -> Vec<BarChart> {
    [
        area_split(b),
        excluding_transfers(b),
        income_split(b),
        staff(b, staff_figures),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// How the budget splits across the verksamhetsområden: each area's costs
/// and its share of the four together. Every area's income equals its costs,
/// so one bar an area answers "how much goes to what". (Its id is the one the
/// mirrored income/cost chart had, so that embeds of it keep working.)
pub fn area_split(b: Budget) -> Option<BarChart> {
    let mut cats = Vec::new();
    let mut costs = Vec::new();
    let mut notes = Vec::new();
    let mut balanced = true;
    for area in &b.roles.omraden {
        let (name, short) = (&area.namn, &area.kort);
        let t = table(b.doc, &area.tabell)?;
        let income = row(t, "SUMMA INTÄKTER", 0).or_else(|| row(t, "INTÄKTER", 0))?;
        let cost = match row(t, "SUMMA KOSTNADER", 0) {
            Some(v) => v,
            None => {
                notes.push(format!("{name}: tabellen anger ingen summa för kostnaderna; diagrammet visar summan av övriga kostnader och personalkostnader."));
                row(t, "ÖVRIGA KOSTNADER", 0)? + row(t, "PERSONALKOSTNADER", 0)?
            }
        };
        balanced &= (income + cost).abs() < 0.5;
        costs.push(-cost);
        cats.push((name.to_string(), short.to_string()));
    }
    let total: f64 = costs.iter().sum();
    let share = |v: f64| format_percent((1000.0 * v / total).round() / 10.0);
    let mut order: Vec<usize> = (0..costs.len()).collect();
    crate::sort::sort_by(&mut order, |a, b| costs[*b].total_cmp(&costs[*a]));
    let listed: Vec<String> = order
        .iter()
        .map(|&i| format!("{} {} ({})", cats[i].0, tkr(costs[i]), share(costs[i])))
        .collect();
    let balance = if balanced {
        " Varje område har lika stora intäkter som kostnader."
    } else {
        ""
    };
    let (first, rest) = listed.split_first()?;
    let summary = format!(
        "Av verksamhetsområdenas {} går störst del till {first}. Sedan kommer {}.{balance}",
        tkr(total),
        and_list(rest)
    );
    let displays = costs
        .iter()
        .map(|&v| format!("{} ({})", format_number(v), share(v)))
        .collect();
    let mut c = chart(
        &b.plan.chart_id("omraden"),
        &format!("Så fördelas budgeten på verksamhetsområdena {} (tkr)", b.plan.ar),
        "Verksamhetsområde",
        cats,
        vec![Series {
            name: "Kostnader".into(),
            values: costs,
            displays,
        }],
        summary,
        b.source(),
    );
    c.notes = notes;
    Some(c)
}

/// How the plan's three totals relate, in one sentence from its own tables:
/// the whole budget, the budget without the money passed on to the
/// municipalities (transfers), and the four areas' tables added up.
pub fn totals_sentence(b: Budget) -> Option<String> {
    let whole = row(table(b.doc, &b.roles.helhet)?, "SUMMA INTÄKTER", 0)?;
    let t = table(b.doc, &b.roles.jamforelse)?;
    let own = row(t, "INTÄKTER", t.columns.len().checked_sub(1)?)?;
    let areas: f64 = b
        .roles
        .omraden
        .iter()
        .map(|a| table(b.doc, &a.tabell).and_then(|t| row(t, "SUMMA INTÄKTER", 0).or_else(|| row(t, "INTÄKTER", 0))))
        .sum::<Option<f64>>()?;
    let count = match b.roles.omraden.len() {
        n @ 2..=12 => [
            "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
        ][n - 2]
            .to_string(),
        n => n.to_string(),
    };
    let rounding = match own - areas {
        d if d.abs() < 0.5 => String::new(),
        d => format!(
            " De {count} verksamhetsområdenas tabeller summerar till {}, {} {} än så i planens egna siffror.",
            tkr(areas),
            tkr(d.abs()),
            if d > 0.0 { "mindre" } else { "mer" }
        ),
    };
    let whither = b
        .roles
        .transfereringar
        .as_deref()
        .map(|w| format!(" {w}"))
        .unwrap_or_default();
    Some(format!(
        "Förbundets budget {} är {}. Av dem är {} transfereringar, pengar som förbundet betalar vidare till kommunerna{whither}, så den egna verksamheten har {}.{rounding}",
        b.plan.ar,
        tkr(whole),
        tkr(whole - own),
        tkr(own)
    ))
}

/// The budget excluding transfers, year against year (the table's columns), row by row.
pub fn excluding_transfers(b: Budget) -> Option<BarChart> {
    let t = table(b.doc, &b.roles.jamforelse)?;
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
            let per_year: Vec<String> = years
                .iter()
                .zip(&all)
                .map(|((_, y), s)| format!("{} år {y}", tkr(s.values[i])))
                .collect();
            format!("{name} {}", per_year.join(" och "))
        })
        .collect();
    Some(chart(
        &b.plan.chart_id("jamforelse"),
        &format!("Budget exklusive transfereringar, {} (tkr)", and_list(&t.columns)),
        "Post",
        names
            .iter()
            .map(|n| {
                (
                    n.to_string(),
                    n.replace("Övriga kostnader", "Övriga kostn.")
                        .replace("Personalkostnader", "Personal"),
                )
            })
            .collect(),
        all,
        format!("Budget exklusive transfereringar: {}.", parts.join("; ")),
        b.source(),
    ))
}

/// How the association's income splits into agreed and other income.
pub fn income_split(b: Budget) -> Option<BarChart> {
    let t = table(b.doc, &b.roles.helhet)?;
    let (agreed, other, total) = (
        row(t, "Avtalade intäkter", 0)?,
        row(t, "Övriga intäkter", 0)?,
        row(t, "SUMMA INTÄKTER", 0)?,
    );
    let share = |v: f64| format_percent((1000.0 * v / total).round() / 10.0);
    Some(chart(
        &b.plan.chart_id("intakter"),
        &format!("Intäkternas fördelning {} (tkr)", b.plan.ar),
        "Intäkt",
        vec![
            ("Avtalade intäkter".into(), "Avtalade".into()),
            ("Övriga intäkter".into(), "Övriga".into()),
        ],
        vec![series("Belopp", vec![agreed, other])],
        format!(
            "Av intäkterna på {} är {} avtalade ({}) och {} övriga ({}).",
            tkr(total),
            tkr(agreed),
            share(agreed),
            tkr(other),
            share(other)
        ),
        b.source(),
    ))
}

/// Staff per verksamhetsområde in årsarbetare, as the plan's text states it.
/// Where the plan counts medarbetare instead (Unga, utbildning och etablering),
/// the area is named in the summary and a note in its own unit, not drawn on
/// the same axis: two units are never added or compared as one.
pub fn staff(b: Budget, figures: &Dataset) -> Option<BarChart> {
    let mut cats = Vec::new();
    let mut values = Vec::new();
    let mut displays = Vec::new();
    let mut other_units = Vec::new();
    for area in &b.roles.omraden {
        let (name, short) = (&area.namn, &area.kort);
        let f = figures.figure(area.personal.as_deref()?)?;
        let unit = f.label.rsplit(", ").next().unwrap_or_default();
        if unit == "årsarbetare" {
            cats.push((name.to_string(), short.to_string()));
            values.push(f.value);
            displays.push(format_figure(f));
        } else {
            other_units.push(format!("{name}: {} {unit}", format_figure(f)));
        }
    }
    let listed: Vec<String> = cats
        .iter()
        .zip(&displays)
        .map(|((n, _), d)| format!("{n} {d}"))
        .collect();
    let total = b
        .roles
        .personal_totalt
        .as_deref()
        .and_then(|id| figures.figure(id))
        .map(|f| format!(" Hela förbundet: {} årsarbetare, enligt planen.", format_figure(f)))
        .unwrap_or_default();
    let others = if other_units.is_empty() {
        String::new()
    } else {
        format!(" Planen anger inte årsarbetare för alla: {}.", other_units.join(", "))
    };
    let mut c = chart(
        &b.plan.chart_id("personal"),
        &format!("Årsarbetare per verksamhetsområde {}", b.plan.ar),
        "Verksamhetsområde",
        cats,
        vec![Series {
            name: "Årsarbetare".into(),
            values,
            displays,
        }],
        format!("Årsarbetare {}: {}.{others}{total}", b.plan.ar, listed.join(", ")),
        format!(
            "Källa: {}, {}, avsnitt {} (texten under varje verksamhetsområde).",
            b.doc.source.publisher, b.doc.source.title, b.roles.avsnitt
        ),
    );
    c.notes = other_units
        .iter()
        .map(|o| format!("Visas inte i diagrammet, eftersom planen räknar medarbetare och inte årsarbetare där: {o}."))
        .collect();
    Some(c)
}

#[cfg(test)]
mod tests;
