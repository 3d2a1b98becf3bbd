//! The rows a view shows, their sort, the indicator filter and the county comparison.

use super::*;

#[test]
fn the_map_view_shows_every_area_in_one_year() {
    let t = table();
    let s = ExplorerState::parse(&pairs("?omrade=0880&fran=2021&visa=karta"), &t).state;
    let rows = select(&t, &s);
    assert_eq!(
        rows.iter().map(|o| (o.area, o.year)).collect::<Vec<_>>(),
        [(0, 2023), (1, 2023), (2, 2023)]
    );
    assert_eq!(
        summary(&t, &s, &rows),
        "ROKNING, gy 2, 2023, länets kommuner: Kalmar 21\u{a0}%. Kalmar län 19\u{a0}%, Riket 21\u{a0}%."
    );
    let s = ExplorerState::parse(&pairs("?till=2021&visa=karta"), &t).state;
    assert_eq!(
        select(&t, &s).iter().map(|o| (o.area, o.year)).collect::<Vec<_>>(),
        [(0, 2021)]
    );
    // Counts for the county alone (AV-Play) have no map.
    let parsed = ExplorerState::parse(&pairs("?visa=karta"), &counts());
    assert!(!parsed.state.map && !parsed.canonical);
}
#[test]
fn the_table_compares_each_municipality_with_its_county_by_the_honest_rule() {
    let mut t = table();
    let s = ExplorerState::default_for(&t);
    let versus = |t: &StatTable, area: usize, gender: usize| {
        let o = (0..t.rows.len())
            .map(|i| t.rows.get(i))
            .find(|o| o.indicator == 0 && o.year == 2023 && o.area == area && o.gender == gender)
            .unwrap();
        against_county(t, &o, &county_rows(t, &s))
    };
    // Kalmar 21 % of 118 against the rest of a county of 19 % of 3 000: chance explains it.
    assert_eq!(versus(&t, 0, 0), Some(Difference::NoSureDifference));
    // Suppressed: no claim. The county and the nation are the references themselves.
    assert_eq!(versus(&t, 0, 1), Some(Difference::Unknown));
    assert_eq!((versus(&t, 1, 0), versus(&t, 2, 0)), (None, None));
    // 40 % of 118 against the rest at 18,2 % of 2 882: surely higher.
    t.rows.value[1] = Some(40.0);
    assert_eq!(versus(&t, 0, 0), Some(Difference::Higher));
    // No county row that year: no claim.
    let o = Observation {
        year: 2021,
        ..t.rows.get(1)
    };
    assert_eq!(against_county(&t, &o, &county_rows(&t, &s)), Some(Difference::Unknown));
}
#[test]
fn the_table_sorts_by_a_column_with_suppressed_values_last_either_way() {
    let t = table();
    let s = ExplorerState::parse(&pairs("?omrade=0880,08,00&fran=2023&kon=jamfor"), &t).state;
    let mut rows = select(&t, &s);
    rows.extend(select(
        &t,
        &ExplorerState::parse(&pairs("?omrade=08,00&fran=2023"), &t).state,
    ));
    let values = |key, ascending| {
        sort_rows(&rows, key, ascending)
            .iter()
            .map(|o| o.value)
            .collect::<Vec<_>>()
    };
    // Shown: Kalmar flickor (..), Kalmar pojkar 18, Kalmar län 19, Riket 21.
    let cases: &[(SortKey, bool, &[Option<f64>])] = &[
        (SortKey::Shown, true, &[None, Some(18.0), Some(19.0), Some(21.0)]),
        (SortKey::Value, true, &[Some(18.0), Some(19.0), Some(21.0), None]),
        (SortKey::Value, false, &[Some(21.0), Some(19.0), Some(18.0), None]),
        (SortKey::Area, false, &[Some(21.0), Some(19.0), None, Some(18.0)]),
    ];
    for (key, ascending, want) in cases {
        assert_eq!(values(*key, *ascending), *want, "{key:?} {ascending}");
    }
    // Unknown n (Riket) goes last either way.
    let n = |ascending| {
        sort_rows(&rows, SortKey::N, ascending)
            .iter()
            .map(|o| o.n)
            .collect::<Vec<_>>()
    };
    assert_eq!(n(true), [Some(7), Some(111), Some(3000), None]);
    assert_eq!(n(false), [Some(3000), Some(111), Some(7), None]);
    assert_eq!(
        (years_of(&t, 0, 2), years_of(&t, 1, 2), years_of(&t, 0, 1)),
        (vec![2021, 2023], vec![2021, 2023], vec![])
    );
    assert_eq!(areas_with_rows(&t, 1, 2), [false, true, false]);
    assert_eq!((t.rows_of(0), t.rows_of(1), t.rows_of(2)), (0..6, 6..12, 12..12));
}
#[test]
fn the_indicator_filter_matches_as_search_does() {
    let mut ind = table().survey.indicators[1].clone();
    ind.label = "Mycket fritid".into();
    ind.question = Some("Hur mycket fritid har du?".into());
    ind.definition = "Andel som svarar mycket eller ganska mycket.".into();
    let cases = [
        ("", true),
        ("fritid", true),
        ("FRI", true),
        ("fritid mycket", true),
        ("ganska", true),
        // The start of a word, as in search: not the middle.
        ("tid", false),
        // å, ä and ö are letters of their own.
        ("har", true),
        ("här", false),
        ("fritid skola", false),
    ];
    for (query, want) in cases {
        assert_eq!(indicator_matches(&ind, query), want, "{query}");
    }
}

#[test]
fn the_indicator_list_is_grouped_by_theme_and_the_filter_counts_its_matches() {
    let mut t = table();
    t.survey.indicators[1].theme = "Fritid".into();
    let mut third = t.survey.indicators[0].clone();
    third.label = "Snusar".into();
    t.survey.indicators.push(third);
    assert_eq!(
        themes(&t.survey.indicators),
        ["T", "Fritid"],
        "each theme once, in the survey's order"
    );
    let cases = [
        ("", ""),
        ("  ", ""),
        ("rok", "1 av 3 indikatorer matchar."),
        ("zz", "0 av 3 indikatorer matchar."),
    ];
    for (query, note) in cases {
        assert_eq!(filter_note(&t.survey.indicators, query), note, "{query:?}");
    }
}
