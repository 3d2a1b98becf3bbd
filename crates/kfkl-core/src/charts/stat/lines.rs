//! The lines view: one line per area (and gender) over the years, each with
//! its own colour or dash and marker, its name and last value at its end.

use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::legend::{marks_legend, reference_legend};
use super::render::Layout;
use super::scale::{axis_label, axis_max, key_years, values};
use super::text::{spread, wrap};
use super::{Area, Point, StatChart, StatSeries};
use crate::charts::colour::rgb;
use crate::charts::trend::dashes;
use crate::palette::{INK, REFERENCE, SERIES};

/// Lines with a marker shape per series and each line's name and last value
/// written at its end, so that no line is told by colour alone.
pub(super) fn draw_lines(chart: &StatChart, l: &Layout, area: &Area) -> Result<(), Box<dyn std::error::Error>> {
    let years: Vec<i32> = chart.categories.iter().filter_map(|c| c.parse().ok()).collect();
    let right = end_margin(chart, l);
    let ctx = axes(chart, l, area, &years, right)?;
    legends(chart, l, area)?;
    let mut plot = Plot {
        chart,
        area,
        ctx,
        years,
    };
    let compared = chart.series.iter().any(|s| s.boys);
    let mut ends: Vec<End> = Vec::new();
    for series in &chart.series {
        let look = Look::of(series, compared);
        let points = plot.points(series);
        plot.runs(&points, &look)?;
        plot.markers(&points, &look, series)?;
        ends.extend(plot.end(&points, series, look.colour));
    }
    end_labels(l, area, &ends, right)
}

/// The right margin, room for the end labels: each series' name and its last
/// value as labelled, up to two fifths of the width.
fn end_margin(chart: &StatChart, l: &Layout) -> u32 {
    let end_label = |s: &StatSeries| {
        s.points
            .iter()
            .rev()
            .flatten()
            .find(|p| p.value.is_some())
            .map_or(0, |p| chart.label(p).chars().count() + 1)
    };
    let longest = chart
        .series
        .iter()
        .map(|s| s.name.chars().count() + end_label(s))
        .max()
        .unwrap_or(8)
        .max(8) as u32;
    (longest * l.font * 55 / 100).min(l.width * 2 / 5)
}

type Ctx<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordi32, RangedCoordf64>>;

