//! A worksheet as a mapping reads it: its cells as text or numbers, named as Excel names
//! them, and what each value column under the header rows holds.

use calamine::Data;

pub(super) struct Sheet<'a> {
    pub(super) range: &'a calamine::Range<Data>,
    pub(super) file: &'a str,
    pub(super) sheet: &'a str,
}

impl Sheet<'_> {
    /// The cell at 0-based (row, column) as text; numbers as Rust writes them.
    pub(super) fn text(&self, row: u32, col: u32) -> String {
        match self.range.get_value((row, col)) {
            None | Some(Data::Empty) => String::new(),
            Some(Data::Float(f)) => f.to_string(),
            Some(Data::Int(i)) => i.to_string(),
            Some(other) => other.to_string().trim().to_string(),
        }
    }

    pub(super) fn number(&self, row: u32, col: u32) -> Option<f64> {
        match self.range.get_value((row, col)) {
            Some(Data::Float(f)) => Some(*f),
            Some(Data::Int(i)) => Some(*i as f64),
            Some(Data::String(s)) => s.trim().replace(',', ".").replace('\u{a0}', "").parse().ok(),
            _ => None,
        }
    }

    /// "fil.xlsx:Tabell 1!C7"
    pub(super) fn at(&self, row: u32, col: u32) -> String {
        format!("{}:{}!{}{}", self.file, self.sheet, column_name(col), row + 1)
    }

    pub(super) fn last_column(&self) -> u32 {
        self.range.end().map_or(0, |(_, c)| c)
    }
}

/// 0 → "A", 25 → "Z", 26 → "AA".
pub(super) fn column_name(mut col: u32) -> String {
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

pub(super) fn column_index(name: &str) -> Option<u32> {
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
pub(super) fn columns(grid: &Sheet, header: &[u32], first: u32, sexes: bool) -> Vec<(u32, String, &'static str)> {
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
