//! The county map drawn with plotters: each municipality's outline filled
//! plainly (the list of municipalities) or by class (a value across the
//! municipalities), with its name and value written on it. A municipality
//! without a value is hatched, so colour is never the only cue.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{centroid, CountyMap, Projection};
use crate::charts::colour::rgb;
use crate::explorer::format_value;
use crate::format::format_number;
use crate::palette::{Rgb, INK};
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
    crate::charts::colour::hatch(root, ring, gap, crate::palette::MISSING)
}

#[cfg(test)]
mod tests;
