//! `data/dokument.toml` → the publications index (`kfkl_core::publications`):
//! which documents there are and which is current, checked against the
//! documents and key-figure files it names. The site embeds the index at
//! compile time (the site crate's `build.rs`), so it must be right here.

use std::collections::HashSet;
use std::path::Path;

use kfkl_core::document::Document;
use kfkl_core::model::Dataset;
use kfkl_core::publications::{Index, Kind, Pair, Publication, BUDGET_CHARTS, CURRENT, DRAFT, EARLIER};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};

pub const FILE: &str = "dokument.toml";

const DOC_KEYS: [&str; 11] = [
    "id",
    "typ",
    "ar",
    "titel",
    "fil",
    "status",
    "datum",
    "personal",
    "nyckeltal",
    "inbaddningar",
    "budget",
];

#[derive(Deserialize)]
struct Raw {
    dokument: Vec<Spanned<toml::Table>>,
    #[serde(default)]
    uppfoljning: Vec<Spanned<Pair>>,
}

/// Reads the index; where each entry stands in the file, for later errors.
pub fn load(path: &Path, text: &str) -> Result<(Index, Vec<usize>), Vec<Diagnostic>> {
    let file = SourceFile { path, text };
    let raw: Raw = toml::from_str(text)
        .map_err(|e| vec![file.error(e.span().map_or(0, |s| s.start), e.message().trim().to_string())])?;
    let mut errors = Vec::new();
    let mut docs = Vec::new();
    let mut lines = Vec::new();
    let mut ids = HashSet::new();
    for entry in &raw.dokument {
        if let Some(doc) = publication(&file, entry, &mut ids, &mut errors) {
            docs.push(doc);
            lines.push(entry.span().start);
        }
    }
    let index = Index {
        dokument: docs,
        uppfoljning: Some(raw.uppfoljning.iter().map(|p| p.get_ref().clone()).collect()),
    };
    check_current(&file, &index, &mut errors);
    check_pairs(&file, &raw.uppfoljning, &index, &mut errors);
    let positions = lines.iter().map(|&at| file.line_of(at)).collect();
    if errors.is_empty() {
        Ok((index, positions))
    } else {
        Err(errors)
    }
}

