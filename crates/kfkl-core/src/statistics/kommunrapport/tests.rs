//! A report's key indicators from a table, its cards' words, and an embed's card.

use super::*;
use crate::csv::CsvFlavour;
use crate::stats::{Rows, StatTable};

#[test]
fn an_embed_query_names_a_card_or_falls_back_to_the_first() {
    let t = table(&[
        (0, 2021, Some(20.5), Some(300)),
        (0, 2023, None, Some(8)),
        (1, 2023, Some(21.0), Some(3000)),
        (2, 2023, Some(19.0), None),
    ]);
    let mut k = key_indicator(&t, 0, 1, 0);
    k.grade = "åk 9".into();
    let mut other = k.clone();
    other.grade = "gy 2".into();
    let part = part("ANDTS", true, vec![k.clone(), other], "CAN");
    let r = kalmar(part);
    let pairs = |q: &str| {
        q.trim_start_matches('?')
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    };
    // (query, the card's grade)
    for (query, grade) in [
        (card_query(&r.surveys[0].indicators[1]), "gy 2"),
        ("".into(), "åk 9"),
        ("?indikator=okand&arskurs=gy2".into(), "åk 9"),
    ] {
        assert_eq!(
            r.card(&pairs(&query)).map(|(_, k)| k.grade.as_str()),
            Some(grade),
            "{query}"
        );
    }
    assert_eq!(card_query(&k), format!("?indikator={}&arskurs=ak9", k.id));
    let csv = card_csv("Kalmar", &k, CsvFlavour::SwedishExcel);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("\u{feff}# EXEMPELDATA"), "{csv}");
    assert_eq!(
        &lines[3..],
        [
            "område;år;värde;n",
            "Kalmar;2021;20,5;",
            "Kalmar;2023;..;8",
            "Kalmar län;2023;21;3000",
            "Riket;2023;19;"
        ],
        "{csv}"
    );
}

/// The explorer's test table (Kalmar, Kalmar län, Riket) with its percent
/// indicator only and these åk 9 rows, as (area, year, value, n).
fn table(rows: &[(usize, u16, Option<f64>, Option<u32>)]) -> StatTable {
    let mut t = crate::explorer::tests::table();
    t.survey.indicators.truncate(1);
    t.rows = Rows::default();
    for &(area, year, value, n) in rows {
        t.rows.push(&crate::stats::Observation {
            indicator: 0,
            year,
            area,
            grade: 1,
            gender: 0,
            answer: None,
            value,
            n,
            approx: None,
            example: area != 2,
            source: 0,
        });
    }
    t
}

#[test]
fn a_key_indicator_has_the_latest_round_the_previous_the_references_and_the_trend() {
    let t = table(&[
        (0, 2021, Some(20.0), Some(300)),
        (0, 2023, Some(30.0), Some(300)),
        (1, 2021, Some(20.0), Some(3000)),
        (1, 2023, Some(21.0), Some(3000)),
        (2, 2023, Some(19.0), None),
        (1, 2019, Some(22.0), Some(2900)),
    ]);
    let k = key_indicator(&t, 0, 1, 0);
    assert_eq!(
        k.latest.as_ref().map(|r| (r.year, r.value, r.n)),
        Some((2023, Some(30.0), Some(300)))
    );
    assert_eq!(k.previous.as_ref().map(|r| r.year), Some(2021));
    // Where the question changed in 2023, 2023 is not compared with 2021, and the trend breaks there.
    let mut changed = t.clone();
    changed.survey.indicators[0].breaks = vec![crate::stats::Break {
        year: 2023,
        why: "Ny fråga.".into(),
    }];
    let k2 = key_indicator(&changed, 0, 1, 0);
    assert_eq!((k2.previous.is_none(), k2.breaks.as_slice()), (true, &[2023][..]));
    assert_eq!(k.county.as_ref().and_then(|r| r.value), Some(21.0));
    assert_eq!(k.nation.as_ref().and_then(|r| r.value), Some(19.0));
    // 30 % of 300 against the rest of the county (20 % of 2 700): surely higher.
    assert_eq!(k.vs_county, Comparison::Higher);
    // The nation's n is not published: no claim.
    assert_eq!(k.vs_nation, Comparison::Unknown);
    assert_eq!(k.years, [2019, 2021, 2023]);
    assert_eq!(k.trend_municipality, [None, Some(20.0), Some(30.0)]);
    assert_eq!(k.trend_county, [Some(22.0), Some(20.0), Some(21.0)]);
    // The nation in its own years within the trend's span.
    assert_eq!(
        (k.nation_years.as_slice(), k.trend_nation.as_slice()),
        (&[2023][..], &[Some(19.0)][..])
    );
    assert_eq!(k.explorer, "/statistik/andts?omrade=0880,08,00&arskurs=ak9");
    assert_eq!(change_text(&k).as_deref(), Some("+10,0\u{a0}procentenheter sedan 2021"));
    assert_eq!(change_number(&k).as_deref(), Some("+10,0"));
    assert_eq!(rounds("ANDTS", std::slice::from_ref(&k)), "ANDTS 2019–2023");
}

