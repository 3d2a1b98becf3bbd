//! The data build: the only code that reads the human-editable sources in
//! `data/`. It validates them, fails with `file:line: reason` on bad input and
//! writes the published JSON the site fetches. Output is deterministic.

pub mod areas;
pub mod diag;
pub mod document;
pub mod figures;
pub mod publish;
pub mod quote;

use std::path::{Path, PathBuf};

use diag::Diagnostic;
use kfkl_core::document::Document;
use kfkl_core::model::{Areas, Dataset};

/// Everything the build publishes, before it is written.
pub struct Build {
    pub areas: Areas,
    pub datasets: Vec<Dataset>,
    pub documents: Vec<Document>,
}

/// Reads every source under `data_dir`; all problems are returned together.
pub fn build(data_dir: &Path) -> Result<Build, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut datasets = Vec::new();
    let areas_path = data_dir.join("sources/municipalities.csv");
    let areas = match std::fs::read_to_string(&areas_path) {
        Ok(text) => areas::load(&areas_path, &text).map_err(|mut e| errors.append(&mut e)).ok(),
        Err(e) => {
            errors.push(Diagnostic { file: areas_path, line: 1, reason: format!("cannot read: {e}") });
            None
        }
    };
    let read_doc = |rel: &str| -> Result<String, String> {
        std::fs::read_to_string(data_dir.join(rel)).map_err(|e| e.to_string())
    };
    for path in files_with_extension(&data_dir.join("figures"), "toml", &mut errors) {
        match std::fs::read_to_string(&path) {
            Ok(text) => match figures::load(&path, &text, &read_doc) {
                Ok(ds) => datasets.push(ds),
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(Diagnostic { file: path, line: 1, reason: format!("cannot read: {e}") }),
        }
    }
    let mut documents = Vec::new();
    for path in files_with_extension(&data_dir.join("documents"), "md", &mut errors) {
        match std::fs::read_to_string(&path) {
            Ok(text) => match document::load(&path, &text, &read_doc) {
                Ok(doc) => documents.push(doc),
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(Diagnostic { file: path, line: 1, reason: format!("cannot read: {e}") }),
        }
    }
    for pair in datasets.windows(2) {
        if pair[0].id == pair[1].id {
            errors.push(Diagnostic { file: data_dir.join("figures"), line: 1, reason: format!("dataset id '{}' is used twice", pair[0].id) });
        }
    }
    match areas {
        Some(areas) if errors.is_empty() => Ok(Build { areas, datasets, documents }),
        _ => Err(errors),
    }
}

/// Sorted, so that the build's order (and output) never depends on the file system.
fn files_with_extension(dir: &Path, ext: &str, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Diagnostic { file: dir.to_path_buf(), line: 1, reason: format!("cannot read folder: {e}") });
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    paths
}
