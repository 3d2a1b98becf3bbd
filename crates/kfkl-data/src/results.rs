//! Survey results → `StatTable`: reads a survey's data files (the documented
//! import format, CAN's published figures as the source has them, or the
//! validated key figures of `figures/`, for AV-Play), checks
//! every row, and suppresses groups under the threshold before anything is
//! published. Errors carry `file:line: reason`.
//!
//! Import format (UTF-8, comma-separated, header row, `#` lines are comments):
//! `indikator,ar,omrade,arskurs,kon,svar,varde,n,kalla` – see `data/statistik/IMPORT.md`.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use kfkl_core::model::{Approx, Areas, Dataset, Status, Unit, SCHEMA_VERSION};
use kfkl_core::stats::{
    beside_county, Area, Observation, Rows, StatTable, StatUnit, COUNTY, COUNTY_NAME, GENDERS, GRADES, NATION,
};

use crate::diag::Diagnostic;
use crate::statistics::SurveyFile;

pub const IMPORT_HEADER: [&str; 9] = [
    "indikator",
    "ar",
    "omrade",
    "arskurs",
    "kon",
    "svar",
    "varde",
    "n",
    "kalla",
];
/// An observation's key: (indicator, year, area, grade, gender, answer).
type Key = (usize, u16, usize, usize, usize, Option<usize>);
/// Where each key was first seen, "file:line".
type Seen = HashMap<Key, String>;

const CAN_HEADER: [&str; 9] = [
    "scope",
    "indicator",
    "year",
    "grade",
    "gender",
    "value",
    "unit",
    "approx",
    "source",
];

/// The areas a table may hold: the 12 municipalities, the county and the nation.
pub fn areas(areas: &Areas) -> Vec<Area> {
    // In a table the municipality stands beside the county: "Kalmar kommun", "Kalmar län".
    // In Swedish alphabetical order, as /kommun lists them, so that every control, table and chart does too.
    let mut out: Vec<Area> = areas
        .municipalities
        .iter()
        .map(|m| Area {
            code: m.code.clone(),
            name: beside_county(&m.name),
        })
        .collect();
    kfkl_core::sort::sort_by(&mut out, |a, b| kfkl_core::sort::swedish_cmp(&a.name, &b.name));
    out.push(Area {
        code: COUNTY.into(),
        name: COUNTY_NAME.into(),
    });
    out.push(Area {
        code: NATION.into(),
        name: "Riket".into(),
    });
    out
}

