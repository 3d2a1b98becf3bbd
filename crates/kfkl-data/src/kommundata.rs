//! Everything a municipality's report draws on, for download in one go:
//! `kommun-<slug>.csv` (for Excel in Swedish settings) and
//! `kommun-<slug>.xlsx` (a sheet per survey, after a sheet that says what the
//! data are). Every row names its status (example data or real) and its
//! source. Written at build time, so the browser only links to them.

use kfkl_core::csv::CsvFlavour;
use kfkl_core::explorer::grade_label;
use kfkl_core::kommunrapport::Kommunrapport;
use kfkl_core::stats::{StatTable, StatUnit, COUNTY, NATION};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// The columns of both files.
pub const HEADER: [&str; 12] = [
    "Undersökning",
    "Tema",
    "Indikator",
    "Årskurs",
    "Område",
    "År",
    "Värde",
    "Enhet",
    "Svarande (n)",
    "Anmärkning",
    "Uppgift",
    "Källa",
];

/// One published value as the files give it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub survey: String,
    pub theme: String,
    pub indicator: String,
    pub grade: &'static str,
    pub area: String,
    pub year: u16,
    /// `None`: suppressed.
    pub value: Option<f64>,
    pub unit: &'static str,
    /// The source's hedge word, "drygt", where it has one.
    pub approx: Option<String>,
    pub n: Option<u32>,
    pub example: bool,
    pub source: String,
}

/// The rows of one survey part: its sheet's name and rows.
pub struct Part {
    pub sheet: String,
    pub title: String,
    pub threshold: u32,
    pub rows: Vec<Row>,
}

/// The rows behind every card of the report: for each of its indicators and
/// grades, every round of the municipality, the county and the nation.
pub fn parts(report: &Kommunrapport, tables: &[StatTable]) -> Vec<Part> {
    report
        .surveys
        .iter()
        .filter_map(|part| {
            let table = tables.iter().find(|t| t.survey.id == part.id)?;
            let area = |code: &str| table.areas.iter().position(|a| a.code == code);
            let places: Vec<usize> = [area(&report.code), area(COUNTY), area(NATION)]
                .into_iter()
                .flatten()
                .collect();
            let mut rows = Vec::new();
            for k in &part.indicators {
                let Some(i) = table.survey.indicators.iter().position(|x| x.id == k.id) else {
                    continue;
                };
                let Some(g) = (0..4).find(|&g| grade_label(g) == k.grade) else {
                    continue;
                };
                let ind = &table.survey.indicators[i];
                for &place in &places {
                    let mut found: Vec<_> = table
                        .rows_of(i)
                        .map(|r| table.rows.get(r))
                        .filter(|o| o.grade == g && o.gender == 0 && o.answer.is_none() && o.area == place)
                        .collect();
                    found.sort_by_key(|o| o.year);
                    rows.extend(found.into_iter().map(|o| Row {
                        survey: part.title.clone(),
                        theme: ind.theme.clone(),
                        indicator: ind.label.clone(),
                        grade: grade_label(g),
                        area: table.areas[o.area].name.clone(),
                        year: o.year,
                        value: o.value,
                        unit: unit(ind.unit),
                        approx: o.approx.map(|a| {
                            serde_json::to_value(a)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_string))
                                .unwrap_or_default()
                        }),
                        n: o.n,
                        example: o.example,
                        source: table.sources[o.source].clone(),
                    }));
                }
            }
            Some(Part {
                sheet: part.title.split([' ', '–']).next().unwrap_or("Data").to_string(),
                title: part.title.clone(),
                threshold: part.threshold,
                rows,
            })
        })
        .collect()
}

fn unit(u: StatUnit) -> &'static str {
    match u {
        StatUnit::Percent => "procent",
        StatUnit::Litres => "liter ren alkohol per år",
        StatUnit::Count => "antal",
    }
}

fn status(example: bool) -> &'static str {
    if example {
        "Exempeldata"
    } else {
        "Verklig"
    }
}

/// What a row's remark says: why a value is missing, or that it is rounded by its source.
fn remark(row: &Row, threshold: u32) -> String {
    match (&row.value, &row.approx) {
        (None, _) => format!("Färre än {threshold} svarande, värdet visas inte"),
        (Some(_), Some(word)) => format!("Källan skriver ”{word}”"),
        _ => String::new(),
    }
}

/// The lines that say what the files hold, above the CSV's rows and on the workbook's first sheet.
fn about(report: &Kommunrapport, parts: &[Part]) -> Vec<String> {
    let example = parts.iter().flat_map(|p| &p.rows).any(|r| r.example);
    let mut lines = vec![format!(
        "{} kommun: alla uppgifter i kommunrapporten, med länet och riket",
        report.name
    )];
    if example {
        lines.push("EXEMPELDATA – INTE VERKLIGA RESULTAT. Kommunernas och länets resultat är påhittade exempel tills förbundets verkliga filer finns; kolumnen Uppgift säger vilka rader som är verkliga.".into());
    }
    lines.push("Kolumnen Källa anger varifrån varje rad kommer.".into());
    lines
}

