//! Table workbooks (CAN's county report as Excel: one table per sheet, a
//! title in the first rows, a header of one or two rows, areas or years as
//! rows) → the fields of import rows. A small mapping file per workbook (TOML,
//! `data/statistik/IMPORT.md`) says where each table is and what it holds.
//! Both layouts are read: areas as rows with years (× sex) as columns, and
//! years as rows with sex (under a group such as the kind of tobacco) as
//! columns. Missing markers (`.`, `..`, `–`, `*`) become hidden values, each
//! with the meaning the mapping gives it. Errors are `fil:blad!cell: orsak`.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{open_workbook, Reader, Xlsx};
use kfkl_core::model::Areas;
use kfkl_core::stats::{Survey, COUNTY, COUNTY_NAME, NATION};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};

mod sheet;
use sheet::{column_index, columns, Sheet};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMap {
    /// The workbook, relative to the data folder.
    fil: String,
    kalla: String,
    /// Missing markers and what the workbook says they mean: `".." = "för få svarande"`.
    #[serde(default)]
    saknas: BTreeMap<String, String>,
    #[serde(rename = "tabell")]
    tables: Vec<Spanned<RawTable>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    blad: String,
    /// "omraden" (areas as rows) or "ar" (years as rows).
    layout: String,
    /// The header rows, as Excel numbers them: one, or a group row over the sex row.
    rubrikrader: Vec<u32>,
    /// The column of the row labels (areas or years): "A".
    etikettkolumn: String,
    arskurs: String,
    /// The indicator of the whole table …
    indikator: Option<String>,
    /// … or, in the "ar" layout with two header rows, of each group: `"Cigaretter" = "rokning"`.
    #[serde(default)]
    grupper: BTreeMap<String, String>,
    /// "ar" layout: the area the table is about ("08", "00" or a municipality's code).
    omrade: Option<String>,
    /// Multiplies every value: 100 where the workbook stores shares as fractions (0,125).
    skala: Option<f64>,
    kalla: Option<String>,
}

/// One cell's worth of an import row: where it stands and its fields
/// `[indikator, ar, omrade, arskurs, kon, svar, varde]` and source.
pub type Cell = (String, [String; 7], String);

/// Reads the workbook a mapping names. `Ok` holds every value cell (an error in
/// one table does not hide the others'); the errors, if any, name their cell.
pub fn read(
    map_path: &Path,
    text: &str,
    data_dir: &Path,
    survey: &Survey,
    areas: &Areas,
) -> Result<Vec<Cell>, Vec<Diagnostic>> {
    let file = SourceFile { path: map_path, text };
    let raw: RawMap = toml::from_str(text)
        .map_err(|e| vec![file.error(e.span().map_or(0, |s| s.start), e.message().trim().to_string())])?;
    let book_path = data_dir.join(&raw.fil);
    let shown = raw.fil.rsplit('/').next().unwrap_or(&raw.fil).to_string();
    let mut book: Xlsx<_> = open_workbook(&book_path)
        .map_err(|e| vec![file.error(0, format!("fil = '{}': cannot read the workbook: {e}", raw.fil))])?;
    let mut errors = Vec::new();
    let mut cells = Vec::new();
    for spanned in &raw.tables {
        let t = spanned.get_ref();
        let at_map = |reason: String| file.error(spanned.span().start, reason);
        let range = match book.worksheet_range(&t.blad) {
            Ok(r) => r,
            Err(_) => {
                errors.push(at_map(format!(
                    "blad = '{}': the workbook has no such sheet ({})",
                    t.blad,
                    book.sheet_names().join(", ")
                )));
                continue;
            }
        };
        let grid = Sheet {
            range: &range,
            file: &shown,
            sheet: &t.blad,
        };
        match table(t, &grid, &raw, survey, areas) {
            Ok(mut found) => cells.append(&mut found),
            Err(TableError::Map(reason)) => errors.push(at_map(reason)),
            Err(TableError::Cells(mut list)) => errors.append(&mut list),
        }
    }
    if errors.is_empty() {
        Ok(cells)
    } else {
        Err(errors)
    }
}

