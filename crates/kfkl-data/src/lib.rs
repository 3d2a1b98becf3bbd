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

/// Reads every source under `data_dir`; all problems are returned together.
pub fn build(data_dir: &Path) -> Result<Build, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let areas_path = data_dir.join("sources/municipalities.csv");
    let areas = load_file(&areas_path, &mut errors, |text| areas::load(&areas_path, text));
    let map_path = data_dir.join(map::FILE);
    let county_map = match &areas {
        Some(areas) if map_path.exists() => load_file(&map_path, &mut errors, |text| map::load(&map_path, text, areas)),
        _ => None,
    };
    let read_doc = |rel: &str| -> Result<String, String> {
        std::fs::read_to_string(data_dir.join(rel)).map_err(|e| e.to_string())
    };
    // The index names every document; a document it does not name is a mistake.
    let index_path = data_dir.join(publications::FILE);
    let loaded = load_file(&index_path, &mut errors, |text| publications::load(&index_path, text));
    let index_ok = loaded.is_some();
    let (index, index_lines) = loaded.unwrap_or_default();
    let listed = if index_ok {
        files_with_extension(&data_dir.join("documents"), "md", &mut errors)
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
    let mut documents: Vec<Document> = index
        .dokument
        .iter()
        .filter_map(|entry| {
            let path = data_dir.join(&entry.fil);
            load_file(&path, &mut errors, |text| document::load(&path, text, &read_doc))
        })
        .collect();
    // With their paths relative to `data_dir`: a survey may name a key-figure file as its data.
    let figure_files: Vec<(String, Dataset)> = files_with_extension(&data_dir.join("figures"), "toml", &mut errors)
        .into_iter()
        .filter_map(|path| {
            let rel = relative(data_dir, &path);
            load_file(&path, &mut errors, |text| {
                figures::load(&path, text, &read_doc, &documents)
            })
            .map(|d| (rel, d))
        })
        .collect();
    let datasets: Vec<Dataset> = figure_files.iter().map(|(_, d)| d.clone()).collect();
    // Optional like the follow-up, so a test fixture need not have it.
    let stats_dir = data_dir.join("statistik");
    let stats_files = if stats_dir.exists() {
        files_with_extension(&stats_dir, "toml", &mut errors)
    } else {
        Vec::new()
    };
    let surveys: Vec<statistics::SurveyFile> = stats_files
        .into_iter()
        .filter_map(|path| load_file(&path, &mut errors, |text| statistics::load(&path, text)))
        .collect();
    // Only once every document loaded: one that failed has said why already.
    if errors.is_empty() {
        errors.extend(publications::check(
            &index_path,
            &index,
            &index_lines,
            &documents,
            &datasets,
        ));
    }
    // A follow-up needs both its documents, so it is built only when they are valid.
    let mut followups = Vec::new();
    if errors.is_empty() {
        for pair in index.pairs() {
            let path = data_dir.join(&pair.fil);
            let newest = index.pair(None) == Some(pair);
            followups.extend(load_file(&path, &mut errors, |text| {
                followup::load(&path, text, &index, pair, newest, &mut documents, &datasets)
            }));
        }
    }
    // Drafts are checked like the others, and then left out.
    documents.retain(|d| index.by_id(&d.id).is_some());
    // Everything is published into one folder under its id: a clash would overwrite a file.
    let mut ids = vec!["areas".to_string()];
    ids.extend(datasets.iter().map(|d| d.id.clone()));
    ids.extend(documents.iter().map(|d| d.id.clone()));
    ids.extend(documents.iter().map(|d| format!("{}{}", d.id, publish::TABLES_SUFFIX)));
    ids.extend([
        "uppfoljning".to_string(),
        "sok".to_string(),
        "kommuner-karta".to_string(),
    ]);
    ids.extend(surveys.iter().map(|s| format!("statistik-{}", s.survey.id)));
    for f in &followups {
        ids.extend(f.topics.iter().map(|t| f.file_id(&t.id)));
    }
    if let Some(a) = &areas {
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
    match areas {
        Some(areas) if errors.is_empty() => {
            let all_areas = results::areas(&areas);
            // Optional like the follow-up, so that a test fixture need not have it.
            let catalogue_path = data_dir.join(sources::FILE);
            let catalogue = match catalogue_path.exists() {
                false => None,
                true => match load_file(&catalogue_path, &mut errors, |text| {
                    sources::load(&catalogue_path, text)
                }) {
                    Some(c) => Some(c),
                    None => return Err(errors),
                },
            };
            let tables: Vec<kfkl_core::stats::StatTable> = surveys
                .iter()
                .filter_map(|sf| {
                    results::table(
                        sf,
                        &areas,
                        &all_areas,
                        data_dir,
                        &read_doc,
                        &figure_files,
                        catalogue.as_ref(),
                    )
                    .map_err(|mut e| errors.append(&mut e))
                    .ok()
                })
                .collect();
            if !errors.is_empty() {
                return Err(errors);
            }
            let catalogues: Vec<kfkl_core::stats::Survey> = tables.iter().map(|t| t.survey.clone()).collect();
            // A key-figure file that a survey shows as its data is found on the survey's page.
            let dataset_routes: Vec<(String, String)> = surveys
                .iter()
                .flat_map(|sf| {
                    sf.data
                        .iter()
                        .filter(|d| d.format == "key-figures")
                        .filter_map(|d| figure_files.iter().find(|(rel, _)| *rel == d.file))
                        .map(|(_, ds)| (ds.id.clone(), sf.survey.route.clone()))
                })
                .collect();
            let search = search::index(
                &documents,
                &index,
                &dataset_routes,
                &datasets,
                &catalogues,
                &areas.municipalities,
            );
            let selection_path = data_dir.join("kommunrapport.toml");
            let reports = match selection_path.exists() {
                false => Vec::new(),
                true => match load_file(&selection_path, &mut errors, |text| {
                    kommunrapport::load(&selection_path, text, &tables, &datasets)
                }) {
                    Some(selection) => areas
                        .municipalities
                        .iter()
                        .map(|m| kommunrapport::report(m, &tables, &selection, &documents, &index))
                        .collect(),
                    None => return Err(errors),
                },
            };
            let statement_path = data_dir.join(accessibility::FILE);
            let statement = match statement_path.exists() {
                false => None,
                true => match load_file(&statement_path, &mut errors, |text| {
                    accessibility::load(&statement_path, text)
                }) {
                    Some(s) => Some(s),
                    None => return Err(errors),
                },
            };
            Ok(Build {
                areas,
                datasets,
                documents,
                publications: index,
                followups,
                search,
                tables,
                map: county_map,
                reports,
                statement,
            })
        }
        _ => Err(errors),
    }
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
