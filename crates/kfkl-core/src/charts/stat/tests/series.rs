//! A selection shaped into a chart: its view, categories, series, places, title and labels.

use super::*;
use crate::stats::Observation;

#[test]
fn the_selection_decides_the_view() {
    // (query, view, categories, series names)
    let cases: &[(&str, View, &[&str], &[&str])] = &[
        ("omrade=0880", View::Line, &["2021", "2023"], &["Kalmar"]),
        (
            "omrade=0880,08,00&fran=2023",
            View::Bars,
            &["Kalmar", "Kalmar län", "Riket"],
            &[""],
        ),
        (
            "omrade=0880&fran=2023&kon=jamfor",
            View::Bars,
            &["Kalmar"],
            &["flickor", "pojkar"],
        ),
        (
            "indikator=fritid",
            View::Stacked,
            &["Kalmar län"],
            &["Mycket", "Lagom", "Lite"],
        ),
        ("indikator=fritid&svar=1&fran=2023", View::Bars, &["Kalmar län"], &[""]),
        (
            "indikator=fritid&svar=1",
            View::Line,
            &["2021", "2023"],
            &["Kalmar län"],
        ),
    ];
    for (query, view, categories, names) in cases {
        let c = chart(query);
        let got: Vec<&str> = c.series.iter().map(|s| s.name.as_str()).collect();
        let cats: Vec<&str> = c.categories.iter().map(String::as_str).collect();
        assert_eq!(
            (c.view, cats.as_slice(), got.as_slice()),
            (*view, *categories, *names),
            "{query}"
        );
    }
}

#[test]
fn an_area_keeps_its_colour_and_a_reference_its_dash_whichever_genders_are_shown() {
    // (query, per line: its place among its kind, reference, boys)
    let cases: &[(&str, &[(usize, bool, bool)])] = &[
        (
            "omrade=0880,08,00",
            &[(0, false, false), (0, true, false), (1, true, false)],
        ),
        // Girls and boys of one area share its colour (place) and differ by marker;
        // the nation is the second reference whether or not the county has two lines.
        (
            "omrade=0880,08,00&kon=jamfor",
            &[
                (0, false, false),
                (0, false, true),
                (0, true, false),
                (0, true, true),
                (1, true, false),
                (1, true, true),
            ],
        ),
        ("omrade=08&kon=jamfor", &[(0, false, false), (0, false, true)]),
    ];
    // Every area, both genders, both rounds.
    let mut t = table();
    let mut rows: Vec<Observation> = (0..t.rows.len())
        .map(|i| t.rows.get(i))
        .filter(|o| o.indicator == 0)
        .collect();
    for (area, year, gender) in [
        (0, 2021, 1),
        (0, 2021, 2),
        (1, 2021, 0),
        (1, 2021, 1),
        (1, 2021, 2),
        (1, 2023, 1),
        (1, 2023, 2),
        (2, 2021, 0),
        (2, 2021, 1),
        (2, 2021, 2),
        (2, 2023, 1),
        (2, 2023, 2),
    ] {
        rows.push(Observation {
            indicator: 0,
            year,
            area,
            grade: 2,
            gender,
            answer: None,
            value: Some(20.0),
            n: None,
            approx: None,
            example: false,
            source: 0,
        });
    }
    t.rows = crate::stats::Rows::default();
    rows.iter().for_each(|o| t.rows.push(o));
    for (query, want) in cases {
        let c = build(&t, &state(query), &select(&t, &state(query)));
        assert_eq!(c.view, View::Line, "{query}");
        let got: Vec<(usize, bool, bool)> = c.series.iter().map(|s| (s.place, s.reference, s.boys)).collect();
        assert_eq!(got.as_slice(), *want, "{query}");
    }
}

#[test]
fn titles_name_indicator_grade_gender_and_years() {
    let cases = [
        ("omrade=0880", "ROKNING, gy 2, 2021–2023"),
        ("omrade=0880&kon=pojkar", "ROKNING, gy 2, pojkar, 2023"),
        (
            "omrade=0880&fran=2023&kon=jamfor",
            "ROKNING, gy 2, flickor och pojkar, 2023",
        ),
        ("indikator=fritid&svar=1&fran=2023", "FRITID: ”Lagom”, gy 2, 2023"),
        ("indikator=fritid", "FRITID, gy 2, 2023"),
    ];
    for (query, title) in cases {
        assert_eq!(chart(query).title, title, "{query}");
    }
    // A label that is a question is set off by a dash: no "?,".
    let mut t = crate::explorer::tests::table();
    t.survey.indicators[1].label = "Hur mycket fritid har du?".into();
    let title = |q: &str| {
        let s = ExplorerState::parse(
            &q.split('&')
                .filter_map(|p| p.split_once('='))
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>(),
            &t,
        )
        .state;
        build(&t, &s, &select(&t, &s)).title
    };
    assert_eq!(title("indikator=fritid"), "Hur mycket fritid har du? – gy 2, 2023");
    assert_eq!(
        title("indikator=fritid&svar=1"),
        "Hur mycket fritid har du? – ”Lagom”, gy 2, 2021–2023"
    );
}

#[test]
fn example_values_are_starred_only_beside_real_ones_and_suppressed_values_show_dots() {
    let mixed = chart("omrade=0880,08&fran=2023");
    assert!(mixed.example && mixed.mixed);
    let labels: Vec<String> = mixed.series[0]
        .points
        .iter()
        .map(|p| mixed.label(&p.unwrap()))
        .collect();
    assert_eq!(labels, ["21\u{a0}%*", "19\u{a0}%"]);
    let only_example = chart("omrade=0880&fran=2023&kon=jamfor");
    assert!(only_example.example && !only_example.mixed);
    assert_eq!(only_example.label(&only_example.series[0].points[0].unwrap()), "..");
    let real = chart("omrade=08,00&fran=2023");
    assert!(!real.example && !real.mixed);
}
