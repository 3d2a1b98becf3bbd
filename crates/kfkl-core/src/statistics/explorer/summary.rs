//! The explorer's words: the one-sentence summary, the choices in force, the
//! source line, the example-data banner's scope, and values as the table shows them.

use super::*;
use crate::format::{and_list, format_fixed, format_number};
use crate::model::Approx;
use crate::stat::{StatChart, View};
use crate::stats::{Observation, StatTable, StatUnit};

/// "Källa: a; b." – each source of the rows shown, once, in order; the publisher where none is shown.
pub fn source_line(table: &StatTable, rows: &[Observation]) -> String {
    let mut cited: Vec<&str> = Vec::new();
    for o in rows {
        let source = table.sources[o.source].as_str();
        if !cited.contains(&source) {
            cited.push(source);
        }
    }
    if cited.is_empty() {
        format!("Källa: {}.", table.survey.publisher)
    } else {
        format!("Källa: {}.", cited.join("; "))
    }
}

/// What in the rows shown is example data, by area, for the banner over an
/// example-data view: "Exempeldata i vyn: Kalmar och Kalmar län. Ur
/// publicerade källor: Riket." An area with both names its real years.
pub fn example_scope(table: &StatTable, rows: &[Observation]) -> String {
    let mut areas: Vec<(usize, Vec<u16>, bool)> = Vec::new(); // area, real years, any example
    for o in rows.iter().filter(|o| o.value.is_some()) {
        let i = match areas.iter().position(|(a, ..)| *a == o.area) {
            Some(i) => i,
            None => {
                areas.push((o.area, Vec::new(), false));
                areas.len() - 1
            }
        };
        let entry = &mut areas[i];
        if o.example {
            entry.2 = true;
        } else if !entry.1.contains(&o.year) {
            entry.1.push(o.year);
        }
    }
    let name = |a: usize| table.areas[a].name.clone();
    let mut example: Vec<String> = areas
        .iter()
        .filter(|(_, real, _)| real.is_empty())
        .map(|(a, ..)| name(*a))
        .collect();
    let real: Vec<String> = areas
        .iter()
        .filter(|(_, real, ex)| !real.is_empty() && !ex)
        .map(|(a, ..)| name(*a))
        .collect();
    let mixed: Vec<String> = areas
        .iter()
        .filter(|(_, real, ex)| !real.is_empty() && *ex)
        .map(|(a, real, _)| {
            let mut years = real.clone();
            years.sort_unstable();
            format!(
                "{} {}",
                name(*a),
                and_list(&years.iter().map(u16::to_string).collect::<Vec<_>>())
            )
        })
        .collect();
    example.extend(
        areas
            .iter()
            .filter(|(_, real, ex)| !real.is_empty() && *ex)
            .map(|(a, ..)| format!("övriga år för {}", name(*a))),
    );
    if real.is_empty() && mixed.is_empty() {
        return "Alla siffror i vyn är exempeldata.".to_string();
    }
    if example.is_empty() && mixed.is_empty() {
        return "Alla siffror i vyn kommer ur publicerade källor.".to_string();
    }
    let mut parts = Vec::new();
    if !example.is_empty() {
        parts.push(format!("Exempeldata i vyn: {}.", and_list(&example)));
    }
    let published: Vec<String> = real.into_iter().chain(mixed).collect();
    parts.push(format!(
        "Ur publicerade källor: {} (märkta som verkliga i tabellen).",
        and_list(&published)
    ));
    parts.join(" ")
}
/// "12,5 %", "2,5 liter", "drygt 16 000", "ca 73 %" or ".." for a suppressed value.
pub fn format_value(value: Option<f64>, approx: Option<Approx>, unit: StatUnit) -> String {
    let number = match (value, unit) {
        (None, _) => return "..".to_string(),
        (Some(v), StatUnit::Percent) => format!("{}\u{a0}%", format_fixed(v, decimals(v))),
        (Some(v), StatUnit::Litres) => format!("{}\u{a0}liter", format_fixed(v, 1)),
        (Some(v), StatUnit::Count) => format_number(v),
    };
    match approx {
        Some(word) => format!("{} {number}", word.word()),
        None => number,
    }
}

