//! A survey round's codebook (`kodbok`, TOML; `data/statistik/IMPORT.md` tells
//! an editor how to write one): which columns of a respondent file hold the
//! municipality, grade, sex and round, what their codes mean, and which answer
//! codes of each question make up an indicator's share or distribution.
//! Checked against the survey's catalogue; errors are `file:line: reason`.

use std::path::Path;

use kfkl_core::stats::{Indicator, Survey, GRADES};
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};

mod raw;
use raw::{codes, Raw, RawQuestion};

/// A cell or a code as compared: trimmed, and a whole number written as a
/// float by a spreadsheet ("2.0") read as the number ("2").
pub fn normal(cell: &str) -> String {
    let t = cell.trim();
    match t
        .strip_suffix(".0")
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '-'))
    {
        Some(whole) => whole.to_string(),
        None => t.to_string(),
    }
}

/// How the municipality column names a municipality.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MunicipalityBy {
    Code,
    Name,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sex {
    Girl,
    Boy,
    /// Counted in `alla` only.
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    /// The share of valid answers that are in `yes`.
    Share { yes: Vec<String>, valid: Vec<String> },
    /// One share per answer, the codes in the catalogue's order of answers.
    Distribution(Vec<String>),
}

impl Measure {
    pub fn is_valid(&self, code: &str) -> bool {
        match self {
            Measure::Share { valid, .. } => valid.iter().any(|c| c == code),
            Measure::Distribution(codes) => codes.iter().any(|c| c == code),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Question {
    pub column: String,
    /// Index into the catalogue's indicators.
    pub indicator: usize,
    pub measure: Measure,
    /// Codes that mean "no answer" (left out of `n`); an empty cell always does.
    pub no_answer: Vec<String>,
    /// The question's line in the codebook.
    pub line: usize,
}

#[derive(Clone, Debug)]
pub struct Codebook {
    pub survey: String,
    pub source: String,
    /// The round: given, or read from `round_column`.
    pub year: Option<u16>,
    pub round_column: Option<String>,
    pub municipality_column: String,
    pub grade_column: String,
    pub sex_column: String,
    pub municipality_by: MunicipalityBy,
    /// Normalised as the column is (codes without leading zeros; names folded).
    pub outside: Vec<String>,
    /// (code, index into `stats::GRADES`)
    pub grades: Vec<(String, usize)>,
    pub sexes: Vec<(String, Sex)>,
    /// Whether pupils of other sex codes (or none) count in `alla`.
    pub others_in_all: bool,
    pub questions: Vec<Question>,
}

/// A municipality's code or name as compared: "0880" and "880" are one code,
/// "Mörbylånga" and "mörbylånga " one name.
pub fn municipality_key(by: MunicipalityBy, cell: &str) -> String {
    let cell = normal(cell);
    match by {
        MunicipalityBy::Code => cell.trim_start_matches('0').to_string(),
        MunicipalityBy::Name => cell.to_lowercase(),
    }
}

/// Reads and checks a codebook against its survey's catalogue.
pub fn load(path: &Path, text: &str, survey: &Survey) -> Result<Codebook, Vec<Diagnostic>> {
    let file = SourceFile { path, text };
    let raw: Raw = toml::from_str(text)
        .map_err(|e| vec![file.error(e.span().map_or(0, |s| s.start), e.message().trim().to_string())])?;
    let mut errors = Vec::new();
    let municipality_by = check_header(&file, &raw, survey, &mut errors);
    let (grades, sexes) = groups(&file, &raw, survey, &mut errors);
    let no_answer = codes(&raw.ej_svar);
    let questions: Vec<Question> = raw
        .questions
        .iter()
        .filter_map(|spanned| question(&file, spanned, survey, &no_answer, &mut errors))
        .collect();
    // One indicator from two questions would count its pupils twice.
    for (i, q) in questions.iter().enumerate() {
        if questions[..i].iter().any(|p| p.indicator == q.indicator) {
            errors.push(Diagnostic {
                file: path.to_path_buf(),
                line: q.line,
                reason: format!(
                    "fraga {}: the indicator '{}' is given twice",
                    q.column, survey.indicators[q.indicator].id
                ),
            });
        }
    }
    if questions.is_empty() && errors.is_empty() {
        errors.push(file.error(0, "no [[fraga]]: the codebook names no question"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Codebook {
        survey: raw.enkat,
        source: raw.kalla,
        year: raw.ar,
        round_column: raw.kolumner.ar,
        municipality_column: raw.kolumner.kommun,
        grade_column: raw.kolumner.arskurs,
        sex_column: raw.kolumner.kon,
        municipality_by,
        outside: raw
            .kommun
            .utanfor_lanet
            .iter()
            .map(|c| municipality_key(municipality_by, &c.normal()))
            .collect(),
        grades,
        sexes,
        others_in_all: raw.kon.ovriga_i_alla,
        questions,
    })
}

/// Checks what the codebook says about the whole file (survey, source, round) and returns how
/// it names a municipality.
fn check_header(file: &SourceFile, raw: &Raw, survey: &Survey, errors: &mut Vec<Diagnostic>) -> MunicipalityBy {
    let at_top = |reason: String| file.error(0, reason);
    if raw.enkat != survey.id {
        errors.push(at_top(format!(
            "enkat = '{}', but the catalogue is '{}'",
            raw.enkat, survey.id
        )));
    }
    if raw.kalla.trim().is_empty() {
        errors.push(at_top("kalla (the source written on every row) is empty".into()));
    }
    match (raw.ar, &raw.kolumner.ar) {
        (Some(_), Some(_)) => errors.push(at_top("give the round either as ar or as kolumner.ar, not both".into())),
        (None, None) => errors.push(at_top(
            "the round is missing: give ar = 2024, or the column that holds it as kolumner.ar".into(),
        )),
        (Some(y), None) if !(2000..=2100).contains(&y) => {
            errors.push(at_top(format!("ar = {y} is not a year 2000–2100")))
        }
        _ => {}
    }
    match raw.kommun.varden.as_str() {
        "kod" => MunicipalityBy::Code,
        "namn" => MunicipalityBy::Name,
        other => {
            errors.push(at_top(format!("kommun.varden = '{other}': write \"kod\" or \"namn\"")));
            MunicipalityBy::Code
        }
    }
}

/// The grade and sex codes, each code meaning one thing only.
fn groups(
    file: &SourceFile,
    raw: &Raw,
    survey: &Survey,
    errors: &mut Vec<Diagnostic>,
) -> (Vec<(String, usize)>, Vec<(String, Sex)>) {
    let mut grades = Vec::new();
    for (grade, raw_codes) in &raw.arskurs {
        if !survey.grades.contains(grade) {
            errors.push(file.error(
                0,
                format!(
                    "arskurs.{grade}: not a grade of {} ({})",
                    survey.id,
                    survey.grades.join(", ")
                ),
            ));
            continue;
        }
        let index = GRADES
            .iter()
            .position(|g| g == grade)
            .expect("survey grades are GRADES");
        grades.extend(codes(raw_codes).into_iter().map(|c| (c, index)));
    }
    let sexes: Vec<(String, Sex)> = [
        (&raw.kon.flicka, Sex::Girl),
        (&raw.kon.pojke, Sex::Boy),
        (&raw.kon.ovriga, Sex::Other),
    ]
    .into_iter()
    .flat_map(|(raw_codes, sex)| codes(raw_codes).into_iter().map(move |c| (c, sex)))
    .collect();
    for (what, list) in [
        ("arskurs", grades.iter().map(|g| &g.0).collect::<Vec<_>>()),
        ("kon", sexes.iter().map(|s| &s.0).collect()),
    ] {
        if let Some(twice) = list
            .iter()
            .enumerate()
            .find(|(i, c)| list[..*i].contains(c))
            .map(|(_, c)| c)
        {
            errors.push(file.error(0, format!("{what}: the code '{twice}' means two things")));
        }
    }
    (grades, sexes)
}

/// One `[[fraga]]` checked against its indicator; `None` when it cannot be counted at all.
fn question(
    file: &SourceFile,
    spanned: &Spanned<RawQuestion>,
    survey: &Survey,
    no_answer: &[String],
    errors: &mut Vec<Diagnostic>,
) -> Option<Question> {
    let line = file.line_of(spanned.span().start);
    let q = spanned.get_ref();
    let mut report = |reason: String| {
        errors.push(Diagnostic {
            file: file.path.to_path_buf(),
            line,
            reason,
        })
    };
    let Some(indicator) = survey.indicators.iter().position(|i| i.id == q.indikator) else {
        report(format!(
            "fraga {}: unknown indicator '{}' (not in the {} catalogue)",
            q.kolumn, q.indikator, survey.id
        ));
        return None;
    };
    let measure = measure(q, &survey.indicators[indicator], &mut report)?;
    let mut question_no_answer = no_answer.to_vec();
    question_no_answer.extend(codes(&q.ej_svar));
    if let Some(c) = question_no_answer.iter().find(|c| measure.is_valid(c)) {
        report(format!(
            "fraga {}: the code '{c}' is both an answer and no answer",
            q.kolumn
        ));
    }
    Some(Question {
        column: q.kolumn.clone(),
        indicator,
        measure,
        no_answer: question_no_answer,
        line,
    })
}

/// A share needs `andel` and `koder`, a distribution `fordelning`, as the catalogue's indicator is.
fn measure(q: &RawQuestion, ind: &Indicator, report: &mut impl FnMut(String)) -> Option<Measure> {
    match (&q.andel, &q.koder, &q.fordelning) {
        (Some(yes), Some(valid), None) if ind.answers.is_empty() => {
            let (yes, valid) = (codes(yes), codes(valid));
            if let Some(c) = yes.iter().find(|c| !valid.contains(c)) {
                report(format!(
                    "fraga {}: the code '{c}' of andel is not among koder",
                    q.kolumn
                ));
            }
            if yes.is_empty() || yes.len() == valid.len() {
                report(format!(
                    "fraga {}: andel must be some of koder, not none or all",
                    q.kolumn
                ));
            }
            Some(Measure::Share { yes, valid })
        }
        (None, None, Some(order)) if !ind.answers.is_empty() => {
            if order.len() != ind.answers.len() {
                report(format!(
                    "fraga {}: fordelning has {} codes, '{}' has {} answers",
                    q.kolumn,
                    order.len(),
                    ind.id,
                    ind.answers.len()
                ));
            }
            Some(Measure::Distribution(codes(order)))
        }
        _ if ind.answers.is_empty() => {
            report(format!(
                "fraga {}: '{}' is a share: give andel and koder",
                q.kolumn, ind.id
            ));
            None
        }
        _ => {
            report(format!(
                "fraga {}: '{}' is a distribution of {} answers: give fordelning",
                q.kolumn,
                ind.id,
                ind.answers.len()
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests;
