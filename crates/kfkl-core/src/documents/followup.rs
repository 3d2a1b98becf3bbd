//! The follow-up (`/uppfoljning`): for each pair of a report and the plan it
//! is read against (`publications::Pair`), and each topic in both, the
//! report's promises and results and the plan's promises, cut out of the
//! published documents by the data build. `uppfoljning.json` lists the pairs
//! and their topics; each topic is a file of its own,
//! `uppfoljning-<report year>-<topic>.json`.

use serde::{Deserialize, Serialize};

use crate::document::{Block, RawBlock};
use crate::model::{Dataset, SourceDoc};

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct FollowUpIndex {
    pub schema_version: u32,
    /// Newest report first.
    pub pairs: Vec<PairSummary>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct PairSummary {
    /// Document ids.
    pub report: String,
    pub plan: String,
    pub report_year: u16,
    pub plan_year: u16,
    /// The pair's page: "/uppfoljning" for the newest, "/uppfoljning/2023" for an older one.
    pub path: String,
    pub topics: Vec<TopicSummary>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct TopicSummary {
    pub id: String,
    pub title: String,
    pub report_promises: u32,
    pub plan_promises: u32,
}

/// A pair's page, and a topic's in it: the newest pair has the short addresses.
pub fn pair_path(report_year: u16, newest: bool) -> String {
    if newest {
        "/uppfoljning".to_string()
    } else {
        format!("/uppfoljning/{report_year}")
    }
}

pub fn topic_path(report_year: u16, newest: bool, topic: &str) -> String {
    format!("{}/{topic}", pair_path(report_year, newest))
}

/// A topic's published file: "uppfoljning-2023-av-media.json".
pub fn topic_file(report_year: u16, topic: &str) -> String {
    format!("uppfoljning-{report_year}-{topic}.json")
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Topic {
    pub schema_version: u32,
    pub id: String,
    pub title: String,
    pub report_source: SourceDoc,
    pub plan_source: SourceDoc,
    pub report_year: u16,
    pub plan_year: u16,
    /// Sections of the report and their promises.
    pub report: Vec<Part>,
    /// The Resultat text of each report section, in the order of `report`.
    pub results: Vec<Vec<Block>>,
    /// Sections of the plan: promises.
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
    pub fn report_promises(&self) -> usize {
        self.report.iter().map(|p| p.promises.len()).sum()
    }

    pub fn plan_promises(&self) -> usize {
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
        report_year: raw.report_year,
        plan_year: raw.plan_year,
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
    report_year: u16,
    plan_year: u16,
    report: Vec<Part>,
    results: Vec<Vec<RawBlock>>,
    plan: Vec<Part>,
    figures: Dataset,
}
