//! The bar chart on its side, for a phone where the upright drawing's names or
//! values would run into each other (`fits`): each category's name on a line of
//! its own, its bars under it, each value at its bar's end.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::labels::{label_width, LABEL_PX, MARGIN};
use super::{bar_style, font, BarChart};
use crate::charts::colour::rgb;
use crate::palette::INK;

/// A category name's line, a bar's row (the bar a little thinner), and the space after a group.
const NAME: i32 = 28;
const ROW: i32 = 26;
const BAR: i32 = 20;
const GAP: i32 = 12;
/// Between a bar's end and its value.
const PAD: i32 = 6;
/// The names' font size, as on the upright drawing's axis.
const NAME_PX: u32 = 21;

/// How tall the drawing is: one name line and one row per series for each category.
pub fn rows_height(chart: &BarChart) -> u32 {
    let k = chart.series.len().max(1) as i32;
    let groups = chart.categories.len().max(1) as i32;
    (2 * MARGIN as i32 + groups * (NAME + k * ROW + GAP) - GAP) as u32
}

/// Where zero and each value fall across: the bars share one scale, with room
/// beyond them for the widest value label on either side of zero.
struct Scale {
    zero: f64,
    per_unit: f64,
}

impl Scale {
    fn of(chart: &BarChart, width: u32) -> Scale {
        let (mut lo, mut hi, mut left, mut right) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
        for s in &chart.series {
            for (&v, text) in s.values.iter().zip(&s.displays) {
                let room = label_width(text) + f64::from(PAD);
                if v < 0.0 {
                    (lo, left) = (lo.min(v), left.max(room));
                } else {
                    (hi, right) = (hi.max(v), right.max(room));
                }
            }
        }
        let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
        let room = (f64::from(width) - f64::from(2 * MARGIN) - left - right).max(1.0);
        let per_unit = room / span;
        Scale {
            zero: f64::from(MARGIN) + left - lo * per_unit,
            per_unit,
        }
    }

    fn x(&self, v: f64) -> i32 {
        (self.zero + v * self.per_unit).round() as i32
    }
}

/// Draws the chart on its side as a standalone SVG document `width` units wide
/// and `rows_height` tall; like `render_svg`, a plotting error leaves it blank.
pub fn render_rows_svg(chart: &BarChart, width: u32) -> String {
    let mut svg = String::new();
    let _ = (|| -> Result<(), Box<dyn std::error::Error>> {
        let root = SVGBackend::with_string(&mut svg, (width, rows_height(chart))).into_drawing_area();
        root.fill(&WHITE)?;
        draw(chart, &root, width)?;
        Ok(root.present()?)
    })();
    svg
}

fn draw<DB: DrawingBackend>(
    chart: &BarChart,
    root: &DrawingArea<DB, plotters::coord::Shift>,
    width: u32,
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    let scale = Scale::of(chart, width);
    let ink = rgb(INK);
    let k = chart.series.len() as i32;
    let mut top = MARGIN as i32;
    // A name has the drawing's width to itself: the table's name, not the axis' shorter one.
    for (i, name) in chart.categories.iter().enumerate() {
        root.draw(&Text::new(
            name.clone(),
            (MARGIN as i32, top + NAME / 2),
            font(NAME_PX).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let bars_top = top + NAME;
        for (j, s) in chart.series.iter().enumerate() {
            let (Some(&v), Some(text)) = (s.values.get(i), s.displays.get(i)) else {
                continue;
            };
            let (y0, y1) = (
                bars_top + j as i32 * ROW + (ROW - BAR) / 2,
                bars_top + j as i32 * ROW + (ROW + BAR) / 2,
            );
            let (zero, end) = (scale.x(0.0), scale.x(v));
            root.draw(&Rectangle::new(
                [(zero.min(end), y0), (zero.max(end), y1)],
                bar_style(chart, j, i),
            ))?;
            let (x, hpos) = if v < 0.0 {
                (end - PAD, HPos::Right)
            } else {
                (end + PAD, HPos::Left)
            };
            root.draw(&Text::new(
                text.clone(),
                (x, (y0 + y1) / 2),
                font(LABEL_PX).pos(Pos::new(hpos, VPos::Center)),
            ))?;
        }
        // The zero line through the group's bars, so that a bar's direction reads without colour.
        let zero = scale.x(0.0);
        root.draw(&PathElement::new(
            vec![(zero, bars_top), (zero, bars_top + k * ROW)],
            ink,
        ))?;
        top = bars_top + k * ROW + GAP;
    }
    Ok(())
}
