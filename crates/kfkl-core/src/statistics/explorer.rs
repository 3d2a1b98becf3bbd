//! The statistics explorer's logic: its URL state (one typed struct), the
//! selection of rows it shows, the one-sentence summary and the CSV download.
//! The page only wires these to controls, chart and table.
//!
//! Query keys, in canonical order: `indikator`, `omrade` (area codes, comma-
//! separated), `fran`, `till` (years), `arskurs`, `kon`, `svar` (answer index of
//! a distribution). Defaults are left out; anything unknown falls back.

use crate::compare::{Difference, Share};
use crate::format::{and_list, format_fixed, format_number};
use crate::model::Approx;
use crate::query::query_of;
use crate::stats::{Observation, StatTable, StatUnit, COUNTY, GENDERS, GRADES, NATION};

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

/// The rows the state selects, ordered by area (as chosen), gender, answer, year.
/// Chart, table, summary and downloads all show exactly these.
/// In the map view: every area (the municipalities, then the county and the
/// nation) in one year, `to` or else the latest year any municipality has a value.
pub fn select(table: &StatTable, s: &ExplorerState) -> Vec<Observation> {
    let mut out: Vec<Observation> = table
        .rows_of(s.indicator)
        .filter(|&i| {
            table.rows.grade[i] as usize == s.grade
                && (s.map || s.areas.contains(&(table.rows.area[i] as usize)))
                && (s.map || s.from.is_none_or(|f| table.rows.year[i] >= f))
                && s.to.is_none_or(|t| table.rows.year[i] <= t)
                && match s.gender {
                    Some(g) => table.rows.gender[i] as usize == g,
                    None => table.rows.gender[i] != 0,
                }
                && match s.answer {
                    Some(a) => table.rows.answer[i] == a as i16,
                    None => true,
                }
        })
        .map(|i| table.rows.get(i))
        .collect();
    // A whole distribution is one stacked bar per group: it is shown for one
    // year, the last in the range with a value.
    if s.answer.is_none() && !table.survey.indicators[s.indicator].answers.is_empty() {
        let last = out
            .iter()
            .filter(|o| o.value.is_some())
            .map(|o| o.year)
            .max()
            .or(out.iter().map(|o| o.year).max());
        out.retain(|o| Some(o.year) == last);
    }
    if s.map {
        let municipal = |o: &&Observation| !table.is_reference(o.area) && o.value.is_some();
        let year = s.to.or(out.iter().filter(municipal).map(|o| o.year).max());
        out.retain(|o| Some(o.year) == year);
    }
    let key = |o: &Observation| {
        (
            if s.map {
                Some(o.area)
            } else {
                s.areas.iter().position(|&a| a == o.area)
            },
            o.gender,
            o.answer,
            o.year,
        )
    };
    crate::sort::sort_by(&mut out, |a, b| key(a).cmp(&key(b)));
    out
}

/// The years with rows for an indicator and grade, ascending: the year controls' choices.
pub fn years_of(table: &StatTable, indicator: usize, grade: usize) -> Vec<u16> {
    let mut years: Vec<u16> = table
        .rows_of(indicator)
        .filter(|&i| table.rows.grade[i] as usize == grade)
        .map(|i| table.rows.year[i])
        .collect();
    crate::sort::sort_dedup(&mut years);
    years
}

/// Per area (by index): whether it has any row for an indicator and grade.
pub fn areas_with_rows(table: &StatTable, indicator: usize, grade: usize) -> Vec<bool> {
    let mut has = vec![false; table.areas.len()];
    for i in table
        .rows_of(indicator)
        .filter(|&i| table.rows.grade[i] as usize == grade)
    {
        has[table.rows.area[i] as usize] = true;
    }
    has
}

/// Columns the table can be sorted by; `Shown` is the order of `select`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Shown,
    Area,
    Year,
    Value,
    N,
}

