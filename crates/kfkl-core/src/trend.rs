//! Small multiples for the kommunrapport: a municipality's share over the
//! rounds beside its county's, drawn with plotters. Readable in grayscale:
//! the municipality is a solid line with round points, the county a dashed
//! line with square points, and each line's end says whose it is.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::explorer::format_value;
use crate::palette::{Rgb, INK, SERIES};
use crate::statchart::{axis_max, spread};
use crate::stats::StatUnit;

/// Drawing size in SVG units; the page scales it to the card.
pub const WIDTH: u32 = 340;
pub const HEIGHT: u32 = 150;
const FONT: u32 = 13;

/// Two series over the same rounds; a `None` breaks the line.
pub struct Trend<'a> {
    pub years: &'a [u16],
    pub unit: StatUnit,
    /// (name, values): the municipality first, then the county.
    pub lines: [(&'a str, &'a [Option<f64>]); 2],
}

pub fn render_svg(t: &Trend) -> String {
    let mut svg = String::new();
    // A plotting error leaves a blank drawing; the card's numbers stand beside it.
    let _ = draw(t, &mut svg);
    svg
}

fn draw(t: &Trend, out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(out, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let ink = rgb(INK);
    let (first, last) = (i32::from(*t.years.first().unwrap_or(&2000)), i32::from(*t.years.last().unwrap_or(&2001)));
    let top = axis_max(t.lines.iter().flat_map(|(_, v)| v.iter().flatten().copied()), t.unit);
    let right = 118;
    let mut ctx = ChartBuilder::on(&root)
        .margin_top(8)
        .margin_left(4)
        .margin_right(right)
        .x_label_area_size(FONT + 8)
        .y_label_area_size(FONT * 3)
        .build_cartesian_2d(first - 1..last + 1, 0.0..top)?;
    let unit = t.unit;
    let years: Vec<i32> = t.years.iter().map(|&y| i32::from(y)).collect();
    ctx.configure_mesh()
        .disable_x_mesh()
        .bold_line_style(rgb(crate::palette::GRID))
        .light_line_style(TRANSPARENT)
        .axis_style(ink)
        .y_labels(3)
        .x_labels(((last - first + 3) as usize).min(30))
        .x_label_style(("sans-serif", FONT).into_font().color(&ink))
        .y_label_style(("sans-serif", FONT).into_font().color(&ink))
        .x_label_formatter(&|y| if *y == first || *y == last { y.to_string() } else { String::new() })
        .y_label_formatter(&|v| format_value(Some(*v), None, unit))
        .draw()?;
    let mut ends: Vec<(f64, String, RGBColor, (i32, i32))> = Vec::new();
    for (i, (name, values)) in t.lines.iter().enumerate() {
        let colour = rgb(SERIES[i]);
        let points: Vec<(i32, f64)> = years.iter().zip(values.iter()).filter_map(|(&y, v)| v.map(|v| (y, v))).collect();
        // Runs of consecutive rounds with a value; a gap breaks the line.
        let mut run: Vec<(i32, f64)> = Vec::new();
        for (y, v) in years.iter().zip(values.iter()).map(|(&y, v)| (y, *v)).chain(std::iter::once((0, None))) {
            match v {
                Some(v) => run.push((y, v)),
                None => {
                    if run.len() > 1 {
                        let line = std::mem::take(&mut run);
                        if i == 0 {
                            ctx.draw_series(std::iter::once(PathElement::new(line, colour.stroke_width(3))))?;
                        } else {
                            let pixels: Vec<(f64, f64)> = line.iter().map(|p| ctx.backend_coord(p)).map(|(x, y)| (f64::from(x), f64::from(y))).collect();
                            for [a, b] in dashes(&pixels, 6.0, 4.0) {
                                root.draw(&PathElement::new(vec![(a.0 as i32, a.1 as i32), (b.0 as i32, b.1 as i32)], colour.stroke_width(2)))?;
                            }
                        }
                    }
                    run.clear();
                }
            }
        }
        for &at in &points {
            if i == 0 {
                ctx.draw_series([Circle::new(at, 4, colour.filled())])?;
            } else {
                ctx.draw_series([EmptyElement::at(at) + Rectangle::new([(-4, -4), (4, 4)], WHITE.filled()), EmptyElement::at(at) + Rectangle::new([(-4, -4), (4, 4)], colour.stroke_width(2))])?;
            }
        }
        if let Some(&(y, v)) = points.last() {
            let at = ctx.backend_coord(&(y, v));
            ends.push((f64::from(at.1), format!("{name} {}", format_value(Some(v), None, unit)), colour, at));
        }
    }
    let placed = spread(&ends.iter().map(|e| e.0).collect::<Vec<_>>(), f64::from(FONT + 3));
    let x = (WIDTH - right + 6) as i32;
    for ((_, label, colour, at), y) in ends.iter().zip(placed) {
        let y = y as i32;
        root.draw(&PathElement::new(vec![(at.0 + 6, at.1), (x - 3, y)], colour.stroke_width(1)))?;
        root.draw(&Text::new(label.clone(), (x, y), ("sans-serif", FONT).into_font().color(&ink).pos(Pos::new(HPos::Left, VPos::Center))))?;
    }
    root.present()?;
    Ok(())
}

/// A polyline cut into dashes `on` long with gaps `off` long, the pattern
/// running on across corners.
pub fn dashes(points: &[(f64, f64)], on: f64, off: f64) -> Vec<[(f64, f64); 2]> {
    let mut out = Vec::new();
    // How far into the current dash (< on) or gap (≥ on) the pattern is.
    let mut phase = 0.0;
    for w in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let length = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        let at = |t: f64| (x0 + (x1 - x0) * t / length, y0 + (y1 - y0) * t / length);
        let mut t = 0.0;
        while t < length && length > 0.0 {
            let (left, drawing) = if phase < on { (on - phase, true) } else { (on + off - phase, false) };
            let step = left.min(length - t);
            if drawing {
                out.push([at(t), at(t + step)]);
            }
            t += step;
            phase = (phase + step) % (on + off);
        }
    }
    out
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trend_names_both_lines_and_escapes_them() {
        let years = [2019, 2021, 2023];
        let svg = render_svg(&Trend {
            years: &years,
            unit: StatUnit::Percent,
            lines: [("Kalmar <b>", &[Some(20.0), None, Some(30.0)]), ("Kalmar län", &[Some(22.0), Some(21.0), Some(21.5)])],
        });
        assert!(svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 340 150\""));
        assert!(svg.contains("Kalmar &lt;b&gt; 30\u{a0}%"), "the municipality's end label, escaped");
        assert!(svg.contains("Kalmar län 21,5\u{a0}%"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("2019") && svg.contains("2023"));
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
        let svg = render_svg(&Trend { years: &[2021, 2023], unit: StatUnit::Percent, lines: [(evil, &[Some(20.0), Some(21.0)]), ("Kalmar län", &[Some(19.0), Some(20.0)])] });
        assert!(!svg.contains("<img") && svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "{svg}");
    }

    #[test]
    fn a_trend_without_values_is_still_a_drawing() {
        let svg = render_svg(&Trend { years: &[], unit: StatUnit::Percent, lines: [("A", &[]), ("B", &[])] });
        assert!(svg.starts_with("<svg"));
    }
}
