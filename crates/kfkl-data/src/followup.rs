//! A follow-up file (`data/uppfoljning.toml`, named by a pair in
//! `dokument.toml`) → follow-up topics: the mapping names sections of the
//! report and the plan; the promises, results and key figures are cut out
//! of the validated documents and datasets, and each document learns which of
//! its headings have a topic (its `see_also` links).

use std::collections::HashSet;
use std::path::Path;

use kfkl_core::document::{Block, Document, Heading, SeeAlso};
use kfkl_core::followup::{pair_path, topic_file, topic_path, PairSummary, Part, Promise, Topic, TopicSummary};
use kfkl_core::model::{Dataset, Status, SCHEMA_VERSION};
use kfkl_core::publications::{Index, Pair};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(rename = "topic")]
    topics: Vec<Spanned<RawTopic>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    title: String,
    report: Vec<String>,
    plan: Vec<String>,
    #[serde(default)]
    charts: Vec<String>,
}

pub struct FollowUp {
    pub summary: PairSummary,
    pub topics: Vec<Topic>,
}

impl FollowUp {
    /// A topic's published id (its file name without ".json").
    pub fn file_id(&self, topic: &str) -> String {
        topic_file(self.summary.report_year, topic)
            .trim_end_matches(".json")
            .to_string()
    }
}

/// Builds one pair's topics and adds `see_also` links to its two documents;
/// `newest`: the pair `/uppfoljning` shows.
pub fn load(
    path: &Path,
    text: &str,
    index: &Index,
    pair: &Pair,
    newest: bool,
    documents: &mut [Document],
    datasets: &[Dataset],
) -> Result<FollowUp, Vec<Diagnostic>> {
    let file = SourceFile { path, text };
    let raw: RawFile = toml::from_str(text)
        .map_err(|e| vec![file.error(e.span().map_or(0, |s| s.start), e.message().trim().to_string())])?;
    let find = |id: &str| documents.iter().position(|d| d.id == id);
    let year = |id: &str| index.by_id(id).map_or(0, |d| d.ar);
    let (report_year, plan_year) = (year(&pair.rapport), year(&pair.plan));
    let (Some(ri), Some(pi)) = (find(&pair.rapport), find(&pair.plan)) else {
        return Err(vec![
            file.error(0, format!("unknown document '{}' or '{}'", pair.rapport, pair.plan))
        ]);
    };
    let builder = TopicBuilder {
        file,
        documents,
        datasets,
        report: ri,
        plan: pi,
        report_year,
        plan_year,
        newest,
        what: format!("löften och resultat {report_year} bredvid planen för {plan_year}"),
    };
    let mut gathered = Gathered::default();
    let mut topics = Vec::new();
    let mut ids = HashSet::new();
    for spanned in &raw.topics {
        let id = &spanned.get_ref().id;
        if !ids.insert(id.clone()) {
            let reason = format!("topic id '{id}' is used twice");
            gathered.errors.push(builder.file.error(spanned.span().start, reason));
        }
        topics.push(builder.topic(spanned, &mut gathered));
    }
    if !gathered.errors.is_empty() {
        return Err(gathered.errors);
    }
    for (doc_index, link) in gathered.links {
        documents[doc_index].see_also.push(link);
    }
    let summary = PairSummary {
        report: pair.rapport.clone(),
        plan: pair.plan.clone(),
        report_year,
        plan_year,
        path: pair_path(report_year, newest),
        topics: topics
            .iter()
            .map(|t| TopicSummary {
                id: t.id.clone(),
                title: t.title.clone(),
                report_promises: t.report_promises() as u32,
                plan_promises: t.plan_promises() as u32,
            })
            .collect(),
    };
    Ok(FollowUp { summary, topics })
}

/// What each topic of one pair is built from.
struct TopicBuilder<'a> {
    file: SourceFile<'a>,
    documents: &'a [Document],
    datasets: &'a [Dataset],
    /// The report's and the plan's index in `documents`.
    report: usize,
    plan: usize,
    report_year: u16,
    plan_year: u16,
    newest: bool,
    /// What a `see_also` link says its topic shows.
    what: String,
}

/// What the topics add up to besides themselves: their problems, and the links their
/// documents get once every topic is valid.
#[derive(Default)]
struct Gathered {
    errors: Vec<Diagnostic>,
    links: Vec<(usize, SeeAlso)>,
}

