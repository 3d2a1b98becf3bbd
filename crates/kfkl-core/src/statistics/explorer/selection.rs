//! Which rows a state shows, the years and areas its controls offer, the
//! table's sort, the indicator filter, and each row against its county.

use super::*;
use crate::compare::{Difference, Share};
use crate::stats::{Indicator, Observation, StatTable, StatUnit, COUNTY};

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
/// Whether an indicator answers the explorer's indicator filter: every word
/// typed is the start of a word of its label, theme, question or definition,
/// the rule search uses (`search::words` folds both sides the same way).
pub fn indicator_matches(ind: &Indicator, query: &str) -> bool {
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

/// The indicators' themes, each once, in the order the survey lists them:
/// the indicator list's groups.
pub fn themes(indicators: &[Indicator]) -> Vec<String> {
    let mut themes: Vec<String> = Vec::new();
    for ind in indicators {
        if !themes.contains(&ind.theme) {
            themes.push(ind.theme.clone());
        }
    }
    themes
}

/// "3 av 40 indikatorer matchar." under the indicator filter; "" while it is empty.
pub fn filter_note(indicators: &[Indicator], query: &str) -> String {
    if query.trim().is_empty() {
        return String::new();
    }
    let n = indicators.iter().filter(|ind| indicator_matches(ind, query)).count();
    format!("{n} av {} indikatorer matchar.", indicators.len())
}
