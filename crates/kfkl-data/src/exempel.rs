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

use kfkl_core::stats::Survey;

use crate::results::IMPORT_HEADER;

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

const LUPP: [Share; 12] = [
    ("fritid_mycket_att_gora", 55.0, 45.0, false, 2015),
    ("skola_larare_bra", 70.0, 65.0, false, 2015),
    ("skola_hjalp_larare", 75.0, 70.0, false, 2015),
    ("politik_intresse", 35.0, 50.0, false, 2015),
    ("politik_fora_fram_asikter", 25.0, 20.0, false, 2015),
    ("trygghet_skolan", 65.0, 75.0, false, 2015),
    ("trygghet_centrum", 70.0, 72.0, false, 2015),
    ("halsa_god", 75.0, 68.0, false, 2015),
    ("halsa_stress", 30.0, 45.0, false, 2015),
    ("arbete_sommarjobb", 25.0, 55.0, false, 2015),
    ("framtid_positiv", 80.0, 75.0, false, 2015),
    ("framtid_bo_kvar", 40.0, 30.0, false, 2015),
];

/// Distributions: (id, relative weights of the answers in scale order)
const LUPP_DISTRIBUTIONS: [(&str, &[f64]); 2] = [
    ("fritid_mangd", &[8.0, 62.0, 30.0]),
    ("livet_nojd", &[35.0, 40.0, 14.0, 7.0, 4.0]),
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

/// The synthetic respondent file's answer codes: a share question's scale
/// (1–2 count in the share, 3–4 do not) and its no-answer code.
const SCALE: [u8; 4] = [1, 2, 3, 4];
const NO_ANSWER: u8 = 9;
/// Eksjö answers LUPP with the county but is not in it: its pupils are in the
/// file, and the import keeps them out.
const OUTSIDE: (&str, u32) = ("0686", 150);

/// A synthetic LUPP respondent file (CSV: one row per pupil, answers as codes)
/// and its codebook, for every round, grade and municipality, and Eksjö.
/// **Not real answers.** The data build imports it as a real file would be,
/// so the import runs end to end on every build; the file is made in memory
/// and never written into the repository or the site. `lopnr` holds
/// "EXEMPELELEV-…" ids, which a test looks for in what is published.
pub fn lupp_respondents(catalogue: &Survey) -> (String, String) {
    let mut rng = Rng(SEED + 2);
    let distributions: Vec<(&str, &[f64])> = LUPP_DISTRIBUTIONS.iter().map(|(id, w)| (*id, *w)).collect();
    for (id, weights) in &distributions {
        let ind = catalogue
            .indicators
            .iter()
            .find(|i| i.id == *id)
            .unwrap_or_else(|| panic!("{id} is not in the LUPP catalogue"));
        assert_eq!(
            ind.answers.len(),
            weights.len(),
            "{id}: the weights are the catalogue's answers"
        );
    }
    let columns: Vec<String> = (1..=LUPP.len() + distributions.len())
        .map(|i| format!("f{i:02}"))
        .collect();
    let mut csv = format!("lopnr,ar,kommun,arskurs,kon,{}\n", columns.join(","));
    let mut id = 0;
    let mut places: Vec<(&str, u32)> = MUNICIPALITIES.to_vec();
    places.push(OUTSIDE);
    for year in [2015u16, 2018, 2021, 2024] {
        for (g, grade) in ["ak8", "gy2"].into_iter().enumerate() {
            for &(code, size) in &places {
                // Each municipality's own level of each share, this round.
                let local: Vec<f64> = LUPP
                    .iter()
                    .map(|s| (if g == 0 { s.1 } else { s.2 }) * (1.0 + 0.25 * rng.noise()))
                    .collect();
                let leaning: Vec<Vec<f64>> = distributions
                    .iter()
                    .map(|(_, w)| w.iter().map(|w| w * (1.0 + 0.35 * rng.noise())).collect())
                    .collect();
                let [(_, all), ..] = genders(&mut rng, size, grade);
                for _ in 0..all {
                    id += 1;
                    let r = rng.next();
                    // About 1 % answer neither girl nor boy (3 "annat", 4 "vill inte svara").
                    let sex = if r < 0.495 {
                        1
                    } else if r < 0.99 {
                        2
                    } else if r < 0.995 {
                        3
                    } else {
                        4
                    };
                    let lean = match sex {
                        1 => 1.06,
                        2 => 0.94,
                        _ => 1.0,
                    };
                    // Now and then a pupil leaves the municipality empty: the import lists them.
                    let place = if id % 2500 == 0 { "" } else { code };
                    let mut row = format!("EXEMPELELEV-{id:06},{year},{place},{},{sex}", g + 1);
                    for level in &local {
                        let code = if rng.next() < 0.03 {
                            NO_ANSWER
                        } else if rng.next() * 100.0 < level * lean {
                            SCALE[usize::from(rng.next() < 0.6)]
                        } else {
                            SCALE[2 + usize::from(rng.next() < 0.5)]
                        };
                        write!(row, ",{code}").unwrap();
                    }
                    for weights in &leaning {
                        let total: f64 = weights.iter().sum();
                        let mut pick = rng.next() * total;
                        let mut code = weights.len();
                        for (k, w) in weights.iter().enumerate() {
                            if pick < *w {
                                code = k + 1;
                                break;
                            }
                            pick -= w;
                        }
                        write!(row, ",{code}").unwrap();
                    }
                    csv.push_str(&row);
                    csv.push('\n');
                }
            }
        }
    }
    let mut book = String::new();
    writeln!(book, "# Kodbok för exempelsvarsfilen (LUPP). EXEMPELDATA: filen skapas av ett program vid varje bygge, inte av en enkät.").unwrap();
    writeln!(book, "# Skapa om med: cargo run -p kfkl-data --bin exempeldata. Ändra inte för hand; se IMPORT.md för hur en kodbok skrivs.").unwrap();
    writeln!(
        book,
        "enkat = \"lupp\"\nkalla = \"{SOURCE}\"\nej_svar = [{NO_ANSWER}]\n"
    )
    .unwrap();
    writeln!(
        book,
        "[kolumner]\nkommun = \"kommun\"\narskurs = \"arskurs\"\nkon = \"kon\"\nar = \"ar\"\n"
    )
    .unwrap();
    writeln!(
        book,
        "[kommun]\nvarden = \"kod\"\n# Eksjö svarar med länet men hör inte till det.\nutanfor_lanet = [\"{}\"]\n",
        OUTSIDE.0
    )
    .unwrap();
    writeln!(book, "[arskurs]\nak8 = [1]\ngy2 = [2]\n").unwrap();
    writeln!(
        book,
        "[kon]\nflicka = [1]\npojke = [2]\n# annat, vill inte svara: räknas bara i alla.\novriga = [3, 4]"
    )
    .unwrap();
    for (column, share) in columns.iter().zip(&LUPP) {
        writeln!(
            book,
            "\n[[fraga]]\nkolumn = \"{column}\"\nindikator = \"{}\"\nandel = [1, 2]\nkoder = [1, 2, 3, 4]",
            share.0
        )
        .unwrap();
    }
    for (column, (id, weights)) in columns[LUPP.len()..].iter().zip(&distributions) {
        let codes: Vec<String> = (1..=weights.len()).map(|c| c.to_string()).collect();
        writeln!(
            book,
            "\n[[fraga]]\nkolumn = \"{column}\"\nindikator = \"{id}\"\nfordelning = [{}]",
            codes.join(", ")
        )
        .unwrap();
    }
    (csv, book)
}

/// A synthetic respondent file of `pupils` × `questions` (share questions on
/// the 1–4 scale) across the county's municipalities, with a catalogue and a
/// codebook to match: what `./scripts/bench` times the import on.
pub fn timing_file(pupils: usize, questions: usize) -> (Survey, String, String) {
    let mut rng = Rng(SEED + 3);
    let indicator = |i: usize| kfkl_core::stats::Indicator {
        id: format!("q{i:03}"),
        label: format!("Fråga {i}"),
        theme: "T".into(),
        unit: kfkl_core::stats::StatUnit::Percent,
        question: None,
        answers: Vec::new(),
        definition: "D".into(),
        source: "S".into(),
        breaks: Vec::new(),
    };
    let survey = Survey {
        id: "lupp".into(),
        title: "LUPP".into(),
        publisher: "P".into(),
        route: "/statistik/lupp".into(),
        method: "M".into(),
        method_source: "S".into(),
        grades: vec!["ak8".into(), "gy2".into()],
        indicators: (1..=questions).map(indicator).collect(),
        absent: Vec::new(),
    };
    let mut book = format!("enkat = \"lupp\"\nkalla = \"{SOURCE}\"\nar = 2024\nej_svar = [9]\n[kolumner]\nkommun = \"kommun\"\narskurs = \"arskurs\"\nkon = \"kon\"\n[kommun]\nvarden = \"kod\"\n[arskurs]\nak8 = [1]\ngy2 = [2]\n[kon]\nflicka = [1]\npojke = [2]\novriga = [3]\n");
    for i in 1..=questions {
        write!(
            book,
            "[[fraga]]\nkolumn = \"f{i}\"\nindikator = \"q{i:03}\"\nandel = [1, 2]\nkoder = [1, 2, 3, 4]\n"
        )
        .unwrap();
    }
    let mut csv = String::from("kommun,arskurs,kon");
    for i in 1..=questions {
        write!(csv, ",f{i}").unwrap();
    }
    csv.push('\n');
    for _ in 0..pupils {
        let (code, _) = MUNICIPALITIES[(rng.next() * MUNICIPALITIES.len() as f64) as usize % MUNICIPALITIES.len()];
        let sex = if rng.next() < 0.49 {
            1
        } else if rng.next() < 0.98 {
            2
        } else {
            3
        };
        write!(csv, "{code},{},{sex}", 1 + usize::from(rng.next() < 0.5)).unwrap();
        for _ in 0..questions {
            let r = rng.next();
            write!(csv, ",{}", if r < 0.03 { 9 } else { 1 + (r * 4.0) as u8 % 4 }).unwrap();
        }
        csv.push('\n');
    }
    (survey, book, csv)
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
