//! Survey results: the import format's checks (each bad row stops the build
//! with file:line: reason), suppression under the threshold, the real CAN
//! figures, and the example data being exactly the generator's output.

mod common;

use std::path::Path;

use kfkl_core::model::{Approx, Status};
use kfkl_core::stats::StatTable;
use kfkl_data::results::{areas, table};
use kfkl_data::statistics::{self, DataFile, SurveyFile};

const HEADER: &str = "indikator,ar,omrade,arskurs,kon,svar,varde,n,kalla\n";

/// The LUPP catalogue with one import file holding `rows`, and a threshold.
fn lupp_with(rows: &str, threshold: u32) -> Result<StatTable, Vec<String>> {
    let text = std::fs::read_to_string(common::data_dir().join("statistik/lupp.toml")).unwrap();
    let mut sf: SurveyFile = statistics::load(Path::new("lupp.toml"), &text)
        .map_err(|e| e.iter().map(|d| d.to_string()).collect::<Vec<_>>())?;
    sf.threshold = threshold;
    sf.data = vec![DataFile {
        file: "x.csv".into(),
        format: "import".into(),
        status: Status::Official,
    }];
    let build = common::built();
    let all = areas(&build.areas);
    let body = format!("{HEADER}{rows}");
    let read = move |_: &str| Ok(body.clone());
    table(&sf, &build.areas, &all, Path::new(""), &read, &[], None)
        .map_err(|e| e.iter().map(|d| d.to_string()).collect())
}

#[test]
fn bad_rows_stop_the_build_with_file_line_and_reason() {
    let ok = "halsa_god,2024,0880,ak8,alla,,75.5,120,Kalmar kommun\n";
    let cases: &[(&str, &[&str])] = &[
        (ok, &[]),
        ("halsa_god,2024,0880,ak8,alla,,\"75,5\",120,Kalmar kommun\n", &[]),
        ("okand,2024,0880,ak8,alla,,75,120,K\n", &["x.csv:2: unknown indicator 'okand'"]),
        ("halsa_god,2024,9999,ak8,alla,,75,120,K\n", &["x.csv:2: unknown area code '9999' (the 12 municipalities, 08 Kalmar län, 00 Riket)"]),
        ("halsa_god,2024,0880,ak9,alla,,75,120,K\n", &["x.csv:2: grade 'ak9' is not one of ak8, gy2"]),
        ("halsa_god,2024,0880,ak8,tjejer,,75,120,K\n", &["x.csv:2: gender 'tjejer' is not one of alla, flickor, pojkar"]),
        ("halsa_god,2024,0880,ak8,alla,,101,120,K\n", &["x.csv:2: percentage 101 is outside 0–100"]),
        ("halsa_god,2024,0880,ak8,alla,,75,-3,K\n", &["x.csv:2: n '-3' is not a whole number ≥ 0"]),
        ("halsa_god,2024,0880,ak8,alla,,75,12.5,K\n", &["x.csv:2: n '12.5' is not a whole number ≥ 0"]),
        ("halsa_god,1999,0880,ak8,alla,,75,120,K\n", &["x.csv:2: year '1999' is not a year 2000–2100"]),
        ("halsa_god,2024,0880,ak8,alla,,75,120,\n", &["x.csv:2: kalla (the source) is empty"]),
        ("halsa_god,2024,0880,ak8,alla,Mycket nöjd,75,120,K\n", &["x.csv:2: 'halsa_god' is a share, not a distribution: svar must be empty, not 'Mycket nöjd'"]),
        ("halsa_god,2024,0880,ak8,alla,,75,120,K\nhalsa_god,2024,0880,ak8,alla,,70,120,K\n", &["x.csv:3: the same observation is already given at x.csv:2"]),
        (
            "fritid_mangd,2024,0880,ak8,alla,Jag har lagom med fritid,60,120,K\nfritid_mangd,2024,0880,ak8,alla,Jag har för lite fritid,40,120,K\n",
            &["x.csv:2: distribution fritid_mangd 2024 0880 ak8 alla has 2 of its 3 answers"],
        ),
        (
            "fritid_mangd,2024,0880,ak8,alla,Jag har så mycket fritid att jag inte vet vad jag ska göra med tiden,10,120,K\nfritid_mangd,2024,0880,ak8,alla,Jag har lagom med fritid,60,120,K\nfritid_mangd,2024,0880,ak8,alla,Jag har för lite fritid,35,120,K\n",
            &["x.csv:2: distribution fritid_mangd 2024 0880 ak8 alla sums to 105, not 100 ± 1"],
        ),
    ];
    for (rows, want) in cases {
        let got = lupp_with(rows, 10).err().unwrap_or_default();
        assert_eq!(got, want.to_vec(), "{rows}");
    }
}

