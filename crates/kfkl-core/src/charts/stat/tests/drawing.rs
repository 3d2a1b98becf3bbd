//! The drawing: lines broken and bridged, references and their legend, the
//! banner, round axes, and text from data escaped.

use super::*;
use crate::model::Approx;
use crate::palette::{REFERENCE, SERIES};
use crate::stats::{Observation, StatUnit};

#[test]
fn a_line_bridges_a_year_without_a_round_and_breaks_at_a_suppressed_one() {
    use crate::stats::Rows;
    // The nation has 2022 too; Kalmar (2021, 2023) has no round that year.
    let mut t = table();
    let mut rows: Vec<Observation> = (0..t.rows.len()).map(|i| t.rows.get(i)).collect();
    rows.insert(
        5,
        Observation {
            indicator: 0,
            year: 2022,
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
    let s = state("omrade=0880,00");
    let c = build(&t, &s, &select(&t, &s));
    assert_eq!(c.categories, ["2021", "2022", "2023"]);
    let svg = render_svg(
        &c,
        &Frame {
            width: 640,
            caption: None,
        },
    );
    let blue = format!("stroke=\"{}\" stroke-width=\"3\"", SERIES[0].hex().to_uppercase());
    let kalmar: Vec<&str> = svg
        .lines()
        .filter(|l| l.starts_with("<polyline") && l.contains(&blue))
        .collect();
    assert_eq!(
        kalmar.len(),
        2,
        "the legend sample and one line from 2021 to 2023: {kalmar:?}"
    );
    // Girls in 2023 are suppressed ("..") and have a round in 2021 only: no line to draw.
    let c = build(
        &t,
        &state("omrade=0880&kon=flickor"),
        &select(&t, &state("omrade=0880&kon=flickor")),
    );
    assert!(c.series[0].points.iter().all(|p| p.is_none_or(|p| p.value.is_none())));
}

#[test]
fn no_line_runs_across_a_change_of_question() {
    // Kalmar has 2021 and 2023; a break in 2022 or 2023 cuts its one line in two, one in 2021 or before does not.
    let lines = |breaks: &[u16]| {
        let mut t = table();
        t.survey.indicators[0].breaks = breaks
            .iter()
            .map(|&year| crate::stats::Break { year, why: "W".into() })
            .collect();
        let s = state("omrade=0880");
        let svg = render_svg(
            &build(&t, &s, &select(&t, &s)),
            &Frame {
                width: 640,
                caption: None,
            },
        );
        let blue = format!("stroke=\"{}\" stroke-width=\"3\"", SERIES[0].hex().to_uppercase());
        svg.lines()
            .filter(|l| l.starts_with("<polyline") && l.contains(&blue))
            .count()
    };
    // (breaks, blue polylines: the line from 2021 to 2023, or none where two single rounds remain)
    for (breaks, want) in [
        (&[][..], 1),
        (&[2022][..], 0),
        (&[2023][..], 0),
        (&[2021][..], 1),
        (&[2030][..], 1),
    ] {
        assert_eq!(lines(breaks), want, "{breaks:?}");
    }
}

#[test]
fn the_county_and_the_nation_are_drawn_as_references_with_a_legend() {
    // (query, the references: of the lines or of the bars, what the legend says of them)
    let cases: &[(&str, &[bool], Option<&str>)] = &[
        ("omrade=0880,08,00", &[false, true, true], None),
        (
            "omrade=0880,08,00&fran=2023",
            &[false, true, true],
            Some("Kalmar län och Riket, som jämförelse"),
        ),
        (
            "omrade=0880,08&fran=2023",
            &[false, true],
            Some("Kalmar län, som jämförelse"),
        ),
        ("omrade=0880&fran=2023", &[false], None),
        // Without a municipality the county and the nation are the series, not references.
        ("indikator=fritid", &[false], None),
        ("omrade=08,00", &[false, false], None),
    ];
    for (query, want, legend) in cases {
        let c = chart(query);
        let got: Vec<bool> = if c.view == View::Line {
            c.series.iter().map(|s| s.reference).collect()
        } else {
            c.reference.clone()
        };
        assert_eq!(got.as_slice(), *want, "{query}");
        let svg = render_svg(
            &c,
            &Frame {
                width: 640,
                caption: None,
            },
        );
        assert_eq!(svg.contains("som jämförelse"), legend.is_some(), "{query}: legend");
        if let Some(legend) = legend {
            assert!(svg.contains(legend), "{query}: {legend}");
        }
    }
    // Lines name each reference beside its own dash.
    let c = chart("omrade=0880,08,00");
    assert_eq!(c.reference_names, ["Kalmar län", "Riket"]);
    // plotters writes colours in capitals.
    let svg = render_svg(
        &chart("omrade=0880,08"),
        &Frame {
            width: 640,
            caption: None,
        },
    );
    assert!(
        svg.contains(&format!("stroke=\"{}\"", REFERENCE.hex().to_uppercase())),
        "reference colour drawn"
    );
}

#[test]
fn svg_carries_the_banner_only_for_example_data_and_marks_suppression() {
    let frame = Frame {
        width: 640,
        caption: Some(("Titel <b>".into(), "Källa: CAN".into())),
    };
    let svg = render_svg(&chart("omrade=0880&fran=2023&kon=jamfor"), &frame);
    assert!(svg.contains(BANNER_TEXT) && svg.contains(".. (dolt)"), "{svg}");
    assert!(svg.contains("Titel &lt;b&gt;") && svg.contains("Källa: CAN"));
    let real = render_svg(
        &chart("omrade=08,00&fran=2023"),
        &Frame {
            width: 360,
            caption: None,
        },
    );
    assert!(!real.contains(BANNER_TEXT) && real.contains("Riket") && real.contains("21\u{a0}%"));
    for query in [
        "omrade=0880",
        "indikator=fritid",
        "omrade=0880,08,00&fran=2023&till=2023",
        "omrade=0840",
    ] {
        assert!(render_svg(&chart(query), &frame).starts_with("<svg"), "{query}");
    }
}

#[test]
fn counts_are_drawn_with_round_axes_and_hedged_labels() {
    let mut t = table();
    t.survey.grades = vec!["alla".into()];
    t.survey.indicators[0].unit = StatUnit::Count;
    t.rows = crate::stats::Rows::default();
    for (year, value, approx) in [(2022, 698.0, None), (2023, 270000.0, Some(Approx::Nara))] {
        t.rows.push(&Observation {
            indicator: 0,
            year,
            area: 1,
            grade: 3,
            gender: 0,
            answer: None,
            value: Some(value),
            n: None,
            approx,
            example: false,
            source: 0,
        });
    }
    let s = ExplorerState::default_for(&t);
    let c = build(&t, &s, &select(&t, &s));
    assert_eq!((c.view, c.title.as_str()), (View::Line, "ROKNING, 2022–2023"));
    let svg = render_svg(
        &c,
        &Frame {
            width: 640,
            caption: None,
        },
    );
    assert!(
        svg.contains("nära 270\u{a0}000") && svg.contains("300\u{a0}000"),
        "{svg}"
    );
    // (largest value, axis end)
    for (hi, top) in [
        (698.0, 800.0),
        (722.0, 800.0),
        (270000.0, 300000.0),
        (16000.0, 18000.0),
        (0.0, 1.0),
    ] {
        assert_eq!(axis_max([hi].into_iter(), StatUnit::Count), top, "{hi}");
    }
}

#[test]
fn text_from_data_is_escaped_in_every_view_and_caption() {
    const EVIL: &str = "<img src=x onerror=alert(1)>";
    let mut t = table();
    t.areas[0].name = EVIL.into();
    t.survey.indicators[0].label = EVIL.into();
    t.survey.indicators[1].answers[0] = EVIL.into();
    t.areas[1].name = EVIL.into();
    for query in [
        "omrade=0880",
        "omrade=0880,08&fran=2023",
        "omrade=0880&fran=2023&kon=jamfor",
        "indikator=fritid",
    ] {
        let s = state(query);
        let c = build(&t, &s, &select(&t, &s));
        let svg = render_svg(
            &c,
            &Frame {
                width: 640,
                caption: Some((c.title.clone(), format!("Källa: {EVIL}"))),
            },
        );
        assert!(!svg.contains("<img"), "{query}: {svg}");
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "{query}");
    }
}