enum TableError {
    /// The mapping is wrong: at its table.
    Map(String),
    /// The workbook is: at its cells.
    Cells(Vec<Diagnostic>),
}

/// One table of a workbook, its mapping checked: what each of its rows gives.
struct Table<'a> {
    t: &'a RawTable,
    grid: &'a Sheet<'a>,
    raw: &'a RawMap,
    areas: &'a Areas,
    label_col: u32,
    by_year: bool,
    /// What each value column holds, see `columns`.
    cols: Vec<(u32, String, &'static str)>,
    source: String,
}

fn table(t: &RawTable, grid: &Sheet, raw: &RawMap, survey: &Survey, areas: &Areas) -> Result<Vec<Cell>, TableError> {
    let (label_col, by_year) = check_mapping(t, survey, areas)?;
    let header: Vec<u32> = t.rubrikrader.iter().map(|r| r - 1).collect();
    let cols = columns(grid, &header, label_col + 1, by_year);
    if cols.is_empty() {
        return Err(TableError::Map(format!(
            "{}: no value columns under the header rows {:?} (Pojkar, Flickor, Alla)",
            t.blad, t.rubrikrader
        )));
    }
    let table = Table {
        t,
        grid,
        raw,
        areas,
        label_col,
        by_year,
        cols,
        source: t.kalla.clone().unwrap_or_else(|| raw.kalla.clone()),
    };
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut row = header.last().copied().unwrap_or(0) + 1;
    // The table's rows run to the first row without a label (notes may follow).
    loop {
        let label = grid.text(row, label_col);
        if label.is_empty() {
            break;
        }
        table.row(row, &label, &mut out, &mut errors);
        row += 1;
    }
    check_scale(t, survey, &out)?;
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(TableError::Cells(errors))
    }
}

/// Checks a table's mapping before its sheet is read; returns the label column and whether
/// years are the rows.
fn check_mapping(t: &RawTable, survey: &Survey, areas: &Areas) -> Result<(u32, bool), TableError> {
    let label_col = column_index(&t.etikettkolumn).ok_or_else(|| {
        TableError::Map(format!(
            "etikettkolumn = '{}' is not a column (A, B, …)",
            t.etikettkolumn
        ))
    })?;
    if t.rubrikrader.is_empty() || t.rubrikrader.len() > 2 || t.rubrikrader.contains(&0) {
        return Err(TableError::Map(
            "rubrikrader: give one or two header rows, as Excel numbers them (e.g. [4, 5])".into(),
        ));
    }
    if !survey.grades.contains(&t.arskurs) {
        return Err(TableError::Map(format!(
            "arskurs = '{}' is not a grade of {} ({})",
            t.arskurs,
            survey.id,
            survey.grades.join(", ")
        )));
    }
    let known = |id: &str| survey.indicators.iter().any(|i| i.id == id);
    for id in t.indikator.iter().chain(t.grupper.values()) {
        if !known(id) {
            return Err(TableError::Map(format!(
                "unknown indicator '{id}' (not in the {} catalogue)",
                survey.id
            )));
        }
    }
    let by_year = match t.layout.as_str() {
        "omraden" => false,
        "ar" => true,
        other => {
            return Err(TableError::Map(format!(
                "layout = '{other}': write \"omraden\" (areas as rows) or \"ar\" (years as rows)"
            )))
        }
    };
    if by_year {
        match &t.omrade {
            None => return Err(TableError::Map("layout = \"ar\": give the table's area as omrade (\"08\" for Kalmar län, \"00\" for Riket, or a municipality's code)".into())),
            Some(code) if code != COUNTY && code != NATION && !areas.municipalities.iter().any(|m| m.code == *code) => {
                return Err(TableError::Map(format!("omrade = '{code}' is not an area code")));
            }
            _ => {}
        }
    }
    Ok((label_col, by_year))
}