/// Builds one survey's table. `read` returns a file's text by its path relative
/// to the data folder; `datasets` are the validated key-figure files by that path.
pub fn table(
    sf: &SurveyFile,
    county: &Areas,
    all_areas: &[Area],
    data_dir: &Path,
    read: &dyn Fn(&str) -> Result<String, String>,
    datasets: &[(String, Dataset)],
    catalogue: Option<&crate::sources::Catalogue>,
) -> Result<StatTable, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    let mut rows = Rows::default();
    let mut seen = Seen::new();
    // A municipality that does not take part has no results, real or example.
    let mut absent: Vec<usize> = Vec::new();
    for a in &sf.survey.absent {
        match all_areas.iter().position(|x| x.code == a.code) {
            Some(i) => absent.push(i),
            None => errors.push(Diagnostic {
                file: sf.path.clone(),
                line: 1,
                reason: format!("[[absent]] area '{}' is not one of the county's municipalities", a.code),
            }),
        }
    }
    for data in &sf.data {
        // Key figures were read and checked with their file; what can go wrong
        // here is the catalogue's reference to them, so errors point there.
        let path = if data.format == "key-figures" {
            sf.path.clone()
        } else {
            data_dir.join(&data.file)
        };
        // A workbook's rows are cells: their place is "fil:blad!cell", by the row's index.
        let mut cells: Vec<String> = Vec::new();
        let err = |cells: &[String], line: usize, reason: String| match cells.get(line.wrapping_sub(1)) {
            Some(cell) => Diagnostic {
                file: cell.into(),
                line: 0,
                reason,
            },
            None => Diagnostic {
                file: path.clone(),
                line,
                reason,
            },
        };
        let parsed = if data.format == "key-figures" {
            match datasets.iter().find(|(file, _)| *file == data.file) {
                Some((_, dataset)) => read_figures(dataset, sf, all_areas),
                None => {
                    errors.push(err(
                        &cells,
                        1,
                        format!("data file {}: not a key-figure file (figures/*.toml)", data.file),
                    ));
                    continue;
                }
            }
        } else {
            let text = match read(&data.file) {
                Ok(t) => t,
                Err(why) => {
                    errors.push(err(&cells, 1, format!("cannot read: {why}")));
                    continue;
                }
            };
            match data.format.as_str() {
                "can-public" => read_can(&text, sf, all_areas),
                "tabellbok" => match crate::workbook::read(&path, &text, data_dir, &sf.survey, county) {
                    Ok(found) => found
                        .into_iter()
                        .enumerate()
                        .map(|(i, (cell, f, source))| {
                            cells.push(cell);
                            observation(
                                sf,
                                all_areas,
                                [&f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6]],
                                None,
                                None,
                            )
                            .map(|o| (i + 1, o, source))
                            .map_err(|reason| (i + 1, reason))
                        })
                        .collect(),
                    Err(mut e) => {
                        errors.append(&mut e);
                        continue;
                    }
                },
                "exempel-svar" => match example_respondents(&path, &text, sf, county) {
                    Ok(rows) => read_import(&rows, sf, all_areas),
                    Err(mut e) => {
                        errors.append(&mut e);
                        continue;
                    }
                },
                _ => read_import(&text, sf, all_areas),
            }
        };
        for item in parsed {
            match item {
                Err((line, reason)) => errors.push(err(&cells, line, reason)),
                Ok((line, o, _)) if absent.contains(&o.area) => {
                    errors.push(err(
                        &cells,
                        line,
                        format!(
                            "{} does not take part in {} ([[absent]] in its catalogue): no results for it",
                            all_areas[o.area].name, sf.survey.id
                        ),
                    ));
                }
                Ok((line, mut o, named)) => {
                    // Every row names its source in the catalogue, and is published with its one citation.
                    // Key figures cite their document and quote, checked with their file.
                    let source = match catalogue {
                        Some(c) if data.format != "key-figures" => match c.resolve(&named) {
                            Some(s) => s.citation(),
                            None => {
                                errors.push(err(
                                    &cells,
                                    line,
                                    format!(
                                        "the source '{named}' is not in {} (name a source by its id)",
                                        crate::sources::FILE
                                    ),
                                ));
                                continue;
                            }
                        },
                        _ if data.format == "can-public" => format!("CAN: {named}"),
                        _ => named,
                    };
                    o.example = data.status == Status::Exempeldata;
                    o.source = match sources.iter().position(|s| *s == source) {
                        Some(i) => i,
                        None => {
                            sources.push(source);
                            sources.len() - 1
                        }
                    };
                    let key = (o.indicator, o.year, o.area, o.grade, o.gender, o.answer);
                    if let Some(first) = seen.get(&key) {
                        errors.push(err(
                            &cells,
                            line,
                            format!("the same observation is already given at {first}"),
                        ));
                        continue;
                    }
                    seen.insert(
                        key,
                        cells
                            .get(line.wrapping_sub(1))
                            .cloned()
                            .unwrap_or_else(|| format!("{}:{line}", path.display())),
                    );
                    rows.push(&o);
                }
            }
        }
    }
    check_distributions(sf, all_areas, &rows, &seen, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    suppress(&mut rows, sf.threshold);
    // The explorer reads one indicator's rows by binary search (`StatTable::rows_of`).
    rows.sort();
    let status = if rows.example.iter().any(|&e| e) {
        Status::Exempeldata
    } else {
        Status::Official
    };
    Ok(StatTable {
        schema_version: SCHEMA_VERSION,
        survey: sf.survey.clone(),
        threshold: sf.threshold,
        status,
        areas: all_areas.to_vec(),
        sources,
        rows,
    })
}

/// The example results through the real import: the generator's synthetic
/// respondent file (made in memory, never written) counted by the codebook at
/// `path`, with disclosure control, into rows of the import format.
fn example_respondents(
    path: &Path,
    codebook: &str,
    sf: &SurveyFile,
    county: &Areas,
) -> Result<String, Vec<Diagnostic>> {
    let book = crate::respondents::codebook::load(path, codebook, &sf.survey)?;
    let (file, _) = crate::exempel::lupp_respondents(&sf.survey);
    let grid = crate::respondents::read::csv_text(&file).map_err(|reason| {
        vec![Diagnostic {
            file: path.to_path_buf(),
            line: 1,
            reason,
        }]
    })?;
    let imported =
        crate::respondents::import(&grid, "exempelsvar", &book, &sf.survey, sf.threshold, county).map_err(|e| {
            e.into_iter()
                .map(|reason| Diagnostic {
                    file: path.to_path_buf(),
                    line: 1,
                    reason,
                })
                .collect::<Vec<_>>()
        })?;
    Ok(imported.to_csv(&sf.survey, &book))
}

/// Removes the value of every row whose group has fewer than `threshold` respondents.
/// A row with unknown `n` (published national figures) is kept.
pub fn suppress(rows: &mut Rows, threshold: u32) {
    for i in 0..rows.len() {
        if rows.n[i].is_some_and(|n| n < threshold) {
            rows.value[i] = None;
        }
    }
}

type Parsed = Result<(usize, Observation, String), (usize, String)>;