/// The table's rows sorted by a column. Ties keep the shown order, and
/// suppressed values (and unknown n) go last in either direction.
pub fn sort_rows(rows: &[Observation], key: SortKey, ascending: bool) -> Vec<Observation> {
    use std::cmp::Ordering;
    fn last_if_none<T>(a: Option<T>, b: Option<T>, cmp: impl Fn(T, T) -> Ordering, ascending: bool) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) if ascending => cmp(x, y),
            (Some(x), Some(y)) => cmp(y, x),
            (x, y) => x.is_none().cmp(&y.is_none()),
        }
    }
    let by = |a: &Observation, b: &Observation| -> Ordering {
        let flip = |o: Ordering| if ascending { o } else { o.reverse() };
        match key {
            SortKey::Shown => Ordering::Equal,
            SortKey::Area => flip(a.area.cmp(&b.area)),
            SortKey::Year => flip(a.year.cmp(&b.year)),
            SortKey::Value => last_if_none(a.value, b.value, |x: f64, y: f64| x.total_cmp(&y), ascending),
            SortKey::N => last_if_none(a.n, b.n, |x: u32, y: u32| x.cmp(&y), ascending),
        }
    };
    let mut sorted = rows.to_vec();
    crate::sort::sort_by(&mut sorted, by);
    sorted
}

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

/// Whether an indicator answers the explorer's indicator filter: every word
/// typed is the start of a word of its label, theme, question or definition,
/// the rule search uses (`search::words` folds both sides the same way).
pub fn indicator_matches(ind: &crate::stats::Indicator, query: &str) -> bool {
    let text = format!(
        "{} {} {} {}",
        ind.label,
        ind.theme,
        ind.question.as_deref().unwrap_or_default(),
        ind.definition
    );
    let have = crate::search::words(&text);
    crate::search::words(query)
        .iter()
        .all(|q| have.iter().any(|w| w.starts_with(q.as_str())))
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

/// The county's rows of the state's indicator and grade: what `against_county`
/// compares with, gathered once per table rather than once per row.
pub fn county_rows(table: &StatTable, s: &ExplorerState) -> Vec<Observation> {
    let Some(county) = table.areas.iter().position(|a| a.code == COUNTY) else {
        return Vec::new();
    };
    table
        .rows_of(s.indicator)
        .filter(|&i| table.rows.area[i] as usize == county && table.rows.grade[i] as usize == s.grade)
        .map(|i| table.rows.get(i))
        .collect()
}

/// A municipality's row against its county's row of the same year, grade,
/// gender and answer (from `county_rows`), by the honest rule of `compare`;
/// `None` for the county and the nation themselves, and for figures that are not shares.
pub fn against_county(table: &StatTable, o: &Observation, county: &[Observation]) -> Option<Difference> {
    if table.is_reference(o.area) || table.survey.indicators[o.indicator].unit != StatUnit::Percent {
        return None;
    }
    let share = |o: &Observation| {
        Some(Share {
            percent: o.value?,
            n: o.n?,
        })
    };
    let same = county.iter().find(|c| {
        (c.indicator, c.year, c.grade, c.gender, c.answer) == (o.indicator, o.year, o.grade, o.gender, o.answer)
    });
    Some(crate::compare::against_county(share(o), same.and_then(share)))
}

pub fn grade_label(grade: usize) -> &'static str {
    ["åk 8", "åk 9", "gy 2", "alla årskurser"][grade.min(3)]
}

pub fn gender_label(gender: usize) -> &'static str {
    ["alla", "flickor", "pojkar"][gender.min(2)]
}

pub use crate::csv::CsvFlavour;

