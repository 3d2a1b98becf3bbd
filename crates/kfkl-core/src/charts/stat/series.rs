//! The selected rows shaped into a `StatChart`: the view the selection calls
//! for, its categories and series, which of them are references, and its title.

use super::{Point, StatChart, StatSeries, View};
use crate::explorer::{gender_label, grade_label, ExplorerState};
use crate::stats::{Observation, StatTable};

/// Shapes the selected rows (`explorer::select`) into the chart the selection calls for.
pub fn build(table: &StatTable, s: &ExplorerState, rows: &[Observation]) -> StatChart {
    let ind = &table.survey.indicators[s.indicator];
    let mut years: Vec<u16> = rows.iter().map(|o| o.year).collect();
    crate::sort::sort_dedup(&mut years);
    let view = if !ind.answers.is_empty() && s.answer.is_none() {
        View::Stacked
    } else if years.len() > 1 {
        View::Line
    } else {
        View::Bars
    };
    // Groups in the order `select` returns them: area as chosen, then gender.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for o in rows {
        if !groups.contains(&(o.area, o.gender)) {
            groups.push((o.area, o.gender));
        }
    }
    let group_name = |&(area, gender): &(usize, usize)| {
        let name = &table.areas[area].name;
        if s.gender.is_none() {
            format!("{name}, {}", gender_label(gender))
        } else {
            name.clone()
        }
    };
    let point = |o: &Observation| Point {
        value: o.value,
        approx: o.approx,
        example: o.example,
    };
    // A distribution and a single-year bar chart show the last year with a value.
    let last = rows
        .iter()
        .filter(|o| o.value.is_some())
        .map(|o| o.year)
        .max()
        .or(years.last().copied());
    // `reference`: which categories (bars, stacked bars) are the county or the nation.
    let (categories, series, reference): (Vec<String>, Vec<StatSeries>, Vec<bool>) = match view {
        View::Line => {
            let mut places: (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
            let series = groups
                .iter()
                .map(|g| {
                    let reference = table.is_reference(g.0);
                    let kind = if reference { &mut places.1 } else { &mut places.0 };
                    let place = kind.iter().position(|&a| a == g.0).unwrap_or_else(|| {
                        kind.push(g.0);
                        kind.len() - 1
                    });
                    StatSeries {
                        name: group_name(g),
                        points: years
                            .iter()
                            .map(|&y| rows.iter().find(|o| (o.area, o.gender) == *g && o.year == y).map(point))
                            .collect(),
                        reference,
                        place,
                        boys: s.gender.is_none() && g.1 == 2,
                    }
                })
                .collect();
            (years.iter().map(u16::to_string).collect(), series, Vec::new())
        }
        View::Stacked => {
            let series = ind
                .answers
                .iter()
                .enumerate()
                .map(|(a, answer)| StatSeries {
                    name: answer.clone(),
                    points: groups
                        .iter()
                        .map(|g| {
                            rows.iter()
                                .find(|o| (o.area, o.gender) == *g && Some(o.year) == last && o.answer == Some(a))
                                .map(point)
                        })
                        .collect(),
                    reference: false,
                    place: 0,
                    boys: false,
                })
                .collect();
            (
                groups.iter().map(group_name).collect(),
                series,
                groups.iter().map(|g| table.is_reference(g.0)).collect(),
            )
        }
        View::Bars => {
            let mut areas: Vec<usize> = Vec::new();
            let mut genders: Vec<usize> = Vec::new();
            for &(a, g) in &groups {
                if !areas.contains(&a) {
                    areas.push(a);
                }
                if !genders.contains(&g) {
                    genders.push(g);
                }
            }
            crate::sort::sort_dedup(&mut genders);
            let series = genders
                .iter()
                .map(|&g| StatSeries {
                    name: if s.gender.is_none() {
                        gender_label(g).to_string()
                    } else {
                        String::new()
                    },
                    points: areas
                        .iter()
                        .map(|&a| rows.iter().find(|o| o.area == a && o.gender == g).map(point))
                        .collect(),
                    reference: false,
                    place: 0,
                    boys: false,
                })
                .collect();
            (
                areas.iter().map(|&a| table.areas[a].name.clone()).collect(),
                series,
                areas.iter().map(|&a| table.is_reference(a)).collect(),
            )
        }
    };
    // A reference is a comparison: without a municipality beside it, the county is the series.
    let compared = groups.iter().any(|g| !table.is_reference(g.0));
    let (mut series, mut reference) = (series, reference);
    if !compared {
        series.iter_mut().for_each(|s| s.reference = false);
        reference.iter_mut().for_each(|r| *r = false);
    }
    let mut reference_names: Vec<String> = Vec::new();
    for g in groups.iter().filter(|g| compared && table.is_reference(g.0)) {
        if !reference_names.contains(&table.areas[g.0].name) {
            reference_names.push(table.areas[g.0].name.clone());
        }
    }
    // Everyone is not named: "alla" alone says nothing.
    let who = match s.gender {
        _ if !table.by_gender() => None,
        None => Some("flickor och pojkar".to_string()),
        Some(0) => None,
        Some(g) => Some(gender_label(g).to_string()),
    };
    let when = match (view, years.first(), years.last()) {
        (View::Line, Some(a), Some(b)) => Some(format!("{a}–{b}")),
        (_, _, _) => last.map(|y| y.to_string()),
    };
    // A label that is a question ends in "?": what follows is set off by a dash, not a comma.
    let question = ind.label.ends_with('?');
    let answer = match (s.answer, ind.answers.is_empty()) {
        (Some(a), false) if question => format!(" – ”{}”", ind.answers[a]),
        (Some(a), false) => format!(": ”{}”", ind.answers[a]),
        _ => String::new(),
    };
    let grade = table.by_grade().then(|| grade_label(s.grade).to_string());
    let rest: Vec<String> = [grade, who, when].into_iter().flatten().collect();
    let joint = if question && answer.is_empty() { " – " } else { ", " };
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!("{joint}{}", rest.join(", "))
    };
    StatChart {
        view,
        title: format!("{}{answer}{rest}", ind.label),
        unit: ind.unit,
        categories,
        series,
        example: rows.iter().any(|o| o.example),
        mixed: rows.iter().any(|o| o.example) && rows.iter().any(|o| !o.example),
        reference,
        reference_names,
        breaks: ind.breaks.iter().map(|b| b.year).collect(),
    }
}
