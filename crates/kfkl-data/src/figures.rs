//! Key-figure datasets: `data/figures/*.toml` → validated `Dataset`.
//!
//! Each figure names the source document, the section and the sentence that
//! states it; the build checks that sentence against the document's text.

use std::collections::HashSet;
use std::path::Path;

use kfkl_core::document::Document;
use kfkl_core::model::{
    Approx, BarDef, ChartDef, ChartKind, Dataset, KeyFigure, SourceDoc, SourceRef, Status, Unit, SCHEMA_VERSION,
};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};
use crate::quote::{find_number, hedge_before, normalize};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    dataset: RawDataset,
    #[serde(rename = "source")]
    sources: Vec<Spanned<RawSource>>,
    #[serde(rename = "figure")]
    figures: Vec<Spanned<RawFigure>>,
    #[serde(rename = "chart", default)]
    charts: Vec<Spanned<RawChart>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    id: Spanned<String>,
    title: String,
    status: Status,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    publisher: String,
    /// The document's text, relative to the data folder.
    file: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: Spanned<String>,
    label: String,
    value: Spanned<f64>,
    value_high: Option<Spanned<f64>>,
    unit: Unit,
    year: Spanned<u16>,
    approx: Option<Approx>,
    source: Spanned<String>,
    section: String,
    quote: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChart {
    id: Spanned<String>,
    title: String,
    kind: ChartKind,
    bars: Vec<BarDef>,
}

/// Reads and checks one figures file. `read_doc` returns a source document's
/// text by its path relative to the data folder (a parameter so tests need no files).
pub fn load(
    path: &Path,
    text: &str,
    read_doc: &dyn Fn(&str) -> Result<String, String>,
    documents: &[Document],
) -> Result<Dataset, Vec<Diagnostic>> {
    let file = SourceFile { path, text };
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        vec![file.error(offset, e.message().trim().to_string())]
    })?;
    let mut errors = Vec::new();

    check_id(&file, &raw.dataset.id, &mut errors);
    let docs = source_texts(&file, &raw.sources, read_doc, &mut errors);
    let figures = figures(&file, raw.figures, &raw.sources, &docs, documents, &mut errors);
    let charts = charts(&file, raw.charts, &figures, &mut errors);

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Dataset {
        schema_version: SCHEMA_VERSION,
        id: raw.dataset.id.into_inner(),
        title: raw.dataset.title,
        status: raw.dataset.status,
        sources: raw
            .sources
            .into_iter()
            .map(|s| {
                let s = s.into_inner();
                SourceDoc {
                    id: s.id,
                    title: s.title,
                    publisher: s.publisher,
                }
            })
            .collect(),
        figures,
        charts,
    })
}

/// Each source document's text, normalised as quotes are compared, by the source's id.
fn source_texts(
    file: &SourceFile,
    sources: &[Spanned<RawSource>],
    read_doc: &dyn Fn(&str) -> Result<String, String>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for source in sources {
        let s = source.get_ref();
        match read_doc(&s.file) {
            Ok(body) => docs.push((s.id.clone(), normalize(&body))),
            Err(why) => errors.push(file.error(
                source.span().start,
                format!("source '{}': cannot read {}: {why}", s.id, s.file),
            )),
        }
    }
    docs
}

/// Checks each figure: its id, value, year, and its quote against its source's text.
fn figures(
    file: &SourceFile,
    raw_figures: Vec<Spanned<RawFigure>>,
    sources: &[Spanned<RawSource>],
    docs: &[(String, String)],
    documents: &[Document],
    errors: &mut Vec<Diagnostic>,
) -> Vec<KeyFigure> {
    let mut seen = HashSet::new();
    let mut figures = Vec::new();
    for spanned in raw_figures {
        let f = spanned.into_inner();
        check_id(file, &f.id, errors);
        if !seen.insert(f.id.get_ref().clone()) {
            errors.push(file.error(
                f.id.span().start,
                format!("figure id '{}' is used twice", f.id.get_ref()),
            ));
        }
        let (value, high) = (*f.value.get_ref(), f.value_high.as_ref().map(|h| *h.get_ref()));
        if !value.is_finite() || value < 0.0 {
            errors.push(file.error(
                f.value.span().start,
                format!("value {value} must be a finite number ≥ 0"),
            ));
        }
        if let Some(h) = &f.value_high {
            if *h.get_ref() <= value {
                errors.push(file.error(h.span().start, "value_high must be greater than value"));
            }
        }
        if f.unit == Unit::Percent && high.unwrap_or(value) > 100.0 {
            errors.push(file.error(f.value.span().start, "a percentage must lie between 0 and 100"));
        }
        if !(2000..=2100).contains(f.year.get_ref()) {
            errors.push(file.error(
                f.year.span().start,
                format!("year {} is outside 2000–2100", f.year.get_ref()),
            ));
        }
        match docs.iter().find(|(id, _)| id == f.source.get_ref()) {
            None if sources.iter().all(|s| &s.get_ref().id != f.source.get_ref()) => {
                errors.push(file.error(
                    f.source.span().start,
                    format!("unknown source '{}'", f.source.get_ref()),
                ));
            }
            None => {} // the document itself failed to load, reported above
            Some((_, doc)) => check_quote(file, &f, doc, errors),
        }
        let anchor = anchor_in(file, &f, documents, errors);
        figures.push(KeyFigure {
            id: f.id.into_inner(),
            label: f.label,
            value,
            value_high: high,
            unit: f.unit,
            year: *f.year.get_ref(),
            approx: f.approx,
            source: SourceRef {
                doc: f.source.into_inner(),
                section: f.section,
                quote: normalize(f.quote.get_ref()),
                anchor,
            },
        });
    }
    figures
}

