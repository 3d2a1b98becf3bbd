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
    let what = format!("löften och resultat {report_year} bredvid planen för {plan_year}");
    let mut errors = Vec::new();
    let mut topics = Vec::new();
    let mut ids = HashSet::new();
    let mut links: Vec<(usize, SeeAlso)> = Vec::new();
    for spanned in &raw.topics {
        let at = spanned.span().start;
        let t = spanned.get_ref();
        if !ids.insert(t.id.clone()) {
            errors.push(file.error(at, format!("topic id '{}' is used twice", t.id)));
        }
        let mut part_of = |doc_index: usize, anchors: &[String], with_results: bool| -> (Vec<Part>, Vec<Vec<Block>>) {
            let doc = &documents[doc_index];
            let mut parts = Vec::new();
            let mut results = Vec::new();
            for anchor in anchors {
                let Some(section) = section(doc, anchor) else {
                    errors.push(file.error(at, format!("topic '{}': no heading '{anchor}' in {}", t.id, doc.id)));
                    continue;
                };
                let (part, result) = cut(section, with_results);
                if part.promises.is_empty() {
                    errors.push(file.error(
                        at,
                        format!("topic '{}': section '{anchor}' of {} has no commitments", t.id, doc.id),
                    ));
                }
                links.push((
                    doc_index,
                    SeeAlso {
                        heading: anchor.clone(),
                        topic: t.id.clone(),
                        title: t.title.clone(),
                        path: topic_path(report_year, newest, &t.id),
                        what: what.clone(),
                    },
                ));
                parts.push(part);
                results.push(result);
            }
            (parts, results)
        };
        let (report, results) = part_of(ri, &t.report, true);
        let (plan, _) = part_of(pi, &t.plan, false);
        let mut figures = topic_figures(t, &report, &documents[ri], datasets, &mut |reason| {
            errors.push(file.error(at, reason))
        });
        // Its embed id (`/embed/<id>`): an older pair's topics name their report's year.
        if !newest {
            figures.id = format!("uppfoljning-{report_year}-{}", t.id);
        }
        topics.push(Topic {
            schema_version: SCHEMA_VERSION,
            id: t.id.clone(),
            title: t.title.clone(),
            report_source: documents[ri].source.clone(),
            plan_source: documents[pi].source.clone(),
            report_year,
            plan_year,
            report,
            results,
            plan,
            figures,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for (doc_index, link) in links {
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
