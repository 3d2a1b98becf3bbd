//! The explorer's download: exactly the rows shown, as CSV, and a file name
//! that says what it holds.

use super::*;
use crate::stats::{Observation, StatTable, StatUnit, GENDERS, GRADES};

pub use crate::csv::CsvFlavour;

/// Exactly the rows shown, with a header naming source and status. UTF-8 with BOM.
pub fn to_csv(table: &StatTable, s: &ExplorerState, rows: &[Observation], flavour: CsvFlavour) -> String {
    let ind = &table.survey.indicators[s.indicator];
    let quote = |t: &str| flavour.cell(t);
    let mut out = String::from("\u{feff}");
    let example = rows.iter().any(|o| o.example);
    if example {
        out.push_str("# EXEMPELDATA – INTE VERKLIGA RESULTAT\n");
    }
    out.push_str(&format!(
        "# {} – {} ({})\n",
        quote(&table.survey.title),
        quote(&ind.label),
        ind.definition.replace('\n', " ")
    ));
    // The publisher is named for real rows only: nobody published the example values.
    let real = rows.iter().any(|o| !o.example);
    match (real, example) {
        (true, false) => out.push_str(&format!("# Utgivare: {}.", table.survey.publisher)),
        (true, true) => out.push_str(&format!(
            "# Utgivare av de verkliga raderna: {}. Raderna med exempeldata = ja är påhittade.",
            table.survey.publisher
        )),
        _ => out.push_str("# Ingen utgivare: alla värden är påhittade exempel."),
    }
    if table.has_respondents() {
        out.push_str(&format!(
            " Värden visas inte (..) för grupper med färre än {} svarande, och inte heller där de kunde räknas fram ur värden som visas.",
            table.threshold
        ));
    }
    out.push_str(" Kolumnen ungefär har källans ord för ett ungefärligt värde (ca, drygt …).\n");
    let header = [
        "indikator",
        "år",
        "område",
        "områdeskod",
        "årskurs",
        "kön",
        "svar",
        "värde",
        "ungefär",
        "enhet",
        "n",
        "exempeldata",
        "källa",
    ];
    out.push_str(&header.join(&flavour.separator().to_string()));
    out.push('\n');
    for o in rows {
        let value = o.value.map(|v| flavour.number(v));
        let unit = match ind.unit {
            StatUnit::Percent => "procent",
            StatUnit::Litres => "liter ren alkohol per år",
            StatUnit::Count => "antal",
        };
        let cells = [
            ind.id.clone(),
            o.year.to_string(),
            table.areas[o.area].name.clone(),
            table.areas[o.area].code.clone(),
            GRADES[o.grade].to_string(),
            GENDERS[o.gender].to_string(),
            o.answer.map(|a| ind.answers[a].clone()).unwrap_or_default(),
            value.unwrap_or_else(|| "..".into()),
            o.approx.map(|a| a.word().to_string()).unwrap_or_default(),
            unit.to_string(),
            o.n.map(|n| n.to_string()).unwrap_or_default(),
            if o.example { "ja" } else { "nej" }.to_string(),
            table.sources[o.source].clone(),
        ];
        out.push_str(&flavour.line(&cells));
    }
    out
}

/// A file name that says what the download holds: "andts-rokning-gy2-08-00.csv".
pub fn file_name(table: &StatTable, s: &ExplorerState, ext: &str) -> String {
    let codes: Vec<&str> = s.areas.iter().map(|&a| table.areas[a].code.as_str()).collect();
    let mut name = format!("{}-{}", table.survey.id, table.survey.indicators[s.indicator].id);
    if table.by_grade() {
        name.push_str(&format!("-{}", GRADES[s.grade]));
    }
    name.push_str(&format!("-{}", codes.join("-")));
    if let Some(g) = s.gender.filter(|&g| g != 0) {
        name.push_str(&format!("-{}", GENDERS[g]));
    }
    if s.gender.is_none() {
        name.push_str("-flickor-pojkar");
    }
    if let (Some(f), Some(t)) = (s.from, s.to) {
        name.push_str(&format!("-{f}-{t}"));
    }
    format!("{}.{ext}", name.replace('_', "-"))
}