#[test]
fn a_municipality_that_does_not_take_part_has_no_results() {
    let text = std::fs::read_to_string(common::data_dir().join("statistik/andts.toml")).unwrap();
    let mut sf: SurveyFile = statistics::load(Path::new("andts.toml"), &text).unwrap();
    sf.data = vec![DataFile {
        file: "x.csv".into(),
        format: "import".into(),
        status: Status::Official,
    }];
    let build = common::built();
    let body = format!("{HEADER}rokning,2023,0880,ak9,alla,,20,100,K\nrokning,2023,0884,ak9,alla,,20,100,K\n");
    let read = move |_: &str| Ok(body.clone());
    let errors: Vec<String> = table(&sf, &build.areas, &areas(&build.areas), Path::new(""), &read, &[], None)
        .err()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        errors,
        ["x.csv:3: Vimmerby does not take part in andts ([[absent]] in its catalogue): no results for it"]
    );
}

#[test]
fn groups_under_the_threshold_never_reach_the_published_values() {
    let rows = "halsa_god,2024,0821,gy2,flickor,,62.37,7,K\nhalsa_god,2024,0821,gy2,pojkar,,58,10,K\nhalsa_god,2024,00,gy2,alla,,70,,K\n";
    for (threshold, want) in [
        (10, [None, Some(58.0), Some(70.0)]),
        (5, [Some(62.37), Some(58.0), Some(70.0)]),
        (11, [None, None, Some(70.0)]),
    ] {
        let t = lupp_with(rows, threshold).unwrap();
        assert_eq!(t.rows.value, want.to_vec(), "threshold {threshold}");
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(
            json.contains("62.37"),
            threshold <= 7,
            "the suppressed value is not in the JSON"
        );
    }
}

#[test]
fn every_published_can_figure_is_loaded_as_official() {
    let build = common::built();
    let andts = build.tables.iter().find(|t| t.survey.id == "andts").unwrap();
    let source = std::fs::read_to_string(common::data_dir().join("sources/andts-public-figures.csv")).unwrap();
    let figures = source
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("scope,"))
        .count();
    let real: Vec<usize> = (0..andts.rows.len()).filter(|&i| !andts.rows.example[i]).collect();
    // CAN's figures, and the four municipalities' two rounds each from the press.
    assert_eq!(real.len(), figures + 8);
    // 65, and the 13 rows added on 2026-12-01.
    assert_eq!(figures, 78);
    // Kalmar län 2021, gy 2: 2,5 litres, as kfkl.se published it.
    let county = andts.areas.iter().position(|a| a.code == "08").unwrap();
    let litres = andts
        .survey
        .indicators
        .iter()
        .position(|i| i.id == "alkohol_arskonsumtion")
        .unwrap();
    let hit = real
        .iter()
        .map(|&i| andts.rows.get(i))
        .find(|o| o.area == county && o.indicator == litres && o.year == 2021)
        .unwrap();
    assert_eq!((hit.value, hit.n, hit.example), (Some(2.5), None, false));
    assert!(andts.sources[hit.source].contains("kfkl.se"));
    // Any example row marks the whole table.
    assert_eq!(andts.status, Status::Exempeldata);
    assert!(
        andts.rows.value.iter().any(Option::is_none),
        "example data includes suppressed groups"
    );
    // CAN's "ca" stays with the figure: Riket 2004, åk 9, ca 73 %.
    let alcohol = andts
        .survey
        .indicators
        .iter()
        .position(|i| i.id == "alkohol_senaste_12_man")
        .unwrap();
    let hit = real
        .iter()
        .map(|&i| andts.rows.get(i))
        .find(|o| o.indicator == alcohol && o.year == 2004 && o.grade == 1)
        .unwrap();
    assert_eq!((hit.value, hit.approx), (Some(73.0), Some(Approx::Ca)));
    // The county's real narcotics figures replace the example ones, with the source's own wording.
    let narcotics = andts
        .survey
        .indicators
        .iter()
        .position(|i| i.id == "narkotika_nagon_gang")
        .unwrap();
    for (year, value) in [(2021, 10.0), (2023, 6.0)] {
        let rows: Vec<_> = (0..andts.rows.len())
            .map(|i| andts.rows.get(i))
            .filter(|o| o.area == county && o.indicator == narcotics && o.year == year && o.grade == 2 && o.gender == 0)
            .collect();
        assert_eq!(rows.len(), 1, "{year}");
        assert_eq!((rows[0].value, rows[0].example), (Some(value), false), "{year}");
        assert!(andts.sources[rows[0].source].contains("formulerat ”testat narkotika någon gång under året”"));
    }
    // The first real municipal rows: the press figures, as a secondary source with their caveats, in place of example rows.
    for (code, year, value) in [
        ("0834", 2017, 14.0),
        ("0883", 2015, 2.0),
        ("0862", 2017, 3.0),
        ("0821", 2015, 6.0),
    ] {
        let area = andts.areas.iter().position(|a| a.code == code).unwrap();
        let rows: Vec<_> = (0..andts.rows.len())
            .map(|i| andts.rows.get(i))
            .filter(|o| o.area == area && o.indicator == narcotics && o.year == year && o.grade == 1 && o.gender == 0)
            .collect();
        assert_eq!(rows.len(), 1, "{code} {year}");
        assert_eq!((rows[0].value, rows[0].example), (Some(value), false), "{code} {year}");
        assert!(
            andts.sources[rows[0].source].starts_with("Andrahandskälla: 24emmaboda.se"),
            "{code}"
        );
        assert!(
            andts.sources[rows[0].source].contains("namnges inte"),
            "{code}: the caveat"
        );
    }
}