fn read_import(text: &str, sf: &SurveyFile, areas: &[Area]) -> Vec<Parsed> {
    let mut out = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    match reader.headers() {
        Ok(h) if h.iter().map(str::trim).eq(IMPORT_HEADER) => {}
        Ok(h) => {
            let line = h.position().map_or(1, |p| p.line() as usize);
            return vec![Err((
                line,
                format!(
                    "expected the header '{}', found '{}'",
                    IMPORT_HEADER.join(","),
                    h.iter().collect::<Vec<_>>().join(",")
                ),
            ))];
        }
        Err(e) => return vec![Err((1, e.to_string()))],
    }
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.push(Err((e.position().map_or(1, |p| p.line() as usize), e.to_string())));
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        if record.len() != IMPORT_HEADER.len() {
            out.push(Err((
                line,
                format!("{} fields, expected {}", record.len(), IMPORT_HEADER.len()),
            )));
            continue;
        }
        let f = |i: usize| record[i].trim();
        let n = match f(7) {
            "" => Ok(None),
            t => t
                .parse::<u32>()
                .map(Some)
                .map_err(|_| format!("n '{t}' is not a whole number ≥ 0")),
        };
        let row = n.and_then(|n| observation(sf, areas, [f(0), f(1), f(2), f(3), f(4), f(5), f(6)], n, None));
        out.push(match row {
            Ok(_) if f(8).is_empty() => Err((line, "kalla (the source) is empty".into())),
            Ok(o) => Ok((line, o, f(8).to_string())),
            Err(reason) => Err((line, reason)),
        });
    }
    out
}

/// CAN's published figures as `sources/andts-public-figures.csv` has them.
fn read_can(text: &str, sf: &SurveyFile, areas: &[Area]) -> Vec<Parsed> {
    let mut out = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    match reader.headers() {
        Ok(h) if h.iter().eq(CAN_HEADER) => {}
        _ => return vec![Err((1, format!("expected the header '{}'", CAN_HEADER.join(","))))],
    }
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.push(Err((e.position().map_or(1, |p| p.line() as usize), e.to_string())));
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        let area = match &record[0] {
            "riket" => NATION,
            "kalmar_lan" => COUNTY,
            other => {
                out.push(Err((line, format!("unknown scope '{other}'"))));
                continue;
            }
        };
        let unit_ok = |u: StatUnit| match u {
            StatUnit::Percent => &record[6] == "procent",
            StatUnit::Litres => record[6].starts_with("liter"),
            StatUnit::Count => false,
        };
        let approx = (&record[7] == "1").then_some(Approx::Ca);
        let row = observation(
            sf,
            areas,
            [&record[1], &record[2], area, &record[3], &record[4], "", &record[5]],
            None,
            approx,
        )
        .and_then(|o| {
            if unit_ok(sf.survey.indicators[o.indicator].unit) {
                Ok(o)
            } else {
                Err(format!(
                    "unit '{}' is not the catalogue's unit for {}",
                    &record[6], &record[1]
                ))
            }
        });
        out.push(match row {
            Ok(o) => Ok((line, o, record[8].to_string())),
            Err(reason) => Err((line, reason)),
        });
    }
    out
}

/// The key figures each indicator names, as county-wide observations for the
/// year each figure states, with its hedge word and its document, section and
/// quote as source. Lines are the indicators' lines in the catalogue.
fn read_figures(dataset: &Dataset, sf: &SurveyFile, areas: &[Area]) -> Vec<Parsed> {
    let mut out = Vec::new();
    for (indicator, (ids, line)) in sf.figures.iter().enumerate() {
        let ind = &sf.survey.indicators[indicator];
        for id in ids {
            let Some(f) = dataset.figures.iter().find(|f| f.id == *id) else {
                out.push(Err((
                    *line,
                    format!("indicator '{}': no key figure '{id}' in {}", ind.id, dataset.id),
                )));
                continue;
            };
            if f.value_high.is_some() {
                out.push(Err((
                    *line,
                    format!("indicator '{}': key figure '{id}' is a range, not one value", ind.id),
                )));
                continue;
            }
            let unit_ok = matches!(
                (f.unit, ind.unit),
                (Unit::Count, StatUnit::Count) | (Unit::Percent, StatUnit::Percent)
            );
            if !unit_ok {
                out.push(Err((
                    *line,
                    format!(
                        "indicator '{}': key figure '{id}' is not in the indicator's unit",
                        ind.id
                    ),
                )));
                continue;
            }
            let year = f.year.to_string();
            let value = f.value.to_string();
            let grade = sf.survey.grades.last().map_or("", String::as_str);
            let row = observation(
                sf,
                areas,
                [&ind.id, &year, COUNTY, grade, "alla", "", &value],
                None,
                f.approx,
            );
            let doc = dataset.sources.iter().find(|d| d.id == f.source.doc);
            let quote: Vec<&str> = f.source.quote.split_whitespace().collect();
            let source = match doc {
                Some(d) => format!(
                    "{} ({}), {}: ”{}”",
                    d.title,
                    d.publisher,
                    f.source.section,
                    quote.join(" ")
                ),
                None => format!("{}, {}", f.source.doc, f.source.section),
            };
            out.push(
                row.map(|o| (*line, o, source))
                    .map_err(|reason| (*line, format!("indicator '{}', key figure '{id}': {reason}", ind.id))),
            );
        }
    }
    out
}

/// Checks one row's fields: [indikator, ar, omrade, arskurs, kon, svar, varde].
fn observation(
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
fn check_distributions(sf: &SurveyFile, areas: &[Area], rows: &Rows, seen: &Seen, errors: &mut Vec<Diagnostic>) {
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
