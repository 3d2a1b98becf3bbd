//! Writes a draft in the documents' syntax: front matter (source, skipped
//! lines, mends, tags, listed discrepancies), then the body. Ids are given only
//! where the build's own would clash, so the draft reads like the hand-made ones.

use std::collections::HashSet;
use std::fmt::Write;

use kfkl_core::model::slug;

use super::mend::{self, Mend};
use super::scan::Block;
use super::table::{self, DraftTable};

/// The tag every commitment gets until a person chooses its target groups:
/// the build needs one.
pub const UNTAGGED: &str = "otaggad";

pub struct Front<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub source_id: &'a str,
    pub source_file: &'a str,
    pub from_line: usize,
    pub skip_lines: &'a [usize],
    pub mends: &'a [Mend],
    /// The current document's tags (id, label), offered for the commitments.
    pub tags: &'a [(String, String)],
}

fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The table's id: its caption without the year, so that next year's plan
/// keeps the ids the budget charts look for.
pub fn table_id(caption: &str) -> String {
    let words: Vec<&str> = caption.split_whitespace().collect();
    let cut = match words.last() {
        Some(w) if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && words.len() > 1 => words.len() - 1,
        _ => words.len(),
    };
    slug(&words[..cut].join(" "))
}

/// The build's id for a commitment (`document::short_slug`): at most about 60 characters, cut between words.
fn short_slug(text: &str) -> String {
    let full = slug(text);
    if full.len() <= 60 {
        return full;
    }
    let cut = full[..60].rfind('-').unwrap_or(60);
    full[..cut].to_string()
}

/// `default` if still free, else the first free `default-2`, `default-3` …;
/// `Some` only when the id must be written out.
fn claim(ids: &mut HashSet<String>, default: String, explicit: bool) -> Option<String> {
    let mut id = default.clone();
    let mut n = 2;
    while ids.contains(&id) {
        id = format!("{default}-{n}");
        n += 1;
    }
    ids.insert(id.clone());
    (explicit || id != default).then_some(id)
}

pub fn front_matter(f: &Front, discrepancies: &[(String, String, String, String)]) -> String {
    let mut s = String::from("+++\n");
    s += "# UTKAST skrivet av `cargo run -p kfkl-data --bin utkast` från den extraherade texten.\n";
    s += "# Syntaxen beskrivs i början av plan-2025.md. Granska rubriknivåer, tabeller,\n";
    s += "# rättelser ([[mend]]) och åtagandenas taggar (\"otaggad\" ska bytas) mot PDF:en.\n\n";
    let _ = writeln!(s, "id = {}\ntitle = {}\n", q(f.id), q(f.title));
    let _ = writeln!(
        s,
        "[source]\nid = {}\ntitle = {}\npublisher = {}",
        q(f.source_id),
        q(f.title),
        q("Kommunförbundet Kalmar län")
    );
    let _ = writeln!(
        s,
        "file = {}\n# Brödtexten börjar efter titelsidan och innehållsförteckningen.\nfrom_line = {}",
        q(f.source_file),
        f.from_line
    );
    if !f.skip_lines.is_empty() {
        let lines: Vec<String> = f.skip_lines.iter().map(|l| l.to_string()).collect();
        let _ = writeln!(
            s,
            "# Sidnummer som extraheringen lämnade i texten.\nskip_lines = [{}]",
            lines.join(", ")
        );
    }
    for m in f.mends {
        let _ = writeln!(
            s,
            "\n[[mend]]\nfrom = {}\nto = {}\ncount = {}\nwhy = {}",
            q(&m.from),
            q(&m.to),
            m.count,
            q(&m.why)
        );
    }
    let _ = writeln!(s, "\n[tags]\n{UNTAGGED} = {}", q("Ej taggad (välj målgrupp)"));
    for (id, label) in f.tags.iter().filter(|(id, _)| id != UNTAGGED) {
        let _ = writeln!(s, "{id} = {}", q(label));
    }
    for (t, row, column, note) in discrepancies {
        let _ = writeln!(
            s,
            "\n[[discrepancy]]\ntable = {}\nrow = {}\ncolumn = {}\nnote = {}",
            q(t),
            q(row),
            q(column),
            q(note)
        );
    }
    s + "+++\n"
}

/// The body, and the listed discrepancies its tables need (table id, row, column, note).
pub fn body(blocks: &[Block], mends: &[Mend]) -> (String, Vec<(String, String, String, String)>) {
    let mut ids = HashSet::new();
    let mut out = String::new();
    let mut discrepancies = Vec::new();
    let mut prev_plain_item = false;
    for block in blocks {
        let plain_item = matches!(block, Block::Item { commitment: false, .. });
        if !(out.is_empty() || plain_item && prev_plain_item) {
            out.push('\n');
        }
        prev_plain_item = plain_item;
        match block {
            Block::Heading { text, level, .. } => {
                let text = mend::apply(text, mends);
                let attr = claim(&mut ids, slug(&text), false)
                    .map(|id| format!(" {{#{id}}}"))
                    .unwrap_or_default();
                let _ = writeln!(out, "{} {text}{attr}", "#".repeat(level.level as usize));
            }
            Block::Paragraph { text, .. } => {
                let _ = writeln!(out, "{}", mend::apply(text, mends));
            }
            Block::Item {
                text,
                commitment: false,
                ..
            } => {
                let _ = writeln!(out, "- {}", mend::apply(text, mends));
            }
            Block::Item {
                text, commitment: true, ..
            } => {
                let text = mend::apply(text, mends);
                let id = claim(&mut ids, short_slug(&text), false)
                    .map(|id| format!("#{id} "))
                    .unwrap_or_default();
                let _ = writeln!(out, "+ {text} {{{id}tags={UNTAGGED}}}");
            }
            Block::Table(t) => {
                let id = claim(&mut ids, table_id(&t.caption), true).unwrap_or_default();
                for (row, column, stated, computed) in table::sum_errors(t) {
                    let note = format!("Utkast: raderna summerar till {} men källan anger {}. Kontrollera mot PDF:en och skriv en förklaring.", tkr(computed), tkr(stated));
                    discrepancies.push((id.clone(), row, column, note));
                }
                write_table(&mut out, &id, t);
            }
        }
    }
    (out, discrepancies)
}

/// "1 320", "−500": as the site writes tkr.
pub fn tkr(v: f64) -> String {
    kfkl_core::format::format_number(v).replace('\u{a0}', " ")
}

fn write_table(out: &mut String, id: &str, t: &DraftTable) {
    let _ = writeln!(out, "```table {{#{id}}}\n{}", t.caption);
    if !t.columns.is_empty() {
        let _ = writeln!(out, "\t{}", t.columns.join("\t"));
    }
    for (label, cells) in &t.rows {
        let _ = writeln!(out, "{label}\t{}", cells.join("\t"));
    }
    out.push_str("```\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_ids_leave_the_year_out() {
        assert_eq!(table_id("Budget Kansli 2025"), "budget-kansli");
        assert_eq!(
            table_id("Budget exklusive transfereringar 2025"),
            "budget-exklusive-transfereringar"
        );
        assert_eq!(table_id("2025"), "2025");
    }

    #[test]
    fn ids_are_written_only_when_they_clash() {
        let mut ids = HashSet::new();
        assert_eq!(claim(&mut ids, "fokusomraden".into(), false), None);
        assert_eq!(
            claim(&mut ids, "fokusomraden".into(), false),
            Some("fokusomraden-2".into())
        );
        assert_eq!(claim(&mut ids, "budget".into(), true), Some("budget".into()));
    }
}