#[test]
fn av_play_is_the_reports_key_figures_for_the_county_with_hedge_words_and_quotes() {
    let build = common::built();
    let t = build.tables.iter().find(|t| t.survey.id == "av-play").unwrap();
    assert_eq!(t.status, Status::Official);
    assert!(!t.by_grade() && !t.by_gender() && !t.has_respondents());
    assert_eq!(
        t.areas_with_data()
            .iter()
            .map(|&a| t.areas[a].code.as_str())
            .collect::<Vec<_>>(),
        ["08"]
    );
    // (indicator, year, value, hedge word)
    let cases: &[(&str, u16, f64, Option<Approx>)] = &[
        ("utlan", 2022, 698.0, None),
        ("utlan", 2023, 722.0, None),
        ("filmer", 2023, 16000.0, Some(Approx::Drygt)),
        ("strommar", 2023, 270000.0, Some(Approx::Nara)),
        ("anvandare", 2023, 16000.0, Some(Approx::Cirka)),
    ];
    for &(id, year, value, approx) in cases {
        let ind = t.survey.indicators.iter().position(|i| i.id == id).unwrap();
        let o = (0..t.rows.len())
            .map(|i| t.rows.get(i))
            .find(|o| o.indicator == ind && o.year == year)
            .unwrap();
        assert_eq!(
            (o.value, o.approx, o.example),
            (Some(value), approx, false),
            "{id} {year}"
        );
        let source = &t.sources[o.source];
        assert!(source.starts_with("Verksamhetsberättelse 2023 (Kommunförbundet Kalmar län), Unga, utbildning och etablering › Fokusområde 1: AV-Media › Resultat: ”"), "{source}");
    }
    assert_eq!(t.rows.len(), 11);
}

/// A catalogue of key figures, with `indicator` as its one indicator.
fn av_play_with(indicator: &str) -> Vec<String> {
    let text = format!(
        "[survey]\nid = \"av-play\"\ntitle = \"T\"\npublisher = \"P\"\nroute = \"/statistik/av-play\"\nmethod = \"M\"\nmethod_source = \"S\"\ngrades = [\"alla\"]\n\n[[data]]\nfile = \"figures/av-media-2023.toml\"\nformat = \"key-figures\"\nstatus = \"official\"\n\n[[indicator]]\n{indicator}"
    );
    let sf = match statistics::load(Path::new("av.toml"), &text) {
        Ok(sf) => sf,
        Err(e) => return e.iter().map(|d| d.to_string()).collect(),
    };
    let build = common::built();
    let dataset = build.datasets.iter().find(|d| d.id == "av-media-2023").unwrap().clone();
    let read = |_: &str| Err("unused".to_string());
    match table(
        &sf,
        &build.areas,
        &areas(&build.areas),
        common::data_dir(),
        &read,
        &[("figures/av-media-2023.toml".into(), dataset)],
        None,
    ) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|d| d.to_string()).collect(),
    }
}

