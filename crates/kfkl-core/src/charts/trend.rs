//! Small multiples for the kommunrapport: a municipality's share over the
//! rounds beside the county's and, where the survey has it, the nation's,
//! drawn with plotters. The references look as they do in the explorer:
//! the municipality is a solid blue line with round points, the county a
//! dashed slate line with hollow squares, the nation a dotted slate line
//! with hollow diamonds. A legend above the plot names each line with its
//! pattern, and each line's end gives its last value, so that nothing is
//! told by colour alone. The text is drawn for the card's width: at least
//! 12 px on a 360 px phone and 7 pt on paper, three cards a row.

use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::stat::{axis_max, spread};
use crate::charts::colour::rgb;
use crate::explorer::format_value;
use crate::palette::{INK, REFERENCE, SERIES};
use crate::stats::StatUnit;

/// Drawing size in SVG units; the page scales it to the card.
pub const WIDTH: u32 = 280;
pub const HEIGHT: u32 = 150;
const FONT: u32 = 17;
/// The right margin, for the end labels ("21,5 %").
const RIGHT: u32 = 64;

/// What a line stands for; it decides the line's look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Municipality,
    County,
    Nation,
}

/// One line: its values in its own years; a `None` breaks it.
pub struct Line<'a> {
    pub name: &'a str,
    pub role: Role,
    pub years: &'a [u16],
    pub values: &'a [Option<f64>],
    /// Per value: real (not example data). Where a trend mixes both, real
    /// markers are filled and example ones hollow (empty: all alike).
    pub real: &'a [bool],
}

pub struct Trend<'a> {
    pub unit: StatUnit,
    /// The municipality first, then the references it is compared with.
    pub lines: Vec<Line<'a>>,
    /// The first rounds asked another way: no line runs across them.
    pub breaks: &'a [u16],
}

impl Role {
    fn colour(self) -> RGBColor {
        rgb(match self {
            Role::Municipality => SERIES[0],
            Role::County | Role::Nation => REFERENCE,
        })
    }

    /// Dash and gap, where the line is not solid: the explorer's patterns.
    fn dash(self) -> Option<(f64, f64)> {
        match self {
            Role::Municipality => None,
            Role::County => Some((9.0, 5.0)),
            Role::Nation => Some((3.0, 4.0)),
        }
    }
}

pub fn render_svg(t: &Trend) -> String {
    let mut svg = String::new();
    // A plotting error leaves a blank drawing; the card's numbers stand beside it.
    let _ = draw(t, &mut svg);
    svg
}

/// The width a text takes, estimated from its characters (nothing is measured).
fn text_width(text: &str) -> u32 {
    text.chars().count() as u32 * FONT * 58 / 100
}

/// The legend's entries placed in rows within the width: (row, x) of each.
fn legend_rows(names: &[&str]) -> Vec<(u32, u32)> {
    let (mut row, mut x) = (0, 0);
    names
        .iter()
        .map(|name| {
            let w = 30 + text_width(name);
            if x > 0 && x + w > WIDTH {
                row += 1;
                x = 0;
            }
            let at = (row, x);
            x += w + 14;
            at
        })
        .collect()
}

fn draw(t: &Trend, out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(out, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let legend = legend(&root, t)?;
    let plot = Plot {
        root: &root,
        ctx: axes(&root, t, legend)?,
        unit: t.unit,
        breaks: t.breaks,
        mixed: mixed(t),
    };
    let mut ends: Vec<End> = Vec::new();
    for line in &t.lines {
        ends.extend(plot.line(line)?);
    }
    end_labels(&root, &ends)?;
    root.present()?;
    Ok(())
}

fn font() -> TextStyle<'static> {
    ("sans-serif", FONT).into_font().color(&rgb(INK))
}