impl TopicBuilder<'_> {
    fn topic(&self, spanned: &Spanned<RawTopic>, gathered: &mut Gathered) -> Topic {
        let at = spanned.span().start;
        let t = spanned.get_ref();
        let (report, results) = self.parts(self.report, &t.report, true, spanned, gathered);
        let (plan, _) = self.parts(self.plan, &t.plan, false, spanned, gathered);
        let report_doc = &self.documents[self.report];
        let mut figures = topic_figures(t, &report, report_doc, self.datasets, &mut |reason| {
            gathered.errors.push(self.file.error(at, reason))
        });
        // Its embed id (`/embed/<id>`): an older pair's topics name their report's year.
        if !self.newest {
            figures.id = format!("uppfoljning-{}-{}", self.report_year, t.id);
        }
        Topic {
            schema_version: SCHEMA_VERSION,
            id: t.id.clone(),
            title: t.title.clone(),
            report_source: report_doc.source.clone(),
            plan_source: self.documents[self.plan].source.clone(),
            report_year: self.report_year,
            plan_year: self.plan_year,
            report,
            results,
            plan,
            figures,
        }
    }

    /// The sections of one document a topic names, cut into promises (and, `with_results`,
    /// results); each section links back to the topic.
    fn parts(
        &self,
        doc_index: usize,
        anchors: &[String],
        with_results: bool,
        spanned: &Spanned<RawTopic>,
        gathered: &mut Gathered,
    ) -> (Vec<Part>, Vec<Vec<Block>>) {
        let (at, t) = (spanned.span().start, spanned.get_ref());
        let doc = &self.documents[doc_index];
        let mut parts = Vec::new();
        let mut results = Vec::new();
        for anchor in anchors {
            let Some(section) = section(doc, anchor) else {
                let reason = format!("topic '{}': no heading '{anchor}' in {}", t.id, doc.id);
                gathered.errors.push(self.file.error(at, reason));
                continue;
            };
            let (part, result) = cut(section, with_results);
            if part.promises.is_empty() {
                gathered.errors.push(self.file.error(
                    at,
                    format!("topic '{}': section '{anchor}' of {} has no commitments", t.id, doc.id),
                ));
            }
            gathered.links.push((
                doc_index,
                SeeAlso {
                    heading: anchor.clone(),
                    topic: t.id.clone(),
                    title: t.title.clone(),
                    path: topic_path(self.report_year, self.newest, &t.id),
                    what: self.what.clone(),
                },
            ));
            parts.push(part);
            results.push(result);
        }
        (parts, results)
    }
}

/// The heading and every block up to the next heading of the same or a higher level.
fn section<'a>(doc: &'a Document, anchor: &str) -> Option<(&'a Heading, &'a [Block])> {
    let start = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading(h) if h.id == anchor))?;
    let Block::Heading(head) = &doc.blocks[start] else {
        return None;
    };
    let rest = &doc.blocks[start + 1..];
    let end = rest
        .iter()
        .position(|b| matches!(b, Block::Heading(h) if h.level <= head.level))
        .unwrap_or(rest.len());
    Some((head, &rest[..end]))
}

/// A section's promises and, for the report, the blocks after its "Resultat"
/// heading. A promise is tied to the result sub-heading that repeats its words.
fn cut((head, blocks): (&Heading, &[Block]), with_results: bool) -> (Part, Vec<Block>) {
    let result_at = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading(h) if h.text == "Resultat"))
        .filter(|_| with_results);
    let result: Vec<Block> = result_at.map(|i| blocks[i + 1..].to_vec()).unwrap_or_default();
    let result_anchor = result_at.and_then(|i| match &blocks[i] {
        Block::Heading(h) => Some(h.id.clone()),
        _ => None,
    });
    let same = |a: &str, b: &str| {
        a.trim_end_matches('.')
            .trim()
            .eq_ignore_ascii_case(b.trim_end_matches('.').trim())
    };
    let promises = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Commitment(c) => Some(Promise {
                id: c.id.clone(),
                text: c.text.clone(),
                result_anchor: result.iter().find_map(|r| match r {
                    Block::Heading(h) if same(&h.text, &c.text) => Some(h.id.clone()),
                    _ => None,
                }),
            }),
            _ => None,
        })
        .collect();
    (
        Part {
            anchor: head.id.clone(),
            title: head.text.clone(),
            promises,
            result_anchor,
        },
        result,
    )
}

/// Key figures quoted under the topic's report sections, and the listed charts.
fn topic_figures(
    t: &RawTopic,
    report: &[Part],
    doc: &Document,
    datasets: &[Dataset],
    report_error: &mut dyn FnMut(String),
) -> Dataset {
    let mut anchors: HashSet<String> = HashSet::new();
    for part in report {
        if let Some((head, blocks)) = section(doc, &part.anchor) {
            anchors.insert(head.id.clone());
            anchors.extend(blocks.iter().filter_map(|b| match b {
                Block::Heading(h) => Some(h.id.clone()),
                _ => None,
            }));
        }
    }
    let mut out = Dataset {
        schema_version: SCHEMA_VERSION,
        id: format!("uppfoljning-{}", t.id),
        title: t.title.clone(),
        status: Status::Official,
        sources: Vec::new(),
        figures: Vec::new(),
        charts: Vec::new(),
    };
    let take = |ds: &Dataset, f: &kfkl_core::model::KeyFigure, out: &mut Dataset| {
        if !out.figures.iter().any(|g| g.id == f.id) {
            out.figures.push(f.clone());
        }
        if let Some(src) = ds.source_doc(&f.source.doc) {
            if !out.sources.iter().any(|s| s.id == src.id) {
                out.sources.push(src.clone());
            }
        }
    };
    for ds in datasets.iter().filter(|d| d.status == Status::Official) {
        for f in ds
            .figures
            .iter()
            .filter(|f| f.source.anchor.as_ref().is_some_and(|a| anchors.contains(a)))
        {
            take(ds, f, &mut out);
        }
    }
    for chart in &t.charts {
        let found = chart.split_once('/').and_then(|(d, c)| {
            let ds = datasets.iter().find(|x| x.id == d)?;
            Some((ds, ds.chart(c)?))
        });
        match found {
            Some((ds, def)) => {
                for bar in &def.bars {
                    if let Some(f) = ds.figure(&bar.figure) {
                        take(ds, f, &mut out);
                    }
                }
                out.charts.push(def.clone());
            }
            None => report_error(format!("topic '{}': unknown chart '{chart}'", t.id)),
        }
    }
    out
}
