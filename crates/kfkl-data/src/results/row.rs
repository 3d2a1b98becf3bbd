//! The checks of the results themselves: one row's fields, and a distribution's answers together.

use std::collections::BTreeMap;

use kfkl_core::model::Approx;
use kfkl_core::stats::{Area, Observation, Rows, StatUnit, COUNTY, GENDERS, GRADES, NATION};

use super::Seen;
use crate::diag::Diagnostic;
use crate::statistics::SurveyFile;

/// Checks one row's fields: [indikator, ar, omrade, arskurs, kon, svar, varde].
pub(super) fn observation(
    sf: &SurveyFile,
    areas: &[Area],
    f: [&str; 7],
    n: Option<u32>,
    approx: Option<Approx>,
) -> Result<Observation, String> {
    let survey = &sf.survey;
    let indicator = survey
        .indicators
        .iter()
        .position(|i| i.id == f[0])
        .ok_or_else(|| format!("unknown indicator '{}'", f[0]))?;
    let ind = &survey.indicators[indicator];
    let year: u16 = f[1]
        .parse()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .ok_or_else(|| format!("year '{}' is not a year 2000–2100", f[1]))?;
    let area = areas.iter().position(|a| a.code == f[2]).ok_or_else(|| {
        format!(
            "unknown area code '{}' (the 12 municipalities, {COUNTY} Kalmar län, {NATION} Riket)",
            f[2]
        )
    })?;
    if !survey.grades.iter().any(|g| g == f[3]) {
        return Err(format!("grade '{}' is not one of {}", f[3], survey.grades.join(", ")));
    }
    let grade = GRADES
        .iter()
        .position(|g| *g == f[3])
        .expect("survey grades are GRADES");
    let gender = GENDERS
        .iter()
        .position(|g| *g == f[4])
        .ok_or_else(|| format!("gender '{}' is not one of {}", f[4], GENDERS.join(", ")))?;
    let answer = match (f[5], ind.answers.is_empty()) {
        ("", true) => None,
        (a, true) => {
            return Err(format!(
                "'{}' is a share, not a distribution: svar must be empty, not '{a}'",
                ind.id
            ))
        }
        ("", false) => return Err(format!("'{}' is a distribution: svar must name an answer", ind.id)),
        (a, false) => Some(
            ind.answers
                .iter()
                .position(|x| x == a)
                .ok_or_else(|| format!("'{a}' is not an answer of '{}'", ind.id))?,
        ),
    };
    // ".." is a value hidden by the import's disclosure control: the row says the group exists.
    if f[6] == ".." {
        return Ok(Observation {
            indicator,
            year,
            area,
            grade,
            gender,
            answer,
            value: None,
            n,
            approx,
            example: false,
            source: 0,
        });
    }
    let value: f64 = f[6]
        .replace(',', ".")
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| format!("value '{}' is not a number (or .. for a hidden value)", f[6]))?;
    match ind.unit {
        StatUnit::Percent if !(0.0..=100.0).contains(&value) => {
            return Err(format!("percentage {value} is outside 0–100"))
        }
        StatUnit::Litres | StatUnit::Count if value < 0.0 => return Err(format!("{value} is negative")),
        _ => {}
    }
    Ok(Observation {
        indicator,
        year,
        area,
        grade,
        gender,
        answer,
        value: Some(value),
        n,
        approx,
        example: false,
        source: 0,
    })
}

/// A distribution's answers must all be there, share one `n`, and sum to 100 ± 1.
pub(super) fn check_distributions(
    sf: &SurveyFile,
    areas: &[Area],
    rows: &Rows,
    seen: &Seen,
    errors: &mut Vec<Diagnostic>,
) {
    let mut groups: BTreeMap<(usize, u16, usize, usize, usize), Vec<usize>> = BTreeMap::new();
    for i in 0..rows.len() {
        let o = rows.get(i);
        if o.answer.is_some() {
            groups
                .entry((o.indicator, o.year, o.area, o.grade, o.gender))
                .or_default()
                .push(i);
        }
    }
    for (key, members) in groups {
        let ind = &sf.survey.indicators[key.0];
        let first = rows.get(members[0]);
        let at = seen
            .get(&(key.0, key.1, key.2, key.3, key.4, first.answer))
            .cloned()
            .unwrap_or_default();
        let (file, line) = at
            .rsplit_once(':')
            .map(|(f, l)| (f.to_string(), l.parse().unwrap_or(1)))
            .unwrap_or_default();
        let mut report = |reason: String| {
            errors.push(Diagnostic {
                file: file.clone().into(),
                line,
                reason,
            })
        };
        let what = format!(
            "{} {} {} {} {}",
            ind.id, key.1, areas[key.2].code, GRADES[key.3], GENDERS[key.4]
        );
        if members.len() != ind.answers.len() {
            report(format!(
                "distribution {what} has {} of its {} answers",
                members.len(),
                ind.answers.len()
            ));
            continue;
        }
        if members.iter().any(|&i| rows.n[i] != first.n) {
            report(format!("distribution {what}: its answers give different n"));
        }
        let hidden = members.iter().filter(|&&i| rows.value[i].is_none()).count();
        if hidden == members.len() {
            continue;
        }
        if hidden > 0 {
            report(format!(
                "distribution {what}: some answers are hidden (..) and some not; hide all or none"
            ));
            continue;
        }
        let sum: f64 = members.iter().filter_map(|&i| rows.value[i]).sum();
        if (sum - 100.0).abs() > 1.0 {
            report(format!("distribution {what} sums to {sum}, not 100 ± 1"));
        }
    }
}
