//! Example data (`cargo run -p kfkl-data --bin exempeldata` writes it):
//! `statistik/exempel-andts.csv` in the import format, as CAN's tables would
//! give it, and the codebook `statistik/kodbocker/exempel-lupp.toml` of a
//! synthetic LUPP respondent file, which the data build makes in memory and
//! imports as the association's real file would be. **These are not real
//! results.** Municipal ANDTS and LUPP results are not available to the site
//! yet; they show how the explorer works until the association drops in its
//! real files.
//!
//! Deterministic: a fixed seed and a fixed order give the same bytes every run
//! (a test checks that the committed files are this program's output). Every
//! value is drawn around a made-up level per indicator; group sizes `n` vary by
//! municipality and some fall under the suppression threshold on purpose. The
//! county rows are the n-weighted mean of the municipal rows. Vimmerby is left
//! out of ANDTS, as it does not take part in the county's survey.

use std::fmt::Write;

use crate::results::IMPORT_HEADER;

mod lupp;
pub use lupp::{lupp_respondents, timing_file};

const SEED: u64 = 2025;
const SOURCE: &str = "EXEMPELDATA – påhittade värden – inte verkliga resultat";

/// splitmix64: tiny, well known, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [-1, 1).
    fn noise(&mut self) -> f64 {
        self.next() * 2.0 - 1.0
    }
}

/// (code, cohort size of one grade, as a made-up size class)
const MUNICIPALITIES: [(&str, u32); 12] = [
    ("0821", 55),
    ("0834", 70),
    ("0840", 160),
    ("0860", 140),
    ("0861", 130),
    ("0862", 95),
    ("0880", 720),
    ("0881", 210),
    ("0882", 290),
    ("0883", 330),
    ("0884", 150),
    ("0885", 100),
];

/// A share indicator: (id, level in åk 8/9, level in gy 2, unit is litres, first year asked)
type Share = (&'static str, f64, f64, bool, u16);

const ANDTS: [Share; 10] = [
    ("alkohol_senaste_12_man", 40.0, 70.0, false, 2015),
    ("berusad_minst_en_gang_i_manaden", 7.0, 20.0, false, 2015),
    ("intensivkonsumtion", 10.0, 30.0, false, 2015),
    ("alkohol_arskonsumtion", 1.0, 3.0, true, 2015),
    ("rokning", 9.0, 20.0, false, 2015),
    ("snus", 11.0, 24.0, false, 2015),
    ("vitt_snus_senaste_30_dagar", 12.0, 22.0, false, 2021),
    ("e_cigaretter", 15.0, 25.0, false, 2015),
    ("narkotika_nagon_gang", 6.0, 15.0, false, 2015),
    ("spel_om_pengar_senaste_12_man", 20.0, 30.0, false, 2015),
];

/// One generated row before it is written.
struct Row {
    indicator: &'static str,
    year: u16,
    area: String,
    grade: &'static str,
    gender: &'static str,
    answer: String,
    value: f64,
    n: u32,
}

/// `can_public`: `sources/andts-public-figures.csv`; `press`: the municipal
/// figures of `statistik/andts-press.csv` (import format). Where either has a
/// real figure for a group, the example data has none: a real figure is never
/// overwritten by an invented one.
pub fn andts(can_public: &str, press: &str) -> String {
    let mut rng = Rng(SEED);
    let years: Vec<u16> = (2015..=2023).step_by(2).collect();
    let places: Vec<(&str, u32)> = MUNICIPALITIES.iter().copied().filter(|(c, _)| *c != "0884").collect();
    let mut rows = shares(&mut rng, &ANDTS, &years, &["ak9", "gy2"], &places);
    add_county(&mut rows);
    let real = real_county_groups(can_public);
    rows.retain(|r| {
        !(r.area == "08"
            && real.contains(&(
                r.indicator.to_string(),
                r.year,
                r.grade.to_string(),
                r.gender.to_string(),
            )))
    });
    // (indicator, year, area, grade, gender) of each press row.
    let pressed: Vec<(String, u16, String, String, String)> = press
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("indikator,"))
        .filter_map(|l| {
            let f: Vec<&str> = l.splitn(6, ',').collect();
            Some((
                f.first()?.to_string(),
                f.get(1)?.parse().ok()?,
                f.get(2)?.to_string(),
                f.get(3)?.to_string(),
                f.get(4)?.to_string(),
            ))
        })
        .collect();
    rows.retain(|r| {
        !pressed.contains(&(
            r.indicator.to_string(),
            r.year,
            r.area.clone(),
            r.grade.to_string(),
            r.gender.to_string(),
        ))
    });
    render("ANDTS (CAN:s skolundersökning), årskurs 9 och gymnasiet år 2", &rows)
}

/// (indicator, year, grade, gender) of each county row in CAN's published figures.
fn real_county_groups(can_public: &str) -> Vec<(String, u16, String, String)> {
    can_public
        .lines()
        .filter(|l| l.starts_with("kalmar_lan,"))
        .filter_map(|l| {
            let f: Vec<&str> = l.splitn(6, ',').collect();
            Some((
                f.get(1)?.to_string(),
                f.get(2)?.parse().ok()?,
                f.get(3)?.to_string(),
                f.get(4)?.to_string(),
            ))
        })
        .collect()
}

