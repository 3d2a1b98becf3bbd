//! Queries to state and back, and what a table without grades or genders allows.

use super::*;

#[test]
fn queries_parse_to_state_and_back() {
    let t = table();
    // (query, canonical, the canonical form)
    let cases: &[(&str, bool, &str)] = &[
        ("", true, ""),
        ("?indikator=fritid", true, "?indikator=fritid"),
        ("?omrade=0880,00", true, "?omrade=0880,00"),
        ("?omrade=00,0880", false, "?omrade=0880,00"),
        ("?omrade=08,00", false, ""),
        (
            "?fran=2021&till=2023&arskurs=ak9&kon=jamfor",
            true,
            "?fran=2021&till=2023&arskurs=ak9&kon=jamfor",
        ),
        ("?kon=flickor", true, "?kon=flickor"),
        ("?arskurs=ak8", false, ""),
        ("?okand=1", false, ""),
        ("?indikator=saknas&kon=pojkar", false, "?kon=pojkar"),
        ("?kon=pojkar&indikator=fritid", false, "?indikator=fritid&kon=pojkar"),
        ("?indikator=fritid&svar=2", true, "?indikator=fritid&svar=2"),
        ("?indikator=fritid&svar=3", false, "?indikator=fritid"),
        ("?svar=0", false, ""),
        ("?fran=2023&till=2021", false, ""),
        ("?fran=abc", false, ""),
        ("?kon=alla&kon=alla", false, ""),
        ("?visa=karta", true, "?visa=karta"),
        ("?visa=lista", false, ""),
        // A map shows one value per municipality: one gender, one answer.
        ("?kon=jamfor&visa=karta", false, "?visa=karta"),
        (
            "?indikator=fritid&visa=karta",
            false,
            "?indikator=fritid&svar=0&visa=karta",
        ),
    ];
    for (query, canonical, form) in cases {
        let parsed = ExplorerState::parse(&pairs(query), &t);
        assert_eq!(
            (parsed.canonical, parsed.state.to_query(&t).as_str()),
            (*canonical, *form),
            "{query}"
        );
        let again = ExplorerState::parse(&pairs(form), &t);
        assert!(again.canonical && again.state == parsed.state, "{form} round-trips");
    }
}
#[test]
fn a_table_without_grades_genders_or_nation_leaves_them_out() {
    let t = counts();
    let parse = |q: &str| ExplorerState::parse(&pairs(q), &t);
    let default = parse("");
    assert!(default.canonical);
    assert_eq!(default.state.areas, [1], "only the county has data");
    // Girls and boys cannot be chosen where the data has none.
    for q in ["?kon=flickor", "?kon=jamfor", "?arskurs=gy2"] {
        assert_eq!(
            (parse(q).canonical, parse(q).state),
            (false, default.state.clone()),
            "{q}"
        );
    }
    let rows = select(&t, &default.state);
    assert_eq!(
        summary(&t, &default.state, &rows),
        "Utlån, 2023: Kalmar län drygt 16\u{a0}000."
    );
    assert_eq!(file_name(&t, &default.state, "csv"), "av-play-utlan-08.csv");
    assert_eq!(
        source_line(&t, &rows),
        "Källa: Källa; med semikolon.",
        "each source once"
    );
    assert_eq!(
        source_line(&t, &[]),
        "Källa: CAN.",
        "the publisher where nothing is shown"
    );
    let csv = to_csv(&t, &default.state, &rows, CsvFlavour::Standard);
    assert!(!csv.contains("EXEMPELDATA") && !csv.contains("svarande"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l == "utlan,2023,Kalmar län,08,alla,alla,,16000,drygt,antal,,nej,Källa; med semikolon"),
        "{csv}"
    );
}

/// The state in brief: areas, years, gender, answer, view ("0,1 2021–2023 g1 a2 diagram").
fn brief(s: &ExplorerState) -> String {
    let areas: Vec<String> = s.areas.iter().map(|a| a.to_string()).collect();
    let year = |y: Option<u16>| y.map_or("·".to_string(), |y| y.to_string());
    let dim = |d: Option<usize>| d.map_or("·".to_string(), |d| d.to_string());
    let view = if s.map { "karta" } else { "diagram" };
    format!(
        "{} {}–{} g{} a{} {view}",
        areas.join(","),
        year(s.from),
        year(s.to),
        dim(s.gender),
        dim(s.answer)
    )
}

