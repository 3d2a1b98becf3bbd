//! The selected rows shaped into a `StatChart`: the view the selection calls
//! for, its categories and series, which of them are references, and its title.

use super::{Point, StatChart, StatSeries, View};
use crate::explorer::{gender_label, grade_label, ExplorerState};
use crate::stats::{Indicator, Observation, StatTable};

/// Shapes the selected rows (`explorer::select`) into the chart the selection calls for.
pub fn build(table: &StatTable, s: &ExplorerState, rows: &[Observation]) -> StatChart {
    let selection = Selection::of(table, s, rows);
    let view = selection.view();
    // `reference`: which categories (bars, stacked bars) are the county or the nation.
    let Shaped {
        categories,
        mut series,
        mut reference,
    } = match view {
        View::Line => selection.lines(),
        View::Stacked => selection.stacked(),
        View::Bars => selection.bars(),
    };
    // A reference is a comparison: without a municipality beside it, the county is the series.
    let compared = selection.groups.iter().any(|g| !table.is_reference(g.0));
    if !compared {
        series.iter_mut().for_each(|s| s.reference = false);
        reference.iter_mut().for_each(|r| *r = false);
    }
    StatChart {
        view,
        title: selection.title(view),
        unit: selection.ind.unit,
        categories,
        series,
        example: rows.iter().any(|o| o.example),
        mixed: rows.iter().any(|o| o.example) && rows.iter().any(|o| !o.example),
        reference,
        reference_names: selection.reference_names(compared),
        breaks: selection.ind.breaks.iter().map(|b| b.year).collect(),
    }
}

/// The selection being shaped: the table, the explorer's state and its rows,
/// and what every view reads from them.
struct Selection<'a> {
    table: &'a StatTable,
    s: &'a ExplorerState,
    rows: &'a [Observation],
    ind: &'a Indicator,
    /// Every year with a row, in order.
    years: Vec<u16>,
    /// (area, gender) in the order `select` returns them: area as chosen, then gender.
    groups: Vec<(usize, usize)>,
    /// A distribution and a single-year bar chart show the last year with a value.
    last: Option<u16>,
}

/// A view's categories, its series, and which categories are the county or the nation.
struct Shaped {
    categories: Vec<String>,
    series: Vec<StatSeries>,
    reference: Vec<bool>,
}

fn point(o: &Observation) -> Point {
    Point {
        value: o.value,
        approx: o.approx,
        example: o.example,
    }
}

impl<'a> Selection<'a> {
    fn of(table: &'a StatTable, s: &'a ExplorerState, rows: &'a [Observation]) -> Selection<'a> {
        let mut years: Vec<u16> = rows.iter().map(|o| o.year).collect();
        crate::sort::sort_dedup(&mut years);
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for o in rows {
            if !groups.contains(&(o.area, o.gender)) {
                groups.push((o.area, o.gender));
            }
        }
        let last = rows
            .iter()
            .filter(|o| o.value.is_some())
            .map(|o| o.year)
            .max()
            .or(years.last().copied());
        Selection {
            table,
            s,
            rows,
            ind: &table.survey.indicators[s.indicator],
            years,
            groups,
            last,
        }
    }

    /// A distribution without a chosen answer is stacked; several years are lines; one year is bars.
    fn view(&self) -> View {
        if !self.ind.answers.is_empty() && self.s.answer.is_none() {
            View::Stacked
        } else if self.years.len() > 1 {
            View::Line
        } else {
            View::Bars
        }
    }

    fn group_name(&self, &(area, gender): &(usize, usize)) -> String {
        let name = &self.table.areas[area].name;
        if self.s.gender.is_none() {
            format!("{name}, {}", gender_label(gender))
        } else {
            name.clone()
        }
    }

    /// One line per group over the years. Each area keeps its place among the
    /// municipalities or among the references, whichever genders are shown.
    fn lines(&self) -> Shaped {
        let mut places: (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        let series = self
            .groups
            .iter()
            .map(|g| {
                let reference = self.table.is_reference(g.0);
                let kind = if reference { &mut places.1 } else { &mut places.0 };
                let place = kind.iter().position(|&a| a == g.0).unwrap_or_else(|| {
                    kind.push(g.0);
                    kind.len() - 1
                });
                StatSeries {
                    name: self.group_name(g),
                    points: self
                        .years
                        .iter()
                        .map(|&y| {
                            self.rows
                                .iter()
                                .find(|o| (o.area, o.gender) == *g && o.year == y)
                                .map(point)
                        })
                        .collect(),
                    reference,
                    place,
                    boys: self.s.gender.is_none() && g.1 == 2,
                }
            })
            .collect();
        Shaped {
            categories: self.years.iter().map(u16::to_string).collect(),
            series,
            reference: Vec::new(),
        }
    }

    /// One series per answer, one category per group, in the last year with a value.
    fn stacked(&self) -> Shaped {
        let series = self
            .ind
            .answers
            .iter()
            .enumerate()
            .map(|(a, answer)| StatSeries {
                name: answer.clone(),
                points: self
                    .groups
                    .iter()
                    .map(|g| {
                        self.rows
                            .iter()
                            .find(|o| (o.area, o.gender) == *g && Some(o.year) == self.last && o.answer == Some(a))
                            .map(point)
                    })
                    .collect(),
                reference: false,
                place: 0,
                boys: false,
            })
            .collect();
        Shaped {
            categories: self.groups.iter().map(|g| self.group_name(g)).collect(),
            series,
            reference: self.groups.iter().map(|g| self.table.is_reference(g.0)).collect(),
        }
    }

    /// One category per area and one series per gender shown.
    fn bars(&self) -> Shaped {
        let mut areas: Vec<usize> = Vec::new();
        let mut genders: Vec<usize> = Vec::new();
        for &(a, g) in &self.groups {
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
                name: if self.s.gender.is_none() {
                    gender_label(g).to_string()
                } else {
                    String::new()
                },
                points: areas
                    .iter()
                    .map(|&a| self.rows.iter().find(|o| o.area == a && o.gender == g).map(point))
                    .collect(),
                reference: false,
                place: 0,
                boys: false,
            })
            .collect();
        Shaped {
            categories: areas.iter().map(|&a| self.table.areas[a].name.clone()).collect(),
            series,
            reference: areas.iter().map(|&a| self.table.is_reference(a)).collect(),
        }
    }

    /// The county's and the nation's names, where they are compared with a municipality.
    fn reference_names(&self, compared: bool) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for g in self.groups.iter().filter(|g| compared && self.table.is_reference(g.0)) {
            if !names.contains(&self.table.areas[g.0].name) {
                names.push(self.table.areas[g.0].name.clone());
            }
        }
        names
    }

    /// "Röker, gy 2, 2015–2024"; "Hur mycket fritid har du? – gy 2, 2024".
    fn title(&self, view: View) -> String {
        let (table, s, ind) = (self.table, self.s, self.ind);
        // Everyone is not named: "alla" alone says nothing.
        let who = match s.gender {
            _ if !table.by_gender() => None,
            None => Some("flickor och pojkar".to_string()),
            Some(0) => None,
            Some(g) => Some(gender_label(g).to_string()),
        };
        let when = match (view, self.years.first(), self.years.last()) {
            (View::Line, Some(a), Some(b)) => Some(format!("{a}–{b}")),
            (_, _, _) => self.last.map(|y| y.to_string()),
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
        format!("{}{answer}{rest}", ind.label)
    }
}
