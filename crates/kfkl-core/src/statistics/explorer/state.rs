//! The explorer's URL state: one typed struct, read from and written to the query,
//! and the rules by which each control changes it.

use super::*;
use crate::query::query_of;
use crate::stats::{StatTable, COUNTY, GENDERS, GRADES, NATION};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExplorerState {
    pub indicator: usize,
    /// Indices into `table.areas`, in table order.
    pub areas: Vec<usize>,
    pub from: Option<u16>,
    pub to: Option<u16>,
    /// Index into `GRADES`.
    pub grade: usize,
    /// `None`: girls and boys side by side; else an index into `GENDERS`.
    pub gender: Option<usize>,
    /// For a distribution: one answer, or `None` for the whole distribution.
    pub answer: Option<usize>,
    /// The map view: every municipality in one year (`to`, else the latest), on the county map.
    pub map: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub state: ExplorerState,
    /// False if anything was unknown, invalid, repeated or out of order.
    pub canonical: bool,
}

const KEYS: [&str; 8] = ["indikator", "omrade", "fran", "till", "arskurs", "kon", "svar", "visa"];
/// "visa=karta": the map view.
const MAP: &str = "karta";
/// "kon=jamfor": girls and boys side by side.
const COMPARE: &str = "jamfor";

impl ExplorerState {
    /// The view a bare URL shows: the first indicator, the county and the nation
    /// (those of them with data in that view), all years, the survey's last grade, everyone.
    pub fn default_for(table: &StatTable) -> ExplorerState {
        let grade = table
            .survey
            .grades
            .last()
            .and_then(|g| GRADES.iter().position(|x| x == g))
            .unwrap_or(0);
        // Every parse and every canonical query asks for the default: it reads
        // only the default view's rows, not the whole table.
        let with_rows = areas_with_rows(table, 0, grade);
        let area = |code: &str| {
            table
                .areas
                .iter()
                .position(|a| a.code == code)
                .filter(|&a| with_rows[a])
        };
        let mut areas: Vec<usize> = [area(COUNTY), area(NATION)].into_iter().flatten().collect();
        if areas.is_empty() {
            areas.push(with_rows.iter().position(|&has| has).unwrap_or(0));
        }
        ExplorerState {
            indicator: 0,
            areas,
            from: None,
            to: None,
            grade,
            gender: Some(0),
            answer: None,
            map: false,
        }
    }

    /// Reads query pairs; every value that does not fit the table falls back to its default.
    pub fn parse(pairs: &[(String, String)], table: &StatTable) -> Parsed {
        let mut state = ExplorerState::default_for(table);
        let mut ok = true;
        let mut seen = [false; KEYS.len()];
        for (key, value) in pairs {
            let Some(k) = KEYS.iter().position(|x| x == key) else {
                ok = false;
                continue;
            };
            if std::mem::replace(&mut seen[k], true) {
                ok = false;
                continue;
            }
            let read = match k {
                0 => table
                    .survey
                    .indicators
                    .iter()
                    .position(|i| i.id == *value)
                    .map(|i| state.indicator = i),
                1 => {
                    let codes: Option<Vec<usize>> = value
                        .split(',')
                        .map(|c| table.areas.iter().position(|a| a.code == c))
                        .collect();
                    codes.filter(|c| !c.is_empty()).map(|mut c| {
                        crate::sort::sort_dedup(&mut c);
                        state.areas = c;
                    })
                }
                2 => year(value).map(|y| state.from = Some(y)),
                3 => year(value).map(|y| state.to = Some(y)),
                4 => table
                    .survey
                    .grades
                    .iter()
                    .any(|g| g == value)
                    .then(|| GRADES.iter().position(|g| g == value))
                    .flatten()
                    .map(|g| state.grade = g),
                // A table without girls and boys knows only the default.
                5 if !table.by_gender() => None,
                5 if value == COMPARE => {
                    state.gender = None;
                    Some(())
                }
                5 => GENDERS.iter().position(|g| g == value).map(|g| state.gender = Some(g)),
                6 => value.parse::<usize>().ok().map(|a| state.answer = Some(a)),
                // Only a table with municipal rows has a map to show.
                _ => (value == MAP && table.has_municipal_rows()).then(|| state.map = true),
            };
            ok &= read.is_some();
        }
        // Values that are fine alone but not together fall back as well.
        let answers = table
            .survey
            .indicators
            .get(state.indicator)
            .map_or(0, |i| i.answers.len());
        if state.answer.is_some_and(|a| a >= answers) {
            state.answer = None;
            ok = false;
        }
        if let (Some(f), Some(t)) = (state.from, state.to) {
            if f > t {
                state.from = None;
                state.to = None;
                ok = false;
            }
        }
        // A map shows one value per municipality: one gender, one answer.
        if state.map && state.gender.is_none() {
            state.gender = Some(0);
            ok = false;
        }
        if state.map && state.answer.is_none() && answers > 0 {
            state.answer = Some(0);
            ok = false;
        }
        let canonical = ok && state.to_query(table) == query_of(pairs);
        Parsed { state, canonical }
    }

