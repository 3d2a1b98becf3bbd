//! Survey results → `StatTable`: reads a survey's data files (the documented
//! import format, CAN's published figures as the source has them, or the
//! validated key figures of `figures/`, for AV-Play), checks
//! every row, and suppresses groups under the threshold before anything is
//! published. Errors carry `file:line: reason`.
//!
//! Import format (UTF-8, comma-separated, header row, `#` lines are comments):
//! `indikator,ar,omrade,arskurs,kon,svar,varde,n,kalla` – see `data/statistik/IMPORT.md`.

mod read;
mod row;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use kfkl_core::model::{Areas, Dataset, Status, SCHEMA_VERSION};
use kfkl_core::stats::{beside_county, Area, Observation, Rows, StatTable, COUNTY, COUNTY_NAME, NATION};

use crate::diag::Diagnostic;
use crate::sources::Catalogue;
use crate::statistics::{DataFile, SurveyFile};
use read::{read_can, read_figures, read_import};
use row::{check_distributions, observation};

pub const IMPORT_HEADER: [&str; 9] = [
    "indikator",
    "ar",
    "omrade",
    "arskurs",
    "kon",
    "svar",
    "varde",
    "n",
    "kalla",
];
/// An observation's key: (indicator, year, area, grade, gender, answer).
type Key = (usize, u16, usize, usize, usize, Option<usize>);
/// Where each key was first seen, "file:line".
type Seen = HashMap<Key, String>;

/// The areas a table may hold: the 12 municipalities, the county and the nation.
pub fn areas(areas: &Areas) -> Vec<Area> {
    // In a table the municipality stands beside the county: "Kalmar kommun", "Kalmar län".
    // In Swedish alphabetical order, as /kommun lists them, so that every control, table and chart does too.
    let mut out: Vec<Area> = areas
        .municipalities
        .iter()
        .map(|m| Area {
            code: m.code.clone(),
            name: beside_county(&m.name),
        })
        .collect();
    kfkl_core::sort::sort_by(&mut out, |a, b| kfkl_core::sort::swedish_cmp(&a.name, &b.name));
    out.push(Area {
        code: COUNTY.into(),
        name: COUNTY_NAME.into(),
    });
    out.push(Area {
        code: NATION.into(),
        name: "Riket".into(),
    });
    out
}

/// What a survey's data files are read against.
struct Context<'a> {
    sf: &'a SurveyFile,
    county: &'a Areas,
    all_areas: &'a [Area],
    data_dir: &'a Path,
    read: &'a dyn Fn(&str) -> Result<String, String>,
    datasets: &'a [(String, Dataset)],
    catalogue: Option<&'a Catalogue>,
}

/// The rows of a survey's data files so far, with their sources, where each was first seen,
/// and every problem.
#[derive(Default)]
struct Collected {
    errors: Vec<Diagnostic>,
    sources: Vec<String>,
    rows: Rows,
    seen: Seen,
}

/// Where a data file's rows are: lines of `path`, or, in a workbook, cells ("fil:blad!cell"),
/// one a row by the row's index.
struct Place {
    path: PathBuf,
    cells: Vec<String>,
}

impl Place {
    fn error(&self, line: usize, reason: String) -> Diagnostic {
        match self.cells.get(line.wrapping_sub(1)) {
            Some(cell) => Diagnostic {
                file: cell.into(),
                line: 0,
                reason,
            },
            None => Diagnostic {
                file: self.path.clone(),
                line,
                reason,
            },
        }
    }

    /// A row's place as `Seen` keeps it.
    fn at(&self, line: usize) -> String {
        self.cells
            .get(line.wrapping_sub(1))
            .cloned()
            .unwrap_or_else(|| format!("{}:{line}", self.path.display()))
    }
}

