//! The summary, the choices line, the values and the banner's scope, as sentences.

use super::*;

#[test]
fn selection_summary_and_suppression() {
    let t = table();
    let s = ExplorerState::parse(&pairs("?omrade=0880,08,00"), &t).state;
    let rows = select(&t, &s);
    assert_eq!(rows.len(), 4);
    assert_eq!(
        summary(&t, &s, &rows),
        "ROKNING, gy 2, 2023: Kalmar 21\u{a0}% (n = 118), Kalmar län 19\u{a0}% (n = 3\u{a0}000), Riket 21\u{a0}%."
    );
    let s = ExplorerState::parse(&pairs("?omrade=0880&fran=2023&kon=jamfor"), &t).state;
    let rows = select(&t, &s);
    assert_eq!(rows.iter().map(|o| o.value).collect::<Vec<_>>(), [None, Some(18.0)]);
    assert_eq!(
        summary(&t, &s, &rows),
        "ROKNING, gy 2, 2023: Kalmar (flickor) .. (n = 7), Kalmar (pojkar) 18\u{a0}% (n = 111)."
    );
    // A whole distribution shows one year: the last in the range.
    let years = |q: &str| {
        select(&t, &ExplorerState::parse(&pairs(q), &t).state)
            .iter()
            .map(|o| o.year)
            .collect::<Vec<_>>()
    };
    assert_eq!(years("?indikator=fritid"), [2023; 3]);
    assert_eq!(years("?indikator=fritid&till=2021"), [2021; 3]);
    assert_eq!(years("?indikator=fritid&svar=0"), [2021, 2023]);
    let s = ExplorerState::parse(&pairs("?indikator=fritid&fran=2030"), &t).state;
    assert_eq!(
        summary(&t, &s, &select(&t, &s)),
        "FRITID, gy 2: inga värden att visa för valet."
    );
    // The nation a round ahead: the sentence compares the year all have, then adds the later one.
    let mut t = table();
    let mut rows: Vec<Observation> = (0..t.rows.len()).map(|i| t.rows.get(i)).collect();
    rows.insert(
        5,
        Observation {
            indicator: 0,
            year: 2024,
            area: 2,
            grade: 2,
            gender: 0,
            answer: None,
            value: Some(20.0),
            n: None,
            approx: None,
            example: false,
            source: 0,
        },
    );
    t.rows = Rows::default();
    rows.iter().for_each(|o| t.rows.push(o));
    let s = ExplorerState::parse(&pairs("?omrade=0880,00"), &t).state;
    assert_eq!(
        summary(&t, &s, &select(&t, &s)),
        "ROKNING, gy 2, 2023: Kalmar 21\u{a0}% (n = 118), Riket 21\u{a0}%. Senare år: Riket 20\u{a0}% (2024)."
    );
}
#[test]
fn the_choices_in_force_read_as_one_line() {
    let t = table();
    // (query, line)
    for (query, line) in [
        (
            "?omrade=0880,08,00",
            "ROKNING · gy 2 · Kalmar, Kalmar län, Riket · 2021–2023",
        ),
        (
            "?omrade=0880&fran=2023&kon=jamfor",
            "ROKNING · gy 2 · flickor och pojkar · Kalmar · 2023",
        ),
        (
            "?omrade=0880&kon=pojkar",
            "ROKNING · gy 2 · pojkar · Kalmar · 2021–2023",
        ),
        (
            "?indikator=fritid&svar=1",
            "FRITID: ”Lagom” · gy 2 · Kalmar län, Riket · 2021–2023",
        ),
        (
            "?visa=karta&till=2021",
            "ROKNING · gy 2 · länets kommuner på karta · 2021",
        ),
    ] {
        assert_eq!(
            choice_line(&t, &ExplorerState::parse(&pairs(query), &t).state),
            line,
            "{query}"
        );
    }
    let mut t = table();
    t.survey.indicators[1].label = "Hur mycket fritid har du?".into();
    assert_eq!(
        choice_line(&t, &ExplorerState::parse(&pairs("?indikator=fritid"), &t).state),
        "Hur mycket fritid har du? – hela fördelningen · gy 2 · Kalmar län, Riket · 2021–2023"
    );
    // The summary sets a question off by a dash too, never "?,".
    let opening = |q: &str| {
        let s = ExplorerState::parse(&pairs(q), &t).state;
        summary(&t, &s, &select(&t, &s))
            .split(", 20")
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(opening("?indikator=fritid"), "Hur mycket fritid har du? – gy 2");
    assert_eq!(
        opening("?indikator=fritid&fran=2030"),
        "Hur mycket fritid har du? – gy 2: inga värden att visa för valet."
    );
}
#[test]
fn values_keep_the_sources_hedge_word_and_unit() {
    let cases: &[(Option<f64>, Option<Approx>, StatUnit, &str)] = &[
        (Some(16000.0), Some(Approx::Drygt), StatUnit::Count, "drygt 16\u{a0}000"),
        (Some(73.0), Some(Approx::Ca), StatUnit::Percent, "ca 73\u{a0}%"),
        (Some(12.5), None, StatUnit::Percent, "12,5\u{a0}%"),
        (Some(2.5), None, StatUnit::Litres, "2,5\u{a0}liter"),
        (None, Some(Approx::Ca), StatUnit::Percent, ".."),
    ];
    for &(value, approx, unit, text) in cases {
        assert_eq!(format_value(value, approx, unit), text);
    }
}
#[test]
fn the_banner_says_which_areas_of_the_view_are_example_data() {
    let t = table();
    let row = |area, year, example: bool, value: Option<f64>| Observation {
        indicator: 0,
        year,
        area,
        grade: 2,
        gender: 0,
        answer: None,
        value,
        n: None,
        approx: None,
        example,
        source: 0,
    };
    let cases: &[(&[Observation], &str)] = &[
        (&[row(0, 2023, true, Some(1.0)), row(1, 2023, true, Some(1.0))], "Alla siffror i vyn är exempeldata."),
        (&[row(2, 2023, false, Some(1.0))], "Alla siffror i vyn kommer ur publicerade källor."),
        (
            &[row(0, 2023, true, Some(1.0)), row(1, 2023, true, Some(1.0)), row(2, 2023, false, Some(1.0))],
            "Exempeldata i vyn: Kalmar och Kalmar län. Ur publicerade källor: Riket (märkta som verkliga i tabellen).",
        ),
        (
            &[row(0, 2015, false, Some(1.0)), row(0, 2017, false, Some(1.0)), row(0, 2019, true, Some(1.0)), row(1, 2019, true, Some(1.0))],
            "Exempeldata i vyn: Kalmar län och övriga år för Kalmar. Ur publicerade källor: Kalmar 2015 och 2017 (märkta som verkliga i tabellen).",
        ),
        // A suppressed cell is neither: it shows no number.
        (&[row(0, 2023, true, None), row(2, 2023, false, Some(1.0))], "Alla siffror i vyn kommer ur publicerade källor."),
    ];
    for (rows, expected) in cases {
        assert_eq!(example_scope(&t, rows), *expected);
    }
}

/// Each note by its opening words: (query, the chart's kind, the notes under it).
#[test]
fn the_key_says_in_words_what_the_chart_draws() {
    use crate::stat::View;
    let mut t = table();
    t.survey.indicators[0].breaks = vec![crate::stats::Break {
        year: 2023,
        why: "Frågan ändrades.".into(),
    }];
    let cases: &[(&str, View, &[&str])] = &[
        ("", View::Bars, &[]),
        (
            "?omrade=0880&fran=2021",
            View::Line,
            &["Linjen bryts 2023: Frågan ändrades."],
        ),
        (
            "?omrade=0880,08",
            View::Line,
            &[
                "Linjen bryts 2023",
                "* och ofylld punkt: exempeldata",
                "Kalmar län är en jämförelse: streckad",
            ],
        ),
        (
            "?omrade=0880&kon=jamfor",
            View::Bars,
            &["Fylld stapel: flickor", "..: värdet är dolt"],
        ),
        ("?indikator=fritid", View::Stacked, &["Svaren står i samma ordning"]),
        ("?visa=karta", View::Bars, &["Kartan visar ett år", "*: exempeldata"]),
        (
            "?omrade=0880,08,00&fran=2023",
            View::Bars,
            &["*: exempeldata", "Kalmar län och Riket är jämförelser: randig stapel."],
        ),
    ];
    for (q, view, want) in cases {
        let s = ExplorerState::parse(&pairs(q), &t).state;
        let rows = select(&t, &s);
        let chart = crate::stat::build(&t, &s, &rows);
        let notes = key_notes(&t, &s, &chart, &rows);
        assert_eq!(chart.view, *view, "{q}");
        assert_eq!(notes.len(), want.len(), "{q}: {notes:?}");
        for (note, start) in notes.iter().zip(want.iter()) {
            assert!(note.starts_with(start), "{q}: {note}");
        }
    }
    // A chosen municipality that does not take part is said to.
    t.survey.absent = vec![crate::stats::Absent {
        code: "0880".into(),
        sentence: "Kalmar deltar inte.".into(),
        source: "S".into(),
    }];
    let s = ExplorerState::parse(&pairs("?omrade=0880&fran=2021"), &t).state;
    let rows = select(&t, &s);
    let notes = key_notes(&t, &s, &crate::stat::build(&t, &s, &rows), &rows);
    assert_eq!(notes[1], "Kalmar deltar inte.");
}