/// Reads and checks one `[[dokument]]`; `None` when it is not a document at all.
fn publication(
    file: &SourceFile,
    entry: &Spanned<toml::Table>,
    ids: &mut HashSet<String>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Publication> {
    let at = entry.span().start;
    let mut err = |reason: String| errors.push(file.error(at, reason));
    for key in entry.get_ref().keys().filter(|k| !DOC_KEYS.contains(&k.as_str())) {
        err(format!("unknown key '{key}' (known: {})", DOC_KEYS.join(", ")));
    }
    let doc: Publication = match toml::Value::Table(entry.get_ref().clone()).try_into() {
        Ok(d) => d,
        Err(e) => {
            err(e.message().trim().to_string());
            return None;
        }
    };
    match doc.kind() {
        None => err(format!("typ = '{}': write \"plan\" or \"rapport\"", doc.typ)),
        Some(_) if doc.id != format!("{}-{}", doc.typ, doc.ar) => err(format!(
            "id = '{}': a {} of {} has the id '{}-{}'",
            doc.id, doc.typ, doc.ar, doc.typ, doc.ar
        )),
        Some(kind) => {
            let misplaced = match kind {
                Kind::Plan => doc.nyckeltal.is_some().then_some("nyckeltal"),
                Kind::Rapport => [
                    (doc.budget.is_some(), "budget"),
                    (doc.personal.is_some(), "personal"),
                    (doc.inbaddningar.is_some(), "inbaddningar"),
                ]
                .into_iter()
                .find(|(set, _)| *set)
                .map(|(_, k)| k),
            };
            if let Some(key) = misplaced {
                err(format!("{}: '{key}' belongs to the other kind of document", doc.id));
            }
        }
    }
    if ![CURRENT, EARLIER, DRAFT].contains(&doc.status.as_str()) {
        err(format!(
            "{}: status = '{}': write \"{CURRENT}\", \"{EARLIER}\" or \"{DRAFT}\"",
            doc.id, doc.status
        ));
    }
    if let Some(d) = &doc.datum {
        let ok = d.len() == 10
            && d.char_indices()
                .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
        if !ok {
            err(format!("{}: datum = '{d}': write ÅÅÅÅ-MM-DD", doc.id));
        }
    }
    for (old, name) in doc.inbaddningar.iter().flatten() {
        if !BUDGET_CHARTS.contains(&name.as_str()) {
            err(format!(
                "{}: inbaddningar: '{old}' = '{name}': the charts are {}",
                doc.id,
                BUDGET_CHARTS.join(", ")
            ));
        }
    }
    if !ids.insert(doc.id.clone()) {
        err(format!("'{}' is listed twice", doc.id));
    }
    Some(doc)
}

/// Each kind has one current document, and it is the newest.
fn check_current(file: &SourceFile, index: &Index, errors: &mut Vec<Diagnostic>) {
    for kind in Kind::ALL {
        let current: Vec<&Publication> = index
            .dokument
            .iter()
            .filter(|d| d.kind() == Some(kind) && d.status == CURRENT)
            .collect();
        match (current.as_slice(), index.latest(kind)) {
            ([], Some(l)) => errors.push(file.error(
                0,
                format!(
                    "no {} has status = \"{CURRENT}\": mark the newest ({}) so",
                    kind.word(),
                    l.id
                ),
            )),
            ([c], Some(l)) if c.id != l.id => errors.push(file.error(
                0,
                format!(
                    "{} is \"{CURRENT}\" but {} is newer: the newest published one is current",
                    c.id, l.id
                ),
            )),
            ([_, _, ..], _) => errors.push(file.error(0, format!("more than one {} is \"{CURRENT}\"", kind.word()))),
            _ => {}
        }
    }
}

/// Each follow-up pairs a report and a plan of the index.
fn check_pairs(file: &SourceFile, pairs: &[Spanned<Pair>], index: &Index, errors: &mut Vec<Diagnostic>) {
    for pair in pairs {
        let p = pair.get_ref();
        let kind_of = |id: &str| index.dokument.iter().find(|d| d.id == id).and_then(Publication::kind);
        if kind_of(&p.rapport) != Some(Kind::Rapport) || kind_of(&p.plan) != Some(Kind::Plan) {
            errors.push(file.error(
                pair.span().start,
                format!(
                    "uppfoljning: rapport = '{}' and plan = '{}' must name a rapport and a plan listed above",
                    p.rapport, p.plan
                ),
            ));
        }
    }
}

/// What the index says against the documents and key figures it names.
pub fn check(
    path: &Path,
    index: &Index,
    lines: &[usize],
    documents: &[Document],
    datasets: &[Dataset],
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (doc, &line) in index.dokument.iter().zip(lines) {
        let mut err = |reason: String| {
            errors.push(Diagnostic {
                file: path.to_path_buf(),
                line,
                reason: format!("{}: {reason}", doc.id),
            })
        };
        let Some(document) = documents.iter().find(|d| d.id == doc.id) else {
            err(format!("{} does not hold a document with id = \"{}\"", doc.fil, doc.id));
            continue;
        };
        let has_table = |id: &str| document.tables().any(|t| t.id == id);
        let has_figure = |file: &str, id: &str| datasets.iter().any(|d| d.id == file && d.figure(id).is_some());
        for id in doc.personal.iter().chain(doc.nyckeltal.iter().flatten()) {
            if !datasets.iter().any(|d| &d.id == id) {
                err(format!("no key-figure file with id '{id}' in figures/"));
            }
        }
        if let Some(b) = &doc.budget {
            // The budget page links to the section by the slug of its heading.
            if !document
                .headings()
                .any(|h| h.text == b.avsnitt && h.id == kfkl_core::model::slug(&b.avsnitt))
            {
                err(format!(
                    "budget: avsnitt = '{}' is not a heading of {} (with no {{#id}} of its own)",
                    b.avsnitt, doc.fil
                ));
            }
            for table in [&b.helhet, &b.jamforelse]
                .into_iter()
                .chain(b.omraden.iter().map(|a| &a.tabell))
            {
                if !has_table(table) {
                    err(format!("budget: no table {{#{table}}} in {}", doc.fil));
                }
            }
            let staff = b
                .omraden
                .iter()
                .filter_map(|a| a.personal.as_ref())
                .chain(&b.personal_totalt);
            for id in staff {
                if !doc.personal.as_deref().is_some_and(|file| has_figure(file, id)) {
                    err(format!("budget: no staff figure '{id}' in the file named by personal"));
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, typ: &str, ar: u16, status: &str, extra: &str) -> String {
        format!("[[dokument]]\nid = \"{id}\"\ntyp = \"{typ}\"\nar = {ar}\ntitel = \"T\"\nfil = \"documents/{id}.md\"\nstatus = \"{status}\"\n{extra}\n")
    }

    #[test]
    fn mistakes_in_the_index_are_reported_with_their_line() {
        let good = entry("plan-2025", "plan", 2025, "tidigare", "") + &entry("plan-2026", "plan", 2026, "gällande", "");
        assert!(load(Path::new("d.toml"), &good).is_ok());
        let cases: &[(String, &str)] = &[
            (
                entry("plan-2025", "plan", 2024, "gällande", ""),
                "d.toml:1: id = 'plan-2025': a plan of 2024 has the id 'plan-2024'",
            ),
            (
                entry("bok-2025", "bok", 2025, "gällande", ""),
                "d.toml:1: typ = 'bok': write \"plan\" or \"rapport\"",
            ),
            (
                entry("plan-2025", "plan", 2025, "aktuell", ""),
                "d.toml:1: plan-2025: status = 'aktuell'",
            ),
            (
                entry("plan-2025", "plan", 2025, "gällande", "statsu = 1"),
                "d.toml:1: unknown key 'statsu'",
            ),
            (
                entry("plan-2025", "plan", 2025, "gällande", "datum = \"5 dec 2024\""),
                "d.toml:1: plan-2025: datum = '5 dec 2024': write ÅÅÅÅ-MM-DD",
            ),
            (
                entry(
                    "plan-2025",
                    "plan",
                    2025,
                    "gällande",
                    "inbaddningar = { budget-x = \"staplar\" }",
                ),
                "d.toml:1: plan-2025: inbaddningar: 'budget-x' = 'staplar'",
            ),
            (
                entry("rapport-2023", "rapport", 2023, "gällande", "personal = \"p\""),
                "d.toml:1: rapport-2023: 'personal' belongs to the other kind",
            ),
            (
                entry("plan-2025", "plan", 2025, "gällande", "") + &entry("plan-2026", "plan", 2026, "tidigare", ""),
                "plan-2025 is \"gällande\" but plan-2026 is newer",
            ),
            (
                entry("plan-2025", "plan", 2025, "tidigare", ""),
                "no plan has status = \"gällande\"",
            ),
            (
                entry("plan-2025", "plan", 2025, "gällande", "")
                    + "[[uppfoljning]]\nrapport = \"rapport-2023\"\nplan = \"plan-2025\"\nfil = \"u.toml\"\n",
                "uppfoljning: rapport = 'rapport-2023' and plan = 'plan-2025' must name a rapport and a plan",
            ),
        ];
        for (text, want) in cases {
            let errors: Vec<String> = load(Path::new("d.toml"), text)
                .err()
                .unwrap_or_default()
                .iter()
                .map(ToString::to_string)
                .collect();
            assert!(
                errors.iter().any(|e| e.starts_with(want) || e.contains(want)),
                "{want}\n{errors:?}"
            );
        }
    }

    #[test]
    fn a_draft_is_checked_but_never_current() {
        let text = entry("plan-2025", "plan", 2025, "gällande", "") + &entry("plan-2026", "plan", 2026, "utkast", "");
        let (index, lines) = load(Path::new("d.toml"), &text).expect("a draft newer than the current plan is fine");
        assert_eq!(lines, [1, 9]);
        assert_eq!(index.latest(Kind::Plan).map(|d| d.ar), Some(2025));
    }
}
