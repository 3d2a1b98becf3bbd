//! The explorer chart's tests: the fixtures' queries (`state`, `chart`), the
//! text and axis helpers here, the shaping in `series`, the drawing in `drawing`.

use super::*;
use crate::explorer::select;
use crate::explorer::tests::table;
use crate::explorer::ExplorerState;

mod drawing;
mod series;

fn state(query: &str) -> ExplorerState {
    let t = table();
    let pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())).unwrap())
        .collect();
    ExplorerState::parse(&pairs, &t).state
}

fn chart(query: &str) -> StatChart {
    let t = table();
    let s = state(query);
    build(&t, &s, &select(&t, &s))
}

#[test]
fn end_labels_keep_their_order_and_a_minimum_gap() {
    // (wanted, gap, placed)
    let cases: &[(&[f64], f64, &[f64])] = &[
        (&[10.0, 50.0], 20.0, &[10.0, 50.0]),
        (&[50.0, 52.0], 20.0, &[41.0, 61.0]),
        (&[52.0, 50.0], 20.0, &[61.0, 41.0]),
        (&[0.0, 1.0, 2.0], 10.0, &[-9.0, 1.0, 11.0]),
        (&[], 10.0, &[]),
    ];
    for (wanted, gap, placed) in cases {
        assert_eq!(spread(wanted, *gap), *placed, "{wanted:?}");
    }
}

#[test]
fn axis_years_skip_where_they_would_crowd() {
    assert_eq!(key_years(&[2015, 2018, 2021, 2024], 2), [2015, 2018, 2021, 2024]);
    assert_eq!(
        key_years(&[2004, 2013, 2015, 2016, 2017, 2019, 2021, 2022, 2023], 2),
        [2004, 2013, 2015, 2017, 2019, 2021, 2023]
    );
    assert_eq!(
        wrap("Hur nöjd är du med ditt liv", 10),
        ["Hur nöjd", "är du med", "ditt liv"]
    );
    assert_eq!(
        (
            axis_max([64.9, 70.0].into_iter(), StatUnit::Percent),
            axis_max([3.1].into_iter(), StatUnit::Litres)
        ),
        (80.0, 4.0)
    );
    assert_eq!(axis_max([99.0].into_iter(), StatUnit::Percent), 100.0);
}