/// The plot left of the end labels: the values up to a round number, the
/// years across, those with data labelled where they do not crowd.
fn axes<'a, 'b>(
    chart: &StatChart,
    l: &Layout,
    area: &'a Area<'b>,
    years: &[i32],
    right: u32,
) -> Result<Ctx<'a, 'b>, Box<dyn std::error::Error>> {
    let ink = rgb(INK);
    let (first, last) = (*years.first().unwrap_or(&2000), *years.last().unwrap_or(&2001));
    let ymax = axis_max(values(chart), chart.unit);
    let unit = chart.unit;
    let mut ctx = ChartBuilder::on(area)
        .margin_top(12 + l.legend)
        .margin_left(8)
        .margin_right(right + 8)
        .x_label_area_size(l.font + 16)
        .y_label_area_size(l.font * 4)
        .build_cartesian_2d(first - 1..last + 1, 0.0..ymax)?;
    let per_year = f64::from(l.width - right - 16 - l.font * 4) / f64::from(last - first + 2);
    let labelled = key_years(years, (f64::from(l.font) * 3.2 / per_year).ceil() as i32);
    ctx.configure_mesh()
        .disable_x_mesh()
        .bold_line_style(rgb(crate::palette::GRID))
        .light_line_style(TRANSPARENT)
        .axis_style(ink)
        .y_labels(5)
        .x_label_style(("sans-serif", l.font).into_font().color(&ink))
        .y_label_style(("sans-serif", l.font).into_font().color(&ink))
        // Every whole year is a candidate; only the years with data are labelled.
        .x_labels(((last - first + 3) as usize).min(40))
        .x_label_formatter(&|v| {
            if labelled.contains(v) {
                v.to_string()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|v| axis_label(*v, unit))
        .draw()?;
    Ok(ctx)
}

/// The legend lines above the plot: the references, then which marker is a real value.
fn legends(chart: &StatChart, l: &Layout, area: &Area) -> Result<(), Box<dyn std::error::Error>> {
    let mut legend_top = 8;
    if chart.has_reference() {
        reference_legend(chart, l, area, legend_top)?;
        legend_top += (l.font + 8) as i32;
    }
    if chart.mixed {
        marks_legend(l, area, legend_top)?;
    }
    Ok(())
}

/// How a series' line looks. Municipalities take the series colours in turn, one
/// per municipality; the county and the nation are dashed in the reference colour,
/// each with its own dash and marker (as in the legend). Where girls and boys are
/// compared, the marker tells them apart: circles and triangles.
struct Look {
    colour: RGBColor,
    /// The marker: circle, triangle, square or diamond (modulo 4).
    shape: usize,
    /// Dash and gap, where the line is not solid.
    dash: Option<(f64, f64)>,
}

impl Look {
    fn of(series: &StatSeries, compared: bool) -> Look {
        let place = series.place;
        let (colour, shape, dash) = if series.reference {
            (
                rgb(REFERENCE),
                2 + place,
                Some(if place.is_multiple_of(2) {
                    (9.0, 5.0)
                } else {
                    (3.0, 4.0)
                }),
            )
        } else if compared {
            (rgb(SERIES[place % SERIES.len()]), usize::from(series.boys), None)
        } else {
            (rgb(SERIES[place % SERIES.len()]), place % 2, None)
        };
        Look { colour, shape, dash }
    }
}

/// A point that breaks the line, as a suppressed value does.
const GAP: Point = Point {
    value: None,
    approx: None,
    example: false,
};

/// A line's end, for its label in the right margin: its height, its name and
/// last value, its colour, and the pixel the label's leader starts from.
struct End {
    y: f64,
    label: String,
    colour: RGBColor,
    at: (i32, i32),
}

/// The plot the lines are drawn in, and what every line's drawing reads.
struct Plot<'a, 'b> {
    chart: &'a StatChart,
    area: &'a Area<'b>,
    ctx: Ctx<'a, 'b>,
    /// The categories as years.
    years: Vec<i32>,
}

impl Plot<'_, '_> {
    /// The series' points by year; where the question changed, the line breaks
    /// as at a suppressed value.
    fn points(&self, series: &StatSeries) -> Vec<(i32, Option<Point>)> {
        let mut points: Vec<(i32, Option<Point>)> = Vec::new();
        for (&y, p) in self.years.iter().zip(&series.points) {
            let before = points.last().map_or(i32::MIN, |&(x, _)| x);
            if self
                .chart
                .breaks
                .iter()
                .any(|&b| before < i32::from(b) && i32::from(b) <= y)
            {
                points.push((y, Some(GAP)));
            }
            points.push((y, *p));
        }
        points
    }

    /// The line through the points. A suppressed year breaks the line rather
    /// than bridging it; a year the series has no round in (the nation surveys
    /// yearly, the county every other year) is bridged.
    fn runs(&mut self, points: &[(i32, Option<Point>)], look: &Look) -> Result<(), Box<dyn std::error::Error>> {
        let mut run: Vec<(i32, f64)> = Vec::new();
        let end = (0, Some(GAP));
        for (x, p) in points.iter().chain(std::iter::once(&end)) {
            match p.map(|p| p.value) {
                None => {}
                Some(Some(v)) => run.push((*x, v)),
                Some(None) => self.stroke(std::mem::take(&mut run), look)?,
            }
        }
        Ok(())
    }

    /// One run of a line, solid or in its dashes; a single point draws none.
    fn stroke(&mut self, line: Vec<(i32, f64)>, look: &Look) -> Result<(), Box<dyn std::error::Error>> {
        match look.dash {
            _ if line.len() < 2 => {}
            None => {
                self.ctx
                    .draw_series(std::iter::once(PathElement::new(line, look.colour.stroke_width(3))))?;
            }
            Some((on, off)) => {
                let (bx, by) = self.area.get_base_pixel();
                let pixels: Vec<(f64, f64)> = line
                    .iter()
                    .map(|p| self.ctx.backend_coord(p))
                    .map(|(x, y)| (f64::from(x - bx), f64::from(y - by)))
                    .collect();
                for [a, b] in dashes(&pixels, on, off) {
                    self.area.draw(&PathElement::new(
                        vec![(a.0 as i32, a.1 as i32), (b.0 as i32, b.1 as i32)],
                        look.colour.stroke_width(3),
                    ))?;
                }
            }
        }
        Ok(())
    }

    /// A marker at every value. Where real and example values stand together,
    /// filled is real and hollow is example (the legend says so); elsewhere a
    /// reference is hollow.
    fn markers(
        &mut self,
        points: &[(i32, Option<Point>)],
        look: &Look,
        series: &StatSeries,
    ) -> Result<(), Box<dyn std::error::Error>> {
        let colour = look.colour;
        for (x, p) in points {
            let Some(Point {
                value: Some(v),
                example,
                ..
            }) = p
            else {
                continue;
            };
            let filled = if self.chart.mixed { !*example } else { !series.reference };
            let style = if filled { colour.filled() } else { WHITE.filled() };
            let outline = colour.stroke_width(2);
            let at = (*x, *v);
            match look.shape % 4 {
                0 => {
                    self.ctx
                        .draw_series([Circle::new(at, 5, style), Circle::new(at, 5, outline)])?;
                }
                // A polygon rather than plotters' TriangleMarker, which computes its corners with sin and cos (more wasm).
                1 => {
                    let triangle =
                        |s: ShapeStyle| EmptyElement::at(at) + Polygon::new(vec![(0, -7), (6, 4), (-6, 4)], s);
                    self.ctx.draw_series([triangle(style), triangle(outline)])?;
                }
                2 => {
                    let square = |s: ShapeStyle| EmptyElement::at(at) + Rectangle::new([(-5, -5), (5, 5)], s);
                    self.ctx.draw_series([square(style), square(outline)])?;
                }
                _ => {
                    let diamond =
                        |s: ShapeStyle| EmptyElement::at(at) + Polygon::new(vec![(0, -7), (7, 0), (0, 7), (-7, 0)], s);
                    self.ctx.draw_series([diamond(style), diamond(outline)])?;
                }
            }
        }
        Ok(())
    }

    /// The line's last value, where it has one: its label and where it ends.
    fn end(&self, points: &[(i32, Option<Point>)], series: &StatSeries, colour: RGBColor) -> Option<End> {
        let (x, p) = points
            .iter()
            .rev()
            .find(|(_, p)| p.is_some_and(|p| p.value.is_some()))?;
        let p = p.expect("found with a value");
        let at = self.ctx.backend_coord(&(*x, p.value.unwrap_or(0.0)));
        Some(End {
            y: at.1 as f64,
            label: format!("{} {}", series.name, self.chart.label(&p)),
            colour,
            at,
        })
    }
}

/// End labels in the right margin, pushed apart where lines end close together; a
/// label longer than the margin wraps (name above, value below) rather than run out.
fn end_labels(l: &Layout, area: &Area, ends: &[End], right: u32) -> Result<(), Box<dyn std::error::Error>> {
    let ink = rgb(INK);
    let fits = ((f64::from(right) / (f64::from(l.font) * 0.55)).round() as usize).max(4);
    let lines: Vec<Vec<String>> = ends.iter().map(|e| wrap(&e.label, fits)).collect();
    let rows = lines.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let line_height = f64::from(l.font + 3);
    let wanted: Vec<f64> = ends.iter().map(|e| e.y).collect();
    let placed = spread(&wanted, line_height * rows);
    let x = (l.width - right) as i32;
    let (bx, by) = area.get_base_pixel();
    for ((end, y), text) in ends.iter().zip(placed).zip(&lines) {
        let y = y as i32;
        area.draw(&PathElement::new(
            vec![(end.at.0 + 8 - bx, end.at.1 - by), (x - 4 - bx, y - by)],
            end.colour.stroke_width(1),
        ))?;
        let style = ("sans-serif", l.font)
            .into_font()
            .color(&ink)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let first = y - ((text.len() as f64 - 1.0) * line_height / 2.0) as i32;
        for (k, line) in text.iter().enumerate() {
            area.draw(&Text::new(
                line.clone(),
                (x - bx, first + (k as f64 * line_height) as i32 - by),
                style.clone(),
            ))?;
        }
    }
    Ok(())
}