/// The legend above the plot: each line's sample and name. Returns its height.
fn legend(root: &Root, t: &Trend) -> Result<u32, Box<dyn std::error::Error>> {
    let row_height = FONT + 7;
    let places = legend_rows(&t.lines.iter().map(|l| l.name).collect::<Vec<_>>());
    for ((row, x), line) in places.iter().zip(&t.lines) {
        let y = (row * row_height + row_height / 2) as i32;
        let x = *x as i32;
        sample(root, line.role, (x, y), (x + 24, y))?;
        root.draw(&Text::new(
            line.name.to_string(),
            (x + 30, y),
            font().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(places.iter().map(|p| p.0 + 1).max().unwrap_or(0) * row_height)
}

type Ctx<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordi32, RangedCoordf64>>;

/// The plot under the legend: the rounds across, labelled at the first and
/// the last, and the values up to a round number.
fn axes<'a, 'b>(root: &'a Root<'b>, t: &Trend, legend: u32) -> Result<Ctx<'a, 'b>, Box<dyn std::error::Error>> {
    let ink = rgb(INK);
    let years = t.lines.iter().flat_map(|l| l.years.iter().copied());
    let (first, last) = (
        i32::from(years.clone().min().unwrap_or(2000)),
        i32::from(years.max().unwrap_or(2001)),
    );
    let top = axis_max(t.lines.iter().flat_map(|l| l.values.iter().flatten().copied()), t.unit);
    let mut ctx = ChartBuilder::on(root)
        .margin_top(legend + 6)
        .margin_left(4)
        .margin_right(RIGHT)
        .x_label_area_size(FONT + 8)
        .y_label_area_size(FONT * 3)
        .build_cartesian_2d(first - 1..last + 1, 0.0..top)?;
    let unit = t.unit;
    ctx.configure_mesh()
        .disable_x_mesh()
        .bold_line_style(rgb(crate::palette::GRID))
        .light_line_style(TRANSPARENT)
        .axis_style(ink)
        .y_labels(3)
        .x_labels(((last - first + 3) as usize).min(30))
        .x_label_style(font())
        .y_label_style(font())
        .x_label_formatter(&|y| {
            if *y == first || *y == last {
                y.to_string()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|v| format_value(Some(*v), None, unit))
        .draw()?;
    Ok(ctx)
}

/// Whether real and example values are drawn together (their markers then differ).
fn mixed(t: &Trend) -> bool {
    let shown = |l: &Line| {
        l.values
            .iter()
            .zip(l.real)
            .filter(|(v, _)| v.is_some())
            .map(|(_, r)| *r)
            .collect::<Vec<bool>>()
    };
    let flags: Vec<bool> = t.lines.iter().flat_map(shown).collect();
    flags.iter().any(|r| *r) && flags.iter().any(|r| !*r)
}

/// What every line is drawn onto, and what decides how.
struct Plot<'a, 'b> {
    root: &'a Root<'b>,
    ctx: Ctx<'a, 'b>,
    unit: StatUnit,
    breaks: &'a [u16],
    /// Real values filled, example ones hollow.
    mixed: bool,
}

/// A line's end, for its label in the right margin: its height, its last
/// value as text, its colour, and the pixel the label's leader starts from.
struct End {
    y: f64,
    label: String,
    colour: RGBColor,
    at: (i32, i32),
}

impl Plot<'_, '_> {
    /// One line: its runs, its markers, and its end (if it has a value).
    fn line(&self, line: &Line) -> Result<Option<End>, Box<dyn std::error::Error>> {
        let points: Vec<(i32, Option<f64>)> = line
            .years
            .iter()
            .zip(line.values.iter())
            .map(|(&y, v)| (i32::from(y), *v))
            .collect();
        self.runs(line.role, &points)?;
        for (i, &(y, v)) in points.iter().enumerate() {
            if let Some(v) = v {
                let filled = if self.mixed {
                    line.real.get(i).copied().unwrap_or(false)
                } else {
                    line.role == Role::Municipality
                };
                marker(self.root, line.role, self.ctx.backend_coord(&(y, v)), filled)?;
            }
        }
        let Some(&(y, Some(v))) = points.iter().rev().find(|(_, v)| v.is_some()) else {
            return Ok(None);
        };
        let at = self.ctx.backend_coord(&(y, v));
        Ok(Some(End {
            y: f64::from(at.1),
            label: format_value(Some(v), None, self.unit),
            colour: line.role.colour(),
            at,
        }))
    }

    /// Runs of rounds with a value; a missing value breaks the line, and so does a change of question.
    fn runs(&self, role: Role, points: &[(i32, Option<f64>)]) -> Result<(), Box<dyn std::error::Error>> {
        let mut cuts: Vec<(i32, Option<f64>)> = Vec::new();
        for &(y, v) in points {
            let before = cuts.last().map_or(i32::MIN, |&(x, _)| x);
            if self.breaks.iter().any(|&b| before < i32::from(b) && i32::from(b) <= y) {
                cuts.push((y, None));
            }
            cuts.push((y, v));
        }
        for run in cuts.split(|(_, v)| v.is_none()).filter(|run| run.len() > 1) {
            let pixels: Vec<(i32, i32)> = run
                .iter()
                .map(|&(y, v)| self.ctx.backend_coord(&(y, v.unwrap_or(0.0))))
                .collect();
            path(self.root, role, &pixels)?;
        }
        Ok(())
    }
}

/// The lines' last values in the right margin, pushed apart where lines end close together.
fn end_labels(root: &Root, ends: &[End]) -> Result<(), Box<dyn std::error::Error>> {
    let placed = spread(&ends.iter().map(|e| e.y).collect::<Vec<_>>(), f64::from(FONT + 3));
    let x = (WIDTH - RIGHT + 10) as i32;
    for (end, y) in ends.iter().zip(placed) {
        let y = y as i32;
        root.draw(&PathElement::new(
            vec![(end.at.0 + 7, end.at.1), (x - 3, y)],
            end.colour.stroke_width(1),
        ))?;
        root.draw(&Text::new(
            end.label.clone(),
            (x, y),
            font().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

type Root<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// A line through `pixels` in the role's pattern.
fn path(root: &Root, role: Role, pixels: &[(i32, i32)]) -> Result<(), Box<dyn std::error::Error>> {
    let colour = role.colour();
    match role.dash() {
        None => root.draw(&PathElement::new(pixels.to_vec(), colour.stroke_width(3)))?,
        Some((on, off)) => {
            let points: Vec<(f64, f64)> = pixels.iter().map(|&(x, y)| (f64::from(x), f64::from(y))).collect();
            for [a, b] in dashes(&points, on, off) {
                root.draw(&PathElement::new(
                    vec![(a.0 as i32, a.1 as i32), (b.0 as i32, b.1 as i32)],
                    colour.stroke_width(3),
                ))?;
            }
        }
    }
    Ok(())
}

/// The role's marker at a pixel: a circle, a square or a diamond, filled or hollow.
fn marker(root: &Root, role: Role, at: (i32, i32), filled: bool) -> Result<(), Box<dyn std::error::Error>> {
    let colour = role.colour();
    let inside = if filled { colour.filled() } else { WHITE.filled() };
    match role {
        Role::Municipality => {
            root.draw(&Circle::new(at, 4, inside))?;
            root.draw(&Circle::new(at, 4, colour.stroke_width(2)))?;
        }
        Role::County => {
            root.draw(&(EmptyElement::at(at) + Rectangle::new([(-4, -4), (4, 4)], inside)))?;
            root.draw(&(EmptyElement::at(at) + Rectangle::new([(-4, -4), (4, 4)], colour.stroke_width(2))))?;
        }
        Role::Nation => {
            let diamond = vec![(0, -6), (6, 0), (0, 6), (-6, 0)];
            root.draw(&(EmptyElement::at(at) + Polygon::new(diamond.clone(), inside)))?;
            root.draw(
                &(EmptyElement::at(at)
                    + PathElement::new([diamond.clone(), vec![diamond[0]]].concat(), colour.stroke_width(2))),
            )?;
        }
    }
    Ok(())
}

/// A legend's sample of a line: its pattern from `a` to `b`, its marker in the middle.
fn sample(root: &Root, role: Role, a: (i32, i32), b: (i32, i32)) -> Result<(), Box<dyn std::error::Error>> {
    path(root, role, &[a, b])?;
    marker(root, role, ((a.0 + b.0) / 2, a.1), role == Role::Municipality)
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
            let (left, drawing) = if phase < on {
                (on - phase, true)
            } else {
                (on + off - phase, false)
            };
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

#[cfg(test)]
mod tests;
