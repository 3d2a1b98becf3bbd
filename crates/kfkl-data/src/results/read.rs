//! Each data format read into rows checked one by one: the import format, CAN's published
//! figures and the key figures of `figures/`. Each row is checked by `row::observation`.

use kfkl_core::model::{Approx, Dataset, Unit};
use kfkl_core::stats::{Area, StatUnit, COUNTY, NATION};

use super::row::observation;
use super::{Parsed, IMPORT_HEADER};
use crate::statistics::SurveyFile;

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

pub(super) fn read_import(text: &str, sf: &SurveyFile, areas: &[Area]) -> Vec<Parsed> {
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
pub(super) fn read_can(text: &str, sf: &SurveyFile, areas: &[Area]) -> Vec<Parsed> {
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
pub(super) fn read_figures(dataset: &Dataset, sf: &SurveyFile, areas: &[Area]) -> Vec<Parsed> {
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