#[test]
fn a_suppressed_round_is_kept_and_compared_with_nothing() {
    let t = table(&[
        (0, 2021, Some(20.0), Some(300)),
        (0, 2023, None, Some(8)),
        (1, 2023, Some(21.0), Some(3000)),
    ]);
    let k = key_indicator(&t, 0, 1, 0);
    assert_eq!(k.latest.as_ref().map(|r| (r.value, r.n)), Some((None, Some(8))));
    assert_eq!(k.vs_county, Comparison::Unknown);
    assert_eq!(change_text(&k), None);
    // No rows at all for the municipality: nothing to show, nothing claimed.
    let k = key_indicator(
        &table(&[(1, 2021, Some(20.0), Some(3000)), (1, 2023, Some(21.0), Some(3000))]),
        0,
        1,
        0,
    );
    assert_eq!((k.latest, k.vs_county), (None, Comparison::Unknown));
    // But the card still gives the county's latest round, which its trend draws.
    assert_eq!(k.county.as_ref().map(|r| (r.year, r.value)), Some((2023, Some(21.0))));
    assert_eq!(k.trend_county, [Some(20.0), Some(21.0)]);
}

/// A card's words from its key indicator: (rows, survey with the nation,
/// headline, against the county, against the nation, change, summary, notes).
#[test]
fn a_card_says_its_values_verdicts_and_notes_in_words() {
    type Row = (usize, u16, Option<f64>, Option<u32>);
    let cases: &[(&[Row], bool, &str, &str, Option<&str>, Option<&str>, &str, &[&str])] = &[
        (
            &[
                (0, 2021, Some(20.0), Some(300)),
                (0, 2023, Some(30.0), Some(300)),
                (1, 2021, Some(20.0), Some(3000)),
                (1, 2023, Some(21.0), Some(3000)),
                (2, 2023, Some(19.0), None),
            ],
            true,
            "30\u{a0}%",
            "Högre än länet.",
            None,
            Some("Förändring: +10,0\u{a0}procentenheter sedan 2021."),
            "2023: Kalmar kommun 30\u{a0}%, Kalmar län 21\u{a0}%, Riket 19\u{a0}%.",
            &[
                "Verklig uppgift: Riket. Övriga är exempeldata.",
                "I diagrammet: fylld punkt är ett verkligt värde, ofylld exempeldata.",
            ],
        ),
        (
            &[(0, 2023, None, Some(8)), (1, 2023, Some(21.0), Some(3000))],
            false,
            "..",
            "Kan inte jämföras med länet: kommunens värde visas inte.",
            None,
            None,
            "2023: Kalmar kommun .., Kalmar län 21\u{a0}%.",
            &["..: värdet visas inte: färre än 10 svarande, eller så kunde det räknas fram ur värden som visas."],
        ),
        (
            &[(1, 2023, Some(21.0), Some(3000))],
            true,
            "–",
            "Kan inte jämföras med länet: kommunens värde saknas.",
            None,
            None,
            "Senaste året: Kalmar kommun –, Kalmar län 21\u{a0}%, Riket –.",
            &["–: uppgift saknas."],
        ),
    ];
    for (rows, has_nation, headline, vs_county, vs_nation, change, summary, notes) in cases {
        let k = key_indicator(&table(rows), 0, 1, 0);
        let part = part("ANDTS", *has_nation, vec![k.clone()], "S");
        let c = card_text("Kalmar", &part, &k);
        assert_eq!(c.headline, *headline, "{summary}");
        assert_eq!(c.vs_county, *vs_county, "{summary}");
        assert_eq!(c.vs_nation.as_deref(), *vs_nation, "{summary}");
        assert_eq!(c.change.as_deref(), *change, "{summary}");
        assert_eq!(c.summary, *summary);
        assert_eq!(c.notes, *notes, "{summary}");
        assert_eq!(c.places.len(), if *has_nation { 3 } else { 2 });
    }
}

