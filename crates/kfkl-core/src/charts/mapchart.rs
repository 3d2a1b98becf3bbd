//! The county map drawn with plotters: each municipality's outline filled
//! plainly (the list of municipalities) or by class (a value across the
//! municipalities), with its name and value written on it. A municipality
//! without a value is hatched, so colour is never the only cue.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::explorer::format_value;
use crate::format::format_number;
use crate::map::{centroid, CountyMap, Projection};
use crate::palette::{rgb, Rgb, INK};
use crate::stats::{Observation, StatTable, StatUnit};

/// Drawing size in SVG units; the page scales the drawing to its column.
pub const WIDTH: u32 = 380;
pub const HEIGHT: u32 = 520;
const MARGIN: f64 = 12.0;
const FONT: u32 = 13;

/// Light to dark: a value's class, the higher the darker. Text on the two
/// darkest is white (`Fill::text`).
pub const CLASSES: [Rgb; 5] = [
    Rgb(0xde, 0xeb, 0xf7),
    Rgb(0xa6, 0xc8, 0xe4),
    Rgb(0x5f, 0x9c, 0xcd),
    Rgb(0x2b, 0x6c, 0xa8),
    Rgb(0x0f, 0x3e, 0x6e),
];
const PLAIN: Rgb = Rgb(0xe8, 0xed, 0xf2);
const HIGHLIGHT: Rgb = Rgb(0xfd, 0xe6, 0x8a);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Plain,
    /// The municipality the page is about.
    Highlight,
    /// Index into `CLASSES`.
    Class(usize),
    /// Suppressed or missing: hatched.
    Missing,
}

impl Fill {
    fn colour(self) -> Rgb {
        match self {
            Fill::Plain => PLAIN,
            Fill::Highlight => HIGHLIGHT,
            Fill::Class(c) => CLASSES[c.min(CLASSES.len() - 1)],
            Fill::Missing => Rgb(0xff, 0xff, 0xff),
        }
    }

    fn text(self) -> Rgb {
        match self {
            Fill::Class(c) if c >= 3 => Rgb(0xff, 0xff, 0xff),
            _ => INK,
        }
    }
}

/// What to draw: per shape of the map (in its order), a fill and the lines of
/// its label; and the legend's entries, drawn under the map.
pub struct MapChart<'a> {
    pub map: &'a CountyMap,
    pub fills: Vec<Fill>,
    pub labels: Vec<Vec<String>>,
    pub legend: Vec<(Fill, String)>,
}

/// Classes of equal, round width over the values (1, 2, 2,5 or 5 times a
/// power of ten), at most five, the first starting at or below the smallest.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Classes {
    pub low: f64,
    pub step: f64,
    pub count: usize,
}

impl Classes {
    pub fn over(values: &[f64]) -> Classes {
        let (min, max) = values
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        if values.is_empty() || max - min <= 0.0 {
            let low = if values.is_empty() { 0.0 } else { min.floor() };
            return Classes {
                low,
                step: 1.0,
                count: 1,
            };
        }
        // A quarter of the range rounded up to a round width: at most five classes from below the smallest.
        let raw = (max - min) / 4.0;
        let magnitude = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .map(|k| k * magnitude)
            .find(|&st| st >= raw * (1.0 - 1e-9))
            .unwrap_or(10.0 * magnitude);
        let low = (min / step).floor() * step;
        let count = (((max - low) / step + 1e-9).floor() as usize + 1).min(CLASSES.len());
        Classes { low, step, count }
    }

    pub fn of(&self, v: f64) -> usize {
        ((((v - self.low) / self.step) + 1e-9).floor().max(0.0) as usize).min(self.count - 1)
    }

    /// Class `i`'s fill, spread over the palette from light to dark.
    pub fn fill(&self, i: usize) -> Fill {
        let last = CLASSES.len() - 1;
        Fill::Class(if self.count == 1 {
            last / 2
        } else {
            (i * last + (self.count - 1) / 2) / (self.count - 1)
        })
    }

    /// "10–15 %": from the lower bound up to the next class's.
    pub fn label(&self, i: usize, unit: StatUnit) -> String {
        let from = self.low + self.step * i as f64;
        format!(
            "{}–{}",
            format_number(from),
            format_value(Some(from + self.step), None, unit)
        )
    }
}

/// The explorer's map view: each municipality's value in the year shown,
/// as a class; hatched where it is suppressed ("..") or missing ("–").
pub fn explorer_map<'a>(map: &'a CountyMap, table: &StatTable, rows: &[Observation]) -> MapChart<'a> {
    let unit = rows
        .first()
        .map_or(StatUnit::Percent, |o| table.survey.indicators[o.indicator].unit);
    let row_of = |code: &str| rows.iter().find(|o| table.areas[o.area].code == code);
    let values: Vec<f64> = map
        .shapes
        .iter()
        .filter_map(|s| row_of(&s.code).and_then(|o| o.value))
        .collect();
    let classes = Classes::over(&values);
    let (mut fills, mut labels) = (Vec::new(), Vec::new());
    for shape in &map.shapes {
        let row = row_of(&shape.code);
        let value = row.and_then(|o| o.value);
        fills.push(value.map_or(Fill::Missing, |v| classes.fill(classes.of(v))));
        let text = match row {
            Some(o) => format_value(o.value, o.approx, unit),
            None => "–".to_string(),
        };
        labels.push(vec![shape.name.clone(), text]);
    }
    let mut legend: Vec<(Fill, String)> = if values.is_empty() {
        Vec::new()
    } else {
        (0..classes.count)
            .rev()
            .map(|i| (classes.fill(i), classes.label(i, unit)))
            .collect()
    };
    if fills.contains(&Fill::Missing) {
        legend.push((Fill::Missing, "Inget värde".to_string()));
    }
    MapChart {
        map,
        fills,
        labels,
        legend,
    }
}

