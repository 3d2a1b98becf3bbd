//! Survey and usage statistics: a survey's indicator catalogue (what each
//! indicator means, its unit and source). Observations come in the explorer's
//! own module; the catalogue is also what search finds.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Survey {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// The explorer's page.
    pub route: String,
    pub method: String,
    pub method_source: String,
    pub indicators: Vec<Indicator>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub label: String,
    pub theme: String,
    pub unit: StatUnit,
    /// The question's wording, only where it is published.
    pub question: Option<String>,
    /// Answer options of a question shown as a distribution, in scale order.
    pub answers: Vec<String>,
    pub definition: String,
    pub source: String,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatUnit {
    #[serde(rename = "percent")]
    Percent,
    /// Litres of pure alcohol per year.
    #[serde(rename = "litres")]
    Litres,
}