    /// "" or "?indikator=…&…", in canonical order with defaults left out.
    pub fn to_query(&self, table: &StatTable) -> String {
        let default = ExplorerState::default_for(table);
        let mut parts = Vec::new();
        if self.indicator != default.indicator {
            parts.push(format!("indikator={}", table.survey.indicators[self.indicator].id));
        }
        if self.areas != default.areas {
            let codes: Vec<&str> = self.areas.iter().map(|&a| table.areas[a].code.as_str()).collect();
            parts.push(format!("omrade={}", codes.join(",")));
        }
        if let Some(f) = self.from {
            parts.push(format!("fran={f}"));
        }
        if let Some(t) = self.to {
            parts.push(format!("till={t}"));
        }
        if self.grade != default.grade {
            parts.push(format!("arskurs={}", GRADES[self.grade]));
        }
        if self.gender != default.gender {
            parts.push(format!("kon={}", self.gender.map_or(COMPARE, |g| GENDERS[g])));
        }
        if let Some(a) = self.answer {
            parts.push(format!("svar={a}"));
        }
        if self.map {
            parts.push(format!("visa={MAP}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

fn year(text: &str) -> Option<u16> {
    text.parse().ok().filter(|y| (2000..=2100).contains(y))
}

/// Which end of the span of years a year control sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearEnd {
    From,
    To,
}

/// The rules by which each control changes the state. The page only calls
/// them, so that a view the URL could not hold never arises from a click.
impl ExplorerState {
    /// Another indicator: its answers are others, so no answer stays chosen.
    pub fn choose_indicator(&mut self, indicator: usize) {
        self.indicator = indicator;
        self.answer = None;
    }

    /// Ticks or unticks an area. The last area stays: a view needs one.
    pub fn toggle_area(&mut self, area: usize) {
        match self.areas.iter().position(|&a| a == area) {
            Some(_) if self.areas.len() == 1 => {}
            Some(p) => {
                self.areas.remove(p);
            }
            None => {
                self.areas.push(area);
                crate::sort::sort_dedup(&mut self.areas);
            }
        }
    }

    /// One end of the span of years (`None`: the first or the latest). A
    /// "from" after the "to" swaps the two, so the span is never empty.
    pub fn choose_year(&mut self, end: YearEnd, year: Option<u16>) {
        match end {
            YearEnd::From => self.from = year,
            YearEnd::To => self.to = year,
        }
        if let (Some(f), Some(t)) = (self.from, self.to) {
            if f > t {
                (self.from, self.to) = (Some(t), Some(f));
            }
        }
    }

    /// One year only (the latest the controls offer), or every year with `None`.
    pub fn only_year(&mut self, year: Option<u16>) {
        (self.from, self.to) = (year, year);
    }

    /// The chart or the map. A map shows one value per municipality: one
    /// gender and, for a distribution of `answers` answers, one answer.
    pub fn choose_map(&mut self, map: bool, answers: usize) {
        self.map = map;
        if map {
            self.gender = self.gender.or(Some(0));
            if answers > 0 {
                self.answer = self.answer.or(Some(0));
            }
        }
    }

    /// A gender, or `None` for girls and boys side by side: a chart, not a map.
    pub fn choose_gender(&mut self, gender: Option<usize>) {
        self.gender = gender;
        self.map &= gender.is_some();
    }

    /// One answer, or `None` for the whole distribution: stacked bars, not a map.
    pub fn choose_answer(&mut self, answer: Option<usize>) {
        self.answer = answer;
        self.map &= answer.is_some();
    }
}