/// The choices in force as one line, for a phone where the controls are
/// folded away: "Röker · gy 2 · Torsås, Kalmar län, Riket · 2015–2023".
/// Only the dimensions the survey has are named; "alla" is not said.
pub fn choice_line(table: &StatTable, s: &ExplorerState) -> String {
    let ind = &table.survey.indicators[s.indicator];
    // A label that is a question is set off by a dash, not a colon: no "?:".
    let joint = if ind.label.ends_with('?') { " –" } else { ":" };
    let mut parts = vec![match (s.answer, ind.answers.is_empty()) {
        (Some(a), false) => format!("{}{joint} ”{}”", ind.label, ind.answers[a]),
        (None, false) => format!("{}{joint} hela fördelningen", ind.label),
        _ => ind.label.clone(),
    }];
    if table.by_grade() {
        parts.push(grade_label(s.grade).to_string());
    }
    match s.gender {
        _ if !table.by_gender() => {}
        None => parts.push("flickor och pojkar".to_string()),
        Some(0) => {}
        Some(g) => parts.push(gender_label(g).to_string()),
    }
    let years = years_of(table, s.indicator, s.grade);
    let (first, last) = (years.first().copied(), years.last().copied());
    if s.map {
        parts.push("länets kommuner på karta".to_string());
        parts.extend(s.to.or(last).map(|y| y.to_string()));
    } else {
        if table.areas_with_data().len() > 1 {
            parts.push(
                s.areas
                    .iter()
                    .map(|&a| table.areas[a].name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        match (s.from.or(first), s.to.or(last)) {
            (Some(a), Some(b)) if a == b => parts.push(a.to_string()),
            (Some(a), Some(b)) => parts.push(format!("{a}–{b}")),
            _ => {}
        }
    }
    parts.join(" · ")
}

/// The summary's opening: the indicator and, where the survey has grades to
/// tell apart, the grade ("Röker, gy 2"); a label that is a question is set
/// off by a dash ("Hur mycket fritid har du? – gy 2"), never by "?,".
/// `answer` is the chosen answer's part (": ”Ja”"), or "".
fn lead_in(table: &StatTable, s: &ExplorerState, answer: &str) -> String {
    let ind = &table.survey.indicators[s.indicator];
    let grade = if table.by_grade() { grade_label(s.grade) } else { "" };
    match (ind.label.ends_with('?'), answer.is_empty(), grade.is_empty()) {
        (_, _, true) => format!("{}{answer}", ind.label),
        (true, true, false) => format!("{} – {grade}", ind.label),
        _ => format!("{}{answer}, {grade}", ind.label),
    }
}

fn decimals(v: f64) -> usize {
    if v.fract() == 0.0 {
        0
    } else {
        1
    }
}

/// One sentence about the latest year every series shown has, then the later values of those
/// that go further: "Röker, gy 2, 2023: Kalmar 21 %, Riket 21 %. Senare år: Riket 20 % (2024)."
/// (the nation's figures often come a round before the municipalities').
pub fn summary(table: &StatTable, s: &ExplorerState, rows: &[Observation]) -> String {
    let ind = &table.survey.indicators[s.indicator];
    let Some(last) = rows.iter().filter(|o| o.value.is_some()).map(|o| o.year).max() else {
        return format!("{}: inga värden att visa för valet.", lead_in(table, s, ""));
    };
    if s.map {
        return map_summary(table, s, rows, last);
    }
    // Sets, sorted, so that a big selection costs years × series lookups, not rows².
    let series = |o: &Observation| (o.area, o.gender, o.answer);
    let mut shown: Vec<_> = rows.iter().filter(|o| o.value.is_some()).map(series).collect();
    crate::sort::sort_dedup(&mut shown);
    let mut present: Vec<_> = rows.iter().map(|o| (o.year, series(o))).collect();
    crate::sort::sort_dedup(&mut present);
    let mut years: Vec<u16> = rows.iter().map(|o| o.year).collect();
    crate::sort::sort_dedup(&mut years);
    let common = years
        .into_iter()
        .rev()
        .find(|&y| shown.iter().all(|k| present.binary_search(&(y, *k)).is_ok()))
        .unwrap_or(last);
    let who = |o: &Observation| {
        let mut who = table.areas[o.area].name.clone();
        if s.gender.is_none() {
            who = format!("{who} ({})", gender_label(o.gender));
        }
        if let (None, Some(a)) = (s.answer, o.answer) {
            who = format!("{who}, ”{}”", ind.answers[a]);
        }
        who
    };
    let parts: Vec<String> = rows
        .iter()
        .filter(|o| o.year == common)
        .map(|o| {
            let n =
                o.n.map(|n| format!(" (n = {})", format_number(f64::from(n))))
                    .unwrap_or_default();
            format!("{} {}{n}", who(o), format_value(o.value, o.approx, ind.unit))
        })
        .collect();
    let later: Vec<String> = rows
        .iter()
        .filter(|o| o.year > common && o.value.is_some())
        .map(|o| format!("{} {} ({})", who(o), format_value(o.value, o.approx, ind.unit), o.year))
        .collect();
    let later = if later.is_empty() {
        String::new()
    } else {
        format!(" Senare år: {}.", later.join(", "))
    };
    format!("{}, {common}: {}.{later}", lead_in(table, s, ""), parts.join(", "))
}

/// The map view in words: the municipalities' range, then the references.
/// "Röker, gy 2, 2023, länets kommuner: från 12 % (Borgholm) till 30 % (Nybro). Kalmar län 20 %."
fn map_summary(table: &StatTable, s: &ExplorerState, rows: &[Observation], year: u16) -> String {
    let ind = &table.survey.indicators[s.indicator];
    let joint = if ind.label.ends_with('?') { " –" } else { ":" };
    let answer = s
        .answer
        .filter(|_| !ind.answers.is_empty())
        .map(|a| format!("{joint} ”{}”", ind.answers[a]))
        .unwrap_or_default();
    let value = |o: &Observation| format_value(o.value, o.approx, ind.unit);
    let municipal: Vec<&Observation> = rows
        .iter()
        .filter(|o| !table.is_reference(o.area) && o.value.is_some())
        .collect();
    let low = municipal
        .iter()
        .copied()
        .min_by(|a, b| a.value.unwrap_or(0.0).total_cmp(&b.value.unwrap_or(0.0)));
    let high = municipal
        .iter()
        .copied()
        .max_by(|a, b| a.value.unwrap_or(0.0).total_cmp(&b.value.unwrap_or(0.0)));
    let range = match (low, high) {
        (Some(l), Some(h)) if municipal.len() > 1 => format!(
            "från {} ({}) till {} ({})",
            value(l),
            table.areas[l.area].name,
            value(h),
            table.areas[h.area].name
        ),
        (Some(l), _) => format!("{} {}", table.areas[l.area].name, value(l)),
        _ => "inga kommunvärden".to_string(),
    };
    let references: Vec<String> = rows
        .iter()
        .filter(|o| table.is_reference(o.area))
        .map(|o| format!("{} {}", table.areas[o.area].name, value(o)))
        .collect();
    let references = if references.is_empty() {
        String::new()
    } else {
        format!(" {}.", references.join(", "))
    };
    format!(
        "{}, {year}, länets kommuner: {range}.{references}",
        lead_in(table, s, &answer)
    )
}
pub fn grade_label(grade: usize) -> &'static str {
    ["åk 8", "åk 9", "gy 2", "alla årskurser"][grade.min(3)]
}

pub fn gender_label(gender: usize) -> &'static str {
    ["alla", "flickor", "pojkar"][gender.min(2)]
}

/// The key under the explorer's chart, in words, so that nothing is told by
/// colour or shape alone: where the line breaks and why, chosen areas that do
/// not take part, how the map reads, which values are example data, how girls
/// and boys, answers, hidden values and the references are drawn.
pub fn key_notes(table: &StatTable, s: &ExplorerState, chart: &StatChart, rows: &[Observation]) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    let ind = &table.survey.indicators[s.indicator];
    if chart.view == View::Line {
        let years: Vec<u16> = chart.categories.iter().filter_map(|y| y.parse().ok()).collect();
        let within = |year: u16| years.first().is_some_and(|&f| f < year) && years.last().is_some_and(|&l| year <= l);
        for b in ind.breaks.iter().filter(|b| within(b.year)) {
            notes.push(format!(
                "Linjen bryts {}: {} Jämför inte åren före och efter.",
                b.year, b.why
            ));
        }
    }
    // A chosen municipality that does not take part is said to, not left blank.
    for &a in &s.areas {
        notes.extend(table.survey.absent_sentence(&table.areas[a].code).map(str::to_string));
    }
    if s.map {
        notes.push("Kartan visar ett år: ”Till år”, annars det senaste. Ju mörkare, desto högre värde. Randig kommun: inget värde att visa, för att värdet är dolt för att skydda eleverna (..) eller för att uppgift saknas (–).".into());
    }
    if chart.mixed && chart.view == View::Line {
        notes.push("* och ofylld punkt: exempeldata. Fylld punkt: verkligt värde.".into());
    } else if chart.mixed {
        notes.push("*: exempeldata. Övriga värden är verkliga.".into());
    }
    if chart.view == View::Bars && chart.series.len() > 1 {
        notes.push("Fylld stapel: flickor, ofylld stapel: pojkar.".into());
    }
    if chart.view == View::Line && chart.series.iter().any(|s| s.boys) {
        notes.push("Varje område har sin färg; flickor är markerade med cirklar, pojkar med trianglar.".into());
    }
    if chart.view == View::Stacked {
        notes.push("Svaren står i samma ordning från vänster som i förklaringen överst. Fördelningen visas för ett år, det senaste i valet: välj ”Till år” för ett tidigare år.".into());
    }
    if rows.iter().any(|o| o.value.is_none()) {
        notes.push("..: värdet är dolt för att skydda eleverna: för få svarande, eller värdet kunde annars räknas ut ur de andra.".into());
    }
    if chart.has_reference() && !s.map {
        let (names, verb) = match chart.reference_names.as_slice() {
            [one] => (one.clone(), "är en jämförelse"),
            many => (and_list(many), "är jämförelser"),
        };
        let how = match chart.view {
            View::Line => "streckad eller prickad linje",
            View::Bars => "randig stapel",
            View::Stacked => "ram",
        };
        notes.push(format!("{names} {verb}: {how}."));
    }
    notes
}
