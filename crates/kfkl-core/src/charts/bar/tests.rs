//! The bar chart's tests: key-figure charts resolved, summarised, drawn and downloaded.

use super::*;
use crate::model::{Approx, BarDef, SourceDoc, SourceRef, Status, SCHEMA_VERSION};

fn figure(id: &str, value: f64, approx: Option<Approx>) -> KeyFigure {
    KeyFigure {
        id: id.into(),
        label: id.into(),
        value,
        value_high: None,
        unit: Unit::Count,
        year: 2023,
        approx,
        source: SourceRef {
            doc: "vb".into(),
            section: "AV-Media".into(),
            quote: "…".into(),
            anchor: None,
        },
    }
}

fn dataset(figures: Vec<KeyFigure>, kind: ChartKind, bar_labels: [&str; 2]) -> Dataset {
    let bars = figures
        .iter()
        .zip(bar_labels)
        .map(|(f, l)| BarDef {
            label: l.into(),
            figure: f.id.clone(),
        })
        .collect();
    Dataset {
        schema_version: SCHEMA_VERSION,
        id: "t".into(),
        title: "t".into(),
        status: Status::Official,
        sources: vec![SourceDoc {
            id: "vb".into(),
            title: "Verksamhetsberättelse 2023".into(),
            publisher: "KFKL".into(),
        }],
        figures,
        charts: vec![ChartDef {
            id: "c".into(),
            title: "Utlån av utrustning".into(),
            kind,
            bars,
        }],
    }
}

fn check_summary(a: KeyFigure, b: KeyFigure, kind: ChartKind, labels: [&str; 2], expected: &str) {
    let ds = dataset(vec![a, b], kind, labels);
    let chart = bar_chart(&ds, &ds.charts[0]);
    assert_eq!(
        chart.summary.replace(['\u{a0}'], " ").replace('\u{2212}', "-"),
        expected
    );
}

#[test]
fn summaries_say_direction_size_and_hedges() {
    check_summary(
        figure("a", 698.0, None),
        figure("b", 722.0, None),
        ChartKind::Change,
        ["2022", "2023"],
        "Utlån av utrustning ökade från 698 år 2022 till 722 år 2023 (+24, +3,4 %).",
    );
    check_summary(
        figure("a", 800.0, None),
        figure("b", 722.0, None),
        ChartKind::Change,
        ["2022", "2023"],
        "Utlån av utrustning minskade från 800 år 2022 till 722 år 2023 (-78, -9,8 %).",
    );
    check_summary(
        figure("a", 5.0, None),
        figure("b", 5.0, None),
        ChartKind::Change,
        ["2022", "2023"],
        "Utlån av utrustning var oförändrat från 5 år 2022 till 5 år 2023 (0, 0 %).",
    );
    check_summary(
        figure("a", 110.0, None),
        figure("b", 115.0, Some(Approx::Drygt)),
        ChartKind::GoalOutcome,
        ["Mål", "Utfall"],
        "Utlån av utrustning: utfallet blev drygt 115 mot målet 110 (+5, +4,5 %).",
    );
    check_summary(
        figure("a", 0.0, None),
        figure("b", 3.0, None),
        ChartKind::Change,
        ["2022", "2023"],
        "Utlån av utrustning ökade från 0 år 2022 till 3 år 2023 (+3).",
    );
}

#[test]
fn source_line_cites_document_and_section_once() {
    let ds = dataset(
        vec![figure("a", 1.0, None), figure("b", 2.0, None)],
        ChartKind::Change,
        ["x", "y"],
    );
    let chart = bar_chart(&ds, &ds.charts[0]);
    assert_eq!(
        chart.source_line,
        "Källa: KFKL, Verksamhetsberättelse 2023, avsnitt AV-Media."
    );
}

#[test]
fn svg_has_bars_labels_and_escapes_text_from_data() {
    let evil = "<img src=x onerror=alert(1)>";
    let ds = dataset(
        vec![figure("a", 698.0, None), figure("b", 722.0, None)],
        ChartKind::GoalOutcome,
        [evil, "2023"],
    );
    let svg = render_svg(&bar_chart(&ds, &ds.charts[0]), 480, 300);
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains("722") && svg.contains("698"));
    assert!(!svg.contains("<img"), "unescaped label in {svg}");
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(svg.contains("fill=\"none\""), "goal bar should be hollow");
    let hedged = dataset(
        vec![figure("a", 100.0, Some(Approx::Drygt)), figure("b", 90.0, None)],
        ChartKind::Change,
        ["x", "y"],
    );
    assert!(
        render_svg(&bar_chart(&hedged, &hedged.charts[0]), 480, 300).contains("drygt 100"),
        "bar labels keep the hedge word"
    );
}

