//! Budget tables in extracted text: telling a table's lines from prose, splitting
//! a row into label and cells, and checking totals the way the data build does.

use kfkl_core::document::{is_total, Table, TableRow};

/// A table as the draft writes it: cells kept as the source spells them.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftTable {
    pub caption: String,
    /// Empty for a single unnamed column (the build names it "").
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
    /// Source line of the caption.
    pub line: usize,
    /// Rows whose cells could not be split (source line, text): kept as prose.
    pub unsplit: Vec<(usize, String)>,
}

/// A cell as a number: "-16 758", "−1 320", "0".
fn is_number(cell: &str) -> bool {
    let t: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_start_matches(['-', '\u{2212}']);
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// One number's tokens: a lead group (sign allowed; at most three digits when
/// more groups follow), then groups of exactly three; a decimal part only at the end.
fn fits(tokens: &[&str]) -> bool {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let last = tokens.len() - 1;
    tokens.iter().enumerate().all(|(i, t)| {
        let t = if i == 0 {
            t.trim_start_matches(['-', '\u{2212}'])
        } else {
            t
        };
        let (int, frac) = match t.split_once(',') {
            Some((int, frac)) => (int, Some(frac)),
            None => (t, None),
        };
        let size_ok = if i == 0 {
            last == 0 || int.len() <= 3
        } else {
            int.len() == 3
        };
        digits(int) && size_ok && frac.is_none_or(|f| i == last && digits(f))
    })
}

/// Every way to cut `tokens` into `n` numbers written with spaces as thousands separators.
fn cuts(tokens: &[&str], n: usize) -> Vec<Vec<String>> {
    if n == 0 {
        return if tokens.is_empty() { vec![vec![]] } else { vec![] };
    }
    let mut out = Vec::new();
    for take in 1..=tokens.len() {
        if !fits(&tokens[..take]) {
            continue;
        }
        for mut rest in cuts(&tokens[take..], n - 1) {
            rest.insert(0, tokens[..take].join(" "));
            out.push(rest);
        }
    }
    out
}

/// "SUMMA INTÄKTER\t34 946" or "Avtalade intäkter 21 701" → (label, cells) for `n` value columns.
/// Tabs are trusted; without them the trailing numbers are cut so that each is
/// well-formed, and a row that can be cut in more than one way is refused.
pub fn split_row(line: &str, n: usize) -> Result<(String, Vec<String>), String> {
    if line.contains('\t') {
        let cells: Vec<&str> = line.trim_end_matches(['\t', ' ']).split('\t').collect();
        let label = cells[0].trim().to_string();
        let values: Vec<String> = cells[1..]
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if values.len() == n && values.iter().all(|v| is_number(v)) {
            return Ok((label, values));
        }
        return Err(format!("raden har {} värden för {n} kolumner", values.len()));
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let first_number = tokens.iter().position(|t| is_number(t)).unwrap_or(tokens.len());
    let (label, numbers) = tokens.split_at(first_number);
    if label.is_empty() || numbers.iter().any(|t| !is_number(t)) {
        return Err("raden slutar inte med tal".into());
    }
    let ways = cuts(numbers, n);
    match ways.len() {
        1 => Ok((label.join(" "), ways.into_iter().next().unwrap_or_default())),
        0 => Err(format!("talen kan inte delas i {n} kolumner")),
        k => Err(format!("talen kan delas i {n} kolumner på {k} sätt")),
    }
}

/// A header row: an empty first cell ("\t2024\t2025") or only years ("2024 2025").
fn header(line: &str) -> Option<Vec<String>> {
    let cells: Vec<String> = if line.starts_with('\t') {
        line.split('\t')
            .skip(1)
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect()
    } else {
        line.split_whitespace().map(str::to_string).collect()
    };
    let year = |c: &String| c.len() == 4 && c.starts_with('2') && c.chars().all(|d| d.is_ascii_digit());
    (!cells.is_empty() && (line.starts_with('\t') || cells.iter().all(year))).then_some(cells)
}

/// Reads a run of consecutive non-blank lines (1-based `first` line) as a table,
/// if it is one: a caption, perhaps a header row, and rows of which at least two
/// have numbers and one is a total. `None` leaves the lines as prose.
pub fn parse(lines: &[&str], first: usize) -> Option<DraftTable> {
    let (caption, rest) = lines.split_first()?;
    let caption = caption.trim_end_matches(['\t', ' ']);
    if caption.contains('\t') || rest.len() < 2 {
        return None;
    }
    let (columns, rows) = match rest.first().and_then(|l| header(l)) {
        Some(cols) => (cols, &rest[1..]),
        None => (Vec::new(), rest),
    };
    let n = columns.len().max(1);
    let mut table = DraftTable {
        caption: caption.trim().to_string(),
        columns,
        rows: Vec::new(),
        line: first,
        unsplit: Vec::new(),
    };
    let offset = first + 1 + usize::from(!table.columns.is_empty());
    for (k, row) in rows.iter().enumerate() {
        match split_row(row, n) {
            Ok(r) => table.rows.push(r),
            Err(_) => table.unsplit.push((offset + k, row.trim().to_string())),
        }
    }
    let has_total = table.rows.iter().any(|(l, _)| is_total(l));
    (table.rows.len() >= 2 && has_total && table.unsplit.len() <= table.rows.len()).then_some(table)
}

/// Whether a line could be a table row: a tab, or a label ending in a number.
pub fn looks_like_row(line: &str) -> bool {
    let t = line.trim_end();
    t.contains('\t')
        || t.split_whitespace().last().is_some_and(is_number)
            && t.split_whitespace().next().is_some_and(|w| !is_number(w))
}

/// (row label, column name, stated, computed) for every total that its parts do not add up to,
/// by the data build's own rule (`document::totals`).
pub fn sum_errors(table: &DraftTable) -> Vec<(String, String, f64, f64)> {
    let parse = |c: &str| -> f64 {
        let t: String = c.chars().filter(|c| !c.is_whitespace()).collect();
        t.replace('\u{2212}', "-").replace(',', ".").parse().unwrap_or(f64::NAN)
    };
    let columns = if table.columns.is_empty() {
        vec![String::new()]
    } else {
        table.columns.clone()
    };
    let core = Table {
        id: String::new(),
        caption: table.caption.clone(),
        columns: columns.clone(),
        rows: table
            .rows
            .iter()
            .map(|(l, v)| TableRow {
                label: l.clone(),
                values: v.iter().map(|c| parse(c)).collect(),
            })
            .collect(),
        note: None,
    };
    let mut out = Vec::new();
    for (col, name) in columns.iter().enumerate() {
        for (row, computed) in crate::document::totals(&core, col) {
            let stated = core.rows[row].values.get(col).copied().unwrap_or(f64::NAN);
            if (stated - computed).abs() >= 0.5 {
                out.push((core.rows[row].label.clone(), name.clone(), stated, computed));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_split_into_label_and_cells() {
        let ok = |line: &str, n: usize, label: &str, cells: &[&str]| {
            let (l, c) = split_row(line, n).unwrap_or_else(|e| panic!("{line:?}: {e}"));
            assert_eq!(
                (l.as_str(), c),
                (label, cells.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
                "{line:?}"
            );
        };
        ok("Avtalade intäkter\t21 701", 1, "Avtalade intäkter", &["21 701"]);
        ok("INTÄKTER\t29 443\t27 946", 2, "INTÄKTER", &["29 443", "27 946"]);
        ok("Avtalade intäkter 21 701", 1, "Avtalade intäkter", &["21 701"]);
        ok("INTÄKTER 29 443 27 946", 2, "INTÄKTER", &["29 443", "27 946"]);
        ok("SUMMA −1 320 0", 2, "SUMMA", &["−1 320", "0"]);
        ok("TOTALT 0", 1, "TOTALT", &["0"]);
        // "1 320 500" is one number or two ("1 320", "500"): not guessed.
        assert!(split_row("SUMMA 1 320 500", 2).unwrap_err().contains("2 sätt"));
        assert!(split_row("Övrigt\t12\t", 2).is_err());
        assert!(split_row("Bara text", 1).is_err());
    }

    #[test]
    fn a_table_needs_a_caption_and_a_total() {
        let lines = [
            "Budget exklusive transfereringar 2025\t\t",
            "\t2024\t2025",
            "INTÄKTER\t29 443\t27 946",
            "SUMMA\t-500\t0",
        ];
        let t = parse(&lines, 10).expect("a table");
        assert_eq!(
            (t.caption.as_str(), t.columns.clone(), t.rows.len(), t.line),
            (
                "Budget exklusive transfereringar 2025",
                vec!["2024".to_string(), "2025".to_string()],
                2,
                10
            )
        );
        assert!(
            parse(&["Rubrik", "Rad ett 12", "Rad två 13"], 1).is_none(),
            "no total row"
        );
    }

    #[test]
    fn totals_are_checked_as_the_build_does() {
        let lines = [
            "Budget 2025",
            "\t2024\t2025",
            "INTÄKTER\t29 443\t27 946",
            "KOSTNADER\t-28 123\t-27 946",
            "SUMMA\t-500\t0",
        ];
        let t = parse(&lines, 1).expect("a table");
        assert_eq!(
            sum_errors(&t),
            vec![("SUMMA".to_string(), "2024".to_string(), -500.0, 1320.0)]
        );
    }
}