impl Table<'_> {
    /// The value cells of one row labelled `label`; a cell that is no value is an error there.
    fn row(&self, row: u32, label: &str, out: &mut Vec<Cell>, errors: &mut Vec<Diagnostic>) {
        let (t, grid, raw) = (self.t, self.grid, self.raw);
        let mut bad = |col: u32, reason: String| {
            errors.push(Diagnostic {
                file: grid.at(row, col).into(),
                line: 0,
                reason,
            })
        };
        let place = if self.by_year {
            t.omrade.clone()
        } else {
            area_code(label, self.areas)
        };
        let Some(place) = place else {
            bad(
                self.label_col,
                format!("'{label}' is not an area: a municipality of the county, {COUNTY_NAME} or Riket"),
            );
            return;
        };
        for (col, group, sex) in &self.cols {
            let (year, indicator) = match self.by_year {
                false => (group.clone(), t.indikator.clone()),
                true if !t.grupper.is_empty() => (label.to_string(), t.grupper.get(group.as_str()).cloned()),
                true => (label.to_string(), t.indikator.clone()),
            };
            let Some(indicator) = indicator else {
                if !t.grupper.is_empty() {
                    bad(*col, format!("the group '{group}' is not in grupper"));
                }
                continue;
            };
            let year = year.trim_end_matches(".0").to_string();
            let cell = grid.text(row, *col);
            let source = &self.source;
            let mut cited = source.clone();
            let value = if let Some(meaning) = raw.saknas.get(cell.as_str()) {
                // Hidden, with what the workbook says its marker means.
                cited = format!("{source} (”{cell}” i tabellen: {meaning})");
                "..".to_string()
            } else if cell.is_empty() {
                continue;
            } else if let Some(v) = grid.number(row, *col) {
                (v * t.skala.unwrap_or(1.0)).to_string()
            } else {
                bad(
                    *col,
                    format!(
                        "'{cell}' is not a number, nor a missing marker of saknas ({})",
                        raw.saknas.keys().cloned().collect::<Vec<_>>().join(" ")
                    ),
                );
                continue;
            };
            out.push((
                grid.at(row, *col),
                [
                    indicator,
                    year,
                    place.clone(),
                    t.arskurs.clone(),
                    sex.to_string(),
                    String::new(),
                    value,
                ],
                cited,
            ));
        }
    }
}

/// A share stored as a fraction would pass as a tiny percentage: ask for skala.
fn check_scale(t: &RawTable, survey: &Survey, out: &[Cell]) -> Result<(), TableError> {
    let percent = |id: &str| {
        survey
            .indicators
            .iter()
            .find(|i| i.id == id)
            .is_some_and(|i| i.unit == kfkl_core::stats::StatUnit::Percent)
    };
    let values: Vec<f64> = out
        .iter()
        .filter(|c| percent(&c.1[0]))
        .filter_map(|c| c.1[6].parse::<f64>().ok())
        .collect();
    if t.skala.is_none() && !values.is_empty() && values.iter().all(|v| *v <= 1.0) && values.iter().any(|v| *v > 0.0) {
        return Err(TableError::Map(format!(
            "{}: every share is at most 1, as if stored as a fraction: give skala = 100",
            t.blad
        )));
    }
    Ok(())
}

/// A row label as an area code: a municipality's name, the county or the nation.
fn area_code(label: &str, areas: &Areas) -> Option<String> {
    let label = label.trim();
    let folded = label.to_lowercase();
    match folded.as_str() {
        "riket" | "hela riket" | "sverige" => return Some(NATION.into()),
        "kalmar län" | "länet" | "länet totalt" => return Some(COUNTY.into()),
        _ => {}
    }
    let name = folded.strip_suffix(" kommun").unwrap_or(&folded);
    areas
        .municipalities
        .iter()
        .find(|m| m.name.to_lowercase() == name)
        .map(|m| m.code.clone())
}

#[cfg(test)]
mod tests;
