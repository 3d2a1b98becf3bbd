//! The synthetic LUPP respondent file and its codebook, which the data build imports as a real
//! file would be, and the larger file `./scripts/bench` times the import on.

use std::fmt::Write;

use kfkl_core::stats::Survey;

use super::{genders, Rng, Share, MUNICIPALITIES, SEED, SOURCE};

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
    let distributions = lupp_distributions(catalogue);
    let columns: Vec<String> = (1..=LUPP.len() + distributions.len())
        .map(|i| format!("f{i:02}"))
        .collect();
    let csv = lupp_answers(&mut rng, &columns, &distributions);
    (csv, lupp_codebook(&columns, &distributions))
}

/// The distribution questions with their weights, which must be as many as the catalogue's answers.
fn lupp_distributions(catalogue: &Survey) -> Vec<(&'static str, &'static [f64])> {
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
    distributions
}

/// One municipality's pupils of one grade in one round, as the answers are drawn for them.
struct Cohort<'a> {
    year: u16,
    /// 0: åk 8, 1: gy 2.
    grade: usize,
    code: &'a str,
    /// The municipality's own level of each share, this round.
    local: Vec<f64>,
    /// The municipality's own weights of each distribution's answers, this round.
    leaning: Vec<Vec<f64>>,
}

/// The respondent file: a header and one row a pupil.
fn lupp_answers(rng: &mut Rng, columns: &[String], distributions: &[(&str, &[f64])]) -> String {
    let mut csv = format!("lopnr,ar,kommun,arskurs,kon,{}\n", columns.join(","));
    let mut id = 0;
    let mut places: Vec<(&str, u32)> = MUNICIPALITIES.to_vec();
    places.push(OUTSIDE);
    for year in [2015u16, 2018, 2021, 2024] {
        for (g, grade) in ["ak8", "gy2"].into_iter().enumerate() {
            for &(code, size) in &places {
                let cohort = Cohort {
                    year,
                    grade: g,
                    code,
                    local: LUPP
                        .iter()
                        .map(|s| (if g == 0 { s.1 } else { s.2 }) * (1.0 + 0.25 * rng.noise()))
                        .collect(),
                    leaning: distributions
                        .iter()
                        .map(|(_, w)| w.iter().map(|w| w * (1.0 + 0.35 * rng.noise())).collect())
                        .collect(),
                };
                let [(_, all), ..] = genders(rng, size, grade);
                for _ in 0..all {
                    id += 1;
                    csv.push_str(&pupil(rng, id, &cohort));
                    csv.push('\n');
                }
            }
        }
    }
    csv
}

/// One pupil's row: a sex, and an answer to each question drawn around the cohort's levels.
fn pupil(rng: &mut Rng, id: u32, cohort: &Cohort) -> String {
    let Cohort {
        year,
        grade: g,
        code,
        ref local,
        ref leaning,
    } = *cohort;
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
    let place = if id.is_multiple_of(2500) { "" } else { code };
    let mut row = format!("EXEMPELELEV-{id:06},{year},{place},{},{sex}", g + 1);
    for level in local {
        let code = if rng.next() < 0.03 {
            NO_ANSWER
        } else if rng.next() * 100.0 < level * lean {
            SCALE[usize::from(rng.next() < 0.6)]
        } else {
            SCALE[2 + usize::from(rng.next() < 0.5)]
        };
        write!(row, ",{code}").unwrap();
    }
    for weights in leaning {
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
    row
}

/// The codebook of the respondent file, as an editor would write it.
fn lupp_codebook(columns: &[String], distributions: &[(&str, &[f64])]) -> String {
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
    for (column, (id, weights)) in columns[LUPP.len()..].iter().zip(distributions) {
        let codes: Vec<String> = (1..=weights.len()).map(|c| c.to_string()).collect();
        writeln!(
            book,
            "\n[[fraga]]\nkolumn = \"{column}\"\nindikator = \"{id}\"\nfordelning = [{}]",
            codes.join(", ")
        )
        .unwrap();
    }
    book
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
