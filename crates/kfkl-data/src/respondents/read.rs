//! A respondent file as a grid of cells: a header row of column names, then
//! one row per pupil, each with the row number a spreadsheet shows. Reads CSV
//! (comma, semicolon or tab, found from the header) and Excel workbooks
//! (`.xlsx`, the first sheet, with calamine). SPSS files (`.sav`, `.zsav`,
//! `.por`) are read through GNU PSPP's `pspp-convert`, as codes: no well-kept
//! pure-Rust reader of `.sav` was found (the one there is pulls in Arrow). The
//! converted text goes through a pipe, never to a file.

use std::path::Path;

#[derive(Debug)]
pub struct Grid {
    pub header: Vec<String>,
    /// (row number in the file, cells)
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Grid {
    /// The index of a named column; names compare trimmed and case-insensitively.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
    }
}

/// Reads a file by its extension: `.xlsx` or `.csv` (and `.txt`).
pub fn file(path: &Path) -> Result<Grid, String> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx") => xlsx(path),
        Some("csv" | "txt") => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
            let text = String::from_utf8(bytes).map_err(|_| "not UTF-8: save the file as CSV UTF-8".to_string())?;
            csv_text(&text)
        }
        Some("sav" | "zsav" | "por") => spss(path),
        _ => Err("unknown file type: give a .csv, .xlsx or .sav file".into()),
    }
}

/// CSV text, its delimiter the one the header row uses most.
pub fn csv_text(text: &str) -> Result<Grid, String> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let delimiter = [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(str::to_string)
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("row {}: {e}", e.position().map_or(0, |p| p.line())))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push((line, record.iter().map(str::to_string).collect()));
    }
    Ok(Grid { header, rows })
}

/// An SPSS file as CSV from `pspp-convert`, values as codes (not labels). A
/// case's row number is its case number + 1, as if the file had a header row.
fn spss(path: &Path) -> Result<Grid, String> {
    let out = std::process::Command::new("pspp-convert").arg("-O").arg("csv").arg(path).arg("/dev/stdout").output().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "an SPSS file needs pspp-convert (Debian: apt install pspp), or save it as .csv (UTF-8) with values as codes (IMPORT.md)".to_string(),
        _ => format!("pspp-convert: {e}"),
    })?;
    if !out.status.success() {
        return Err(format!("pspp-convert: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    csv_text(&String::from_utf8_lossy(&out.stdout))
}

fn xlsx(path: &Path) -> Result<Grid, String> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e| format!("cannot read the workbook: {e}"))?;
    let sheet = book.sheet_names().first().cloned().ok_or("the workbook has no sheet")?;
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| format!("sheet {sheet}: {e}"))?;
    // A sheet's used range may start below row 1: keep the numbers Excel shows.
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let cell = |d: &Data| match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    };
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| (first_row + i + 1, r.iter().map(cell).collect::<Vec<String>>()));
    let (_, header) = rows.next().ok_or_else(|| format!("sheet {sheet} is empty"))?;
    Ok(Grid {
        header,
        rows: rows.filter(|(_, r)| r.iter().any(|c| !c.is_empty())).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_finds_its_delimiter_and_keeps_row_numbers() {
        for text in [
            "\u{feff}kommun;kon\n0880;1\n0881;2\n",
            "kommun,kon\n0880,1\n0881,2\n",
            "kommun\tkon\n0880\t1\n0881\t2\n",
        ] {
            let grid = csv_text(text).expect("reads");
            assert_eq!(grid.header, ["kommun", "kon"]);
            assert_eq!(
                grid.rows,
                vec![
                    (2, vec!["0880".to_string(), "1".into()]),
                    (3, vec!["0881".to_string(), "2".into()])
                ]
            );
            assert_eq!(grid.column(" KON"), Some(1));
        }
    }

    #[test]
    fn a_workbook_reads_as_its_first_sheet_with_excels_row_numbers() {
        let dir = std::env::temp_dir().join(format!("kfkl-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("svar.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "kommun").unwrap();
        sheet.write(0, 1, "f1").unwrap();
        sheet.write(1, 0, "0880").unwrap();
        sheet.write(1, 1, 2.0).unwrap();
        sheet.write(3, 0, "0881").unwrap();
        book.save(&path).unwrap();
        let grid = file(&path).expect("reads");
        assert_eq!(grid.header, ["kommun", "f1"]);
        assert_eq!(
            grid.rows,
            vec![
                (2, vec!["0880".to_string(), "2".into()]),
                (4, vec!["0881".to_string(), String::new()])
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(file(Path::new("svar.ods")).unwrap_err().contains("unknown file type"));
    }
}
