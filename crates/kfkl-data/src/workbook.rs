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

use calamine::{open_workbook, Data, Reader, Xlsx};
use kfkl_core::model::Areas;
use kfkl_core::stats::{Survey, COUNTY, COUNTY_NAME, NATION};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};

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

struct Sheet<'a> {
    range: &'a calamine::Range<Data>,
    file: &'a str,
    sheet: &'a str,
}

impl Sheet<'_> {
    /// The cell at 0-based (row, column) as text; numbers as Rust writes them.
    fn text(&self, row: u32, col: u32) -> String {
        match self.range.get_value((row, col)) {
            None | Some(Data::Empty) => String::new(),
            Some(Data::Float(f)) => f.to_string(),
            Some(Data::Int(i)) => i.to_string(),
            Some(other) => other.to_string().trim().to_string(),
        }
    }

    fn number(&self, row: u32, col: u32) -> Option<f64> {
        match self.range.get_value((row, col)) {
            Some(Data::Float(f)) => Some(*f),
            Some(Data::Int(i)) => Some(*i as f64),
            Some(Data::String(s)) => s.trim().replace(',', ".").replace('\u{a0}', "").parse().ok(),
            _ => None,
        }
    }

    /// "fil.xlsx:Tabell 1!C7"
    fn at(&self, row: u32, col: u32) -> String {
        format!("{}:{}!{}{}", self.file, self.sheet, column_name(col), row + 1)
    }

    fn last_column(&self) -> u32 {
        self.range.end().map_or(0, |(_, c)| c)
    }
}

/// 0 → "A", 25 → "Z", 26 → "AA".
fn column_name(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn column_index(name: &str) -> Option<u32> {
    let name = name.trim().to_ascii_uppercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    Some(name.bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1)) - 1)
}

/// "Pojkar" → "pojkar"; the words a table heads its sex columns with.
fn sex(label: &str) -> Option<&'static str> {
    match label.trim().to_lowercase().as_str() {
        "pojkar" | "pojke" | "killar" => Some("pojkar"),
        "flickor" | "flicka" | "tjejer" => Some("flickor"),
        "alla" | "totalt" | "samtliga" | "total" | "båda könen" => Some("alla"),
        _ => None,
    }
}

/// What each value column holds: (column, group label: a year or an indicator's
/// group, sex). A single header row is the sexes (`sexes`) or the years.
fn columns(grid: &Sheet, header: &[u32], first: u32, sexes: bool) -> Vec<(u32, String, &'static str)> {
    let mut out = Vec::new();
    let mut group = String::new();
    for col in first..=grid.last_column() {
        let (top, low) = match header {
            [only] => (grid.text(*only, col), String::new()),
            [top, low, ..] => (grid.text(*top, col), grid.text(*low, col)),
            [] => (String::new(), String::new()),
        };
        // A group heads its columns once, over its first (a merged cell).
        if !top.is_empty() {
            group = top.clone();
        }
        match header.len() {
            1 if sexes => out.extend(sex(&top).map(|s| (col, String::new(), s))),
            1 if !top.is_empty() => out.push((col, top, "alla")),
            1 => {}
            _ => {
                if let Some(s) = sex(&low) {
                    out.push((col, group.clone(), s));
                }
            }
        }
    }
    out
}

