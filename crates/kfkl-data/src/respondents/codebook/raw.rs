//! The codebook as its TOML is written, before it is checked against the catalogue.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::normal;

/// A code as the codebook writes it: `1` or `"1"` (or `"Kalmar"`), compared
/// with a file's cells after `normal` (so `1`, `1.0` and ` 1` are one code).
#[derive(Deserialize, Clone, Debug)]
#[serde(untagged)]
pub(super) enum RawCode {
    Number(i64),
    Text(String),
}

impl RawCode {
    pub(super) fn normal(&self) -> String {
        match self {
            RawCode::Number(n) => n.to_string(),
            RawCode::Text(t) => normal(t),
        }
    }
}

pub(super) fn codes(raw: &[RawCode]) -> Vec<String> {
    raw.iter().map(RawCode::normal).collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Raw {
    pub(super) enkat: String,
    pub(super) kalla: String,
    pub(super) ar: Option<u16>,
    pub(super) kolumner: RawColumns,
    pub(super) kommun: RawMunicipality,
    pub(super) arskurs: BTreeMap<String, Vec<RawCode>>,
    pub(super) kon: RawSex,
    #[serde(default)]
    pub(super) ej_svar: Vec<RawCode>,
    #[serde(rename = "fraga")]
    pub(super) questions: Vec<Spanned<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawColumns {
    pub(super) kommun: String,
    pub(super) arskurs: String,
    pub(super) kon: String,
    pub(super) ar: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMunicipality {
    /// "kod" (SCB's code, "0880" or "880") or "namn" ("Kalmar").
    pub(super) varden: String,
    /// Municipalities that answer with the county but are not in it (Eksjö in LUPP):
    /// their pupils are kept out of every result, the county's too.
    #[serde(default)]
    pub(super) utanfor_lanet: Vec<RawCode>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSex {
    pub(super) flicka: Vec<RawCode>,
    pub(super) pojke: Vec<RawCode>,
    /// Other answers ("annat", "vill inte svara"): counted in `alla` only …
    #[serde(default)]
    pub(super) ovriga: Vec<RawCode>,
    /// … unless this is false: then in no group, and `alla` is girls and boys
    /// (so that few others never hide the genders; IMPORT.md weighs the two).
    #[serde(default = "yes")]
    pub(super) ovriga_i_alla: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub(super) kolumn: String,
    pub(super) indikator: String,
    /// A share: the answer codes that count ("ganska eller mycket trygg": [1, 2]) …
    pub(super) andel: Option<Vec<RawCode>>,
    /// … among all the valid answer codes of the question.
    pub(super) koder: Option<Vec<RawCode>>,
    /// A distribution: the answer codes in the catalogue's order of answers.
    pub(super) fordelning: Option<Vec<RawCode>>,
    /// No-answer codes of this question, besides the codebook's `ej_svar`.
    #[serde(default)]
    pub(super) ej_svar: Vec<RawCode>,
}
