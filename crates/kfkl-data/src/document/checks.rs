//! The two proofs a document's body must pass: every table total equals the sum of its parts
//! (unless the front matter lists the discrepancy), and the text is the source's word for word.

use std::collections::BTreeMap;

use kfkl_core::document::{is_total, Block, Discrepancy, Mend, Table, TableRow};

use super::{comparable, FrontDiscrepancy, FrontNote, FrontSource};

/// Checks each total against its parts, attaches notes and returns the
/// discrepancies the file lists. Reports unlisted ones and listed ones that are gone.
pub(super) fn check_tables(
    blocks: &mut [Block],
    notes: &[FrontNote],
    listed: &[FrontDiscrepancy],
    lines: &BTreeMap<(String, String), usize>,
    report: &mut dyn FnMut(usize, String),
) -> Vec<Discrepancy> {
    let mut found = Vec::new();
    for block in blocks.iter_mut() {
        let Block::Table(table) = block else { continue };
        table.note = notes.iter().find(|n| n.table == table.id).map(|n| n.text.clone());
        for (col, column) in table.columns.iter().enumerate() {
            for (row, computed) in totals(table, col) {
                let stated = table.rows[row].values.get(col).copied().unwrap_or(f64::NAN);
                if (stated - computed).abs() < 0.5 {
                    continue;
                }
                let label = &table.rows[row].label;
                match listed
                    .iter()
                    .find(|d| d.table == table.id && &d.row == label && &d.column == column)
                {
                    Some(d) => found.push(Discrepancy {
                        table: table.id.clone(),
                        row: label.clone(),
                        column: column.clone(),
                        stated,
                        computed,
                        note: d.note.clone(),
                    }),
                    None => {
                        let line = lines
                            .get(&(format!("{}/{label}", table.id), column.clone()))
                            .copied()
                            .unwrap_or(1);
                        report(line, format!(
                            "table '{}': {label} {column} is {stated} but its parts sum to {computed}; if the source has it so, list it as a [[discrepancy]]",
                            table.id
                        ));
                    }
                }
            }
        }
    }
    for d in listed {
        if !found
            .iter()
            .any(|f| f.table == d.table && f.row == d.row && f.column == d.column)
        {
            report(
                1,
                format!(
                    "listed discrepancy {}/{}/{} does not occur: remove it",
                    d.table, d.row, d.column
                ),
            );
        }
    }
    for n in notes {
        if !blocks.iter().any(|b| matches!(b, Block::Table(t) if t.id == n.table)) {
            report(1, format!("note for unknown table '{}'", n.table));
        }
    }
    found
}

/// (row index, what its parts sum to) for each total row of one column:
/// SUMMA INTÄKTER = the income rows, SUMMA KOSTNADER = the cost rows,
/// TOTALT = the two sums as stated (each level checks its immediate parts),
/// SUMMA = every row that is not a total.
pub fn totals(table: &Table, col: usize) -> Vec<(usize, f64)> {
    let value = |r: &TableRow| r.values.get(col).copied().unwrap_or(0.0);
    let is_total = |r: &TableRow| is_total(&r.label);
    let parts = |word: &str| -> f64 {
        table
            .rows
            .iter()
            .filter(|r| !is_total(r) && r.label.to_lowercase().contains(word))
            .map(value)
            .sum()
    };
    let stated = |label: &str, fallback: &str| -> f64 {
        table
            .rows
            .iter()
            .find(|r| r.label.to_lowercase() == label)
            .map_or_else(|| parts(fallback), value)
    };
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let label = row.label.to_lowercase();
        let computed = match label.as_str() {
            "summa intäkter" => parts("intäkter"),
            "summa kostnader" => parts("kostnader"),
            "totalt" => stated("summa intäkter", "intäkter") + stated("summa kostnader", "kostnader"),
            "summa" => table.rows.iter().filter(|r| !is_total(r)).map(value).sum(),
            _ => continue,
        };
        out.push((i, computed));
    }
    out
}

/// Compares the source (from `from_line`, skipped lines left out, mends applied)
/// with the body's plain text. White space, emphasis stars and the bullet sign
/// ("•" or "-") do not count. Returns the body line where they first differ.
pub(super) fn check_fidelity(
    source: &str,
    front: &FrontSource,
    mends: &[Mend],
    plain: &[(usize, String)],
) -> Option<(usize, String)> {
    let file = &front.file;
    let kept: Vec<&str> = source
        .lines()
        .enumerate()
        .skip(front.from_line.saturating_sub(1))
        .filter(|(i, _)| !front.skip_lines.contains(&(i + 1)))
        .map(|(_, l)| l)
        .collect();
    let mut expected = comparable(&kept.join("\n"));
    // Mends are written as the text reads once line breaks are gone: "HR- chefsnätverk".
    for mend in mends {
        let found = expected.matches(&mend.from).count();
        if found != mend.count as usize {
            return Some((
                1,
                format!(
                    "mend '{}' → '{}': expected {} occurrence(s) in the source, found {found}",
                    mend.from, mend.to, mend.count
                ),
            ));
        }
        expected = expected.replace(&mend.from, &mend.to);
    }
    // The body's text, normalized, with the line each stretch starts at.
    let mut actual = String::new();
    let mut starts = Vec::new();
    for (line, text) in plain {
        let piece = comparable(text);
        if piece.is_empty() {
            continue;
        }
        if !actual.is_empty() {
            actual.push(' ');
        }
        starts.push((actual.len(), *line));
        actual.push_str(&piece);
    }
    if actual == expected {
        return None;
    }
    let at = actual.bytes().zip(expected.bytes()).take_while(|(a, b)| a == b).count();
    let line = starts
        .iter()
        .rev()
        .find(|(offset, _)| *offset <= at)
        .map_or(1, |(_, l)| *l);
    let context = |s: &str| -> String {
        let start = s.floor_char_boundary(at.saturating_sub(20));
        let end = s.ceil_char_boundary((at + 40).min(s.len()));
        s[start..end].to_string()
    };
    Some((
        line,
        format!(
            "the text differs from {file} (mends applied): file has «{}», source has «{}»",
            context(&actual),
            context(&expected)
        ),
    ))
}
