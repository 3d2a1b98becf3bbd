//! `data/statistik/*.toml` → surveys: the indicator catalogue (label, theme,
//! unit, definition, source; unique ids, complete fields) and the data files
//! it lists, read by `results.rs`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

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
    #[serde(rename = "data", default)]
    data: Vec<DataFile>,
    /// Municipalities that do not take part in the survey.
    #[serde(default)]
    absent: Vec<RawAbsent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAbsent {
    area: String,
    sentence: String,
    source: String,
}

/// A results file of the survey: where it is, its format and whether it is real.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    /// Relative to the data folder.
    pub file: String,
    /// "import" (the documented long format), "can-public" (sources/andts-public-figures.csv)
    /// "key-figures" (a validated file of `figures/`, its figures named by each indicator's `figures`)
    /// "exempel-svar" (`file` is the codebook of the generator's synthetic respondent file)
    /// or "tabellbok" (`file` is the mapping of a table workbook, `workbook.rs`).
    pub format: String,
    pub status: kfkl_core::model::Status,
}

pub const FORMATS: [&str; 5] = ["import", "can-public", "key-figures", "exempel-svar", "tabellbok"];

/// A survey's catalogue, with its suppression threshold and data files.
pub struct SurveyFile {
    pub path: PathBuf,
    pub survey: Survey,
    pub threshold: u32,
    pub data: Vec<DataFile>,
    /// Per indicator (by index): the key figures that are its observations, and
    /// the line of the indicator in the catalogue, for errors.
    pub figures: Vec<(Vec<String>, usize)>,
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
    grades: Vec<String>,
    #[serde(default = "default_threshold")]
    suppression_threshold: u32,
}

fn default_threshold() -> u32 {
    10
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
    /// Key-figure ids, for a survey whose data are key figures.
    #[serde(default)]
    figures: Vec<String>,
    /// Rounds from which the question was asked another way: `[{ year = 2021, why = "…" }]`.
    #[serde(default)]
    breaks: Vec<RawBreak>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBreak {
    year: u16,
    why: String,
}

/// Reads and checks one survey's catalogue.
pub fn load(path: &Path, text: &str) -> Result<SurveyFile, Vec<Diagnostic>> {
    let file = SourceFile { path, text };
    let raw: RawFile = toml::from_str(text)
        .map_err(|e| vec![file.error(e.span().map_or(0, |s| s.start), e.message().trim().to_string())])?;
    let mut errors = Vec::new();
    let mut ids = HashSet::new();
    let mut indicators = Vec::new();
    let mut figures = Vec::new();
    let from_figures = raw.data.iter().any(|d| d.format == "key-figures");
    for spanned in raw.indicators {
        let (indicator, its_figures) = indicator(&file, spanned, from_figures, &mut ids, &mut errors);
        figures.push(its_figures);
        indicators.push(indicator);
    }
    check_survey(&file, &raw.survey, &raw.data, &raw.absent, &mut errors);
    let s = raw.survey;
    if !errors.is_empty() {
        return Err(errors);
    }
    let survey = Survey {
        id: s.id,
        title: s.title,
        publisher: s.publisher,
        route: s.route,
        method: s.method,
        method_source: s.method_source,
        grades: s.grades,
        indicators,
        absent: raw
            .absent
            .into_iter()
            .map(|a| kfkl_core::stats::Absent {
                code: a.area,
                sentence: a.sentence,
                source: a.source,
            })
            .collect(),
    };
    Ok(SurveyFile {
        path: path.to_path_buf(),
        survey,
        threshold: s.suppression_threshold,
        data: raw.data,
        figures,
    })
}

/// Checks one indicator; returns it with its key figures and its line.
fn indicator(
    file: &SourceFile,
    spanned: Spanned<RawIndicator>,
    from_figures: bool,
    ids: &mut HashSet<String>,
    errors: &mut Vec<Diagnostic>,
) -> (Indicator, (Vec<String>, usize)) {
    let at = spanned.span().start;
    let i = spanned.into_inner();
    check_indicator(&i, from_figures, ids, &mut |reason| errors.push(file.error(at, reason)));
    let figures = (i.figures, file.line_of(at));
    let indicator = Indicator {
        id: i.id,
        label: i.label,
        theme: i.theme,
        unit: i.unit,
        question: i.question,
        answers: i.answers,
        definition: i.definition,
        source: i.source,
        breaks: i
            .breaks
            .into_iter()
            .map(|b| kfkl_core::stats::Break {
                year: b.year,
                why: b.why,
            })
            .collect(),
    };
    (indicator, figures)
}

/// An indicator's id is fit for a URL and unique, its texts are given, and its answers,
/// key figures and breaks are as the survey needs them.
fn check_indicator(i: &RawIndicator, from_figures: bool, ids: &mut HashSet<String>, report: &mut dyn FnMut(String)) {
    if i.id.is_empty()
        || !i
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        report(format!("indicator id '{}' may hold only a–z, 0–9 and '_'", i.id));
    }
    if !ids.insert(i.id.clone()) {
        report(format!("indicator id '{}' is used twice", i.id));
    }
    for (field, value) in [
        ("label", &i.label),
        ("theme", &i.theme),
        ("definition", &i.definition),
        ("source", &i.source),
    ] {
        if value.trim().is_empty() {
            report(format!("indicator '{}': {field} is empty", i.id));
        }
    }
    if i.answers.len() == 1 {
        report(format!(
            "indicator '{}': a distribution needs at least two answers",
            i.id
        ));
    }
    match (from_figures, i.figures.is_empty()) {
        (true, true) => report(format!(
            "indicator '{}': figures is empty, but the survey's data are key figures",
            i.id
        )),
        (false, false) => report(format!(
            "indicator '{}': figures is only for a survey whose data are key figures",
            i.id
        )),
        _ => {}
    }
    if i.breaks
        .iter()
        .any(|b| b.why.trim().is_empty() || !(2000..=2100).contains(&b.year))
    {
        report(format!(
            "indicator '{}': a break needs its year (2000–2100) and why",
            i.id
        ));
    }
}

/// Checks what the catalogue says besides its indicators: grades, data formats, absent areas.
fn check_survey(
    file: &SourceFile,
    survey: &RawSurvey,
    data: &[DataFile],
    absent: &[RawAbsent],
    errors: &mut Vec<Diagnostic>,
) {
    if let Some(g) = survey
        .grades
        .iter()
        .find(|g| !kfkl_core::stats::GRADES.contains(&g.as_str()))
    {
        errors.push(file.error(0, format!("grade '{g}' is not one of {:?}", kfkl_core::stats::GRADES)));
    }
    if let Some(d) = data.iter().find(|d| !FORMATS.contains(&d.format.as_str())) {
        errors.push(file.error(
            0,
            format!(
                "data file {}: format '{}' is not one of {}",
                d.file,
                d.format,
                FORMATS.join(", ")
            ),
        ));
    }
    for a in absent {
        if a.area.len() != 4 || !a.area.chars().all(|c| c.is_ascii_digit()) {
            errors.push(file.error(0, format!("[[absent]] area '{}' is not a municipality code", a.area)));
        }
        if a.sentence.trim().is_empty() || a.source.trim().is_empty() {
            errors.push(file.error(0, format!("[[absent]] {}: give the sentence and its source", a.area)));
        }
    }
}