/// Builds one survey's table. `read` returns a file's text by its path relative
/// to the data folder; `datasets` are the validated key-figure files by that path.
pub fn table(
    sf: &SurveyFile,
    county: &Areas,
    all_areas: &[Area],
    data_dir: &Path,
    read: &dyn Fn(&str) -> Result<String, String>,
    datasets: &[(String, Dataset)],
    catalogue: Option<&Catalogue>,
) -> Result<StatTable, Vec<Diagnostic>> {
    let context = Context {
        sf,
        county,
        all_areas,
        data_dir,
        read,
        datasets,
        catalogue,
    };
    let mut collected = Collected::default();
    let absent = absent_areas(sf, all_areas, &mut collected.errors);
    for data in &sf.data {
        context.add_file(data, &absent, &mut collected);
    }
    let Collected {
        mut errors,
        sources,
        mut rows,
        seen,
    } = collected;
    check_distributions(sf, all_areas, &rows, &seen, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    suppress(&mut rows, sf.threshold);
    // The explorer reads one indicator's rows by binary search (`StatTable::rows_of`).
    rows.sort();
    let status = if rows.example.iter().any(|&e| e) {
        Status::Exempeldata
    } else {
        Status::Official
    };
    Ok(StatTable {
        schema_version: SCHEMA_VERSION,
        survey: sf.survey.clone(),
        threshold: sf.threshold,
        status,
        areas: all_areas.to_vec(),
        sources,
        rows,
    })
}

/// A municipality that does not take part has no results, real or example.
fn absent_areas(sf: &SurveyFile, all_areas: &[Area], errors: &mut Vec<Diagnostic>) -> Vec<usize> {
    let mut absent: Vec<usize> = Vec::new();
    for a in &sf.survey.absent {
        match all_areas.iter().position(|x| x.code == a.code) {
            Some(i) => absent.push(i),
            None => errors.push(Diagnostic {
                file: sf.path.clone(),
                line: 1,
                reason: format!("[[absent]] area '{}' is not one of the county's municipalities", a.code),
            }),
        }
    }
    absent
}

impl Context<'_> {
    /// Reads one data file and adds its rows that are good.
    fn add_file(&self, data: &DataFile, absent: &[usize], collected: &mut Collected) {
        let sf = self.sf;
        // Key figures were read and checked with their file; what can go wrong
        // here is the catalogue's reference to them, so errors point there.
        let path = if data.format == "key-figures" {
            sf.path.clone()
        } else {
            self.data_dir.join(&data.file)
        };
        let mut place = Place {
            path,
            cells: Vec::new(),
        };
        let parsed = match self.parse(data, &mut place) {
            Ok(parsed) => parsed,
            Err(mut e) => {
                collected.errors.append(&mut e);
                return;
            }
        };
        for item in parsed {
            match item {
                Err((line, reason)) => collected.errors.push(place.error(line, reason)),
                Ok((line, o, _)) if absent.contains(&o.area) => {
                    collected.errors.push(place.error(
                        line,
                        format!(
                            "{} does not take part in {} ([[absent]] in its catalogue): no results for it",
                            self.all_areas[o.area].name, sf.survey.id
                        ),
                    ));
                }
                Ok((line, mut o, named)) => match self.citation(data, named) {
                    Ok(source) => {
                        o.example = data.status == Status::Exempeldata;
                        collected.add(o, source, &place, line);
                    }
                    Err(reason) => collected.errors.push(place.error(line, reason)),
                },
            }
        }
    }

    /// One data file's rows, each checked on its own. A file that cannot be read at all is an
    /// error at its first line (or, for key figures, the catalogue's).
    fn parse(&self, data: &DataFile, place: &mut Place) -> Result<Vec<Parsed>, Vec<Diagnostic>> {
        let (sf, all_areas) = (self.sf, self.all_areas);
        if data.format == "key-figures" {
            return match self.datasets.iter().find(|(file, _)| *file == data.file) {
                Some((_, dataset)) => Ok(read_figures(dataset, sf, all_areas)),
                None => Err(vec![place.error(
                    1,
                    format!("data file {}: not a key-figure file (figures/*.toml)", data.file),
                )]),
            };
        }
        let text = (self.read)(&data.file).map_err(|why| vec![place.error(1, format!("cannot read: {why}"))])?;
        Ok(match data.format.as_str() {
            "can-public" => read_can(&text, sf, all_areas),
            "tabellbok" => self.workbook_rows(&text, place)?,
            "exempel-svar" => read_import(
                &example_respondents(&place.path, &text, sf, self.county)?,
                sf,
                all_areas,
            ),
            _ => read_import(&text, sf, all_areas),
        })
    }

    /// A table workbook's figures as rows; each row's cell goes to `place`.
    fn workbook_rows(&self, mapping: &str, place: &mut Place) -> Result<Vec<Parsed>, Vec<Diagnostic>> {
        let found = crate::workbook::read(&place.path, mapping, self.data_dir, &self.sf.survey, self.county)?;
        Ok(found
            .into_iter()
            .enumerate()
            .map(|(i, (cell, f, source))| {
                place.cells.push(cell);
                observation(
                    self.sf,
                    self.all_areas,
                    [&f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6]],
                    None,
                    None,
                )
                .map(|o| (i + 1, o, source))
                .map_err(|reason| (i + 1, reason))
            })
            .collect())
    }

    /// The citation a row is published with, from the source it names.
    fn citation(&self, data: &DataFile, named: String) -> Result<String, String> {
        // Every row names its source in the catalogue, and is published with its one citation.
        // Key figures cite their document and quote, checked with their file.
        match self.catalogue {
            Some(c) if data.format != "key-figures" => match c.resolve(&named) {
                Some(s) => Ok(s.citation()),
                None => Err(format!(
                    "the source '{named}' is not in {} (name a source by its id)",
                    crate::sources::FILE
                )),
            },
            _ if data.format == "can-public" => Ok(format!("CAN: {named}")),
            _ => Ok(named),
        }
    }
}

