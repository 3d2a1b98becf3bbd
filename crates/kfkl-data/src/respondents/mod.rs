//! Respondent files (*svarsfiler*: one row per pupil, one column per question,
//! answers as codes) → aggregated rows in the import format, with disclosure
//! control. The files are personal data about pupils: this code reads one from
//! the path it is given and writes only the aggregated, controlled rows; the
//! file itself never enters the repository or the site. The import command
//! (`--bin import`) and the data build (the example LUPP results, from a
//! synthetic file) both come through `import`.

pub mod aggregate;
pub mod codebook;
pub mod disclosure;
pub mod read;

use std::collections::BTreeMap;
use std::fmt::Write;

use kfkl_core::model::Areas;
use kfkl_core::stats::{Survey, COUNTY, COUNTY_NAME, GENDERS, GRADES};

use aggregate::{CellKey, Counted};
use codebook::{Codebook, Sex};
use disclosure::Reason;

/// A respondent file counted and controlled, ready to be written.
pub struct Import {
    pub counted: Counted,
    pub hidden: BTreeMap<CellKey, Reason>,
    pub threshold: u32,
    /// Respondent rows in the file.
    pub rows: usize,
}

/// Counts `grid` by `book` and hides what must not be shown. Errors are
/// `file:row:column: reason`; any error stops the import.
pub fn import(
    grid: &read::Grid,
    file: &str,
    book: &Codebook,
    survey: &Survey,
    threshold: u32,
    areas: &Areas,
) -> Result<Import, Vec<String>> {
    let counted = aggregate::count(grid, book, areas, survey);
    if !counted.errors.is_empty() {
        return Err(counted.errors.iter().map(|e| format!("{file}:{e}")).collect());
    }
    let hidden = disclosure::hide(&counted.cells, threshold);
    Ok(Import {
        counted,
        hidden,
        threshold,
        rows: grid.rows.len(),
    })
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

impl Import {
    /// The aggregated rows in the import format (`results.rs`), a hidden value as "..".
    /// No respondent-level value is in them: only counts of groups, as shares.
    pub fn to_csv(&self, survey: &Survey, book: &Codebook) -> String {
        let mut out = String::new();
        writeln!(
            out,
            "# {} – aggregerat ur en svarsfil med kodboken; dolda värden (röjandekontroll) står som ”..”.",
            book.source
        )
        .unwrap();
        writeln!(
            out,
            "# Skrivet av: cargo run -p kfkl-data --bin import -- svar. Ändra inte för hand."
        )
        .unwrap();
        writeln!(out, "{}", crate::results::IMPORT_HEADER.join(",")).unwrap();
        let mut cells: Vec<(&CellKey, &aggregate::Cell)> = self.counted.cells.iter().collect();
        // By indicator in the catalogue's order, then round, area, grade and gender.
        cells.sort_by(|a, b| (a.0 .4, a.0 .0, &a.0 .2, a.0 .1, a.0 .3).cmp(&(b.0 .4, b.0 .0, &b.0 .2, b.0 .1, b.0 .3)));
        let quote = |s: &str| {
            if s.contains([',', '"']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        };
        for ((year, grade, area, gender, indicator), cell) in cells {
            let ind = &survey.indicators[*indicator];
            let hidden = self
                .hidden
                .contains_key(&(*year, *grade, area.clone(), *gender, *indicator));
            let answers: Vec<String> = if ind.answers.is_empty() {
                vec![String::new()]
            } else {
                ind.answers.clone()
            };
            for (k, answer) in answers.iter().enumerate() {
                let value = if hidden {
                    "..".to_string()
                } else {
                    round1(f64::from(cell.counts[k]) / f64::from(cell.n) * 100.0).to_string()
                };
                writeln!(
                    out,
                    "{},{year},{area},{},{},{},{value},{},{}",
                    ind.id,
                    GRADES[*grade],
                    GENDERS[*gender],
                    quote(answer),
                    cell.n,
                    quote(&book.source)
                )
                .unwrap();
            }
        }
        out
    }

    /// What the dry run prints (Swedish: the association's editors read it).
    pub fn report(&self, survey: &Survey, areas: &Areas) -> String {
        let mut out = String::new();
        let name = |code: &str| {
            if code == COUNTY {
                COUNTY_NAME.to_string()
            } else {
                areas.find(code).map_or(code.to_string(), |m| m.name.clone())
            }
        };
        writeln!(out, "{} svarande i filen.", self.rows).unwrap();
        writeln!(out, "\nSvarande per kommun, årskurs och kön:").unwrap();
        writeln!(
            out,
            "  {:<6} {:<14} {:<8} {:>8} {:>8} {:>8} {:>8}",
            "år", "kommun", "årskurs", "flickor", "pojkar", "övriga", "alla"
        )
        .unwrap();
        let mut groups: BTreeMap<(u16, String, usize), [u32; 3]> = BTreeMap::new();
        for ((year, grade, code, sex), n) in &self.counted.respondents {
            let slot = match sex {
                Sex::Girl => 0,
                Sex::Boy => 1,
                Sex::Other => 2,
            };
            groups.entry((*year, name(code), *grade)).or_default()[slot] += n;
        }
        for ((year, place, grade), [girls, boys, others]) in &groups {
            writeln!(
                out,
                "  {year:<6} {place:<14} {:<8} {girls:>8} {boys:>8} {others:>8} {:>8}",
                GRADES[*grade],
                girls + boys + others
            )
            .unwrap();
        }
        if !self.counted.outside.is_empty() {
            let list: Vec<String> = self.counted.outside.iter().map(|(k, n)| format!("{k}: {n}")).collect();
            writeln!(
                out,
                "\nUtanför länet, räknas inte med (inte heller i länet): {}.",
                list.join(", ")
            )
            .unwrap();
        }
        if !self.counted.without_municipality.is_empty() {
            let rows: Vec<String> = self.counted.without_municipality.iter().map(usize::to_string).collect();
            writeln!(
                out,
                "\nUtan kommun, räknas inte med: {} svarande (rad {}).",
                rows.len(),
                rows.join(", ")
            )
            .unwrap();
        }
        writeln!(
            out,
            "\nDolda värden (röjandekontroll, tröskel {}): {} av {} grupper.",
            self.threshold,
            self.hidden.len(),
            self.counted.cells.len()
        )
        .unwrap();
        let others = self.hidden.values().filter(|r| matches!(r, Reason::Others(_))).count();
        if others > 0 {
            writeln!(out, "  Varav {others} för att eleverna som inte svarat flicka eller pojke är få. Med kon.ovriga_i_alla = false i kodboken räknas de inte i alla, och flickor och pojkar kan visas (IMPORT.md).").unwrap();
        }
        for ((year, grade, code, gender, indicator), reason) in &self.hidden {
            writeln!(
                out,
                "  {} {year} {} {} {}: {}",
                survey.indicators[*indicator].id,
                name(code),
                GRADES[*grade],
                GENDERS[*gender],
                reason.text(self.threshold)
            )
            .unwrap();
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::Path;

    use kfkl_core::model::{Areas, Municipality};
    use kfkl_core::stats::{Indicator, StatUnit, Survey};

    use super::*;

    /// A codebook for `catalogue()`: f1 a share (trygg), f2 a distribution (fritid).
    pub const CODEBOOK: &str = r#"enkat = "lupp"
kalla = "LUPP 2024, svarsfil"
ar = 2024
ej_svar = [9]
[kolumner]
kommun = "kommun"
arskurs = "arskurs"
kon = "kon"
[kommun]
varden = "kod"
utanfor_lanet = ["0686"]
[arskurs]
ak8 = [1]
gy2 = [2]
[[fraga]]
kolumn = "f1"
indikator = "trygg"
andel = [1, 2]
koder = [1, 2, 3, 4]
[[fraga]]
kolumn = "f2"
indikator = "fritid"
fordelning = [1, 2, 3]
ej_svar = [8]
[kon]
flicka = [1]
pojke = [2]
ovriga = [3]
"#;

    pub fn catalogue() -> Survey {
        let indicator = |id: &str, answers: &[&str]| Indicator {
            id: id.into(),
            label: id.into(),
            theme: "T".into(),
            unit: StatUnit::Percent,
            question: None,
            answers: answers.iter().map(|a| a.to_string()).collect(),
            definition: "D".into(),
            source: "S".into(),
            breaks: Vec::new(),
        };
        Survey {
            id: "lupp".into(),
            title: "LUPP".into(),
            publisher: "MUCF".into(),
            route: "/statistik/lupp".into(),
            method: "M".into(),
            method_source: "S".into(),
            grades: vec!["ak8".into(), "gy2".into()],
            indicators: vec![
                indicator("trygg", &[]),
                indicator("fritid", &["Mycket", "Lagom", "För lite"]),
            ],
            absent: Vec::new(),
        }
    }

    pub fn areas() -> Areas {
        let m = |code: &str, name: &str| Municipality {
            code: code.into(),
            name: name.into(),
            slug: kfkl_core::model::slug(name),
        };
        Areas {
            schema_version: 1,
            source: "S".into(),
            municipalities: vec![m("0834", "Torsås"), m("0880", "Kalmar"), m("0881", "Nybro")],
        }
    }

    pub fn book() -> Codebook {
        codebook::load(Path::new("k.toml"), CODEBOOK, &catalogue()).expect("the test codebook is valid")
    }

    #[test]
    fn the_rows_written_hold_shares_of_groups_and_hide_what_must_be_hidden() {
        // Kalmar: 12 girls and 12 boys; Torsås: 3 girls (hidden); Nybro: 15 girls.
        let mut rows = String::from("kommun,arskurs,kon,f1,f2\n");
        for i in 0..24 {
            rows.push_str(&format!("0880,2,{},{},{}\n", 1 + i % 2, 1 + i % 4, 1 + i % 3));
        }
        for _ in 0..3 {
            rows.push_str("0834,2,1,1,1\n");
        }
        for _ in 0..15 {
            rows.push_str("0881,2,1,3,2\n");
        }
        let grid = read::csv_text(&rows).unwrap();
        let imported = import(&grid, "svar.csv", &book(), &catalogue(), 10, &areas()).expect("imports");
        let csv = imported.to_csv(&catalogue(), &book());
        let line = |prefix: &str| {
            csv.lines()
                .find(|l| l.starts_with(prefix))
                .unwrap_or_else(|| panic!("{prefix}\n{csv}"))
                .to_string()
        };
        assert_eq!(
            line("trygg,2024,0880,gy2,alla"),
            "trygg,2024,0880,gy2,alla,,50,24,\"LUPP 2024, svarsfil\""
        );
        assert_eq!(
            line("trygg,2024,0834,gy2,alla"),
            "trygg,2024,0834,gy2,alla,,..,3,\"LUPP 2024, svarsfil\""
        );
        assert_eq!(
            line("trygg,2024,0881,gy2,alla,"),
            "trygg,2024,0881,gy2,alla,,..,15,\"LUPP 2024, svarsfil\""
        );
        assert_eq!(
            line("trygg,2024,08,gy2,alla"),
            "trygg,2024,08,gy2,alla,,35.7,42,\"LUPP 2024, svarsfil\""
        );
        assert_eq!(
            line("fritid,2024,0880,gy2,alla,Lagom"),
            "fritid,2024,0880,gy2,alla,Lagom,33.3,24,\"LUPP 2024, svarsfil\""
        );
        // Torsås' 3 girls are hidden; Kalmar's 12 girls would give them away through the county, and then its boys through alla.
        assert_eq!(
            line("fritid,2024,0880,gy2,flickor,Lagom"),
            "fritid,2024,0880,gy2,flickor,Lagom,..,12,\"LUPP 2024, svarsfil\""
        );
        assert_eq!(
            line("fritid,2024,0880,gy2,pojkar,Lagom"),
            "fritid,2024,0880,gy2,pojkar,Lagom,..,12,\"LUPP 2024, svarsfil\""
        );
        let report = imported.report(&catalogue(), &areas());
        assert!(
            report.contains("  trygg 2024 Torsås gy2 alla: färre än 10 svarande (n = 3)"),
            "{report}"
        );
        assert!(
            report
                .contains("  trygg 2024 Nybro gy2 alla: den enda andra dolda kommunen skulle gå att räkna ut ur länet"),
            "{report}"
        );
    }

    #[test]
    fn an_error_anywhere_stops_the_import() {
        let grid = read::csv_text("kommun,arskurs,kon,f1,f2\n0880,2,1,1,1\n0880,2,1,7,1\n").unwrap();
        let errors = import(&grid, "svar.csv", &book(), &catalogue(), 10, &areas())
            .err()
            .expect("fails");
        assert_eq!(errors, ["svar.csv:3:f1: '7' is not a code of trygg (codebook line 15)"]);
    }
}
