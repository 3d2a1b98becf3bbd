//! The trend's tests: legends, breaks, filled and hollow markers, dashes, escaping.

use super::*;

#[test]
fn the_trend_names_both_lines_and_escapes_them() {
    let years = [2019, 2021, 2023];
    let svg = render_svg(&Trend {
        breaks: &[],
        unit: StatUnit::Percent,
        lines: vec![
            Line {
                name: "Kalmar <b> kommun",
                role: Role::Municipality,
                years: &years,
                values: &[Some(20.0), None, Some(30.0)],
                real: &[],
            },
            Line {
                name: "Kalmar län",
                role: Role::County,
                years: &years,
                values: &[Some(22.0), Some(21.0), Some(21.5)],
                real: &[],
            },
            Line {
                name: "Riket",
                role: Role::Nation,
                years: &[2019, 2020, 2021, 2022, 2023],
                values: &[Some(19.0), Some(19.5), Some(20.0), Some(20.0), Some(21.0)],
                real: &[],
            },
        ],
    });
    assert!(svg.starts_with("<svg") && svg.contains(&format!("viewBox=\"0 0 {WIDTH} {HEIGHT}\"")));
    // The legend names every line, escaped; the ends give the last values.
    for text in [
        "Kalmar &lt;b&gt; kommun",
        ">Kalmar län<",
        ">Riket<",
        ">30\u{a0}%<",
        ">21,5\u{a0}%<",
        ">21\u{a0}%<",
    ] {
        assert!(
            svg.replace(['\n', ' '], "").contains(&text.replace(' ', "")),
            "{text}: {svg}"
        );
    }
    assert!(!svg.contains("<b>"));
    assert!(svg.contains("2019") && svg.contains("2023"));
    // The county and the nation in the reference colour, never a series colour of their own.
    assert!(svg.contains(&REFERENCE.hex().to_uppercase()) && !svg.contains(&SERIES[1].hex().to_uppercase()));
}

#[test]
fn a_change_of_question_breaks_every_line() {
    let years = [2019, 2021, 2023];
    let municipal = |breaks: &[u16]| {
        let svg = render_svg(&Trend {
            breaks,
            unit: StatUnit::Percent,
            lines: vec![Line {
                name: "A",
                role: Role::Municipality,
                years: &years,
                values: &[Some(20.0), Some(21.0), Some(22.0)],
                real: &[],
            }],
        });
        let blue = format!("stroke=\"{}\" stroke-width=\"3\"", SERIES[0].hex().to_uppercase());
        // The legend's sample is a line of two points; the trend's runs are counted by their points.
        svg.lines()
            .filter(|l| l.starts_with("<polyline") && l.contains(&blue))
            .map(|l| l.matches(',').count())
            .collect::<Vec<_>>()
    };
    // (breaks, points of each blue line: the legend's sample, then the runs)
    for (breaks, want) in [
        (&[][..], vec![2, 3]),
        (&[2021][..], vec![2, 2]),
        (&[2022][..], vec![2, 2]),
        (&[2020, 2022][..], vec![2]),
    ] {
        assert_eq!(municipal(breaks), want, "{breaks:?}");
    }
}

#[test]
fn real_values_among_example_data_are_filled_and_example_ones_hollow() {
    let years = [2015, 2017, 2019];
    let circles = |real: &[bool]| {
        let svg = render_svg(&Trend {
            breaks: &[],
            unit: StatUnit::Percent,
            lines: vec![Line {
                name: "A",
                role: Role::Municipality,
                years: &years,
                values: &[Some(9.0), Some(14.0), Some(6.0)],
                real,
            }],
        });
        let blue = SERIES[0].hex().to_uppercase();
        // The legend's sample is filled; then each value's marker.
        let filled = svg
            .lines()
            .filter(|l| l.starts_with("<circle") && l.contains(&format!("fill=\"{blue}\"")))
            .count();
        let hollow = svg
            .lines()
            .filter(|l| l.starts_with("<circle") && l.contains("fill=\"#FFFFFF\""))
            .count();
        (filled, hollow)
    };
    // (real flags, (filled, hollow))
    for (real, want) in [
        (&[][..], (4, 0)),
        (&[false, false, false][..], (4, 0)),
        (&[true, true, false][..], (3, 1)),
        (&[true, true, true][..], (4, 0)),
    ] {
        assert_eq!(circles(real), want, "{real:?}");
    }
}

#[test]
fn dashes_keep_their_rhythm_across_corners() {
    let d = dashes(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], 6.0, 4.0);
    // 0–6 on, 6–10 off, then round the corner: 10–16 on (0–6 down), 16–20 off.
    assert_eq!(d, vec![[(0.0, 0.0), (6.0, 0.0)], [(10.0, 0.0), (10.0, 6.0)]]);
    assert!(dashes(&[(1.0, 1.0), (1.0, 1.0)], 6.0, 4.0).is_empty());
}

#[test]
fn names_from_data_are_escaped() {
    // The kommunrapport inserts this SVG as HTML.
    let evil = "<img src=x onerror=alert(1)>";
    let years = [2021, 2023];
    let svg = render_svg(&Trend {
        breaks: &[],
        unit: StatUnit::Percent,
        lines: vec![Line {
            name: evil,
            role: Role::Municipality,
            years: &years,
            values: &[Some(20.0), Some(21.0)],
            real: &[],
        }],
    });
    assert!(
        !svg.contains("<img") && svg.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{svg}"
    );
}

#[test]
fn a_trend_without_values_is_still_a_drawing() {
    let svg = render_svg(&Trend {
        breaks: &[],
        unit: StatUnit::Percent,
        lines: vec![Line {
            name: "A",
            role: Role::Municipality,
            years: &[],
            values: &[],
            real: &[],
        }],
    });
    assert!(svg.starts_with("<svg"));
}

#[test]
fn the_legend_wraps_where_the_names_are_long() {
    // (names, rows of the legend)
    for (names, rows) in [
        (vec!["Torsås", "Kalmar län"], 1),
        (vec!["Mörbylånga", "Kalmar län", "Riket"], 2),
        (vec!["Emmaboda", "Kalmar län"], 1),
    ] {
        let placed = legend_rows(&names);
        assert_eq!(placed.iter().map(|p| p.0).max().unwrap() + 1, rows, "{names:?}");
        for ((_, x), name) in placed.iter().zip(&names) {
            assert!(x + 30 + text_width(name) <= WIDTH, "{name} inside the drawing");
        }
    }
}
