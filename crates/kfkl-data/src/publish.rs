//! Writes the published JSON: compact, deterministic, and only when the bytes
//! change, so that `trunk serve` does not see a change and rebuild in a loop.

use std::path::Path;

use kfkl_core::document::{Block, Document};
use kfkl_core::followup::{topic_file, FollowUpIndex};
use kfkl_core::model::{Dataset, SCHEMA_VERSION};

use crate::Build;

/// One published file: its name under the output folder and its bytes.
pub fn render(dataset: &Dataset) -> (String, String) {
    (format!("{}.json", dataset.id), to_json(dataset))
}

/// Every file the build publishes, in a fixed order: the JSON, and each
/// municipality's data for download (CSV and Excel workbook).
pub fn files(build: &Build) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = json_files(build)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    for r in &build.reports {
        let parts = crate::kommundata::parts(r, &build.tables);
        files.push((
            format!("kommun-{}.csv", r.slug),
            crate::kommundata::csv(r, &parts).into_bytes(),
        ));
        files.push((
            format!("kommun-{}.xlsx", r.slug),
            crate::kommundata::xlsx(r, &parts).expect("a workbook of text and numbers is written"),
        ));
    }
    files
}

fn json_files(build: &Build) -> Vec<(String, String)> {
    let mut files = vec![("areas.json".to_string(), to_json(&build.areas))];
    files.extend(build.datasets.iter().map(render));
    files.extend(build.documents.iter().map(|d| (format!("{}.json", d.id), to_json(d))));
    files.extend(
        build
            .documents
            .iter()
            .filter_map(tables_only)
            .map(|d| (format!("{}.json", d.id), to_json(&d))),
    );
    if !build.followups.is_empty() {
        let index = FollowUpIndex {
            schema_version: SCHEMA_VERSION,
            pairs: build.followups.iter().map(|f| f.summary.clone()).collect(),
        };
        files.push(("uppfoljning.json".to_string(), to_json(&index)));
        for f in &build.followups {
            files.extend(
                f.topics
                    .iter()
                    .map(|t| (topic_file(f.summary.report_year, &t.id), to_json(t))),
            );
        }
    }
    files.push(("sok.json".to_string(), to_json(&build.search)));
    files.extend(
        build
            .tables
            .iter()
            .map(|t| (format!("statistik-{}.json", t.survey.id), to_json(t))),
    );
    if let Some(map) = &build.map {
        files.push(("kommuner-karta.json".to_string(), to_json(map)));
    }
    files.extend(
        build
            .reports
            .iter()
            .map(|r| (format!("kommun-{}.json", r.slug), to_json(r))),
    );
    if let Some(s) = &build.statement {
        files.push(("tillganglighet.json".to_string(), to_json(s)));
    }
    files
}

/// Suffix of the derived file that holds only a document's tables.
pub const TABLES_SUFFIX: &str = "-tabeller";

/// A document's tables (with its source and discrepancies) as a file of their
/// own, so that a page showing only the budget does not load the whole text.
fn tables_only(doc: &Document) -> Option<Document> {
    let blocks: Vec<Block> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .cloned()
        .collect();
    (!blocks.is_empty()).then(|| Document {
        id: format!("{}{TABLES_SUFFIX}", doc.id),
        tags: Vec::new(),
        mends: Vec::new(),
        see_also: Vec::new(),
        blocks,
        ..doc.clone()
    })
}

fn to_json(value: &impl serde::Serialize) -> String {
    // serde_json keeps struct field order and Vec order: the same input gives the same bytes.
    serde_json::to_string(value).expect("the model serializes") + "\n"
}

/// Returns whether the file was (re)written.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)?;
    Ok(true)
}