/// The map's projection onto the drawing: the same for the drawing and for
/// the links the page lays over it.
pub fn projection(map: &CountyMap) -> Projection {
    Projection::fit(&map.shapes, f64::from(WIDTH), f64::from(HEIGHT), MARGIN)
}

/// Each shape's outline as SVG points ("x,y x,y …"), for the page's link layer.
pub fn outline_points(map: &CountyMap) -> Vec<String> {
    let p = projection(map);
    map.shapes
        .iter()
        .map(|s| {
            p.ring(s)
                .iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

pub fn render_svg(chart: &MapChart) -> String {
    let mut svg = String::new();
    // A plotting error leaves a blank drawing; the list and the table beside it still hold everything.
    let _ = draw(chart, &mut svg);
    svg
}

fn draw(chart: &MapChart, out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let legend_rows = chart.legend.len().div_ceil(2) as u32;
    let height = HEIGHT
        + if legend_rows > 0 {
            legend_rows * (FONT + 9) + 10
        } else {
            0
        };
    let root = SVGBackend::with_string(out, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let p = projection(chart.map);
    let rings: Vec<Vec<(f64, f64)>> = chart.map.shapes.iter().map(|s| p.ring(s)).collect();
    let pixels = |ring: &[(f64, f64)]| {
        ring.iter()
            .map(|&(x, y)| (x.round() as i32, y.round() as i32))
            .collect::<Vec<_>>()
    };
    let ink = rgb(INK);
    for (i, ring) in rings.iter().enumerate() {
        let fill = chart.fills.get(i).copied().unwrap_or(Fill::Plain);
        root.draw(&Polygon::new(pixels(ring), rgb(fill.colour()).filled()))?;
        if fill == Fill::Missing {
            hatched(&root, ring, 7.0)?;
        }
    }
    // Outlines over every fill, so that each border is drawn once and shows.
    for ring in &rings {
        root.draw(&PathElement::new(pixels(ring), ink.stroke_width(1)))?;
    }
    for (i, ring) in rings.iter().enumerate() {
        let fill = chart.fills.get(i).copied().unwrap_or(Fill::Plain);
        let (x, y) = centroid(ring);
        let lines = chart.labels.get(i).map(Vec::as_slice).unwrap_or_default();
        let line = f64::from(FONT + 2);
        let start = y - line * (lines.len() as f64 - 1.0) / 2.0;
        // A label with a value stands on a white box: legible on every class and where
        // it spills over the coast (Öland is narrower than its name).
        let boxed = lines.len() > 1;
        let half = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64 * f64::from(FONT) * 0.31 + 2.0;
        let x = x.clamp(half + 1.0, f64::from(WIDTH) - half - 1.0);
        let colour = if boxed { ink } else { rgb(fill.text()) };
        if boxed {
            let (top, bottom) = (
                start - line / 2.0 + 1.0,
                start + line * (lines.len() as f64 - 0.5) - 1.0,
            );
            let corners = [
                ((x - half).round() as i32, top.round() as i32),
                ((x + half).round() as i32, bottom.round() as i32),
            ];
            root.draw(&Rectangle::new(corners, WHITE.mix(0.75).filled()))?;
        }
        for (j, text) in lines.iter().enumerate() {
            let font = if j == 0 {
                ("sans-serif", FONT).into_font().style(FontStyle::Bold)
            } else {
                ("sans-serif", FONT).into_font()
            };
            let at = (x.round() as i32, (start + line * j as f64).round() as i32);
            root.draw(&Text::new(
                text.clone(),
                at,
                font.color(&colour).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
        }
    }
    // The legend under the map, two entries a row, highest class first; each swatch
    // outlined, as the lightest class is near white.
    for (k, (fill, text)) in chart.legend.iter().enumerate() {
        let (x, y) = (
            12 + (k % 2) as i32 * 190,
            HEIGHT as i32 + 6 + (k / 2) as i32 * (FONT as i32 + 9),
        );
        root.draw(&Rectangle::new([(x, y), (x + 18, y + 14)], rgb(fill.colour()).filled()))?;
        if *fill == Fill::Missing {
            let ring =
                [(x, y), (x + 18, y), (x + 18, y + 14), (x, y + 14), (x, y)].map(|(a, b)| (f64::from(a), f64::from(b)));
            hatched(&root, &ring, 5.0)?;
        }
        root.draw(&Rectangle::new([(x, y), (x + 18, y + 14)], ink.stroke_width(1)))?;
        root.draw(&Text::new(
            text.clone(),
            (x + 26, y + 7),
            ("sans-serif", FONT)
                .into_font()
                .color(&ink)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    root.present()?;
    Ok(())
}

/// A missing municipality's hatching, on the map and in the legend.
fn hatched(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    ring: &[(f64, f64)],
    gap: f64,
) -> Result<(), Box<dyn std::error::Error>> {
    super::hatch::draw(root, ring, gap, crate::palette::MISSING)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::Shape;
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
}
