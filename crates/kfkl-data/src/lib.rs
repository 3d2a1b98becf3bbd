//! The data build: the only code that reads the human-editable sources in
//! `data/`. It validates them, fails with `file:line: reason` on bad input and
//! writes the published JSON the site fetches. Output is deterministic.

pub mod accessibility;
pub mod areas;
pub mod diag;
pub mod document;
pub mod draft;
pub mod exempel;
pub mod figures;
pub mod followup;
pub mod kommundata;
pub mod kommunrapport;
pub mod map;
pub mod publications;
pub mod publish;
pub mod quote;
pub mod respondents;
pub mod results;
pub mod search;
pub mod sources;
pub mod statistics;
pub mod workbook;

use std::path::{Path, PathBuf};

use diag::Diagnostic;
use kfkl_core::document::Document;
use kfkl_core::model::{Areas, Dataset};

/// Everything the build publishes, before it is written.
pub struct Build {
    pub areas: Areas,
    pub datasets: Vec<Dataset>,
    /// The published documents (drafts are checked, never published).
    pub documents: Vec<Document>,
    pub publications: kfkl_core::publications::Index,
    /// One follow-up a pair of the index, newest report first.
    pub followups: Vec<followup::FollowUp>,
    pub search: kfkl_core::search::SearchIndex,
    /// Each survey's catalogue and results, as published.
    pub tables: Vec<kfkl_core::stats::StatTable>,
    /// The municipalities' outlines (a data folder without the file, a test fixture, has none).
    pub map: Option<kfkl_core::map::CountyMap>,
    /// One report a municipality, where `kommunrapport.toml` says what it shows.
    pub reports: Vec<kfkl_core::kommunrapport::Kommunrapport>,
    /// The accessibility statement (a data folder without the file, a test fixture, has none).
    pub statement: Option<kfkl_core::accessibility::Statement>,
}

/// What the sources say once each file is read and checked on its own.
struct Sources {
    areas: Option<Areas>,
    map: Option<kfkl_core::map::CountyMap>,
    index_path: PathBuf,
    index: kfkl_core::publications::Index,
    index_lines: Vec<usize>,
    documents: Vec<Document>,
    /// With their paths relative to `data_dir`: a survey may name a key-figure file as its data.
    figure_files: Vec<(String, Dataset)>,
    datasets: Vec<Dataset>,
    surveys: Vec<statistics::SurveyFile>,
}

/// Reads every source under `data_dir`; all problems are returned together.
pub fn build(data_dir: &Path) -> Result<Build, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut input = read_sources(data_dir, &mut errors);
    let followups = check_across(data_dir, &mut input, &mut errors);
    check_ids(data_dir, &input, &followups, &mut errors);
    match input.areas.take() {
        Some(areas) if errors.is_empty() => assemble(data_dir, input, areas, followups),
        _ => Err(errors),
    }
}

/// A source text by its path relative to `data_dir`, as documents, figures and results name them.
fn read_doc(data_dir: &Path, rel: &str) -> Result<String, String> {
    std::fs::read_to_string(data_dir.join(rel)).map_err(|e| e.to_string())
}

/// Reads each source file on its own; checks that need several files come later.
fn read_sources(data_dir: &Path, errors: &mut Vec<Diagnostic>) -> Sources {
    let areas_path = data_dir.join("sources/municipalities.csv");
    let areas = load_file(&areas_path, errors, |text| areas::load(&areas_path, text));
    let map_path = data_dir.join(map::FILE);
    let map = match &areas {
        Some(areas) if map_path.exists() => load_file(&map_path, errors, |text| map::load(&map_path, text, areas)),
        _ => None,
    };
    let read_doc = |rel: &str| read_doc(data_dir, rel);
    let index_path = data_dir.join(publications::FILE);
    let (index, index_lines) = read_index(data_dir, &index_path, errors);
    let documents: Vec<Document> = index
        .dokument
        .iter()
        .filter_map(|entry| {
            let path = data_dir.join(&entry.fil);
            load_file(&path, errors, |text| document::load(&path, text, &read_doc))
        })
        .collect();
    let figure_files: Vec<(String, Dataset)> = files_with_extension(&data_dir.join("figures"), "toml", errors)
        .into_iter()
        .filter_map(|path| {
            let rel = relative(data_dir, &path);
            load_file(&path, errors, |text| figures::load(&path, text, &read_doc, &documents)).map(|d| (rel, d))
        })
        .collect();
    let datasets: Vec<Dataset> = figure_files.iter().map(|(_, d)| d.clone()).collect();
    // Optional like the follow-up, so a test fixture need not have it.
    let stats_dir = data_dir.join("statistik");
    let stats_files = if stats_dir.exists() {
        files_with_extension(&stats_dir, "toml", errors)
    } else {
        Vec::new()
    };
    let surveys: Vec<statistics::SurveyFile> = stats_files
        .into_iter()
        .filter_map(|path| load_file(&path, errors, |text| statistics::load(&path, text)))
        .collect();
    Sources {
        areas,
        map,
        index_path,
        index,
        index_lines,
        documents,
        figure_files,
        datasets,
        surveys,
    }
}

