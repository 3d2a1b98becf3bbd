//! The lines view: one line per area (and gender) over the years, each with
//! its own colour or dash and marker, its name and last value at its end.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::legend::{marks_legend, reference_legend};
use super::render::Layout;
use super::scale::{axis_label, axis_max, key_years, values};
use super::text::{spread, wrap};
use super::{Area, Point, StatChart, StatSeries};
use crate::palette::{rgb, INK, REFERENCE, SERIES};

/// Lines with a marker shape per series and each line's name and last value
/// written at its end, so that no line is told by colour alone.
pub(super) fn draw_lines(chart: &StatChart, l: &Layout, area: &Area) -> Result<(), Box<dyn std::error::Error>> {
    let ink = rgb(INK);
    let years: Vec<i32> = chart.categories.iter().filter_map(|c| c.parse().ok()).collect();
    let (first, last) = (*years.first().unwrap_or(&2000), *years.last().unwrap_or(&2001));
    // The end labels' length: each series' name and its last value as labelled.
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
    let right = (longest * l.font * 55 / 100).min(l.width * 2 / 5);
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
    let labelled = key_years(&years, (f64::from(l.font) * 3.2 / per_year).ceil() as i32);
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
    let mut legend_top = 8;
    if chart.has_reference() {
        reference_legend(chart, l, area, legend_top)?;
        legend_top += (l.font + 8) as i32;
    }
    if chart.mixed {
        marks_legend(l, area, legend_top)?;
    }
    let mut ends: Vec<(f64, String, RGBColor, (i32, i32))> = Vec::new();
    let compared = chart.series.iter().any(|s| s.boys);
    for series in &chart.series {
        // Municipalities take the series colours in turn, one per municipality; the
        // county and the nation are dashed in the reference colour, each with its own
        // dash and marker (as in the legend). Where girls and boys are compared, the
        // marker tells them apart: circles and triangles.
        let place = series.place;
        let (colour, shape, dash) = if series.reference {
            (
                rgb(REFERENCE),
                2 + place,
                Some(if place % 2 == 0 { (9.0, 5.0) } else { (3.0, 4.0) }),
            )
        } else if compared {
            (rgb(SERIES[place % SERIES.len()]), usize::from(series.boys), None)
        } else {
            (rgb(SERIES[place % SERIES.len()]), place % 2, None)
        };
        let mut points: Vec<(i32, Option<Point>)> = Vec::new();
        for (&y, p) in years.iter().zip(&series.points) {
            // Where the question changed, the line breaks as at a suppressed value.
            let before = points.last().map_or(i32::MIN, |&(x, _)| x);
            if chart.breaks.iter().any(|&b| before < i32::from(b) && i32::from(b) <= y) {
                points.push((
                    y,
                    Some(Point {
                        value: None,
                        approx: None,
                        example: false,
                    }),
                ));
            }
            points.push((y, *p));
        }
        // A suppressed year breaks the line rather than bridging it; a year the
        // series has no round in (the nation surveys yearly, the county every other
        // year) is bridged.
        let mut run: Vec<(i32, f64)> = Vec::new();
        let end = (
            0,
            Some(Point {
                value: None,
                approx: None,
                example: false,
            }),
        );
        for (x, p) in points.iter().chain(std::iter::once(&end)) {
            match p.map(|p| p.value) {
                None => {}
                Some(Some(v)) => run.push((*x, v)),
                Some(None) => {
                    let line = std::mem::take(&mut run);
                    match dash {
                        _ if line.len() < 2 => {}
                        None => {
                            ctx.draw_series(std::iter::once(PathElement::new(line, colour.stroke_width(3))))?;
                        }
                        Some((on, off)) => {
                            let (bx, by) = area.get_base_pixel();
                            let pixels: Vec<(f64, f64)> = line
                                .iter()
                                .map(|p| ctx.backend_coord(p))
                                .map(|(x, y)| (f64::from(x - bx), f64::from(y - by)))
                                .collect();
                            for [a, b] in crate::trend::dashes(&pixels, on, off) {
                                area.draw(&PathElement::new(
                                    vec![(a.0 as i32, a.1 as i32), (b.0 as i32, b.1 as i32)],
                                    colour.stroke_width(3),
                                ))?;
                            }
                        }
                    }
                }
            }
        }
        for (x, p) in &points {
            let Some(Point {
                value: Some(v),
                example,
                ..
            }) = p
            else {
                continue;
            };
            // Where real and example values stand together, filled is real and hollow is
            // example (the legend says so); elsewhere a reference is hollow.
            let filled = if chart.mixed { !*example } else { !series.reference };
            let style = if filled { colour.filled() } else { WHITE.filled() };
            let outline = colour.stroke_width(2);
            let at = (*x, *v);
            match shape % 4 {
                0 => {
                    ctx.draw_series([Circle::new(at, 5, style), Circle::new(at, 5, outline)])?;
                }
                // A polygon rather than plotters' TriangleMarker, which computes its corners with sin and cos (more wasm).
                1 => {
                    let triangle =
                        |s: ShapeStyle| EmptyElement::at(at) + Polygon::new(vec![(0, -7), (6, 4), (-6, 4)], s);
                    ctx.draw_series([triangle(style), triangle(outline)])?;
                }
                2 => {
                    let square = |s: ShapeStyle| EmptyElement::at(at) + Rectangle::new([(-5, -5), (5, 5)], s);
                    ctx.draw_series([square(style), square(outline)])?;
                }
                _ => {
                    let diamond =
                        |s: ShapeStyle| EmptyElement::at(at) + Polygon::new(vec![(0, -7), (7, 0), (0, 7), (-7, 0)], s);
                    ctx.draw_series([diamond(style), diamond(outline)])?;
                }
            }
        }
        if let Some((x, p)) = points.iter().rev().find(|(_, p)| p.is_some_and(|p| p.value.is_some())) {
            let p = p.expect("found with a value");
            let at = ctx.backend_coord(&(*x, p.value.unwrap_or(0.0)));
            ends.push((at.1 as f64, format!("{} {}", series.name, chart.label(&p)), colour, at));
        }
    }
    // End labels in the right margin, pushed apart where lines end close together; a
    // label longer than the margin wraps (name above, value below) rather than run out.
    let fits = ((f64::from(right) / (f64::from(l.font) * 0.55)).round() as usize).max(4);
    let lines: Vec<Vec<String>> = ends.iter().map(|e| wrap(&e.1, fits)).collect();
    let rows = lines.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let line_height = f64::from(l.font + 3);
    let wanted: Vec<f64> = ends.iter().map(|e| e.0).collect();
    let placed = spread(&wanted, line_height * rows);
    let x = (l.width - right) as i32;
    let (bx, by) = area.get_base_pixel();
    for (((_, _, colour, at), y), text) in ends.iter().zip(placed).zip(&lines) {
        let y = y as i32;
        area.draw(&PathElement::new(
            vec![(at.0 + 8 - bx, at.1 - by), (x - 4 - bx, y - by)],
            colour.stroke_width(1),
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
