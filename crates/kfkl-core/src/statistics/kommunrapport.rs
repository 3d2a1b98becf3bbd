//! A municipality's report (`kommun-<slug>.json`): for each key indicator and
//! grade, the municipality's latest value with its `n`, the county's and the
//! nation's, the change since the previous round, the trend beside the
//! county's, and what may honestly be said of the differences (`compare`).
//! The data build derives it from the published tables; the page only shows it.

use serde::{Deserialize, Serialize};

use crate::compare::Difference;
use crate::model::{Approx, Status};
use crate::stats::StatUnit;

mod card;
mod indicator;
#[cfg(test)]
mod tests;

pub use card::*;
pub use indicator::*;

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
    /// Whether the survey publishes national figures at all: LUPP does not,
    /// so its cards neither name nor draw the nation.
    pub has_nation: bool,
    pub indicators: Vec<KeyIndicator>,
    /// Each source of the values shown, once.
    pub sources: Vec<String>,
    /// Where the municipality does not take part: the sentence that says so
    /// (the part then has no indicators), and its source in `sources`.
    pub absent: Option<String>,
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
    /// The nation's values in the years it has within `years`' span (its
    /// own years: CAN publishes the nation yearly, the county every other year).
    pub nation_years: Vec<u16>,
    pub trend_nation: Vec<Option<f64>>,
    /// The sources of exactly the values this card shows and draws, each once.
    pub sources: Vec<String>,
    /// Per value of the three trends: whether it is real (not example data), so
    /// that a trend mixing both marks them apart.
    pub real_municipality: Vec<bool>,
    pub real_county: Vec<bool>,
    pub real_nation: Vec<bool>,
    /// The first rounds asked another way: the trend breaks there, and the
    /// card compares no round with one before it.
    pub breaks: Vec<u16>,
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