/// Reads the publication index and reports every document under `documents/` it does not name:
/// the index names every document, so one it does not name is a mistake.
fn read_index(
    data_dir: &Path,
    index_path: &Path,
    errors: &mut Vec<Diagnostic>,
) -> (kfkl_core::publications::Index, Vec<usize>) {
    let loaded = load_file(index_path, errors, |text| publications::load(index_path, text));
    let index_ok = loaded.is_some();
    let (index, index_lines) = loaded.unwrap_or_default();
    let listed = if index_ok {
        files_with_extension(&data_dir.join("documents"), "md", errors)
    } else {
        Vec::new()
    };
    for path in listed {
        if !index.dokument.iter().any(|d| d.fil == relative(data_dir, &path)) {
            errors.push(Diagnostic {
                file: path.clone(),
                line: 1,
                reason: format!("not listed in {}: add it there (docs/publicera.md)", publications::FILE),
            });
        }
    }
    (index, index_lines)
}

/// Checks the index against the documents and figures it names, builds the follow-ups and
/// drops the drafts.
fn check_across(data_dir: &Path, input: &mut Sources, errors: &mut Vec<Diagnostic>) -> Vec<followup::FollowUp> {
    let Sources {
        index_path,
        index,
        index_lines,
        documents,
        datasets,
        ..
    } = input;
    // Only once every document loaded: one that failed has said why already.
    if errors.is_empty() {
        errors.extend(publications::check(index_path, index, index_lines, documents, datasets));
    }
    // A follow-up needs both its documents, so it is built only when they are valid.
    let mut followups = Vec::new();
    if errors.is_empty() {
        for pair in index.pairs() {
            let path = data_dir.join(&pair.fil);
            let newest = index.pair(None) == Some(pair);
            followups.extend(load_file(&path, errors, |text| {
                followup::load(&path, text, index, pair, newest, documents, datasets)
            }));
        }
    }
    // Drafts are checked like the others, and then left out.
    documents.retain(|d| index.by_id(&d.id).is_some());
    followups
}

/// Everything is published into one folder under its id: a clash would overwrite a file.
fn check_ids(data_dir: &Path, input: &Sources, followups: &[followup::FollowUp], errors: &mut Vec<Diagnostic>) {
    let mut ids = vec!["areas".to_string()];
    ids.extend(input.datasets.iter().map(|d| d.id.clone()));
    ids.extend(input.documents.iter().map(|d| d.id.clone()));
    ids.extend(
        input
            .documents
            .iter()
            .map(|d| format!("{}{}", d.id, publish::TABLES_SUFFIX)),
    );
    ids.extend([
        "uppfoljning".to_string(),
        "sok".to_string(),
        "kommuner-karta".to_string(),
    ]);
    ids.extend(input.surveys.iter().map(|s| format!("statistik-{}", s.survey.id)));
    for f in followups {
        ids.extend(f.topics.iter().map(|t| f.file_id(&t.id)));
    }
    if let Some(a) = &input.areas {
        ids.extend(a.municipalities.iter().map(|m| format!("kommun-{}", m.slug)));
    }
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            errors.push(Diagnostic {
                file: data_dir.to_path_buf(),
                line: 1,
                reason: format!("id '{id}' is used by two published files"),
            });
        }
    }
}

