//! `data/statistik/*.toml` → survey catalogues: each indicator's label, theme,
//! unit, definition and source, checked for unique ids and complete fields.

use std::collections::HashSet;
use std::path::Path;

use kfkl_core::stats::{Indicator, StatUnit, Survey};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    survey: RawSurvey,
    #[serde(rename = "indicator")]
    indicators: Vec<Spanned<RawIndicator>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSurvey {
    id: String,
    title: String,
    publisher: String,
    route: String,
    method: String,
    method_source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    id: String,
    label: String,
    theme: String,
    unit: StatUnit,
    question: Option<String>,
    #[serde(default)]
    answers: Vec<String>,
    definition: String,
    source: String,
}

pub fn load(path: &Path, text: &str) -> Result<Survey, Vec<Diagnostic>> {
    let file = SourceFile { path, text };
    let raw: RawFile = toml::from_str(text).map_err(|e| vec![file.error(e.span().map_or(0, |s| s.start), e.message().trim().to_string())])?;
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    let mut indicators = Vec::new();
    for spanned in raw.indicators {
        let at = spanned.span().start;
        let i = spanned.into_inner();
        if i.id.is_empty() || !i.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            errors.push(file.error(at, format!("indicator id '{}' may hold only a–z, 0–9 and '_'", i.id)));
        }
        if !ids.insert(i.id.clone()) {
            errors.push(file.error(at, format!("indicator id '{}' is used twice", i.id)));
        }
        for (field, value) in [("label", &i.label), ("theme", &i.theme), ("definition", &i.definition), ("source", &i.source)] {
            if value.trim().is_empty() {
                errors.push(file.error(at, format!("indicator '{}': {field} is empty", i.id)));
            }
        }
        if i.answers.len() == 1 {
            errors.push(file.error(at, format!("indicator '{}': a distribution needs at least two answers", i.id)));
        }
        indicators.push(Indicator {
            id: i.id,
            label: i.label,
            theme: i.theme,
            unit: i.unit,
            question: i.question,
            answers: i.answers,
            definition: i.definition,
            source: i.source,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let s = raw.survey;
    Ok(Survey { id: s.id, title: s.title, publisher: s.publisher, route: s.route, method: s.method, method_source: s.method_source, indicators })
}
