//! The drawn map's tests: labels, classes, the explorer's map, the link layer, legible text.

use super::*;
use crate::charts::map::Shape;
use crate::palette::contrast;

fn map() -> CountyMap {
    let square = |code: &str, name: &str, lon: f64| Shape {
        code: code.into(),
        name: name.into(),
        slug: name.to_lowercase(),
        ring: vec![lon, 57.0, lon + 0.5, 57.0, lon + 0.5, 57.5, lon, 57.5, lon, 57.0],
    };
    CountyMap {
        schema_version: 1,
        source: "prov".into(),
        shapes: vec![square("0001", "Väst", 16.0), square("0002", "Öst <x>", 16.5)],
    }
}

#[test]
fn the_map_labels_each_municipality_and_hatches_the_missing() {
    let m = map();
    let legend = vec![
        (Fill::Class(4), "20–25 %".to_string()),
        (Fill::Missing, "Inget värde".to_string()),
    ];
    let svg = render_svg(&MapChart {
        map: &m,
        fills: vec![Fill::Class(4), Fill::Missing],
        labels: vec![vec!["Väst".into(), "21 %".into()], vec!["Öst <x>".into(), "..".into()]],
        legend,
    });
    assert!(svg.contains("20–25 %") && svg.contains("Inget värde"), "legend");
    let lower = svg.to_lowercase();
    assert!(svg.contains("Väst") && svg.contains("21 %"), "name and value");
    assert!(
        svg.contains("Öst &lt;x&gt;") && !svg.contains("<x>"),
        "labels are escaped"
    );
    // Text from data never becomes markup: the page inserts this SVG as HTML.
    const EVIL: &str = "<img src=x onerror=alert(1)>";
    let svg = render_svg(&MapChart {
        map: &m,
        fills: vec![Fill::Plain; 2],
        labels: vec![vec![EVIL.into()], vec![]],
        legend: vec![(Fill::Missing, EVIL.into())],
    });
    assert!(
        !svg.contains("<img") && svg.matches("&lt;img src=x onerror=alert(1)&gt;").count() == 2,
        "{svg}"
    );
    assert!(lower.contains(&CLASSES[4].hex()), "the class's fill");
    // Two outlines, and hatching lines inside the missing one.
    assert!(svg.matches("<polyline").count() > 4, "outlines and hatching");
}

#[test]
fn classes_have_round_widths_and_at_most_five() {
    // (values, low, step, count)
    let cases: &[(&[f64], f64, f64, usize)] = &[
        (&[12.3, 30.1, 20.0], 10.0, 5.0, 5),
        (&[12.0, 16.0], 12.0, 1.0, 5),
        (&[40.0, 60.0], 40.0, 5.0, 5),
        (&[3.2, 4.1, 9.9], 2.0, 2.0, 4),
        (&[698.0, 16_000.0], 0.0, 5000.0, 4),
        (&[21.0, 21.0], 21.0, 1.0, 1),
        (&[], 0.0, 1.0, 1),
    ];
    for (values, low, step, count) in cases {
        let c = Classes::over(values);
        assert_eq!((c.low, c.step, c.count), (*low, *step, *count), "{values:?}");
        for &v in *values {
            let i = c.of(v);
            assert!(
                i < c.count && c.low + c.step * i as f64 <= v + 1e-9,
                "{v} in class {i} of {c:?}"
            );
        }
    }
    let c = Classes::over(&[12.3, 30.1]);
    assert_eq!((c.of(10.0), c.of(14.99), c.of(15.0), c.of(30.1)), (0, 0, 1, 4));
    assert_eq!(c.label(0, StatUnit::Percent), "10–15\u{a0}%");
    // The fills run from the lightest to the darkest, whatever the number of classes.
    assert_eq!(
        (0..c.count).map(|i| c.fill(i)).collect::<Vec<_>>(),
        (0..5).map(Fill::Class).collect::<Vec<_>>()
    );
    let two = Classes {
        low: 0.0,
        step: 1.0,
        count: 2,
    };
    assert_eq!((two.fill(0), two.fill(1)), (Fill::Class(0), Fill::Class(4)));
}

#[test]
fn the_explorer_map_classes_values_and_hatches_what_is_missing() {
    use crate::stats::{Area, Rows};
    let m = map();
    let mut t = crate::explorer::tests::table();
    t.areas = vec![
        Area {
            code: "0001".into(),
            name: "Väst".into(),
        },
        Area {
            code: "0002".into(),
            name: "Öst".into(),
        },
        Area {
            code: "08".into(),
            name: "Länet".into(),
        },
    ];
    t.rows = Rows::default();
    let o = |area: usize, value: Option<f64>| Observation {
        indicator: 0,
        year: 2023,
        area,
        grade: 2,
        gender: 0,
        answer: None,
        value,
        n: Some(50),
        approx: None,
        example: true,
        source: 0,
    };
    let chart = explorer_map(&m, &t, &[o(0, Some(21.0)), o(1, None), o(2, Some(19.0))]);
    assert_eq!(chart.fills, [Fill::Class(2), Fill::Missing]);
    assert_eq!(
        chart.labels,
        [
            vec!["Väst".to_string(), "21\u{a0}%".to_string()],
            vec!["Öst <x>".to_string(), "..".to_string()]
        ]
    );
    assert_eq!(
        chart.legend.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(),
        ["21–22\u{a0}%", "Inget värde"]
    );
    let chart = explorer_map(&m, &t, &[o(0, Some(21.0))]);
    assert_eq!(chart.labels[1], ["Öst <x>".to_string(), "–".to_string()]);
}

#[test]
fn the_link_layer_follows_the_drawing() {
    let m = map();
    let points = outline_points(&m);
    assert_eq!(points.len(), 2);
    let first: Vec<(f64, f64)> = points[0]
        .split(' ')
        .map(|p| {
            p.split_once(',')
                .map(|(x, y)| (x.parse().unwrap(), y.parse().unwrap()))
                .unwrap()
        })
        .collect();
    assert_eq!(first.len(), 5);
    assert!(first
        .iter()
        .all(|&(x, y)| (0.0..=f64::from(WIDTH)).contains(&x) && (0.0..=f64::from(HEIGHT)).contains(&y)));
}

#[test]
fn class_text_is_legible_on_its_fill() {
    for (c, fill) in CLASSES.iter().enumerate() {
        assert!(contrast(Fill::Class(c).text(), *fill) >= 4.5, "class {c}");
    }
    assert!(contrast(INK, HIGHLIGHT) >= 4.5 && contrast(INK, PLAIN) >= 4.5);
}