/// Builds what is derived from valid sources: the survey tables, the search index, the
/// municipalities' reports and the accessibility statement.
fn assemble(
    data_dir: &Path,
    input: Sources,
    areas: Areas,
    followups: Vec<followup::FollowUp>,
) -> Result<Build, Vec<Diagnostic>> {
    // Optional like the follow-up, so that a test fixture need not have it.
    let catalogue = optional_file(&data_dir.join(sources::FILE), sources::load)?;
    let tables = survey_tables(data_dir, &input, &areas, catalogue.as_ref())?;
    let search = search_index(&input, &tables, &areas);
    let selection_path = data_dir.join("kommunrapport.toml");
    let selection = optional_file(&selection_path, |path, text| {
        kommunrapport::load(path, text, &tables, &input.datasets)
    })?;
    let reports = match selection {
        None => Vec::new(),
        Some(selection) => areas
            .municipalities
            .iter()
            .map(|m| kommunrapport::report(m, &tables, &selection, &input.documents, &input.index))
            .collect(),
    };
    let statement = optional_file(&data_dir.join(accessibility::FILE), accessibility::load)?;
    Ok(Build {
        areas,
        datasets: input.datasets,
        documents: input.documents,
        publications: input.index,
        followups,
        search,
        tables,
        map: input.map,
        reports,
        statement,
    })
}

/// A file that a test fixture need not have: `None` when it is absent. Read only once the
/// other sources are valid, so its errors are the only ones.
fn optional_file<T>(
    path: &Path,
    load: impl FnOnce(&Path, &str) -> Result<T, Vec<Diagnostic>>,
) -> Result<Option<T>, Vec<Diagnostic>> {
    if !path.exists() {
        return Ok(None);
    }
    let mut errors = Vec::new();
    match load_file(path, &mut errors, |text| load(path, text)) {
        Some(loaded) => Ok(Some(loaded)),
        None => Err(errors),
    }
}

/// Each survey's catalogue and results; every survey's problems are returned together.
fn survey_tables(
    data_dir: &Path,
    input: &Sources,
    areas: &Areas,
    catalogue: Option<&sources::Catalogue>,
) -> Result<Vec<kfkl_core::stats::StatTable>, Vec<Diagnostic>> {
    let all_areas = results::areas(areas);
    let read_doc = |rel: &str| read_doc(data_dir, rel);
    let mut errors = Vec::new();
    let tables: Vec<kfkl_core::stats::StatTable> = input
        .surveys
        .iter()
        .filter_map(|sf| {
            results::table(
                sf,
                areas,
                &all_areas,
                data_dir,
                &read_doc,
                &input.figure_files,
                catalogue,
            )
            .map_err(|mut e| errors.append(&mut e))
            .ok()
        })
        .collect();
    if errors.is_empty() {
        Ok(tables)
    } else {
        Err(errors)
    }
}

fn search_index(
    input: &Sources,
    tables: &[kfkl_core::stats::StatTable],
    areas: &Areas,
) -> kfkl_core::search::SearchIndex {
    let catalogues: Vec<kfkl_core::stats::Survey> = tables.iter().map(|t| t.survey.clone()).collect();
    // A key-figure file that a survey shows as its data is found on the survey's page.
    let dataset_routes: Vec<(String, String)> = input
        .surveys
        .iter()
        .flat_map(|sf| {
            sf.data
                .iter()
                .filter(|d| d.format == "key-figures")
                .filter_map(|d| input.figure_files.iter().find(|(rel, _)| *rel == d.file))
                .map(|(_, ds)| (ds.id.clone(), sf.survey.route.clone()))
        })
        .collect();
    search::index(
        &input.documents,
        &input.index,
        &dataset_routes,
        &input.datasets,
        &catalogues,
        &areas.municipalities,
    )
}

/// A path as the data files name each other: relative to `data_dir`, with '/'.
fn relative(data_dir: &Path, path: &Path) -> String {
    path.strip_prefix(data_dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Reads one file and hands its text to `load`; every problem goes to `errors`.
fn load_file<T>(
    path: &Path,
    errors: &mut Vec<Diagnostic>,
    load: impl FnOnce(&str) -> Result<T, Vec<Diagnostic>>,
) -> Option<T> {
    match std::fs::read_to_string(path) {
        Ok(text) => load(&text).map_err(|mut e| errors.append(&mut e)).ok(),
        Err(e) => {
            errors.push(Diagnostic {
                file: path.to_path_buf(),
                line: 1,
                reason: format!("cannot read: {e}"),
            });
            None
        }
    }
}

/// Sorted, so that the build's order (and output) never depends on the file system.
fn files_with_extension(dir: &Path, ext: &str, errors: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Diagnostic {
                file: dir.to_path_buf(),
                line: 1,
                reason: format!("cannot read folder: {e}"),
            });
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
