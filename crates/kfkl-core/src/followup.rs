//! The follow-up (`/uppfoljning`): for each topic in both documents, the 2023
//! promises and results and the 2025 promises, cut out of the published
//! documents by the data build. `uppfoljning.json` lists the topics; each
//! topic is a file of its own, `uppfoljning-<id>.json`.

use serde::{Deserialize, Serialize};

use crate::document::{Block, RawBlock};
use crate::model::{Dataset, SourceDoc};

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct FollowUpIndex {
    pub schema_version: u32,
    pub topics: Vec<TopicSummary>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct TopicSummary {
    pub id: String,
    pub title: String,
    pub promised_2023: u32,
    pub promised_2025: u32,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Topic {
    pub schema_version: u32,
    pub id: String,
    pub title: String,
    pub report_source: SourceDoc,
    pub plan_source: SourceDoc,
    /// Sections of the 2023 report and their promises.
    pub report: Vec<Part>,
    /// The Resultat text of each report section, in the order of `report`.
    pub results: Vec<Vec<Block>>,
    /// Sections of the 2025 plan: promises.
    pub plan: Vec<Part>,
    /// Key figures quoted in the report sections, and goal-versus-outcome charts.
    pub figures: Dataset,
}

/// One section of a document within a topic.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Part {
    /// Heading id in its document.
    pub anchor: String,
    pub title: String,
    pub promises: Vec<Promise>,
    /// Where the report says what came of them; `None` in the plan.
    pub result_anchor: Option<String>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Promise {
    /// Commitment id in its document.
    pub id: String,
    pub text: String,
    /// The report's sub-heading that reports on this promise, where it has one.
    pub result_anchor: Option<String>,
}

impl Topic {
    pub fn promised_2023(&self) -> usize {
        self.report.iter().map(|p| p.promises.len()).sum()
    }

    pub fn promised_2025(&self) -> usize {
        self.plan.iter().map(|p| p.promises.len()).sum()
    }
}

/// Reads a topic file in the browser (blocks need the document's flat decoding).
pub fn topic_from_json(text: &str) -> Option<Topic> {
    let raw: RawTopic = miniserde::json::from_str(text).ok()?;
    Some(Topic {
        schema_version: raw.schema_version,
        id: raw.id,
        title: raw.title,
        report_source: raw.report_source,
        plan_source: raw.plan_source,
        report: raw.report,
        results: raw
            .results
            .into_iter()
            .map(|blocks| blocks.into_iter().map(RawBlock::into_block).collect::<Option<Vec<_>>>())
            .collect::<Option<_>>()?,
        plan: raw.plan,
        figures: raw.figures,
    })
}

#[derive(miniserde::Deserialize)]
struct RawTopic {
    schema_version: u32,
    id: String,
    title: String,
    report_source: SourceDoc,
    plan_source: SourceDoc,
    report: Vec<Part>,
    results: Vec<Vec<RawBlock>>,
    plan: Vec<Part>,
    figures: Dataset,
}
