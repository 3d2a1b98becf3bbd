//! Published documents (the plan, later the report): headings, paragraphs,
//! lists, commitments and tables in reading order, with the mends made to the
//! source text and the discrepancies found in its tables. `from_json` reads
//! them in the browser (see `model.rs` on serde and miniserde).

use serde::{Deserialize, Serialize};

use crate::model::SourceDoc;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Document {
    pub schema_version: u32,
    pub id: String,
    pub title: String,
    pub source: SourceDoc,
    /// Target groups, in the order the filter offers them.
    pub tags: Vec<Tag>,
    /// Every change made to the source text, so that readers can see them.
    pub mends: Vec<Mend>,
    pub blocks: Vec<Block>,
    pub discrepancies: Vec<Discrepancy>,
    /// Headings that have a follow-up topic (`/uppfoljning/<topic>`).
    pub see_also: Vec<SeeAlso>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct SeeAlso {
    pub heading: String,
    pub topic: String,
    pub title: String,
    /// The topic's page ("/uppfoljning/av-media").
    pub path: String,
    /// What the page sets side by side: "löften och resultat 2023 bredvid planen för 2025".
    pub what: String,
}

#[cfg(test)]
mod tests {
    #[test]
    fn totals_are_told_from_parts() {
        for (label, total) in [
            ("SUMMA INTÄKTER", true),
            ("Summa", true),
            ("TOTALT", true),
            ("Övriga intäkter", false),
            ("Sum", false),
            ("Ö", false),
        ] {
            assert_eq!(super::is_total(label), total, "{label}");
        }
    }
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Tag {
    pub id: String,
    pub label: String,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Mend {
    pub from: String,
    pub to: String,
    pub count: u32,
    pub why: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Heading(Heading),
    Paragraph { runs: Vec<Run> },
    Quote { runs: Vec<Run> },
    List { items: Vec<Vec<Run>> },
    Commitment(Commitment),
    Table(Table),
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Heading {
    /// 2 for a verksamhetsområde or top section, down to 5.
    pub level: u8,
    /// Stable anchor, unique in the document.
    pub id: String,
    pub text: String,
}

/// A stretch of text; `em` where the source sets it in italics.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Run {
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub em: bool,
}

/// One "… genom att" promise with its explanation.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Commitment {
    pub id: String,
    pub text: String,
    pub tags: Vec<String>,
    /// Id of the level-2 heading above it (the verksamhetsområde).
    pub area: String,
    /// Id of the nearest heading above it (the fokusområde or sub-section).
    pub focus: String,
    pub body: Vec<Block>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Table {
    pub id: String,
    pub caption: String,
    /// Names of the value columns; one empty name for a single unnamed column.
    pub columns: Vec<String>,
    pub rows: Vec<TableRow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct TableRow {
    pub label: String,
    /// In thousands of kronor (tkr), costs negative, as the source has them.
    pub values: Vec<f64>,
}

/// A total in the source that its parts do not add up to.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Discrepancy {
    pub table: String,
    pub row: String,
    pub column: String,
    pub stated: f64,
    pub computed: f64,
    pub note: String,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            em: false,
        }
    }
}

/// Whether a budget row is a total ("SUMMA …", "TOTALT") rather than a part.
/// ASCII-only comparison: no Unicode case tables in the wasm.
/// The open headings after `h`: those above its level, then `h`. A block's
/// place in its document ("Unga › Fokusområden › AV-Media") is this path.
pub fn enter(path: &mut Vec<Heading>, h: &Heading) {
    path.retain(|p| p.level < h.level);
    path.push(h.clone());
}

/// Runs as plain text, emphasis dropped: what search indexes and checks compare.
pub fn plain_text(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

pub fn is_total(label: &str) -> bool {
    label.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("summa")) || label.eq_ignore_ascii_case("totalt")
}

impl Document {
    /// Every commitment, in reading order.
    pub fn commitments(&self) -> impl Iterator<Item = &Commitment> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Commitment(c) => Some(c),
            _ => None,
        })
    }

    pub fn headings(&self) -> impl Iterator<Item = &Heading> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading(h) => Some(h),
            _ => None,
        })
    }

    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }

    pub fn heading(&self, id: &str) -> Option<&Heading> {
        self.headings().find(|h| h.id == id)
    }

    pub fn tag_label(&self, id: &str) -> Option<&str> {
        self.tags.iter().find(|t| t.id == id).map(|t| t.label.as_str())
    }
}

/// Reads a published document in the browser. `Block` is an internally tagged
/// enum, which miniserde cannot derive, so blocks are read as one flat record
/// with optional fields (`RawBlock`) and converted. `None` for malformed JSON.
pub fn from_json(text: &str) -> Option<Document> {
    let raw: RawDocument = miniserde::json::from_str(text).ok()?;
    Some(Document {
        schema_version: raw.schema_version,
        id: raw.id,
        title: raw.title,
        source: raw.source,
        tags: raw.tags,
        mends: raw.mends,
        blocks: raw
            .blocks
            .into_iter()
            .map(RawBlock::into_block)
            .collect::<Option<_>>()?,
        discrepancies: raw.discrepancies,
        see_also: raw.see_also,
    })
}

#[derive(miniserde::Deserialize)]
struct RawDocument {
    schema_version: u32,
    id: String,
    title: String,
    source: SourceDoc,
    tags: Vec<Tag>,
    mends: Vec<Mend>,
    blocks: Vec<RawBlock>,
    discrepancies: Vec<Discrepancy>,
    see_also: Vec<SeeAlso>,
}

#[derive(miniserde::Deserialize)]
struct RawRun {
    text: String,
    em: Option<bool>,
}

/// Every field any block kind has; `type` says which are present.
#[derive(miniserde::Deserialize)]
pub(crate) struct RawBlock {
    #[serde(rename = "type")]
    kind: String,
    level: Option<u8>,
    id: Option<String>,
    text: Option<String>,
    runs: Option<Vec<RawRun>>,
    items: Option<Vec<Vec<RawRun>>>,
    tags: Option<Vec<String>>,
    area: Option<String>,
    focus: Option<String>,
    body: Option<Vec<RawBlock>>,
    caption: Option<String>,
    columns: Option<Vec<String>>,
    rows: Option<Vec<TableRow>>,
    note: Option<String>,
}

fn runs_of(raw: Vec<RawRun>) -> Vec<Run> {
    raw.into_iter()
        .map(|r| Run {
            text: r.text,
            em: r.em.unwrap_or(false),
        })
        .collect()
}

impl RawBlock {
    pub(crate) fn into_block(self) -> Option<Block> {
        Some(match self.kind.as_str() {
            "heading" => Block::Heading(Heading {
                level: self.level?,
                id: self.id?,
                text: self.text?,
            }),
            "paragraph" => Block::Paragraph {
                runs: runs_of(self.runs?),
            },
            "quote" => Block::Quote {
                runs: runs_of(self.runs?),
            },
            "list" => Block::List {
                items: self.items?.into_iter().map(runs_of).collect(),
            },
            "commitment" => Block::Commitment(Commitment {
                id: self.id?,
                text: self.text?,
                tags: self.tags?,
                area: self.area?,
                focus: self.focus?,
                body: self
                    .body?
                    .into_iter()
                    .map(RawBlock::into_block)
                    .collect::<Option<_>>()?,
            }),
            "table" => Block::Table(Table {
                id: self.id?,
                caption: self.caption?,
                columns: self.columns?,
                rows: self.rows?,
                note: self.note,
            }),
            _ => return None,
        })
    }
}