impl Collected {
    /// Adds a good row under its source, unless the same observation was given before.
    fn add(&mut self, mut o: Observation, source: String, place: &Place, line: usize) {
        o.source = match self.sources.iter().position(|s| *s == source) {
            Some(i) => i,
            None => {
                self.sources.push(source);
                self.sources.len() - 1
            }
        };
        let key = (o.indicator, o.year, o.area, o.grade, o.gender, o.answer);
        if let Some(first) = self.seen.get(&key) {
            let reason = format!("the same observation is already given at {first}");
            self.errors.push(place.error(line, reason));
            return;
        }
        self.seen.insert(key, place.at(line));
        self.rows.push(&o);
    }
}

/// The example results through the real import: the generator's synthetic
/// respondent file (made in memory, never written) counted by the codebook at
/// `path`, with disclosure control, into rows of the import format.
fn example_respondents(
    path: &Path,
    codebook: &str,
    sf: &SurveyFile,
    county: &Areas,
) -> Result<String, Vec<Diagnostic>> {
    let book = crate::respondents::codebook::load(path, codebook, &sf.survey)?;
    let (file, _) = crate::exempel::lupp_respondents(&sf.survey);
    let grid = crate::respondents::read::csv_text(&file).map_err(|reason| {
        vec![Diagnostic {
            file: path.to_path_buf(),
            line: 1,
            reason,
        }]
    })?;
    let imported =
        crate::respondents::import(&grid, "exempelsvar", &book, &sf.survey, sf.threshold, county).map_err(|e| {
            e.into_iter()
                .map(|reason| Diagnostic {
                    file: path.to_path_buf(),
                    line: 1,
                    reason,
                })
                .collect::<Vec<_>>()
        })?;
    Ok(imported.to_csv(&sf.survey, &book))
}

/// Removes the value of every row whose group has fewer than `threshold` respondents.
/// A row with unknown `n` (published national figures) is kept.
pub fn suppress(rows: &mut Rows, threshold: u32) {
    for i in 0..rows.len() {
        if rows.n[i].is_some_and(|n| n < threshold) {
            rows.value[i] = None;
        }
    }
}

type Parsed = Result<(usize, Observation, String), (usize, String)>;