/// Checks each chart: its id, its two bars and that they show figures of one unit.
fn charts(
    file: &SourceFile,
    raw_charts: Vec<Spanned<RawChart>>,
    figures: &[KeyFigure],
    errors: &mut Vec<Diagnostic>,
) -> Vec<ChartDef> {
    let mut chart_ids = HashSet::new();
    let mut charts = Vec::new();
    for spanned in raw_charts {
        let at = spanned.span().start;
        let c = spanned.into_inner();
        check_id(file, &c.id, errors);
        if !chart_ids.insert(c.id.get_ref().clone()) {
            errors.push(file.error(
                c.id.span().start,
                format!("chart id '{}' is used twice", c.id.get_ref()),
            ));
        }
        if c.bars.len() != 2 {
            errors.push(file.error(
                at,
                format!(
                    "chart '{}': a {:?} chart has exactly 2 bars, not {}",
                    c.id.get_ref(),
                    c.kind,
                    c.bars.len()
                ),
            ));
        }
        let mut units = HashSet::new();
        for bar in &c.bars {
            match figures.iter().find(|f| f.id == bar.figure) {
                Some(f) => {
                    units.insert(format!("{:?}", f.unit));
                }
                None => errors.push(file.error(
                    at,
                    format!("chart '{}': unknown figure '{}'", c.id.get_ref(), bar.figure),
                )),
            }
        }
        if units.len() > 1 {
            errors.push(file.error(at, format!("chart '{}': its bars mix units", c.id.get_ref())));
        }
        charts.push(ChartDef {
            id: c.id.into_inner(),
            title: c.title,
            kind: c.kind,
            bars: c.bars,
        });
    }
    charts
}

/// Ids end up in URLs and HTML ids: lower-case ASCII, digits, `-` and `_`.
fn check_id(file: &SourceFile, id: &Spanned<String>, errors: &mut Vec<Diagnostic>) {
    let ok = !id.get_ref().is_empty()
        && id
            .get_ref()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if !ok {
        errors.push(file.error(
            id.span().start,
            format!("id '{}' may hold only a–z, 0–9, '-' and '_'", id.get_ref()),
        ));
    }
}

/// Where the source is also published as a structured document: the heading the
/// quote stands under. `section` must name that heading's path (or its start),
/// so a section written by hand can never point to the wrong place.
fn anchor_in(file: &SourceFile, f: &RawFigure, documents: &[Document], errors: &mut Vec<Diagnostic>) -> Option<String> {
    let doc = documents.iter().find(|d| &d.source.id == f.source.get_ref())?;
    let at = f.quote.span().start;
    let Some(path) = crate::document::section_of(doc, f.quote.get_ref()) else {
        errors.push(file.error(
            at,
            format!(
                "figure '{}': the quote is not in the text of document '{}'",
                f.id.get_ref(),
                doc.id
            ),
        ));
        return None;
    };
    let names: Vec<&str> = path.iter().map(|h| h.text.as_str()).collect();
    let written: Vec<&str> = f.section.split(" › ").collect();
    if written.is_empty() || !names.starts_with(&written) {
        errors.push(file.error(
            at,
            format!(
                "figure '{}': section should be \"{}\" (where the quote stands in '{}')",
                f.id.get_ref(),
                names.join(" › "),
                doc.id
            ),
        ));
    }
    path.last().map(|h| h.id.clone())
}

fn check_quote(file: &SourceFile, f: &RawFigure, doc: &str, errors: &mut Vec<Diagnostic>) {
    let quote = normalize(f.quote.get_ref());
    let at = f.quote.span().start;
    let id = f.id.get_ref();
    if !doc.contains(&quote) {
        errors.push(file.error(
            at,
            format!("figure '{id}': the quote is not in source '{}'", f.source.get_ref()),
        ));
        return;
    }
    let value = *f.value.get_ref();
    let hits = find_number(&quote, value);
    let Some(&hit) = hits.first() else {
        errors.push(file.error(at, format!("figure '{id}': the quote does not state the value {value}")));
        return;
    };
    if let Some(high) = &f.value_high {
        if find_number(&quote, *high.get_ref()).is_empty() {
            errors.push(file.error(
                at,
                format!("figure '{id}': the quote does not state value_high {}", high.get_ref()),
            ));
        }
    }
    match (hedge_before(&quote, hit), f.approx) {
        (Some(said), None) => errors.push(file.error(
            at,
            format!(
                "figure '{id}': the source says \"{} …\"; set approx = \"{}\"",
                said.word(),
                said.word()
            ),
        )),
        (Some(said), Some(set)) if said != set => errors.push(file.error(
            at,
            format!(
                "figure '{id}': the source says \"{}\", not \"{}\"",
                said.word(),
                set.word()
            ),
        )),
        (None, Some(set)) if !quote.to_lowercase().contains(set.word()) => errors.push(file.error(
            at,
            format!(
                "figure '{id}': approx = \"{}\" but the quote has no such word",
                set.word()
            ),
        )),
        _ => {}
    }
}