#[test]
fn svg_survives_empty_and_zero_charts() {
    for values in [vec![], vec![0.0, 0.0]] {
        let figures: Vec<KeyFigure> = values
            .iter()
            .enumerate()
            .map(|(i, v)| figure(&i.to_string(), *v, None))
            .collect();
        let ds = dataset(figures, ChartKind::Change, ["a", "b"]);
        let chart = bar_chart(&ds, &ds.charts[0]);
        // Upright and on its side (a phone's).
        for svg in [render_svg(&chart, 300, 200), render_rows_svg(&chart, 320)] {
            // A whole drawing, not a panic or a fragment: its frame and its end.
            assert!(
                svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
                "{values:?}: {svg}"
            );
            assert!(
                !svg.contains("NaN") && !svg.contains("inf"),
                "{values:?}: no coordinate from a division by zero"
            );
        }
    }
}

#[test]
fn downloads_carry_title_source_and_the_values_as_stated() {
    let mut ds = dataset(
        vec![figure("a", 1500.5, None), figure("b", 1600.0, Some(Approx::Drygt))],
        ChartKind::Change,
        ["2022", "<b>2023</b>"],
    );
    ds.charts[0].title = "Utlån; \"utrustning\" <2023>".into();
    let chart = bar_chart(&ds, &ds.charts[0]);
    let csv = to_csv(&chart, CsvFlavour::SwedishExcel);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "\u{feff}# Utlån; \"utrustning\" <2023>");
    assert_eq!(lines[1], "# Källa: KFKL, Verksamhetsberättelse 2023, avsnitt AV-Media.");
    assert_eq!(lines[2], "år;serie;värde;som_källan_skriver");
    assert_eq!(lines[3], "2022;;1500,5;1 500,5");
    assert_eq!(lines[4], "<b>2023</b>;;1600;drygt 1 600");
    assert!(to_csv(&chart, CsvFlavour::Standard)
        .lines()
        .any(|l| l == "2022,,1500.5,\"1 500,5\""));
    let svg = render_download(&chart, 480, 300);
    assert!(
        svg.contains("Utlån; &quot;utrustning&quot; &lt;2023&gt;")
            || svg.contains("Utlån; \"utrustning\" &lt;2023&gt;"),
        "{svg}"
    );
    assert!(svg.contains("Källa: KFKL") && !svg.contains("<b>") && !svg.contains("<2023>"));
}

/// A value label wider than its category goes on two lines, the value over its
/// parenthesis; one that fits, or has nothing to split at, stays one line.
#[test]
fn a_label_wider_than_its_category_takes_two_lines() {
    let cases: &[(&str, f64, &[&str])] = &[
        ("8\u{a0}988 (32,2\u{a0}%)", 300.0, &["8\u{a0}988 (32,2\u{a0}%)"]),
        ("8\u{a0}988 (32,2\u{a0}%)", 78.0, &["8\u{a0}988", "(32,2\u{a0}%)"]),
        ("drygt 16\u{a0}000", 40.0, &["drygt 16\u{a0}000"]),
        ("", 10.0, &[""]),
    ];
    for (text, segment, lines) in cases {
        assert_eq!(super::label_lines(text, *segment), *lines, "{text} in {segment} px");
    }
}