/// All parts as one CSV for Excel in Swedish settings (semicolons, decimal commas).
pub fn csv(report: &Kommunrapport, parts: &[Part]) -> String {
    let flavour = CsvFlavour::SwedishExcel;
    let mut out = String::from("\u{feff}");
    for line in about(report, parts) {
        out.push_str(&format!("# {line}\n"));
    }
    out.push_str(&flavour.line(&HEADER.map(String::from)));
    for p in parts {
        for r in &p.rows {
            let value = r.value.map_or("..".to_string(), |v| flavour.number(v));
            let n = r.n.map(|n| n.to_string()).unwrap_or_default();
            let cells = [
                &r.survey,
                &r.theme,
                &r.indicator,
                r.grade,
                &r.area,
                &r.year.to_string(),
                &value,
                r.unit,
                &n,
                &remark(r, p.threshold),
                status(r.example),
                &r.source,
            ];
            out.push_str(&flavour.line(&cells.map(|c| c.to_string())));
        }
    }
    out
}

/// The workbook: "Om uppgifterna", then a sheet per survey with a header row
/// frozen and filters on, numbers as numbers.
pub fn xlsx(report: &Kommunrapport, parts: &[Part]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed date, as the zip's own entries have: the same sources give the same bytes.
    let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("{} kommun – kommunrapportens uppgifter", report.name))
            .set_author("Kommunförbundet Kalmar län")
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let warning = Format::new().set_bold().set_font_color("9B1C1C");
    let about_sheet = book.add_worksheet().set_name("Om uppgifterna")?;
    for (i, line) in about(report, parts).iter().enumerate() {
        let format = if line.starts_with("EXEMPELDATA") {
            &warning
        } else if i == 0 {
            &bold
        } else {
            &Format::new()
        };
        about_sheet.write_string_with_format(i as u32, 0, line, format)?;
    }
    about_sheet.set_column_width(0, 120)?;
    for p in parts {
        let sheet = book.add_worksheet().set_name(&p.sheet)?;
        for (c, h) in HEADER.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        for (i, r) in p.rows.iter().enumerate() {
            let row = i as u32 + 1;
            for (c, text) in [
                (0, r.survey.as_str()),
                (1, r.theme.as_str()),
                (2, r.indicator.as_str()),
                (3, r.grade),
                (4, r.area.as_str()),
                (7, r.unit),
                (10, status(r.example)),
                (11, r.source.as_str()),
            ] {
                sheet.write_string(row, c, text)?;
            }
            sheet.write_number(row, 5, f64::from(r.year))?;
            match r.value {
                Some(v) => sheet.write_number(row, 6, v)?,
                None => sheet.write_string(row, 6, "..")?,
            };
            if let Some(n) = r.n {
                sheet.write_number(row, 8, f64::from(n))?;
            }
            let remark = remark(r, p.threshold);
            if !remark.is_empty() {
                sheet.write_string(row, 9, &remark)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, p.rows.len() as u32, HEADER.len() as u16 - 1)?;
        for (c, width) in [24, 18, 36, 8, 14, 6, 8, 10, 12, 30, 12, 50].into_iter().enumerate() {
            sheet.set_column_width(c as u16, width)?;
        }
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Kommunrapport {
        Kommunrapport {
            schema_version: 1,
            code: "0834".into(),
            name: "Torsås".into(),
            slug: "torsas".into(),
            status: kfkl_core::model::Status::Exempeldata,
            surveys: vec![],
            passages: vec![],
            county_wide: vec![],
        }
    }

    fn row(area: &str, value: Option<f64>, example: bool) -> Row {
        Row {
            survey: "ANDTS".into(),
            theme: "Tobak och nikotin".into(),
            indicator: "Röker".into(),
            grade: "åk 9",
            area: area.into(),
            year: 2023,
            value,
            unit: "procent",
            approx: None,
            n: value.map(|_| 52),
            example,
            source: if example {
                "Exempeldata".into()
            } else {
                "CAN 2023".into()
            },
        }
    }

    #[test]
    fn the_csv_has_swedish_headers_a_status_and_a_source_on_every_row() {
        let parts = [Part {
            sheet: "ANDTS".into(),
            title: "ANDTS".into(),
            threshold: 10,
            rows: vec![
                row("Torsås", Some(12.5), true),
                row("Torsås", None, true),
                row("Riket", Some(9.0), false),
            ],
        }];
        let csv = csv(&report(), &parts);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].starts_with("\u{feff}# Torsås kommun"), "{csv}");
        assert!(lines[1].starts_with("# EXEMPELDATA"), "{csv}");
        // (line, expected)
        for (line, expected) in [
            (3, "Undersökning;Tema;Indikator;Årskurs;Område;År;Värde;Enhet;Svarande (n);Anmärkning;Uppgift;Källa"),
            (4, "ANDTS;Tobak och nikotin;Röker;åk 9;Torsås;2023;12,5;procent;52;;Exempeldata;Exempeldata"),
            (5, "ANDTS;Tobak och nikotin;Röker;åk 9;Torsås;2023;..;procent;;Färre än 10 svarande, värdet visas inte;Exempeldata;Exempeldata"),
            (6, "ANDTS;Tobak och nikotin;Röker;åk 9;Riket;2023;9;procent;52;;Verklig;CAN 2023"),
        ] {
            assert_eq!(lines[line], expected);
        }
    }

    #[test]
    fn the_workbook_is_an_xlsx_and_the_same_bytes_every_time() {
        let parts = [Part {
            sheet: "ANDTS".into(),
            title: "ANDTS".into(),
            threshold: 10,
            rows: vec![row("Torsås", Some(12.5), true)],
        }];
        let a = xlsx(&report(), &parts).unwrap();
        assert_eq!(&a[..2], b"PK", "a zip");
        assert_eq!(a, xlsx(&report(), &parts).unwrap());
    }
}