fn table(t: &RawTable, grid: &Sheet, raw: &RawMap, survey: &Survey, areas: &Areas) -> Result<Vec<Cell>, TableError> {
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
    let header: Vec<u32> = t.rubrikrader.iter().map(|r| r - 1).collect();
    let source = t.kalla.clone().unwrap_or_else(|| raw.kalla.clone());
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
    let cols = columns(grid, &header, label_col + 1, by_year);
    if cols.is_empty() {
        return Err(TableError::Map(format!(
            "{}: no value columns under the header rows {:?} (Pojkar, Flickor, Alla)",
            t.blad, t.rubrikrader
        )));
    }
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut row = header.last().copied().unwrap_or(0) + 1;
    // The table's rows run to the first row without a label (notes may follow).
    loop {
        let label = grid.text(row, label_col);
        if label.is_empty() {
            break;
        }
        let mut bad = |col: u32, reason: String| {
            errors.push(Diagnostic {
                file: grid.at(row, col).into(),
                line: 0,
                reason,
            })
        };
        let place = if by_year {
            t.omrade.clone()
        } else {
            area_code(&label, areas)
        };
        let Some(place) = place else {
            bad(
                label_col,
                format!("'{label}' is not an area: a municipality of the county, {COUNTY_NAME} or Riket"),
            );
            row += 1;
            continue;
        };
        for (col, group, sex) in &cols {
            let (year, indicator) = match by_year {
                false => (group.clone(), t.indikator.clone()),
                true if !t.grupper.is_empty() => (label.clone(), t.grupper.get(group.as_str()).cloned()),
                true => (label.clone(), t.indikator.clone()),
            };
            let Some(indicator) = indicator else {
                if !t.grupper.is_empty() {
                    bad(*col, format!("the group '{group}' is not in grupper"));
                }
                continue;
            };
            let year = year.trim_end_matches(".0").to_string();
            let cell = grid.text(row, *col);
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
        row += 1;
    }
    // A share stored as a fraction would pass as a tiny percentage: ask for skala.
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
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(TableError::Cells(errors))
    }
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
mod tests {
    use super::*;
    use crate::respondents::tests::{areas, catalogue};

    #[test]
    fn columns_are_named_as_excel_names_them() {
        for (i, name) in [
            (0, "A"),
            (2, "C"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_name(i), name);
            assert_eq!(column_index(name), Some(i));
        }
        assert_eq!(column_index("A1"), None);
    }

    /// A workbook with `rows` (None: an empty cell) on the sheet "Tabell 1", and its mapping.
    fn workbook(rows: &[&[Option<&str>]], mapping: &str) -> Result<Vec<Cell>, Vec<String>> {
        let dir = std::env::temp_dir().join(format!("kfkl-workbook-{}-{}", std::process::id(), rand_suffix(mapping)));
        std::fs::create_dir_all(&dir).unwrap();
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("Tabell 1").unwrap();
        for (r, cells) in rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                match cell.map(|t| (t, t.replace(',', ".").parse::<f64>())) {
                    Some((_, Ok(n))) => sheet.write(r as u32, c as u16, n).map(|_| ()),
                    Some((t, Err(_))) => sheet.write(r as u32, c as u16, t).map(|_| ()),
                    None => Ok(()),
                }
                .unwrap();
            }
        }
        book.save(dir.join("kan.xlsx")).unwrap();
        let text = format!("fil = \"kan.xlsx\"\nkalla = \"CAN, länsrapport\"\nsaknas = {{ \"..\" = \"för få svarande\", \"–\" = \"ingen uppgift\" }}\n{mapping}");
        let got = read(Path::new("kan.toml"), &text, &dir, &catalogue(), &areas())
            .map_err(|e| e.iter().map(ToString::to_string).collect());
        std::fs::remove_dir_all(&dir).unwrap();
        got
    }

    fn rand_suffix(s: &str) -> u64 {
        s.bytes()
            .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)))
    }

    fn fields(cells: &[Cell]) -> Vec<String> {
        cells.iter().map(|(at, f, _)| format!("{at} {}", f.join(","))).collect()
    }

    const TITLE: Option<&str> = Some("Tabell 1. Trygg i skolan, andel (%)");

    #[test]
    fn areas_as_rows_with_years_over_sexes() {
        let rows: &[&[Option<&str>]] = &[
            &[TITLE],
            &[],
            &[None, Some("2021"), None, None, Some("2023"), None, None],
            &[
                Some("Område"),
                Some("Pojkar"),
                Some("Flickor"),
                Some("Alla"),
                Some("Pojkar"),
                Some("Flickor"),
                Some("Alla"),
            ],
            &[
                Some("Kalmar"),
                Some("70"),
                Some("72"),
                Some("71"),
                Some("68,5"),
                Some(".."),
                Some("69"),
            ],
            &[
                Some("Kalmar län"),
                Some("65"),
                Some("66"),
                Some("65,5"),
                Some("–"),
                None,
                Some("64"),
            ],
            &[],
            &[Some("Källa: CAN")],
        ];
        let mapping = "[[tabell]]\nblad = \"Tabell 1\"\nlayout = \"omraden\"\nrubrikrader = [3, 4]\netikettkolumn = \"A\"\narskurs = \"gy2\"\nindikator = \"trygg\"\n";
        let got = fields(&workbook(rows, mapping).expect("reads"));
        assert_eq!(
            got,
            [
                "kan.xlsx:Tabell 1!B5 trygg,2021,0880,gy2,pojkar,,70",
                "kan.xlsx:Tabell 1!C5 trygg,2021,0880,gy2,flickor,,72",
                "kan.xlsx:Tabell 1!D5 trygg,2021,0880,gy2,alla,,71",
                "kan.xlsx:Tabell 1!E5 trygg,2023,0880,gy2,pojkar,,68.5",
                "kan.xlsx:Tabell 1!F5 trygg,2023,0880,gy2,flickor,,..",
                "kan.xlsx:Tabell 1!G5 trygg,2023,0880,gy2,alla,,69",
                "kan.xlsx:Tabell 1!B6 trygg,2021,08,gy2,pojkar,,65",
                "kan.xlsx:Tabell 1!C6 trygg,2021,08,gy2,flickor,,66",
                "kan.xlsx:Tabell 1!D6 trygg,2021,08,gy2,alla,,65.5",
                "kan.xlsx:Tabell 1!E6 trygg,2023,08,gy2,pojkar,,..",
                "kan.xlsx:Tabell 1!G6 trygg,2023,08,gy2,alla,,64",
            ]
        );
    }

    #[test]
    fn years_as_rows_with_sexes_under_groups() {
        let rows: &[&[Option<&str>]] = &[
            &[TITLE],
            &[None, Some("Trygg"), None, None, Some("Fritid"), None],
            &[
                Some("År"),
                Some("Pojkar"),
                Some("Flickor"),
                Some("Alla"),
                Some("Pojkar"),
                Some("Alla"),
            ],
            &[
                Some("2021"),
                Some("0,7"),
                Some("0,72"),
                Some("0,71"),
                Some("0,5"),
                Some("0,45"),
            ],
        ];
        let mapping = "[[tabell]]\nblad = \"Tabell 1\"\nlayout = \"ar\"\nrubrikrader = [2, 3]\netikettkolumn = \"A\"\narskurs = \"ak8\"\nomrade = \"08\"\nskala = 100\ngrupper = { \"Trygg\" = \"trygg\" }\n";
        let err = workbook(rows, mapping).expect_err("Fritid is not mapped");
        assert_eq!(
            err,
            [
                "kan.xlsx:Tabell 1!E4: the group 'Fritid' is not in grupper",
                "kan.xlsx:Tabell 1!F4: the group 'Fritid' is not in grupper"
            ]
        );
        let mapping = mapping.replace(
            "{ \"Trygg\" = \"trygg\" }",
            "{ \"Trygg\" = \"trygg\", \"Fritid\" = \"trygg2\" }",
        );
        assert_eq!(
            workbook(rows, &mapping).expect_err("unknown indicator"),
            ["kan.toml:4: unknown indicator 'trygg2' (not in the lupp catalogue)"]
        );
        let one_group = mapping
            .replace(", \"Fritid\" = \"trygg2\"", "")
            .replace("rubrikrader = [2, 3]", "rubrikrader = [3]")
            .replace("grupper = { \"Trygg\" = \"trygg\" }", "indikator = \"trygg\"");
        let rows_one: Vec<&[Option<&str>]> = vec![
            rows[0],
            &[],
            rows[2],
            &[Some("2021"), Some("0,7"), Some("0,72"), Some("0,71")],
            &[Some("2023"), Some("0,6"), Some("x"), Some("0,65")],
        ];
        let err = workbook(&rows_one, &one_group).expect_err("x");
        assert_eq!(
            err,
            ["kan.xlsx:Tabell 1!C5: 'x' is not a number, nor a missing marker of saknas (.. –)"]
        );
        let rows_one: Vec<&[Option<&str>]> = vec![
            rows[0],
            &[],
            rows[2],
            &[Some("2021"), Some("0,7"), Some("0,72"), Some("0,71")],
        ];
        let got = fields(&workbook(&rows_one, &one_group).expect("reads"));
        assert_eq!(
            got,
            [
                "kan.xlsx:Tabell 1!B4 trygg,2021,08,ak8,pojkar,,70",
                "kan.xlsx:Tabell 1!C4 trygg,2021,08,ak8,flickor,,72",
                "kan.xlsx:Tabell 1!D4 trygg,2021,08,ak8,alla,,71"
            ]
        );
        // Without skala, fractions are refused rather than read as 0,7 %.
        let err = workbook(&rows_one, &one_group.replace("skala = 100\n", "")).expect_err("fractions");
        assert_eq!(
            err,
            ["kan.toml:4: Tabell 1: every share is at most 1, as if stored as a fraction: give skala = 100"]
        );
    }

    #[test]
    fn a_wrong_place_is_named_by_its_cell_or_its_table() {
        let rows: &[&[Option<&str>]] = &[
            &[None, Some("2023")],
            &[Some("Område"), Some("Alla")],
            &[Some("Eksjö"), Some("50")],
        ];
        let mapping = "[[tabell]]\nblad = \"Tabell 1\"\nlayout = \"omraden\"\nrubrikrader = [1, 2]\netikettkolumn = \"A\"\narskurs = \"gy2\"\nindikator = \"trygg\"\n";
        assert_eq!(
            workbook(rows, mapping).expect_err("Eksjö"),
            ["kan.xlsx:Tabell 1!A3: 'Eksjö' is not an area: a municipality of the county, Kalmar län or Riket"]
        );
        assert_eq!(
            workbook(rows, &mapping.replace("Tabell 1\"", "Tabell 2\"")).expect_err("sheet"),
            ["kan.toml:4: blad = 'Tabell 2': the workbook has no such sheet (Tabell 1)"]
        );
        assert_eq!(
            workbook(rows, &mapping.replace("\"gy2\"", "\"ak9\"")).expect_err("grade"),
            ["kan.toml:4: arskurs = 'ak9' is not a grade of lupp (ak8, gy2)"]
        );
    }
}