/// Why no verdict: what is missing, the municipality's or the county's, value or number of respondents.
#[test]
fn a_missing_comparison_says_what_is_missing() {
    let cases: &[(&[(usize, u16, Option<f64>, Option<u32>)], &str)] = &[
        (&[(1, 2023, Some(21.0), Some(3000))], "kommunens värde saknas"),
        (
            &[(0, 2023, None, Some(8)), (1, 2023, Some(21.0), Some(3000))],
            "kommunens värde visas inte",
        ),
        (&[(0, 2023, Some(18.0), Some(400))], "länets värde saknas"),
        (
            &[(0, 2023, Some(18.0), Some(400)), (1, 2023, None, Some(5))],
            "länets värde visas inte",
        ),
        (
            &[(0, 2023, Some(18.0), None), (1, 2023, Some(6.0), Some(3000))],
            "kommunens antal svarande är inte känt",
        ),
        (
            &[(0, 2023, Some(18.0), Some(400)), (1, 2023, Some(6.0), None)],
            "länets antal svarande är inte känt",
        ),
    ];
    for (rows, why) in cases {
        assert_eq!(
            why_not_compared(&key_indicator(&table(rows), 0, 1, 0)),
            *why,
            "{rows:?}"
        );
    }
}

#[test]
fn a_verdict_is_a_sentence() {
    let cases = [
        (Comparison::Higher, "länet", "", "Högre än länet."),
        (Comparison::Lower, "riket", "", "Lägre än riket."),
        (
            Comparison::NoSureDifference,
            "länet",
            "",
            "Ingen säker skillnad mot länet.",
        ),
        (
            Comparison::Unknown,
            "länet",
            "uppgift saknas",
            "Kan inte jämföras med länet: uppgift saknas.",
        ),
    ];
    for (c, than, why, want) in cases {
        assert_eq!(verdict(c, than, why), want);
    }
}

/// The banner's sentence and the overview's notes, by which readings are real:
/// (the nation's and the county's rows real, the banner, the overview's notes).
#[test]
fn the_report_says_which_values_are_real() {
    let rows: &[(usize, u16, Option<f64>, Option<u32>)] = &[
        (0, 2023, None, Some(8)),
        (1, 2023, Some(21.0), Some(3000)),
        (2, 2023, Some(19.0), None),
    ];
    let cases: &[(bool, bool, Option<&str>, &[&str])] = &[
        (false, false, None, &["..: värdet visas inte: färre än 10 svarande, eller så kunde det räknas fram ur värden som visas.", "Förändring: sedan kommunens förra omgång, i procentenheter."]),
        (
            true,
            false,
            Some("Verkliga värden finns i ANDTS för riket: de är märkta med * i översikterna och som verkliga i korten."),
            &["..: värdet visas inte: färre än 10 svarande, eller så kunde det räknas fram ur värden som visas.", "Förändring: sedan kommunens förra omgång, i procentenheter.", "*: verklig uppgift; övriga värden är exempeldata."],
        ),
        (
            true,
            true,
            Some("Verkliga värden finns i ANDTS för riket och länet: de är märkta med * i översikterna och som verkliga i korten."),
            &["..: värdet visas inte: färre än 10 svarande, eller så kunde det räknas fram ur värden som visas.", "Förändring: sedan kommunens förra omgång, i procentenheter.", "*: verklig uppgift; övriga värden är exempeldata."],
        ),
    ];
    for (nation_real, county_real, banner, notes) in cases {
        let mut t = table(rows);
        for i in 0..t.rows.len() {
            let o = t.rows.get(i);
            let real = (o.area == 2 && *nation_real) || (o.area == 1 && *county_real);
            t.rows.example[i] = !real;
        }
        let k = key_indicator(&t, 0, 1, 0);
        let part = part("ANDTS 2023", true, vec![k.clone()], "S");
        let r = kalmar(part.clone());
        assert_eq!(r.real_sentence().as_deref(), *banner);
        assert_eq!(overview_notes(&part), *notes);
        let star = if *nation_real { "19\u{a0}%*" } else { "19\u{a0}%" };
        assert_eq!(overview_cell(&k.nation, k.unit, overview_mixed(&part)), star);
        assert_eq!(
            overview_cell(&k.latest, k.unit, overview_mixed(&part)),
            "..",
            "a hidden value is never starred"
        );
    }
}

/// An ANDTS part with these indicators, for the tests above.
fn part(title: &str, has_nation: bool, indicators: Vec<KeyIndicator>, source: &str) -> SurveyPart {
    SurveyPart {
        id: "andts".into(),
        title: title.into(),
        route: "/statistik/andts".into(),
        threshold: 10,
        rounds: String::new(),
        has_nation,
        indicators,
        sources: vec![source.into()],
        absent: None,
    }
}

/// Kalmar's report with one part.
fn kalmar(part: SurveyPart) -> Kommunrapport {
    Kommunrapport {
        schema_version: 1,
        code: "0880".into(),
        name: "Kalmar".into(),
        slug: "kalmar".into(),
        status: Status::Exempeldata,
        surveys: vec![part],
        passages: Vec::new(),
        county_wide: Vec::new(),
    }
}
