//! One key indicator of a municipality's report, derived from a published
//! table: the latest rounds of the municipality, the county and the nation,
//! what may be said of their differences, the trends and their sources.

use super::*;
use crate::compare::{against_county, two_proportions, Share};
use crate::explorer::ExplorerState;
use crate::stats::{Observation, StatTable, StatUnit, COUNTY, NATION};

/// One indicator of `table` for one municipality and grade (indices into the
/// table's areas, indicators and `GRADES`), everyone (not by gender).
pub fn key_indicator(table: &StatTable, indicator: usize, grade: usize, municipality: usize) -> KeyIndicator {
    let p = Places::of(table, indicator, grade, municipality);
    let ind = &table.survey.indicators[indicator];
    let own = p.years(|o| o.area == municipality);
    let latest = own.last().and_then(|&y| p.reading(Some(municipality), y));
    // The round before, unless the question changed between the two.
    let previous = own
        .len()
        .checked_sub(2)
        .filter(|&i| !ind.across_break(own[i], own[i + 1]))
        .and_then(|i| p.reading(Some(municipality), own[i]));
    // Without a round of its own the municipality is compared in no year, but the
    // card still states the county's latest round, which its trend draws.
    let county_latest = p.rows.iter().filter(|o| Some(o.area) == p.county).map(|o| o.year).max();
    let year = latest.as_ref().map(|r| r.year).or(county_latest);
    let county_now = year.and_then(|y| p.reading(p.county, y));
    let nation_now = year.and_then(|y| p.reading(p.nation, y));
    let years = p.years(|o| o.area == municipality || Some(o.area) == p.county);
    let span = years.first().copied().unwrap_or(0)..=years.last().copied().unwrap_or(0);
    let nation_years = p.years(|o| Some(o.area) == p.nation && o.value.is_some() && span.contains(&o.year));
    let share = |r: &Option<Reading>| share(ind.unit, r);
    let (explorer, map) = p.explorer_links();
    KeyIndicator {
        id: ind.id.clone(),
        label: ind.label.clone(),
        unit: ind.unit,
        grade: crate::explorer::grade_label(grade).to_string(),
        vs_county: against_county(share(&latest), share(&county_now)).into(),
        vs_nation: two_proportions(share(&latest), share(&nation_now)).into(),
        trend_municipality: p.trend(Some(municipality), &years),
        trend_county: p.trend(p.county, &years),
        trend_nation: p.trend(p.nation, &nation_years),
        real_municipality: p.real(Some(municipality), &years),
        real_county: p.real(p.county, &years),
        real_nation: p.real(p.nation, &nation_years),
        sources: p.sources(&years, &nation_years, year),
        years,
        nation_years,
        breaks: ind.breaks.iter().map(|b| b.year).collect(),
        explorer,
        map,
        latest,
        previous,
        county: county_now,
        nation: nation_now,
    }
}

/// A reading as a share of respondents, which `compare` can test; `None` for other units.
fn share(unit: StatUnit, r: &Option<Reading>) -> Option<Share> {
    let r = r.as_ref()?;
    (unit == StatUnit::Percent).then_some(())?;
    Some(Share {
        percent: r.value?,
        n: r.n?,
    })
}

/// The rows of one indicator and grade for everyone, and where the
/// municipality, the county and the nation are among the table's areas.
struct Places<'a> {
    table: &'a StatTable,
    indicator: usize,
    grade: usize,
    rows: Vec<Observation>,
    municipality: usize,
    county: Option<usize>,
    nation: Option<usize>,
}

impl<'a> Places<'a> {
    fn of(table: &'a StatTable, indicator: usize, grade: usize, municipality: usize) -> Places<'a> {
        let area = |code: &str| table.areas.iter().position(|a| a.code == code);
        let rows = table
            .rows_of(indicator)
            .map(|i| table.rows.get(i))
            .filter(|o| o.grade == grade && o.gender == 0 && o.answer.is_none())
            .collect();
        Places {
            table,
            indicator,
            grade,
            rows,
            municipality,
            county: area(COUNTY),
            nation: area(NATION),
        }
    }

    fn reading(&self, area: Option<usize>, year: u16) -> Option<Reading> {
        let o = self.rows.iter().find(|o| Some(o.area) == area && o.year == year)?;
        Some(Reading {
            year,
            value: o.value,
            n: o.n,
            approx: o.approx,
            example: o.example,
        })
    }

    /// The years of the rows `which` picks, ascending, each once.
    fn years(&self, which: impl Fn(&Observation) -> bool) -> Vec<u16> {
        let mut years: Vec<u16> = self.rows.iter().filter(|o| which(o)).map(|o| o.year).collect();
        crate::sort::sort_dedup(&mut years);
        years
    }

    fn trend(&self, area: Option<usize>, years: &[u16]) -> Vec<Option<f64>> {
        years
            .iter()
            .map(|&y| self.reading(area, y).and_then(|r| r.value))
            .collect()
    }

    fn real(&self, area: Option<usize>, years: &[u16]) -> Vec<bool> {
        years
            .iter()
            .map(|&y| self.reading(area, y).is_some_and(|r| !r.example))
            .collect()
    }

    /// The sources of exactly the values the card shows and draws, each once:
    /// the municipality's and the county's trend years, the nation's drawn
    /// years and its value in the card's `year`.
    fn sources(&self, years: &[u16], nation_years: &[u16], year: Option<u16>) -> Vec<String> {
        let mut sources: Vec<String> = Vec::new();
        for o in &self.rows {
            let shown = if o.area == self.municipality || Some(o.area) == self.county {
                years.contains(&o.year)
            } else {
                Some(o.area) == self.nation && (nation_years.contains(&o.year) || Some(o.year) == year)
            };
            let source = &self.table.sources[o.source];
            if shown && !sources.contains(source) {
                sources.push(source.clone());
            }
        }
        sources
    }

    /// The explorer with the municipality beside the county and the nation, and its map view.
    fn explorer_links(&self) -> (String, String) {
        let table = self.table;
        let state = ExplorerState {
            indicator: self.indicator,
            areas: [Some(self.municipality), self.county, self.nation]
                .into_iter()
                .flatten()
                .collect(),
            from: None,
            to: None,
            grade: self.grade,
            gender: Some(0),
            answer: None,
            map: false,
        };
        let answer = (!table.survey.indicators[self.indicator].answers.is_empty()).then_some(0);
        let map = ExplorerState {
            map: true,
            areas: ExplorerState::default_for(table).areas,
            answer,
            ..state.clone()
        };
        let route = &table.survey.route;
        (
            format!("{route}{}", state.to_query(table)),
            format!("{route}{}", map.to_query(table)),
        )
    }
}

/// "ANDTS 2015–2023" from the rounds the indicators draw on.
pub fn rounds(name: &str, indicators: &[KeyIndicator]) -> String {
    let years = indicators.iter().flat_map(|k| k.years.iter().copied());
    match (years.clone().min(), years.max()) {
        (Some(a), Some(b)) if a != b => format!("{name} {a}–{b}"),
        (Some(a), _) => format!("{name} {a}"),
        _ => name.to_string(),
    }
}