/// Group sizes: all, girls, boys. Gymnasiet år 2 answers less often, so small
/// municipalities get groups under the suppression threshold there.
fn genders(rng: &mut Rng, size: u32, grade: &str) -> [(&'static str, u32); 3] {
    let rate = if grade == "gy2" {
        0.45 + 0.2 * rng.next()
    } else {
        0.75 + 0.2 * rng.next()
    };
    let rate = if size < 80 && grade == "gy2" { rate * 0.25 } else { rate };
    let all = (size as f64 * rate).round() as u32;
    let girls = (all as f64 * (0.45 + 0.1 * rng.next())).round() as u32;
    [("alla", all), ("flickor", girls), ("pojkar", all - girls)]
}

fn shares(
    rng: &mut Rng,
    indicators: &[Share],
    years: &[u16],
    grades: &[&'static str],
    places: &[(&str, u32)],
) -> Vec<Row> {
    let mut rows = Vec::new();
    for &(id, low, high, litres, since) in indicators {
        for &year in years.iter().filter(|&&y| y >= since) {
            for (g, &grade) in grades.iter().enumerate() {
                let level = if g == 0 { low } else { high };
                for &(code, size) in places {
                    let local = level * (1.0 + 0.25 * rng.noise());
                    for (gender, n) in genders(rng, size, grade) {
                        let v = local * (1.0 + 0.12 * rng.noise());
                        let value = if litres {
                            round1(v.max(0.1))
                        } else {
                            round1(v.clamp(1.0, 99.0))
                        };
                        rows.push(Row {
                            indicator: id,
                            year,
                            area: code.into(),
                            grade,
                            gender,
                            answer: String::new(),
                            value,
                            n,
                        });
                    }
                }
            }
        }
    }
    rows
}

/// Adds Kalmar län ("08") as the n-weighted mean of the municipal rows.
fn add_county(rows: &mut Vec<Row>) {
    let mut county: Vec<Row> = Vec::new();
    for r in rows.iter().filter(|r| r.area != "08") {
        match county.iter_mut().find(|c| {
            c.indicator == r.indicator
                && c.year == r.year
                && c.grade == r.grade
                && c.gender == r.gender
                && c.answer == r.answer
        }) {
            Some(c) => {
                c.value += r.value * r.n as f64;
                c.n += r.n;
            }
            None => county.push(Row {
                area: "08".into(),
                answer: r.answer.clone(),
                value: r.value * r.n as f64,
                ..*r
            }),
        }
    }
    for c in &mut county {
        c.value = round1(c.value / c.n.max(1) as f64);
    }
    rows.extend(county);
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn render(what: &str, rows: &[Row]) -> String {
    let mut out = String::new();
    writeln!(out, "# EXEMPELDATA – INTE VERKLIGA RESULTAT. {what}.").unwrap();
    writeln!(out, "# Genererad av crates/kfkl-data/src/bin/exempeldata.rs (fast frö); skapa om med: cargo run -p kfkl-data --bin exempeldata").unwrap();
    writeln!(
        out,
        "# Ersätts av verkliga exporter i importformatet (data/statistik/IMPORT.md). Ändra inte för hand."
    )
    .unwrap();
    writeln!(out, "{}", IMPORT_HEADER.join(",")).unwrap();
    for r in rows {
        let answer = if r.answer.contains(',') {
            format!("\"{}\"", r.answer)
        } else {
            r.answer.clone()
        };
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{SOURCE}",
            r.indicator, r.year, r.area, r.grade, r.gender, answer, r.value, r.n
        )
        .unwrap();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(area: &str, gender: &'static str, value: f64, n: u32) -> Row {
        Row {
            indicator: "x",
            year: 2024,
            area: area.into(),
            grade: "gy2",
            gender,
            answer: String::new(),
            value,
            n,
        }
    }

    #[test]
    fn the_county_is_the_n_weighted_mean_of_its_municipalities_per_group() {
        // (municipal rows, the county rows added: (gender, value, n))
        let cases: &[(&[(&str, &'static str, f64, u32)], &[(&str, f64, u32)])] = &[
            (
                &[("0880", "alla", 20.0, 100), ("0881", "alla", 40.0, 300)],
                &[("alla", 35.0, 400)],
            ),
            (
                &[("0880", "flickor", 10.0, 1), ("0880", "pojkar", 30.0, 3)],
                &[("flickor", 10.0, 1), ("pojkar", 30.0, 3)],
            ),
            // Small groups count with their real weight (they are suppressed only when published).
            (
                &[("0880", "alla", 50.0, 7), ("0881", "alla", 10.0, 3)],
                &[("alla", 38.0, 10)],
            ),
        ];
        for (municipal, county) in cases {
            let mut rows: Vec<Row> = municipal.iter().map(|&(a, g, v, n)| row(a, g, v, n)).collect();
            add_county(&mut rows);
            let added: Vec<(&str, f64, u32)> = rows
                .iter()
                .filter(|r| r.area == "08")
                .map(|r| (r.gender, r.value, r.n))
                .collect();
            assert_eq!(added, county.to_vec());
        }
    }
}