/// Exactly the rows shown, with a header naming source and status. UTF-8 with BOM.
pub fn to_csv(table: &StatTable, s: &ExplorerState, rows: &[Observation], flavour: CsvFlavour) -> String {
    let ind = &table.survey.indicators[s.indicator];
    let quote = |t: &str| flavour.cell(t);
    let mut out = String::from("\u{feff}");
    let example = rows.iter().any(|o| o.example);
    if example {
        out.push_str("# EXEMPELDATA – INTE VERKLIGA RESULTAT\n");
    }
    out.push_str(&format!(
        "# {} – {} ({})\n",
        quote(&table.survey.title),
        quote(&ind.label),
        ind.definition.replace('\n', " ")
    ));
    // The publisher is named for real rows only: nobody published the example values.
    let real = rows.iter().any(|o| !o.example);
    match (real, example) {
        (true, false) => out.push_str(&format!("# Utgivare: {}.", table.survey.publisher)),
        (true, true) => out.push_str(&format!(
            "# Utgivare av de verkliga raderna: {}. Raderna med exempeldata = ja är påhittade.",
            table.survey.publisher
        )),
        _ => out.push_str("# Ingen utgivare: alla värden är påhittade exempel."),
    }
    if table.has_respondents() {
        out.push_str(&format!(
            " Värden för grupper med färre än {} svarande visas inte (..).",
            table.threshold
        ));
    }
    out.push_str(" Kolumnen ungefär har källans ord för ett ungefärligt värde (ca, drygt …).\n");
    let header = [
        "indikator",
        "år",
        "område",
        "områdeskod",
        "årskurs",
        "kön",
        "svar",
        "värde",
        "ungefär",
        "enhet",
        "n",
        "exempeldata",
        "källa",
    ];
    out.push_str(&header.join(&flavour.separator().to_string()));
    out.push('\n');
    for o in rows {
        let value = o.value.map(|v| flavour.number(v));
        let unit = match ind.unit {
            StatUnit::Percent => "procent",
            StatUnit::Litres => "liter ren alkohol per år",
            StatUnit::Count => "antal",
        };
        let cells = [
            ind.id.clone(),
            o.year.to_string(),
            table.areas[o.area].name.clone(),
            table.areas[o.area].code.clone(),
            GRADES[o.grade].to_string(),
            GENDERS[o.gender].to_string(),
            o.answer.map(|a| ind.answers[a].clone()).unwrap_or_default(),
            value.unwrap_or_else(|| "..".into()),
            o.approx.map(|a| a.word().to_string()).unwrap_or_default(),
            unit.to_string(),
            o.n.map(|n| n.to_string()).unwrap_or_default(),
            if o.example { "ja" } else { "nej" }.to_string(),
            table.sources[o.source].clone(),
        ];
        out.push_str(&flavour.line(&cells));
    }
    out
}