/// A phone's narrow drawing only where nothing runs into its neighbour.
#[test]
fn a_narrow_drawing_only_where_names_and_values_fit() {
    let ds = dataset(
        vec![figure("a", 1.0, None), figure("b", 2.0, None)],
        ChartKind::Change,
        ["a", "b"],
    );
    let chart = |names: &[&str], displays: &[&str], series: usize| BarChart {
        axis_labels: names.iter().map(|n| n.to_string()).collect(),
        categories: names.iter().map(|n| n.to_string()).collect(),
        series: (0..series)
            .map(|_| Series {
                name: String::new(),
                values: vec![1.0; names.len()],
                displays: displays.iter().map(|d| d.to_string()).collect(),
            })
            .collect(),
        ..bar_chart(&ds, &ds.charts[0])
    };
    let cases = [
        (
            chart(
                &["Kansli", "Unga", "Vård", "Miljö"],
                &[
                    "8\u{a0}988 (32,2\u{a0}%)",
                    "13\u{a0}590 (48,6\u{a0}%)",
                    "4\u{a0}056 (14,5\u{a0}%)",
                    "1\u{a0}310 (4,7\u{a0}%)",
                ],
                1,
            ),
            320,
            true,
        ),
        (
            chart(
                &["Intäkter", "Övriga kostn.", "Personal"],
                &["29\u{a0}443", "−10\u{a0}706", "−17\u{a0}417"],
                2,
            ),
            320,
            false,
        ),
        (
            chart(
                &["Intäkter", "Övriga kostn.", "Personal"],
                &["29\u{a0}443", "−10\u{a0}706", "−17\u{a0}417"],
                1,
            ),
            320,
            false,
        ),
        (
            chart(
                &["Intäkter", "Övriga kostn.", "Personal"],
                &["29\u{a0}443", "−10\u{a0}706", "−17\u{a0}417"],
                1,
            ),
            420,
            true,
        ),
        (
            chart(&["Avtalade", "Övriga"], &["21\u{a0}701", "13\u{a0}245"], 1),
            320,
            true,
        ),
    ];
    for (chart, width, fits) in cases {
        assert_eq!(super::fits(&chart, width), fits, "{:?} at {width}", chart.axis_labels);
    }
}

/// The budget's comparison as a phone draws it: names on lines of their own,
/// values at the bars' ends, left of zero where negative, the second year hollow.
#[test]
fn a_chart_on_its_side_names_each_group_and_labels_each_bar() {
    let ds = dataset(
        vec![figure("a", 1.0, None), figure("b", 2.0, None)],
        ChartKind::Change,
        ["a", "b"],
    );
    let series = |name: &str, values: [f64; 3], displays: [&str; 3]| Series {
        name: name.into(),
        values: values.to_vec(),
        displays: displays.iter().map(|d| d.to_string()).collect(),
    };
    let chart = BarChart {
        categories: vec![
            "Intäkter".into(),
            "Övriga kostnader".into(),
            "<img src=x onerror=alert(1)>".into(),
        ],
        axis_labels: vec!["Intäkter".into(), "Övriga kostn.".into(), "Personal".into()],
        series: vec![
            series(
                "2024",
                [29_443.0, -10_706.0, -17_417.0],
                ["29\u{a0}443", "−10\u{a0}706", "−17\u{a0}417"],
            ),
            series(
                "2025",
                [27_946.0, -9_758.0, -18_188.0],
                ["27\u{a0}946", "−9\u{a0}758", "−18\u{a0}188"],
            ),
        ],
        ..bar_chart(&ds, &ds.charts[0])
    };
    assert_eq!(rows_height(&chart), 2 * 12 + 3 * (28 + 2 * 26 + 12) - 12);
    let svg = render_rows_svg(&chart, 320);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{svg}");
    assert!(svg.contains("height=\"288\""), "as tall as rows_height: {svg}");
    // The table's names, not the axis' shorter ones, and escaped.
    assert!(
        svg.contains("\nÖvriga kostnader\n") && !svg.contains("Övriga kostn.\n"),
        "{svg}"
    );
    assert!(
        svg.contains("&lt;img src=x onerror=alert(1)&gt;") && !svg.contains("<img"),
        "{svg}"
    );
    // Every value at its bar: a negative one ends at its bar (text-anchor end), a positive one starts there.
    let anchored = |value: &str| {
        let at = svg
            .find(&format!("\n{value}\n"))
            .unwrap_or_else(|| panic!("{value} missing in {svg}"));
        svg[..at]
            .rsplit("<text")
            .next()
            .unwrap()
            .contains("text-anchor=\"end\"")
    };
    for (value, ends) in [
        ("29\u{a0}443", false),
        ("27\u{a0}946", false),
        ("−10\u{a0}706", true),
        ("−9\u{a0}758", true),
        ("−17\u{a0}417", true),
        ("−18\u{a0}188", true),
    ] {
        assert_eq!(anchored(value), ends, "{value}");
    }
    assert_eq!(
        svg.matches("fill=\"none\" stroke=\"#1D5B8C\"").count(),
        3,
        "the second series hollow: {svg}"
    );
    // Nothing drawn outside the drawing: every x within its width.
    for x in svg
        .split(" x=\"")
        .skip(1)
        .map(|r| r.split('"').next().unwrap().parse::<f64>().unwrap())
    {
        assert!((0.0..=320.0).contains(&x), "x {x} outside the drawing");
    }
}
