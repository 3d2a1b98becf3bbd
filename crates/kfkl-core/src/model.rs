//! The published data model: what the data build writes as JSON and the site
//! reads. Both sides use these types, so the two can never drift apart.
//!
//! Every number carries its source (document, section and the quoted sentence),
//! and every dataset says whether it is `official` or `exempeldata`.
//!
//! serde writes the JSON (data build) and reads it in tests; miniserde reads it
//! in the browser, for a much smaller wasm. miniserde's derive accepts only
//! `#[serde(rename = …)]`, so names are spelled per variant and absent options
//! are written as `null`.

use serde::{Deserialize, Serialize};

/// Reads a published file (dataset, areas) as the browser does. `None` if malformed.
pub fn from_json<T: miniserde::Deserialize>(text: &str) -> Option<T> {
    miniserde::json::from_str(text).ok()
}

/// Bumped whenever a published file changes shape; the site refuses other versions.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Dataset {
    pub schema_version: u32,
    pub id: String,
    pub title: String,
    pub status: Status,
    pub sources: Vec<SourceDoc>,
    pub figures: Vec<KeyFigure>,
    pub charts: Vec<ChartDef>,
}

/// Real figures, or example data generated to show the site's shape.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    #[serde(rename = "official")]
    Official,
    #[serde(rename = "exempeldata")]
    Exempeldata,
}

/// A source document, cited by `SourceRef::doc`.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct SourceDoc {
    pub id: String,
    pub title: String,
    pub publisher: String,
}

/// Where one number comes from: document, section and the sentence that states it.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct SourceRef {
    pub doc: String,
    pub section: String,
    pub quote: String,
    /// Id of the heading the quote stands under, where the document is published
    /// structured (the report page links there and shows the figure there).
    pub anchor: Option<String>,
}

/// One number as a source states it, approximation included.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct KeyFigure {
    pub id: String,
    pub label: String,
    pub value: f64,
    /// Upper end where the source gives a range ("mellan 1 500 och 2 000").
    pub value_high: Option<f64>,
    pub unit: Unit,
    pub year: u16,
    /// The source's own hedge word ("drygt", "cirka" …); `None` for an exact figure.
    pub approx: Option<Approx>,
    pub source: SourceRef,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A count of things; the label names them.
    #[serde(rename = "count")]
    Count,
    #[serde(rename = "percent")]
    Percent,
}

/// The hedge words the documents use. Kept so that "drygt 100" is never shown as "100".
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approx {
    #[serde(rename = "ca")]
    Ca,
    #[serde(rename = "cirka")]
    Cirka,
    #[serde(rename = "drygt")]
    Drygt,
    #[serde(rename = "nära")]
    Nara,
    #[serde(rename = "ungefär")]
    Ungefar,
}

impl Approx {
    pub const ALL: [Approx; 5] = [Approx::Ca, Approx::Cirka, Approx::Drygt, Approx::Nara, Approx::Ungefar];
}

/// A chart over key figures: which figures, in which order, read how.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct ChartDef {
    /// Stable id, used in `/embed/:chart` links.
    pub id: String,
    pub title: String,
    pub kind: ChartKind,
    pub bars: Vec<BarDef>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// The same measure at two points in time: first bar before, second after.
    #[serde(rename = "change")]
    Change,
    /// A target and its outcome: first bar the goal, second the outcome.
    #[serde(rename = "goal_outcome")]
    GoalOutcome,
    /// Categories side by side (areas, budget rows).
    #[serde(rename = "compare")]
    Compare,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct BarDef {
    pub label: String,
    /// `KeyFigure::id` of the number this bar shows.
    pub figure: String,
}

impl Dataset {
    pub fn figure(&self, id: &str) -> Option<&KeyFigure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn source_doc(&self, id: &str) -> Option<&SourceDoc> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn chart(&self, id: &str) -> Option<&ChartDef> {
        self.charts.iter().find(|c| c.id == id)
    }

    /// "Kommunförbundet Kalmar län, Verksamhetsberättelse 2023, avsnitt …" for one figure.
    pub fn cite(&self, source: &SourceRef) -> String {
        match self.source_doc(&source.doc) {
            Some(doc) => format!("{}, {}, avsnitt {}", doc.publisher, doc.title, source.section),
            None => format!("avsnitt {}", source.section),
        }
    }
}

/// The areas the statistics cover: the county's 12 municipalities by official code.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Areas {
    pub schema_version: u32,
    pub source: String,
    pub municipalities: Vec<Municipality>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Municipality {
    /// SCB's four-digit municipality code, e.g. "0880".
    pub code: String,
    pub name: String,
    /// ASCII slug for URLs, e.g. "morbylanga".
    pub slug: String,
}

impl Areas {
    /// Finds a municipality by code ("0880") or slug ("kalmar"), case-insensitively.
    /// Codes and slugs are ASCII, so no Unicode case tables are needed.
    pub fn find(&self, key: &str) -> Option<&Municipality> {
        let key = key.trim().to_ascii_lowercase();
        self.municipalities.iter().find(|m| m.code == key || m.slug == key)
    }
}

/// "Mörbylånga" → "morbylanga": lower case, å/ä → a, ö → o, other non-letters → "-".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'å' | 'ä' | 'á' | 'à' => out.push('a'),
            'ö' | 'ø' => out.push('o'),
            'é' | 'è' => out.push('e'),
            'ü' => out.push('u'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_swedish_letters() {
        for (name, expected) in [
            ("Mörbylånga", "morbylanga"),
            ("Torsås", "torsas"),
            ("Västervik", "vastervik"),
            ("Kalmar län", "kalmar-lan"),
        ] {
            assert_eq!(slug(name), expected);
        }
    }

    #[test]
    fn municipalities_are_found_by_code_or_slug() {
        let areas = Areas {
            schema_version: SCHEMA_VERSION,
            source: "SCB".into(),
            municipalities: vec![Municipality {
                code: "0880".into(),
                name: "Kalmar".into(),
                slug: "kalmar".into(),
            }],
        };
        assert_eq!(areas.find("0880").map(|m| m.name.as_str()), Some("Kalmar"));
        assert_eq!(areas.find(" Kalmar ").map(|m| m.code.as_str()), Some("0880"));
        assert!(areas.find("0881").is_none());
    }
}
