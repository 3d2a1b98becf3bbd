//! What a person must look at before a draft is published, said in Swedish:
//! guessed heading levels, headings not found, tables that do not add up or
//! could not be split, every mend and skipped line, untagged commitments.

use std::fmt::Write;

use super::mend::Mend;
use super::scan::Block;
use super::table::{self, DraftTable};
use super::write::{tkr, UNTAGGED};

pub struct Review<'a> {
    pub id: &'a str,
    pub md: &'a str,
    pub blocks: &'a [Block],
    /// Table-of-contents entries not found in the body (text, source line).
    pub missing: &'a [(String, usize)],
    pub broken: &'a [DraftTable],
    pub mends: &'a [Mend],
    /// (source line, text) of page numbers left out.
    pub skipped: &'a [(usize, String)],
    /// The id of the current document of the same type, if any.
    pub previous: Option<&'a str>,
}

fn lines(list: &[usize]) -> String {
    let shown: Vec<String> = list.iter().take(8).map(|l| l.to_string()).collect();
    let more = if list.len() > 8 {
        format!(" och {} till", list.len() - 8)
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(", "))
}

fn headings(s: &mut String, r: &Review) {
    let all: Vec<_> = r
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, level, toc, line } => Some((text, level, toc, line)),
            _ => None,
        })
        .collect();
    let guessed: Vec<_> = all.iter().filter(|h| h.1.guessed).collect();
    let _ = writeln!(
        s,
        "Rubriker: {} st, varav {} med gissad nivå.",
        all.len(),
        guessed.len()
    );
    for (text, level, toc, line) in guessed {
        let why = if **toc {
            "nivån gissad"
        } else {
            "står inte i innehållsförteckningen; rubrik och nivå gissade"
        };
        let _ = writeln!(s, "  rad {line}: {} {text} ({why})", "#".repeat(level.level as usize));
    }
    for (text, line) in r.missing {
        let _ = writeln!(
            s,
            "  hittades inte i texten: \"{text}\" (innehållsförteckningen rad {line}); ingen rubrik skrevs"
        );
    }
}

fn tables(s: &mut String, r: &Review) {
    let all: Vec<&DraftTable> = r
        .blocks
        .iter()
        .filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None })
        .collect();
    let _ = writeln!(s, "Tabeller: {} st.", all.len());
    for t in &all {
        for (row, column, stated, computed) in table::sum_errors(t) {
            let col = if column.is_empty() {
                String::new()
            } else {
                format!(" ({column})")
            };
            let _ = writeln!(
                s,
                "  rad {}: \"{}\": {row}{col} är {} men raderna summerar till {}; listad som [[discrepancy]], skriv en förklaring eller rätta",
                t.line, t.caption, tkr(stated), tkr(computed)
            );
        }
    }
    for t in r.broken {
        let rows: Vec<String> = t
            .unsplit
            .iter()
            .map(|(l, text)| format!("rad {l}: \"{text}\""))
            .collect();
        let _ = writeln!(
            s,
            "  rad {}: \"{}\" kunde inte delas i celler ({}); står som vanliga stycken",
            t.line,
            t.caption,
            rows.join("; ")
        );
    }
}

fn mends(s: &mut String, r: &Review) {
    let _ = writeln!(s, "Rättelser ([[mend]]): {} st.", r.mends.len());
    for m in r.mends {
        let _ = writeln!(
            s,
            "  \"{}\" → \"{}\" ({} ggr; källrad {}): {}",
            m.from,
            m.to,
            m.count,
            lines(&m.lines),
            m.why
        );
    }
    if !r.skipped.is_empty() {
        let shown: Vec<String> = r.skipped.iter().map(|(l, t)| format!("rad {l} \"{t}\"")).collect();
        let _ = writeln!(s, "Borttagna sidnummer (skip_lines): {}", shown.join(", "));
    }
}

/// The review text the command prints.
pub fn text(r: &Review) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Utkastet {} är skrivet och klarar ordagrannhetskontrollen.\n\nAtt granska:",
        r.md
    );
    headings(&mut s, r);
    tables(&mut s, r);
    mends(&mut s, r);
    let commitments = r
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Item { commitment: true, .. }))
        .count();
    let items = r
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Item { commitment: false, .. }))
        .count();
    let _ = writeln!(s, "Åtaganden: {commitments} st (punkter efter \"… genom att:\"), alla med taggen \"{UNTAGGED}\": byt till rätt målgrupper under [tags]. Övriga punkter: {items} st; gör om en punkt till åtagande med \"+ \" om den är ett.");
    let _ = writeln!(s, "\nNästa steg:");
    let _ = writeln!(s, "  1. Läs utkastet {} mot PDF:en och rätta det som står ovan.", r.md);
    let previous = r
        .previous
        .map(|p| format!(" och status = \"tidigare\" för {p}"))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "  2. Sätt status = \"gällande\" för {} i data/dokument.toml{previous}.",
        r.id
    );
    let _ = writeln!(s, "  3. Kör ./scripts/serve och titta på sidan.");
    s
}