/// Each control's rule: what the reader does, and the state after it, from
/// Kalmar and the county, 2021–2023, girls, the third answer, the chart.
#[test]
fn each_control_changes_the_state_by_its_rule() {
    type Change = fn(&mut ExplorerState);
    let start = ExplorerState {
        indicator: 1,
        areas: vec![0, 1],
        from: Some(2021),
        to: Some(2023),
        grade: 2,
        gender: Some(1),
        answer: Some(2),
        map: false,
    };
    assert_eq!(brief(&start), "0,1 2021–2023 g1 a2 diagram");
    #[rustfmt::skip]
    let cases: &[(&str, Change, &str)] = &[
        ("another indicator drops the answer", |s| s.choose_indicator(0), "0,1 2021–2023 g1 a· diagram"),
        ("an area is added in table order", |s| s.toggle_area(2), "0,1,2 2021–2023 g1 a2 diagram"),
        ("an area is removed", |s| s.toggle_area(0), "1 2021–2023 g1 a2 diagram"),
        ("the last area stays", |s| { s.toggle_area(0); s.toggle_area(1) }, "1 2021–2023 g1 a2 diagram"),
        ("a from after the to swaps them", |s| s.choose_year(YearEnd::From, Some(2025)), "0,1 2023–2025 g1 a2 diagram"),
        ("a to before the from swaps them", |s| s.choose_year(YearEnd::To, Some(2019)), "0,1 2019–2021 g1 a2 diagram"),
        ("the latest year", |s| s.choose_year(YearEnd::To, None), "0,1 2021–· g1 a2 diagram"),
        ("only one year", |s| s.only_year(Some(2023)), "0,1 2023–2023 g1 a2 diagram"),
        ("all years", |s| s.only_year(None), "0,1 ·–· g1 a2 diagram"),
        ("the map keeps one gender and one answer", |s| s.choose_map(true, 3), "0,1 2021–2023 g1 a2 karta"),
        ("the map from girls and boys side by side shows everyone", |s| { s.choose_gender(None); s.choose_map(true, 3) }, "0,1 2021–2023 g0 a2 karta"),
        ("the map from a whole distribution shows its first answer", |s| { s.choose_answer(None); s.choose_map(true, 3) }, "0,1 2021–2023 g1 a0 karta"),
        ("the map of a share has no answer", |s| { s.answer = None; s.choose_map(true, 0) }, "0,1 2021–2023 g1 a· karta"),
        ("girls and boys side by side leave the map", |s| { s.choose_map(true, 3); s.choose_gender(None) }, "0,1 2021–2023 g· a2 diagram"),
        ("a whole distribution leaves the map", |s| { s.choose_map(true, 3); s.choose_answer(None) }, "0,1 2021–2023 g1 a· diagram"),
        ("one gender keeps the map", |s| { s.choose_map(true, 3); s.choose_gender(Some(2)) }, "0,1 2021–2023 g2 a2 karta"),
    ];
    for (what, change, after) in cases {
        let mut s = start.clone();
        change(&mut s);
        assert_eq!(brief(&s), *after, "{what}");
    }
}

/// What the controls make is always a state the URL holds as it is.
#[test]
fn what_the_controls_make_the_url_holds() {
    let t = table();
    let mut s = ExplorerState::default_for(&t);
    s.choose_indicator(1);
    s.choose_map(true, t.survey.indicators[1].answers.len());
    s.choose_year(YearEnd::To, Some(2021));
    let again = ExplorerState::parse(&pairs(&s.to_query(&t)), &t);
    assert!(again.canonical, "{}", s.to_query(&t));
    assert_eq!(again.state, s);
}

/// Property: no query string makes parsing panic, and what it yields is canonical.
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_query_parses_to_a_canonical_state(
            query in proptest::collection::vec(("(indikator|omrade|fran|till|arskurs|kon|svar|[a-zå]{0,6})", "[a-zA-Z0-9,_åäö=&%-]{0,12}"), 0..8)
        ) {
            let t = table();
            let pairs: Vec<(String, String)> = query;
            let parsed = ExplorerState::parse(&pairs, &t);
            let form = parsed.state.to_query(&t);
            let again = ExplorerState::parse(&super::pairs(&form), &t);
            prop_assert!(again.canonical, "{form}");
            prop_assert_eq!(&again.state, &parsed.state);
            let _ = select(&t, &parsed.state);
        }
    }
}