#[test]
fn a_key_figure_indicator_must_name_single_values_in_its_unit() {
    let ind = |unit: &str, figures: &str| {
        format!("id = \"x\"\nlabel = \"X\"\ntheme = \"T\"\nunit = \"{unit}\"\ndefinition = \"D\"\nsource = \"S\"\nfigures = {figures}\n")
    };
    let cases: &[(String, &[&str])] = &[
        (ind("count", r#"["utlan-2022", "utlan-2023"]"#), &[]),
        (
            ind("count", r#"["finns-inte"]"#),
            &["av.toml:15: indicator 'x': no key figure 'finns-inte' in av-media-2023"],
        ),
        (
            ind("count", r#"["avplay-strommar-per-dag"]"#),
            &["av.toml:15: indicator 'x': key figure 'avplay-strommar-per-dag' is a range, not one value"],
        ),
        (
            ind("percent", r#"["utlan-2022"]"#),
            &["av.toml:15: indicator 'x': key figure 'utlan-2022' is not in the indicator's unit"],
        ),
        (
            ind("count", r#"["utlan-2022", "utlan-2022"]"#),
            &["av.toml:15: the same observation is already given at av.toml:15"],
        ),
        (
            ind("count", "[]"),
            &["av.toml:15: indicator 'x': figures is empty, but the survey's data are key figures"],
        ),
    ];
    for (indicator, want) in cases {
        assert_eq!(av_play_with(indicator), want.to_vec(), "{indicator}");
    }
}

#[test]
fn the_example_data_is_the_generators_output() {
    let build = common::built();
    let lupp = &build.tables.iter().find(|t| t.survey.id == "lupp").unwrap().survey;
    let can = std::fs::read_to_string(common::data_dir().join("sources/andts-public-figures.csv")).unwrap();
    let press = std::fs::read_to_string(common::data_dir().join("statistik/andts-press.csv")).unwrap();
    let (respondents, codebook) = kfkl_data::exempel::lupp_respondents(lupp);
    for (file, text) in [
        ("exempel-andts.csv", kfkl_data::exempel::andts(&can, &press)),
        ("kodbocker/exempel-lupp.toml", codebook),
    ] {
        let committed = std::fs::read_to_string(common::data_dir().join("statistik").join(file)).unwrap();
        assert!(
            committed == text,
            "{file} differs from the generator: run cargo run -p kfkl-data --bin exempeldata"
        );
        assert!(
            committed.starts_with("# EXEMPELDATA – INTE VERKLIGA RESULTAT.") || committed.contains("EXEMPELDATA"),
            "{file}"
        );
    }
    assert!(
        respondents == kfkl_data::exempel::lupp_respondents(lupp).0,
        "deterministic"
    );
}

#[test]
fn no_respondent_level_value_reaches_what_is_published() {
    // The synthetic respondent file is imported on every build; its pupils' ids
    // and rows must be nowhere in the published files.
    let build = common::built();
    let lupp = &build.tables.iter().find(|t| t.survey.id == "lupp").unwrap().survey;
    let (respondents, _) = kfkl_data::exempel::lupp_respondents(lupp);
    let some_row = respondents
        .lines()
        .nth(500)
        .unwrap()
        .split_once(',')
        .unwrap()
        .1
        .to_string();
    assert!(respondents.lines().count() > 10_000);
    for (name, bytes) in kfkl_data::publish::files(build) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("EXEMPELELEV"), "{name} holds a respondent id");
        assert!(!text.contains(&some_row), "{name} holds a respondent's row");
    }
    // Nor does the repository: only the codebook is a file.
    for entry in std::fs::read_dir(common::data_dir().join("statistik")).unwrap() {
        let text = std::fs::read(entry.unwrap().path()).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&text).contains("EXEMPELELEV"));
    }
}

#[test]
fn published_tables_read_back_through_the_browsers_decoder() {
    let build = common::built();
    for t in &build.tables {
        let json = serde_json::to_string(t).unwrap();
        assert_eq!(
            kfkl_core::model::from_json::<StatTable>(&json).as_ref(),
            Some(t),
            "{}",
            t.survey.id
        );
        assert!(
            t.rows.indicator.windows(2).all(|w| w[0] <= w[1]),
            "{}: rows go by indicator, for StatTable::rows_of",
            t.survey.id
        );
    }
}
