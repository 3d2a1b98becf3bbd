//! A survey round's codebook (`kodbok`, TOML; `data/statistik/IMPORT.md` tells
//! an editor how to write one): which columns of a respondent file hold the
//! municipality, grade, sex and round, what their codes mean, and which answer
//! codes of each question make up an indicator's share or distribution.
//! Checked against the survey's catalogue; errors are `file:line: reason`.

use std::collections::BTreeMap;
use std::path::Path;

use kfkl_core::stats::{Survey, GRADES};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};

/// A code as the codebook writes it: `1` or `"1"` (or `"Kalmar"`), compared
/// with a file's cells after `normal` (so `1`, `1.0` and ` 1` are one code).
#[derive(Deserialize, Clone, Debug)]
#[serde(untagged)]
enum RawCode {
    Number(i64),
    Text(String),
}

impl RawCode {
    fn normal(&self) -> String {
        match self {
            RawCode::Number(n) => n.to_string(),
            RawCode::Text(t) => normal(t),
        }
    }
}

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

fn codes(raw: &[RawCode]) -> Vec<String> {
    raw.iter().map(RawCode::normal).collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    enkat: String,
    kalla: String,
    ar: Option<u16>,
    kolumner: RawColumns,
    kommun: RawMunicipality,
    arskurs: BTreeMap<String, Vec<RawCode>>,
    kon: RawSex,
    #[serde(default)]
    ej_svar: Vec<RawCode>,
    #[serde(rename = "fraga")]
    questions: Vec<Spanned<RawQuestion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumns {
    kommun: String,
    arskurs: String,
    kon: String,
    ar: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMunicipality {
    /// "kod" (SCB's code, "0880" or "880") or "namn" ("Kalmar").
    varden: String,
    /// Municipalities that answer with the county but are not in it (Eksjö in LUPP):
    /// their pupils are kept out of every result, the county's too.
    #[serde(default)]
    utanfor_lanet: Vec<RawCode>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSex {
    flicka: Vec<RawCode>,
    pojke: Vec<RawCode>,
    /// Other answers ("annat", "vill inte svara"): counted in `alla` only …
    #[serde(default)]
    ovriga: Vec<RawCode>,
    /// … unless this is false: then in no group, and `alla` is girls and boys
    /// (so that few others never hide the genders; IMPORT.md weighs the two).
    #[serde(default = "yes")]
    ovriga_i_alla: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    kolumn: String,
    indikator: String,
    /// A share: the answer codes that count ("ganska eller mycket trygg": [1, 2]) …
    andel: Option<Vec<RawCode>>,
    /// … among all the valid answer codes of the question.
    koder: Option<Vec<RawCode>>,
    /// A distribution: the answer codes in the catalogue's order of answers.
    fordelning: Option<Vec<RawCode>>,
    /// No-answer codes of this question, besides the codebook's `ej_svar`.
    #[serde(default)]
    ej_svar: Vec<RawCode>,
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
    let municipality_by = match raw.kommun.varden.as_str() {
        "kod" => MunicipalityBy::Code,
        "namn" => MunicipalityBy::Name,
        other => {
            errors.push(at_top(format!("kommun.varden = '{other}': write \"kod\" or \"namn\"")));
            MunicipalityBy::Code
        }
    };
    let mut grades = Vec::new();
    for (grade, raw_codes) in &raw.arskurs {
        if !survey.grades.contains(grade) {
            errors.push(at_top(format!(
                "arskurs.{grade}: not a grade of {} ({})",
                survey.id,
                survey.grades.join(", ")
            )));
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
            errors.push(at_top(format!("{what}: the code '{twice}' means two things")));
        }
    }
    let no_answer = codes(&raw.ej_svar);
    let mut questions = Vec::new();
    for spanned in &raw.questions {
        let line = file.line_of(spanned.span().start);
        let q = spanned.get_ref();
        let mut report = |reason: String| {
            errors.push(Diagnostic {
                file: path.to_path_buf(),
                line,
                reason,
            })
        };
        let Some(indicator) = survey.indicators.iter().position(|i| i.id == q.indikator) else {
            report(format!(
                "fraga {}: unknown indicator '{}' (not in the {} catalogue)",
                q.kolumn, q.indikator, survey.id
            ));
            continue;
        };
        let ind = &survey.indicators[indicator];
        let measure = match (&q.andel, &q.koder, &q.fordelning) {
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
                Measure::Share { yes, valid }
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
                Measure::Distribution(codes(order))
            }
            _ if ind.answers.is_empty() => {
                report(format!(
                    "fraga {}: '{}' is a share: give andel and koder",
                    q.kolumn, ind.id
                ));
                continue;
            }
            _ => {
                report(format!(
                    "fraga {}: '{}' is a distribution of {} answers: give fordelning",
                    q.kolumn,
                    ind.id,
                    ind.answers.len()
                ));
                continue;
            }
        };
        let mut question_no_answer = no_answer.clone();
        question_no_answer.extend(codes(&q.ej_svar));
        if let Some(c) = question_no_answer.iter().find(|c| measure.is_valid(c)) {
            report(format!(
                "fraga {}: the code '{c}' is both an answer and no answer",
                q.kolumn
            ));
        }
        questions.push(Question {
            column: q.kolumn.clone(),
            indicator,
            measure,
            no_answer: question_no_answer,
            line,
        });
    }
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
        errors.push(at_top("no [[fraga]]: the codebook names no question".into()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::respondents::tests::{catalogue, CODEBOOK};

    #[test]
    fn cells_and_codes_compare_as_written_or_as_a_spreadsheet_writes_them() {
        for (cell, want) in [
            ("1", "1"),
            (" 1 ", "1"),
            ("1.0", "1"),
            ("-1.0", "-1"),
            ("1.5", "1.5"),
            ("Kalmar", "Kalmar"),
            (".0", ".0"),
        ] {
            assert_eq!(normal(cell), want, "{cell:?}");
        }
        assert_eq!(
            municipality_key(MunicipalityBy::Code, "0880"),
            municipality_key(MunicipalityBy::Code, "880")
        );
        assert_eq!(municipality_key(MunicipalityBy::Name, " Mörbylånga"), "mörbylånga");
    }

    #[test]
    fn a_good_codebook_reads() {
        let book = load(Path::new("k.toml"), CODEBOOK, &catalogue()).expect("valid");
        assert_eq!((book.year, book.questions.len()), (Some(2024), 2));
        assert_eq!(
            book.questions[0].measure,
            Measure::Share {
                yes: vec!["1".into(), "2".into()],
                valid: (1..=4).map(|c| c.to_string()).collect()
            }
        );
        assert_eq!(book.questions[1].no_answer, ["9", "8"]);
        assert_eq!(book.outside, ["686"]);
    }

    #[test]
    fn errors_name_their_line_and_what_to_do() {
        // (change to the good codebook, the error)
        let cases = [
            (
                "enkat = \"lupp\"",
                "enkat = \"andts\"",
                "k.toml:1: enkat = 'andts', but the catalogue is 'lupp'",
            ),
            (
                "ar = 2024",
                "",
                "k.toml:1: the round is missing: give ar = 2024, or the column that holds it as kolumner.ar",
            ),
            (
                "varden = \"kod\"",
                "varden = \"nummer\"",
                "k.toml:1: kommun.varden = 'nummer': write \"kod\" or \"namn\"",
            ),
            (
                "gy2 = [2]",
                "gy2 = [2]\nak9 = [3]",
                "k.toml:1: arskurs.ak9: not a grade of lupp (ak8, gy2)",
            ),
            (
                "pojke = [2]",
                "pojke = [1]",
                "k.toml:1: kon: the code '1' means two things",
            ),
            (
                "indikator = \"trygg\"",
                "indikator = \"trygghet\"",
                "k.toml:15: fraga f1: unknown indicator 'trygghet' (not in the lupp catalogue)",
            ),
            (
                "andel = [1, 2]",
                "andel = [1, 5]",
                "k.toml:15: fraga f1: the code '5' of andel is not among koder",
            ),
            (
                "andel = [1, 2]",
                "andel = [1, 2, 3, 4]",
                "k.toml:15: fraga f1: andel must be some of koder, not none or all",
            ),
            (
                "fordelning = [1, 2, 3]",
                "fordelning = [1, 2]",
                "k.toml:20: fraga f2: fordelning has 2 codes, 'fritid' has 3 answers",
            ),
            (
                "fordelning = [1, 2, 3]",
                "andel = [1]\nkoder = [1, 2]",
                "k.toml:20: fraga f2: 'fritid' is a distribution of 3 answers: give fordelning",
            ),
            (
                "ej_svar = [8]",
                "ej_svar = [3]",
                "k.toml:20: fraga f2: the code '3' is both an answer and no answer",
            ),
            (
                "indikator = \"fritid\"",
                "indikator = \"trygg\"",
                "k.toml:20: fraga f2: 'trygg' is a share: give andel and koder",
            ),
        ];
        for (from, to, want) in cases {
            assert!(CODEBOOK.contains(from), "{from}");
            let text = CODEBOOK.replacen(from, to, 1);
            let errors = load(Path::new("k.toml"), &text, &catalogue()).expect_err(want);
            assert!(
                errors.iter().any(|e| e.to_string() == want),
                "{want}\n got: {:?}",
                errors.iter().map(ToString::to_string).collect::<Vec<_>>()
            );
        }
    }
}
