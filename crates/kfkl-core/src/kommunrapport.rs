//! A municipality's report (`kommun-<slug>.json`): for each key indicator and
//! grade, the municipality's latest value with its `n`, the county's and the
//! nation's, the change since the previous round, the trend beside the
//! county's, and what may honestly be said of the differences (`compare`).
//! The data build derives it from the published tables; the page only shows it.

use serde::{Deserialize, Serialize};

use crate::compare::{against_county, two_proportions, Difference, Share};
use crate::explorer::ExplorerState;
use crate::model::{Approx, Status};
use crate::stats::{StatTable, StatUnit, COUNTY, NATION};

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Kommunrapport {
    pub schema_version: u32,
    pub code: String,
    pub name: String,
    pub slug: String,
    /// "exempeldata" where any value shown is example data.
    pub status: Status,
    pub surveys: Vec<SurveyPart>,
    /// Passages of the plan and the report that name the municipality.
    pub passages: Vec<Passage>,
    /// What the documents state for the whole county, never the municipality's own figure.
    pub county_wide: Vec<CountyWide>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct SurveyPart {
    pub id: String,
    pub title: String,
    /// The explorer's page.
    pub route: String,
    /// Suppressed under this many respondents.
    pub threshold: u32,
    /// "ANDTS 2015–2023": the rounds the part draws on.
    pub rounds: String,
    pub indicators: Vec<KeyIndicator>,
    /// Each source of the values shown, once.
    pub sources: Vec<String>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct KeyIndicator {
    pub id: String,
    pub label: String,
    pub unit: StatUnit,
    /// "åk 9"
    pub grade: String,
    /// The municipality's latest round with a row, and the round before it.
    pub latest: Option<Reading>,
    pub previous: Option<Reading>,
    /// The county's and the nation's value in the latest round.
    pub county: Option<Reading>,
    pub nation: Option<Reading>,
    pub vs_county: Comparison,
    pub vs_nation: Comparison,
    /// Rounds with a value for the municipality or the county, ascending.
    pub years: Vec<u16>,
    pub trend_municipality: Vec<Option<f64>>,
    pub trend_county: Vec<Option<f64>>,
    /// The explorer with this indicator, grade and the municipality beside the county and the nation.
    pub explorer: String,
    /// The explorer's map view of this indicator and grade: every municipality in the latest round.
    pub map: String,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Reading {
    pub year: u16,
    /// `None`: suppressed, too few respondents.
    pub value: Option<f64>,
    pub n: Option<u32>,
    pub approx: Option<Approx>,
    pub example: bool,
}

/// `compare::Difference`, as published.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    #[serde(rename = "hogre")]
    Higher,
    #[serde(rename = "lagre")]
    Lower,
    #[serde(rename = "ingen-saker-skillnad")]
    NoSureDifference,
    #[serde(rename = "okand")]
    Unknown,
}

impl From<Difference> for Comparison {
    fn from(d: Difference) -> Comparison {
        match d {
            Difference::Higher => Comparison::Higher,
            Difference::Lower => Comparison::Lower,
            Difference::NoSureDifference => Comparison::NoSureDifference,
            Difference::Unknown => Comparison::Unknown,
        }
    }
}

impl Comparison {
    pub fn difference(self) -> Difference {
        match self {
            Comparison::Higher => Difference::Higher,
            Comparison::Lower => Difference::Lower,
            Comparison::NoSureDifference => Difference::NoSureDifference,
            Comparison::Unknown => Difference::Unknown,
        }
    }
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Passage {
    /// "Verksamhetsplan och budget 2025"
    pub document: String,
    /// The heading the passage stands under.
    pub section: String,
    /// Path and fragment: "/plan/2025#aldre".
    pub link: String,
    pub text: String,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct CountyWide {
    /// "Aktiviteter i alla 12 kommuner"
    pub label: String,
    /// "12", "drygt 800" as the source states it.
    pub value: String,
    pub quote: String,
    /// Document and section.
    pub source: String,
}

/// One indicator of `table` for one municipality and grade (indices into the
/// table's areas, indicators and `GRADES`), everyone (not by gender).
pub fn key_indicator(table: &StatTable, indicator: usize, grade: usize, municipality: usize) -> KeyIndicator {
    let area = |code: &str| table.areas.iter().position(|a| a.code == code);
    let (county, nation) = (area(COUNTY), area(NATION));
    let rows: Vec<_> = table
        .rows_of(indicator)
        .map(|i| table.rows.get(i))
        .filter(|o| o.grade == grade && o.gender == 0 && o.answer.is_none())
        .collect();
    let reading = |area: Option<usize>, year: u16| -> Option<Reading> {
        let o = rows.iter().find(|o| Some(o.area) == area && o.year == year)?;
        Some(Reading { year, value: o.value, n: o.n, approx: o.approx, example: o.example })
    };
    let mut own: Vec<u16> = rows.iter().filter(|o| o.area == municipality).map(|o| o.year).collect();
    crate::sort::sort_dedup(&mut own);
    let latest = own.last().and_then(|&y| reading(Some(municipality), y));
    let previous = own.len().checked_sub(2).and_then(|i| reading(Some(municipality), own[i]));
    let year = latest.as_ref().map(|r| r.year);
    let county_now = year.and_then(|y| reading(county, y));
    let nation_now = year.and_then(|y| reading(nation, y));
    let share = |r: &Option<Reading>| -> Option<Share> {
        let r = r.as_ref()?;
        (table.survey.indicators[indicator].unit == StatUnit::Percent).then_some(())?;
        Some(Share { percent: r.value?, n: r.n? })
    };
    let mut years: Vec<u16> = rows.iter().filter(|o| o.area == municipality || Some(o.area) == county).map(|o| o.year).collect();
    crate::sort::sort_dedup(&mut years);
    let trend = |area: Option<usize>| years.iter().map(|&y| reading(area, y).and_then(|r| r.value)).collect();
    let ind = &table.survey.indicators[indicator];
    let state = ExplorerState {
        indicator,
        areas: [Some(municipality), county, nation].into_iter().flatten().collect(),
        from: None,
        to: None,
        grade,
        gender: Some(0),
        answer: None,
        map: false,
    };
    let answer = (!ind.answers.is_empty()).then_some(0);
    let map = ExplorerState { map: true, areas: ExplorerState::default_for(table).areas, answer, ..state.clone() };
    KeyIndicator {
        id: ind.id.clone(),
        label: ind.label.clone(),
        unit: ind.unit,
        grade: crate::explorer::grade_label(grade).to_string(),
        vs_county: against_county(share(&latest), share(&county_now)).into(),
        vs_nation: two_proportions(share(&latest), share(&nation_now)).into(),
        trend_municipality: trend(Some(municipality)),
        trend_county: trend(county),
        years,
        explorer: format!("{}{}", table.survey.route, state.to_query(table)),
        map: format!("{}{}", table.survey.route, map.to_query(table)),
        latest,
        previous,
        county: county_now,
        nation: nation_now,
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

/// The change since the previous round, in percentage points or the unit:
/// "+2,5 procentenheter sedan 2021", or `None` where either is missing.
pub fn change_text(k: &KeyIndicator) -> Option<String> {
    let (now, before) = (k.latest.as_ref()?, k.previous.as_ref()?);
    let d = now.value? - before.value?;
    let sign = if d > 0.0 { "+" } else if d < 0.0 { "\u{2212}" } else { "±" };
    let amount = crate::format::format_fixed(d.abs(), 1);
    let unit = match k.unit {
        StatUnit::Percent => "procentenheter",
        StatUnit::Litres => "liter",
        StatUnit::Count => "",
    };
    Some(format!("{sign}{amount}\u{a0}{unit} sedan {}", before.year).replace("\u{a0} ", " "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::Rows;

    /// The explorer's test table (Kalmar, Kalmar län, Riket) with its percent
    /// indicator only and these åk 9 rows, as (area, year, value, n).
    fn table(rows: &[(usize, u16, Option<f64>, Option<u32>)]) -> StatTable {
        let mut t = crate::explorer::tests::table();
        t.survey.indicators.truncate(1);
        t.rows = Rows::default();
        for &(area, year, value, n) in rows {
            t.rows.push(&crate::stats::Observation { indicator: 0, year, area, grade: 1, gender: 0, answer: None, value, n, approx: None, example: area != 2, source: 0 });
        }
        t
    }

    #[test]
    fn a_key_indicator_has_the_latest_round_the_previous_the_references_and_the_trend() {
        let t = table(&[
            (0, 2021, Some(20.0), Some(300)),
            (0, 2023, Some(30.0), Some(300)),
            (1, 2021, Some(20.0), Some(3000)),
            (1, 2023, Some(21.0), Some(3000)),
            (2, 2023, Some(19.0), None),
            (1, 2019, Some(22.0), Some(2900)),
        ]);
        let k = key_indicator(&t, 0, 1, 0);
        assert_eq!(k.latest.as_ref().map(|r| (r.year, r.value, r.n)), Some((2023, Some(30.0), Some(300))));
        assert_eq!(k.previous.as_ref().map(|r| r.year), Some(2021));
        assert_eq!(k.county.as_ref().and_then(|r| r.value), Some(21.0));
        assert_eq!(k.nation.as_ref().and_then(|r| r.value), Some(19.0));
        // 30 % of 300 against the rest of the county (20 % of 2 700): surely higher.
        assert_eq!(k.vs_county, Comparison::Higher);
        // The nation's n is not published: no claim.
        assert_eq!(k.vs_nation, Comparison::Unknown);
        assert_eq!(k.years, [2019, 2021, 2023]);
        assert_eq!(k.trend_municipality, [None, Some(20.0), Some(30.0)]);
        assert_eq!(k.trend_county, [Some(22.0), Some(20.0), Some(21.0)]);
        assert_eq!(k.explorer, "/statistik/andts?omrade=0880,08,00&arskurs=ak9");
        assert_eq!(change_text(&k).as_deref(), Some("+10,0\u{a0}procentenheter sedan 2021"));
        assert_eq!(rounds("ANDTS", std::slice::from_ref(&k)), "ANDTS 2019–2023");
    }

    #[test]
    fn a_suppressed_round_is_kept_and_compared_with_nothing() {
        let t = table(&[(0, 2021, Some(20.0), Some(300)), (0, 2023, None, Some(8)), (1, 2023, Some(21.0), Some(3000))]);
        let k = key_indicator(&t, 0, 1, 0);
        assert_eq!(k.latest.as_ref().map(|r| (r.value, r.n)), Some((None, Some(8))));
        assert_eq!(k.vs_county, Comparison::Unknown);
        assert_eq!(change_text(&k), None);
        // No rows at all for the municipality: nothing to show, nothing claimed.
        let k = key_indicator(&table(&[(1, 2023, Some(21.0), Some(3000))]), 0, 1, 0);
        assert_eq!((k.latest, k.vs_county), (None, Comparison::Unknown));
    }
}
