//! The legends above a plot: what a reference looks like, which marker is a
//! real value and which an example, and the stacked bars' answers.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::hatched;
use super::render::Layout;
use super::text::{chars_per_line, wrap};
use super::{Area, StatChart, View};
use crate::charts::colour::rgb;
use crate::format::and_list;
use crate::palette::{INK, REFERENCE, SERIES};

/// One legend line at `top`: a filled marker is a real value, a hollow one an example.
pub(super) fn marks_legend(l: &Layout, area: &Area, top: i32) -> Result<(), Box<dyn std::error::Error>> {
    let (ink, colour) = (rgb(INK), rgb(REFERENCE));
    let y = top + (l.font as i32 + 8) / 2;
    let style = ("sans-serif", l.font)
        .into_font()
        .color(&ink)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut x = 18;
    for (filled, text) in [(true, "verkligt värde"), (false, "exempeldata")] {
        area.draw(&Circle::new(
            (x, y),
            5,
            if filled { colour.filled() } else { WHITE.filled() },
        ))?;
        area.draw(&Circle::new((x, y), 5, colour.stroke_width(2)))?;
        area.draw(&Text::new(text, (x + 12, y), style.clone()))?;
        x += 12 + (l.font as i32 * 55 / 100) * text.chars().count() as i32 + 24;
    }
    Ok(())
}

/// What a reference looks like in this view, in one legend line at `top`: the
/// county and the nation are comparisons, not two more municipalities.
pub(super) fn reference_legend(
    chart: &StatChart,
    l: &Layout,
    area: &Area,
    top: i32,
) -> Result<(), Box<dyn std::error::Error>> {
    let ink = rgb(INK);
    let (reference, plain) = (rgb(REFERENCE), rgb(SERIES[0]));
    let y = top + (l.font as i32 + 8) / 2;
    let style = ("sans-serif", l.font)
        .into_font()
        .color(&ink)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut x = 12;
    let municipality = match chart.view {
        View::Line => chart.series.iter().any(|s| !s.reference),
        View::Bars => chart.reference.iter().any(|&r| !r),
        View::Stacked => false,
    };
    if municipality {
        match chart.view {
            View::Line => area.draw(&PathElement::new(vec![(x, y), (x + 24, y)], plain.stroke_width(3)))?,
            _ => area.draw(&Rectangle::new([(x, y - 7), (x + 18, y + 7)], plain.filled()))?,
        }
        area.draw(&Text::new("Kommun", (x + 30, y), style.clone()))?;
        x += 30 + (l.font as i32 * 55 / 100) * 7 + 16;
    }
    let names = and_list(&chart.reference_names);
    match chart.view {
        // Each reference with its own dash and marker, as the lines are drawn.
        View::Line => {
            for (k, name) in chart.reference_names.iter().enumerate() {
                let (on, off) = if k % 2 == 0 { (9.0, 5.0) } else { (3.0, 4.0) };
                for [a, b] in crate::trend::dashes(
                    &[(f64::from(x), f64::from(y)), (f64::from(x + 24), f64::from(y))],
                    on,
                    off,
                ) {
                    area.draw(&PathElement::new(
                        vec![(a.0 as i32, y), (b.0 as i32, y)],
                        reference.stroke_width(3),
                    ))?;
                }
                let at = (x + 12, y);
                if k % 2 == 0 {
                    area.draw(&(EmptyElement::at(at) + Rectangle::new([(-5, -5), (5, 5)], WHITE.filled())))?;
                    area.draw(&(EmptyElement::at(at) + Rectangle::new([(-5, -5), (5, 5)], reference.stroke_width(2))))?;
                } else {
                    let diamond = vec![(0, -7), (7, 0), (0, 7), (-7, 0)];
                    area.draw(&(EmptyElement::at(at) + Polygon::new(diamond.clone(), WHITE.filled())))?;
                    area.draw(&(EmptyElement::at(at) + Polygon::new(diamond, reference.stroke_width(2))))?;
                }
                area.draw(&Text::new(name.clone(), (x + 30, y), style.clone()))?;
                x += 30 + (l.font as i32 * 55 / 100) * name.chars().count() as i32 + 16;
            }
            return Ok(());
        }
        View::Bars => hatched(area, (x, y - 7), (x + 18, y + 7))?,
        View::Stacked => area.draw(&Rectangle::new(
            [(x, y - 7), (x + 18, y + 7)],
            reference.stroke_width(3),
        ))?,
    }
    let what = match chart.view {
        View::Stacked => format!("Med ram: {names}, som jämförelse"),
        _ => format!("{names}, som jämförelse"),
    };
    area.draw(&Text::new(what, (x + 30, y), style))?;
    Ok(())
}

/// The stacked bars' legend above them: a swatch and the answer, one answer per
/// line. Long answers wrap within the drawing's width rather than run out of it.
/// Returns where the next legend line goes.
pub(super) fn answers_legend(chart: &StatChart, l: &Layout, area: &Area) -> Result<i32, Box<dyn std::error::Error>> {
    let ink = rgb(INK);
    let line = (l.font + 8) as i32;
    let mut at = 0;
    for (j, series) in chart.series.iter().enumerate() {
        let y = 8 + line * at + line / 2;
        let colour = rgb(SERIES[j % SERIES.len()]);
        area.draw(&Rectangle::new([(12, y - 7), (26, y + 7)], colour.filled()))?;
        for text in wrap(&format!("{}. {}", j + 1, series.name), answer_chars(l.width, l.font)) {
            let style = ("sans-serif", l.font)
                .into_font()
                .color(&ink)
                .pos(Pos::new(HPos::Left, VPos::Center));
            area.draw(&Text::new(text, (34, 8 + line * at + line / 2), style))?;
            at += 1;
        }
    }
    Ok(8 + line * at)
}

/// How many characters of an answer fit beside its swatch in the stacked bars' legend.
fn answer_chars(width: u32, font: u32) -> usize {
    chars_per_line(width - 22, font)
}

/// The stacked bars' legend in lines: each answer wrapped to the width.
pub(super) fn legend_lines(chart: &StatChart, width: u32, font: u32) -> u32 {
    chart
        .series
        .iter()
        .enumerate()
        .map(|(j, s)| {
            wrap(&format!("{}. {}", j + 1, s.name), answer_chars(width, font))
                .len()
                .max(1) as u32
        })
        .sum::<u32>()
        .max(1)
}