/// A file name that says what the download holds: "andts-rokning-gy2-08-00.csv".
pub fn file_name(table: &StatTable, s: &ExplorerState, ext: &str) -> String {
    let codes: Vec<&str> = s.areas.iter().map(|&a| table.areas[a].code.as_str()).collect();
    let mut name = format!("{}-{}", table.survey.id, table.survey.indicators[s.indicator].id);
    if table.by_grade() {
        name.push_str(&format!("-{}", GRADES[s.grade]));
    }
    name.push_str(&format!("-{}", codes.join("-")));
    if let Some(g) = s.gender.filter(|&g| g != 0) {
        name.push_str(&format!("-{}", GENDERS[g]));
    }
    if s.gender.is_none() {
        name.push_str("-flickor-pojkar");
    }
    if let (Some(f), Some(t)) = (s.from, s.to) {
        name.push_str(&format!("-{f}-{t}"));
    }
    format!("{}.{ext}", name.replace('_', "-"))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Approx, Status};
    use crate::stats::{Area, Indicator, Rows, Survey};

    /// Two indicators (a share and a three-answer distribution), three areas.
    pub(crate) fn table() -> StatTable {
        let indicator = |id: &str, answers: &[&str]| Indicator {
            id: id.into(),
            label: id.to_uppercase(),
            theme: "T".into(),
            unit: StatUnit::Percent,
            question: None,
            answers: answers.iter().map(|a| a.to_string()).collect(),
            definition: "D".into(),
            source: "S".into(),
            breaks: Vec::new(),
        };
        let mut rows = Rows::default();
        let mut add = |indicator, year, area, gender, answer: Option<usize>, value: Option<f64>, n| {
            rows.push(&Observation {
                indicator,
                year,
                area,
                grade: 2,
                gender,
                answer,
                value,
                n,
                approx: None,
                example: area == 0,
                source: 0,
            })
        };
        add(0, 2021, 0, 0, None, Some(20.5), Some(120));
        add(0, 2023, 0, 0, None, Some(21.0), Some(118));
        add(0, 2023, 0, 1, None, None, Some(7));
        add(0, 2023, 0, 2, None, Some(18.0), Some(111));
        add(0, 2023, 1, 0, None, Some(19.0), Some(3000));
        add(0, 2023, 2, 0, None, Some(21.0), None);
        add(1, 2021, 1, 0, Some(0), Some(20.0), Some(40));
        add(1, 2021, 1, 0, Some(1), Some(50.0), Some(40));
        add(1, 2021, 1, 0, Some(2), Some(30.0), Some(40));
        add(1, 2023, 1, 0, Some(0), Some(10.0), Some(50));
        add(1, 2023, 1, 0, Some(1), Some(60.0), Some(50));
        add(1, 2023, 1, 0, Some(2), Some(30.0), Some(50));
        StatTable {
            schema_version: 1,
            survey: Survey {
                id: "andts".into(),
                title: "ANDTS".into(),
                publisher: "CAN".into(),
                route: "/statistik/andts".into(),
                method: "M".into(),
                method_source: "S".into(),
                grades: vec!["ak9".into(), "gy2".into()],
                indicators: vec![
                    indicator("rokning", &[]),
                    indicator("fritid", &["Mycket", "Lagom", "Lite"]),
                ],
                absent: Vec::new(),
            },
            threshold: 10,
            status: Status::Exempeldata,
            areas: vec![
                Area {
                    code: "0880".into(),
                    name: "Kalmar".into(),
                },
                Area {
                    code: "08".into(),
                    name: "Kalmar län".into(),
                },
                Area {
                    code: "00".into(),
                    name: "Riket".into(),
                },
            ],
            sources: vec!["Källa; med semikolon".into()],
            rows,
        }
    }

    /// AV-Play's shape: counts for the county only, one grade ("alla"), no genders, no n.
    fn counts() -> StatTable {
        let mut t = table();
        t.survey.id = "av-play".into();
        t.survey.grades = vec!["alla".into()];
        t.survey.indicators = vec![Indicator {
            unit: StatUnit::Count,
            ..t.survey.indicators[0].clone()
        }];
        t.survey.indicators[0].id = "utlan".into();
        t.survey.indicators[0].label = "Utlån".into();
        t.rows = Rows::default();
        for (year, value, approx) in [(2022, 698.0, None), (2023, 16000.0, Some(Approx::Drygt))] {
            t.rows.push(&Observation {
                indicator: 0,
                year,
                area: 1,
                grade: 3,
                gender: 0,
                answer: None,
                value: Some(value),
                n: None,
                approx,
                example: false,
                source: 0,
            });
        }
        t.status = Status::Official;
        t
    }

    use crate::query::pairs_of as pairs;

    #[test]
    fn queries_parse_to_state_and_back() {
        let t = table();
        // (query, canonical, the canonical form)
        let cases: &[(&str, bool, &str)] = &[
            ("", true, ""),
            ("?indikator=fritid", true, "?indikator=fritid"),
            ("?omrade=0880,00", true, "?omrade=0880,00"),
            ("?omrade=00,0880", false, "?omrade=0880,00"),
            ("?omrade=08,00", false, ""),
            (
                "?fran=2021&till=2023&arskurs=ak9&kon=jamfor",
                true,
                "?fran=2021&till=2023&arskurs=ak9&kon=jamfor",
            ),
            ("?kon=flickor", true, "?kon=flickor"),
            ("?arskurs=ak8", false, ""),
            ("?okand=1", false, ""),
            ("?indikator=saknas&kon=pojkar", false, "?kon=pojkar"),
            ("?kon=pojkar&indikator=fritid", false, "?indikator=fritid&kon=pojkar"),
            ("?indikator=fritid&svar=2", true, "?indikator=fritid&svar=2"),
            ("?indikator=fritid&svar=3", false, "?indikator=fritid"),
            ("?svar=0", false, ""),
            ("?fran=2023&till=2021", false, ""),
            ("?fran=abc", false, ""),
            ("?kon=alla&kon=alla", false, ""),
            ("?visa=karta", true, "?visa=karta"),
            ("?visa=lista", false, ""),
            // A map shows one value per municipality: one gender, one answer.
            ("?kon=jamfor&visa=karta", false, "?visa=karta"),
            (
                "?indikator=fritid&visa=karta",
                false,
                "?indikator=fritid&svar=0&visa=karta",
            ),
        ];
        for (query, canonical, form) in cases {
            let parsed = ExplorerState::parse(&pairs(query), &t);
            assert_eq!(
                (parsed.canonical, parsed.state.to_query(&t).as_str()),
                (*canonical, *form),
                "{query}"
            );
            let again = ExplorerState::parse(&pairs(form), &t);
            assert!(again.canonical && again.state == parsed.state, "{form} round-trips");
        }
    }

    #[test]
    fn selection_summary_and_suppression() {
        let t = table();
        let s = ExplorerState::parse(&pairs("?omrade=0880,08,00"), &t).state;
        let rows = select(&t, &s);
        assert_eq!(rows.len(), 4);
        assert_eq!(
            summary(&t, &s, &rows),
            "ROKNING, gy 2, 2023: Kalmar 21\u{a0}% (n = 118), Kalmar län 19\u{a0}% (n = 3\u{a0}000), Riket 21\u{a0}%."
        );
        let s = ExplorerState::parse(&pairs("?omrade=0880&fran=2023&kon=jamfor"), &t).state;
        let rows = select(&t, &s);
        assert_eq!(rows.iter().map(|o| o.value).collect::<Vec<_>>(), [None, Some(18.0)]);
        assert_eq!(
            summary(&t, &s, &rows),
            "ROKNING, gy 2, 2023: Kalmar (flickor) .. (n = 7), Kalmar (pojkar) 18\u{a0}% (n = 111)."
        );
        // A whole distribution shows one year: the last in the range.
        let years = |q: &str| {
            select(&t, &ExplorerState::parse(&pairs(q), &t).state)
                .iter()
                .map(|o| o.year)
                .collect::<Vec<_>>()
        };
        assert_eq!(years("?indikator=fritid"), [2023; 3]);
        assert_eq!(years("?indikator=fritid&till=2021"), [2021; 3]);
        assert_eq!(years("?indikator=fritid&svar=0"), [2021, 2023]);
        let s = ExplorerState::parse(&pairs("?indikator=fritid&fran=2030"), &t).state;
        assert_eq!(
            summary(&t, &s, &select(&t, &s)),
            "FRITID, gy 2: inga värden att visa för valet."
        );
        // The nation a round ahead: the sentence compares the year all have, then adds the later one.
        let mut t = table();
        let mut rows: Vec<Observation> = (0..t.rows.len()).map(|i| t.rows.get(i)).collect();
        rows.insert(
            5,
            Observation {
                indicator: 0,
                year: 2024,
                area: 2,
                grade: 2,
                gender: 0,
                answer: None,
                value: Some(20.0),
                n: None,
                approx: None,
                example: false,
                source: 0,
            },
        );
        t.rows = Rows::default();
        rows.iter().for_each(|o| t.rows.push(o));
        let s = ExplorerState::parse(&pairs("?omrade=0880,00"), &t).state;
        assert_eq!(
            summary(&t, &s, &select(&t, &s)),
            "ROKNING, gy 2, 2023: Kalmar 21\u{a0}% (n = 118), Riket 21\u{a0}%. Senare år: Riket 20\u{a0}% (2024)."
        );
    }

    #[test]
    fn the_choices_in_force_read_as_one_line() {
        let t = table();
        // (query, line)
        for (query, line) in [
            (
                "?omrade=0880,08,00",
                "ROKNING · gy 2 · Kalmar, Kalmar län, Riket · 2021–2023",
            ),
            (
                "?omrade=0880&fran=2023&kon=jamfor",
                "ROKNING · gy 2 · flickor och pojkar · Kalmar · 2023",
            ),
            (
                "?omrade=0880&kon=pojkar",
                "ROKNING · gy 2 · pojkar · Kalmar · 2021–2023",
            ),
            (
                "?indikator=fritid&svar=1",
                "FRITID: ”Lagom” · gy 2 · Kalmar län, Riket · 2021–2023",
            ),
            (
                "?visa=karta&till=2021",
                "ROKNING · gy 2 · länets kommuner på karta · 2021",
            ),
        ] {
            assert_eq!(
                choice_line(&t, &ExplorerState::parse(&pairs(query), &t).state),
                line,
                "{query}"
            );
        }
        let mut t = table();
        t.survey.indicators[1].label = "Hur mycket fritid har du?".into();
        assert_eq!(
            choice_line(&t, &ExplorerState::parse(&pairs("?indikator=fritid"), &t).state),
            "Hur mycket fritid har du? – hela fördelningen · gy 2 · Kalmar län, Riket · 2021–2023"
        );
        // The summary sets a question off by a dash too, never "?,".
        let opening = |q: &str| {
            let s = ExplorerState::parse(&pairs(q), &t).state;
            summary(&t, &s, &select(&t, &s))
                .split(", 20")
                .next()
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(opening("?indikator=fritid"), "Hur mycket fritid har du? – gy 2");
        assert_eq!(
            opening("?indikator=fritid&fran=2030"),
            "Hur mycket fritid har du? – gy 2: inga värden att visa för valet."
        );
    }

    #[test]
    fn the_map_view_shows_every_area_in_one_year() {
        let t = table();
        let s = ExplorerState::parse(&pairs("?omrade=0880&fran=2021&visa=karta"), &t).state;
        let rows = select(&t, &s);
        assert_eq!(
            rows.iter().map(|o| (o.area, o.year)).collect::<Vec<_>>(),
            [(0, 2023), (1, 2023), (2, 2023)]
        );
        assert_eq!(
            summary(&t, &s, &rows),
            "ROKNING, gy 2, 2023, länets kommuner: Kalmar 21\u{a0}%. Kalmar län 19\u{a0}%, Riket 21\u{a0}%."
        );
        let s = ExplorerState::parse(&pairs("?till=2021&visa=karta"), &t).state;
        assert_eq!(
            select(&t, &s).iter().map(|o| (o.area, o.year)).collect::<Vec<_>>(),
            [(0, 2021)]
        );
        // Counts for the county alone (AV-Play) have no map.
        let parsed = ExplorerState::parse(&pairs("?visa=karta"), &counts());
        assert!(!parsed.state.map && !parsed.canonical);
    }

    #[test]
    fn the_table_compares_each_municipality_with_its_county_by_the_honest_rule() {
        let mut t = table();
        let s = ExplorerState::default_for(&t);
        let versus = |t: &StatTable, area: usize, gender: usize| {
            let o = (0..t.rows.len())
                .map(|i| t.rows.get(i))
                .find(|o| o.indicator == 0 && o.year == 2023 && o.area == area && o.gender == gender)
                .unwrap();
            against_county(t, &o, &county_rows(t, &s))
        };
        // Kalmar 21 % of 118 against the rest of a county of 19 % of 3 000: chance explains it.
        assert_eq!(versus(&t, 0, 0), Some(Difference::NoSureDifference));
        // Suppressed: no claim. The county and the nation are the references themselves.
        assert_eq!(versus(&t, 0, 1), Some(Difference::Unknown));
        assert_eq!((versus(&t, 1, 0), versus(&t, 2, 0)), (None, None));
        // 40 % of 118 against the rest at 18,2 % of 2 882: surely higher.
        t.rows.value[1] = Some(40.0);
        assert_eq!(versus(&t, 0, 0), Some(Difference::Higher));
        // No county row that year: no claim.
        let o = Observation {
            year: 2021,
            ..t.rows.get(1)
        };
        assert_eq!(against_county(&t, &o, &county_rows(&t, &s)), Some(Difference::Unknown));
    }

    #[test]
    fn csv_comes_in_two_flavours_with_bom_status_and_source() {
        let t = table();
        let s = ExplorerState::parse(&pairs("?omrade=0880&kon=jamfor"), &t).state;
        let rows = select(&t, &s);
        let excel = to_csv(&t, &s, &rows, CsvFlavour::SwedishExcel);
        let lines: Vec<&str> = excel.lines().collect();
        assert!(lines[0].starts_with("\u{feff}# EXEMPELDATA"));
        // Only example rows: no publisher is named for them.
        assert!(lines[2].starts_with("# Ingen utgivare"), "{}", lines[2]);
        assert_eq!(
            lines[3],
            "indikator;år;område;områdeskod;årskurs;kön;svar;värde;ungefär;enhet;n;exempeldata;källa"
        );
        assert_eq!(
            lines[4],
            "rokning;2023;Kalmar;0880;gy2;flickor;;..;;procent;7;ja;\"Källa; med semikolon\""
        );
        assert_eq!(
            lines[5],
            "rokning;2023;Kalmar;0880;gy2;pojkar;;18;;procent;111;ja;\"Källa; med semikolon\""
        );
        let s = ExplorerState::parse(&pairs("?omrade=0880"), &t).state;
        let standard = to_csv(&t, &s, &select(&t, &s), CsvFlavour::Standard);
        assert!(standard
            .lines()
            .any(|l| l == "rokning,2021,Kalmar,0880,gy2,alla,,20.5,,procent,120,ja,Källa; med semikolon"));
        let excel = to_csv(&t, &s, &select(&t, &s), CsvFlavour::SwedishExcel);
        assert!(excel.lines().any(|l| l.contains(";20,5;")));
        assert_eq!(file_name(&t, &s, "csv"), "andts-rokning-gy2-0880.csv");
    }

    #[test]
    fn the_table_sorts_by_a_column_with_suppressed_values_last_either_way() {
        let t = table();
        let s = ExplorerState::parse(&pairs("?omrade=0880,08,00&fran=2023&kon=jamfor"), &t).state;
        let mut rows = select(&t, &s);
        rows.extend(select(
            &t,
            &ExplorerState::parse(&pairs("?omrade=08,00&fran=2023"), &t).state,
        ));
        let values = |key, ascending| {
            sort_rows(&rows, key, ascending)
                .iter()
                .map(|o| o.value)
                .collect::<Vec<_>>()
        };
        // Shown: Kalmar flickor (..), Kalmar pojkar 18, Kalmar län 19, Riket 21.
        let cases: &[(SortKey, bool, &[Option<f64>])] = &[
            (SortKey::Shown, true, &[None, Some(18.0), Some(19.0), Some(21.0)]),
            (SortKey::Value, true, &[Some(18.0), Some(19.0), Some(21.0), None]),
            (SortKey::Value, false, &[Some(21.0), Some(19.0), Some(18.0), None]),
            (SortKey::Area, false, &[Some(21.0), Some(19.0), None, Some(18.0)]),
        ];
        for (key, ascending, want) in cases {
            assert_eq!(values(*key, *ascending), *want, "{key:?} {ascending}");
        }
        // Unknown n (Riket) goes last either way.
        let n = |ascending| {
            sort_rows(&rows, SortKey::N, ascending)
                .iter()
                .map(|o| o.n)
                .collect::<Vec<_>>()
        };
        assert_eq!(n(true), [Some(7), Some(111), Some(3000), None]);
        assert_eq!(n(false), [Some(3000), Some(111), Some(7), None]);
        assert_eq!(
            (years_of(&t, 0, 2), years_of(&t, 1, 2), years_of(&t, 0, 1)),
            (vec![2021, 2023], vec![2021, 2023], vec![])
        );
        assert_eq!(areas_with_rows(&t, 1, 2), [false, true, false]);
        assert_eq!((t.rows_of(0), t.rows_of(1), t.rows_of(2)), (0..6, 6..12, 12..12));
    }

    #[test]
    fn values_keep_the_sources_hedge_word_and_unit() {
        let cases: &[(Option<f64>, Option<Approx>, StatUnit, &str)] = &[
            (Some(16000.0), Some(Approx::Drygt), StatUnit::Count, "drygt 16\u{a0}000"),
            (Some(73.0), Some(Approx::Ca), StatUnit::Percent, "ca 73\u{a0}%"),
            (Some(12.5), None, StatUnit::Percent, "12,5\u{a0}%"),
            (Some(2.5), None, StatUnit::Litres, "2,5\u{a0}liter"),
            (None, Some(Approx::Ca), StatUnit::Percent, ".."),
        ];
        for &(value, approx, unit, text) in cases {
            assert_eq!(format_value(value, approx, unit), text);
        }
    }

    #[test]
    fn a_table_without_grades_genders_or_nation_leaves_them_out() {
        let t = counts();
        let parse = |q: &str| ExplorerState::parse(&pairs(q), &t);
        let default = parse("");
        assert!(default.canonical);
        assert_eq!(default.state.areas, [1], "only the county has data");
        // Girls and boys cannot be chosen where the data has none.
        for q in ["?kon=flickor", "?kon=jamfor", "?arskurs=gy2"] {
            assert_eq!(
                (parse(q).canonical, parse(q).state),
                (false, default.state.clone()),
                "{q}"
            );
        }
        let rows = select(&t, &default.state);
        assert_eq!(
            summary(&t, &default.state, &rows),
            "Utlån, 2023: Kalmar län drygt 16\u{a0}000."
        );
        assert_eq!(file_name(&t, &default.state, "csv"), "av-play-utlan-08.csv");
        assert_eq!(
            source_line(&t, &rows),
            "Källa: Källa; med semikolon.",
            "each source once"
        );
        assert_eq!(
            source_line(&t, &[]),
            "Källa: CAN.",
            "the publisher where nothing is shown"
        );
        let csv = to_csv(&t, &default.state, &rows, CsvFlavour::Standard);
        assert!(!csv.contains("EXEMPELDATA") && !csv.contains("svarande"), "{csv}");
        assert!(
            csv.lines()
                .any(|l| l == "utlan,2023,Kalmar län,08,alla,alla,,16000,drygt,antal,,nej,Källa; med semikolon"),
            "{csv}"
        );
    }

    #[test]
    fn the_banner_says_which_areas_of_the_view_are_example_data() {
        let t = table();
        let row = |area, year, example: bool, value: Option<f64>| Observation {
            indicator: 0,
            year,
            area,
            grade: 2,
            gender: 0,
            answer: None,
            value,
            n: None,
            approx: None,
            example,
            source: 0,
        };
        let cases: &[(&[Observation], &str)] = &[
            (&[row(0, 2023, true, Some(1.0)), row(1, 2023, true, Some(1.0))], "Alla siffror i vyn är exempeldata."),
            (&[row(2, 2023, false, Some(1.0))], "Alla siffror i vyn kommer ur publicerade källor."),
            (
                &[row(0, 2023, true, Some(1.0)), row(1, 2023, true, Some(1.0)), row(2, 2023, false, Some(1.0))],
                "Exempeldata i vyn: Kalmar och Kalmar län. Ur publicerade källor: Riket (märkta som verkliga i tabellen).",
            ),
            (
                &[row(0, 2015, false, Some(1.0)), row(0, 2017, false, Some(1.0)), row(0, 2019, true, Some(1.0)), row(1, 2019, true, Some(1.0))],
                "Exempeldata i vyn: Kalmar län och övriga år för Kalmar. Ur publicerade källor: Kalmar 2015 och 2017 (märkta som verkliga i tabellen).",
            ),
            // A suppressed cell is neither: it shows no number.
            (&[row(0, 2023, true, None), row(2, 2023, false, Some(1.0))], "Alla siffror i vyn kommer ur publicerade källor."),
        ];
        for (rows, expected) in cases {
            assert_eq!(example_scope(&t, rows), *expected);
        }
    }

    /// Property: no query string makes parsing panic, and what it yields is canonical.
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_query_parses_to_a_canonical_state(
                query in proptest::collection::vec(("(indikator|omrade|fran|till|arskurs|kon|svar|[a-zå]{0,6})", "[a-zA-Z0-9,_åäö=&%-]{0,12}"), 0..8)
            ) {
                let t = table();
                let pairs: Vec<(String, String)> = query;
                let parsed = ExplorerState::parse(&pairs, &t);
                let form = parsed.state.to_query(&t);
                let again = ExplorerState::parse(&super::pairs(&form), &t);
                prop_assert!(again.canonical, "{form}");
                prop_assert_eq!(&again.state, &parsed.state);
                let _ = select(&t, &parsed.state);
            }
        }
    }

    #[test]
    fn the_indicator_filter_matches_as_search_does() {
        let mut ind = table().survey.indicators[1].clone();
        ind.label = "Mycket fritid".into();
        ind.question = Some("Hur mycket fritid har du?".into());
        ind.definition = "Andel som svarar mycket eller ganska mycket.".into();
        let cases = [
            ("", true),
            ("fritid", true),
            ("FRI", true),
            ("fritid mycket", true),
            ("ganska", true),
            // The start of a word, as in search: not the middle.
            ("tid", false),
            // å, ä and ö are letters of their own.
            ("har", true),
            ("här", false),
            ("fritid skola", false),
        ];
        for (query, want) in cases {
            assert_eq!(indicator_matches(&ind, query), want, "{query}");
        }
    }
}
