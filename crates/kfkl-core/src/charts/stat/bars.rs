//! The bar views of one year: a bar per area (a pair where girls and boys
//! are compared), or every answer of a distribution as a share of one bar.
//! The county and the nation are hatched or framed as references.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::legend::{answers_legend, reference_legend};
use super::render::Layout;
use super::scale::{axis_label, axis_max, values};
use super::{Area, Point, StatChart};
use crate::charts::colour::rgb;
use crate::palette::{INK, REFERENCE, SERIES};

/// Horizontal bars, one group per area; a second series (boys) is drawn
/// hollow and every bar is labelled with its value (and gender).
pub(super) fn draw_bars(chart: &StatChart, l: &Layout, area: &Area) -> Result<(), Box<dyn std::error::Error>> {
    let (left, xmax) = bar_frame(chart, l);
    let xmax = xmax.max(axis_max(values(chart), chart.unit));
    let mut ctx = bar_axes(chart, l, area, left, xmax)?;
    let line = f64::from(l.font + 8);
    let px = ctx.plotting_area().dim_in_pixel().1 as f64 / chart.categories.len().max(1) as f64;
    if chart.has_reference() {
        reference_legend(chart, l, area, 4)?;
    }
    let (bx, by) = area.get_base_pixel();
    for (i, name) in chart.categories.iter().enumerate() {
        let row_top = i as f64 * px;
        category_label(area, &ctx, l, name, i)?;
        let reference = chart.reference.get(i).copied().unwrap_or(false);
        let colour = rgb(if reference { REFERENCE } else { SERIES[0] });
        for (j, series) in chart.series.iter().enumerate() {
            let Some(p) = series.points[i] else { continue };
            let y0 = row_top + 5.0 + line * j as f64;
            let (a, b) = (y0 / px, (y0 + line - 4.0) / px);
            let v = p.value.unwrap_or(0.0);
            if v > 0.0 && reference && j % 2 == 0 {
                let (from, to) = (ctx.backend_coord(&(0.0, a)), ctx.backend_coord(&(v, b)));
                hatched(area, (from.0 - bx, from.1 - by), (to.0 - bx, to.1 - by))?;
            } else if v > 0.0 {
                let style = if j % 2 == 1 {
                    colour.stroke_width(2)
                } else {
                    colour.filled()
                };
                ctx.draw_series(std::iter::once(Rectangle::new([(0.0, a), (v, b)], style)))?;
            }
            let who = if series.name.is_empty() {
                String::new()
            } else {
                format!("{} ", series.name)
            };
            let suppressed = if p.value.is_none() { " (dolt)" } else { "" };
            let label = format!("{who}{}{suppressed}", chart.label(&p));
            let style = ("sans-serif", l.font)
                .into_font()
                .color(&rgb(INK))
                .pos(Pos::new(HPos::Left, VPos::Center));
            ctx.draw_series(std::iter::once(
                EmptyElement::at((v, (a + b) / 2.0)) + Text::new(label, (6, 0), style),
            ))?;
        }
    }
    Ok(())
}

/// Room for the category names on the left, and the value axis' end leaving
/// room for the longest value label beyond the longest bar.
fn bar_frame(chart: &StatChart, l: &Layout) -> (u32, f64) {
    let longest = chart.categories.iter().map(|c| c.chars().count()).max().unwrap_or(4) as u32;
    let left = (longest * l.font * 55 / 100 + 12).min(l.width / 3);
    let label = chart
        .series
        .iter()
        .map(|s| s.name.chars().count() + 16)
        .max()
        .unwrap_or(16) as f64;
    let plot = f64::from(l.width - left - l.font - 14);
    let hi = values(chart).fold(0.0_f64, f64::max);
    // The longest label takes `label` characters of the plot's width.
    let share = (label * f64::from(l.font) * 0.55 / plot).min(0.6);
    (left, if hi > 0.0 { hi / (1.0 - share) } else { 1.0 })
}

type Ctx<'a, 'b> = ChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// Value axis along the bottom; rows counted downwards from the top.
fn bar_axes<'a, 'b>(
    chart: &StatChart,
    l: &Layout,
    area: &'a Area<'b>,
    left: u32,
    xmax: f64,
) -> Result<Ctx<'a, 'b>, Box<dyn std::error::Error>> {
    let ink = rgb(INK);
    let rows = chart.categories.len().max(1) as f64;
    let unit = chart.unit;
    let mut ctx = ChartBuilder::on(area)
        .margin_top(8 + l.legend)
        .margin_right(l.font + 14)
        .x_label_area_size(l.font + 16)
        .y_label_area_size(left)
        .build_cartesian_2d(0.0..xmax, rows..0.0)?;
    ctx.configure_mesh()
        .disable_y_mesh()
        .bold_line_style(rgb(crate::palette::GRID))
        .light_line_style(TRANSPARENT)
        .axis_style(ink)
        .y_labels(0)
        .x_labels(if l.width < 480 { 3 } else { 5 })
        .x_label_style(("sans-serif", l.font).into_font().color(&ink))
        .x_label_formatter(&|v| axis_label(*v, unit))
        .draw()?;
    Ok(ctx)
}

/// A category's name, right-aligned left of the plot, centred on its row.
fn category_label(
    area: &Area,
    ctx: &Ctx,
    l: &Layout,
    name: &str,
    row: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let (xs, ys) = ctx.plotting_area().get_pixel_range();
    let (bx, by) = area.get_base_pixel();
    let per_row = f64::from(ys.end - ys.start) / ctx.y_range().start.max(1.0);
    let y = ys.start - by + (per_row * (row as f64 + 0.5)) as i32;
    let style = ("sans-serif", l.font)
        .into_font()
        .color(&rgb(INK))
        .pos(Pos::new(HPos::Right, VPos::Center));
    area.draw(&Text::new(name.to_string(), (xs.start - bx - 8, y), style))?;
    Ok(())
}

/// Each area's answers as shares of one bar, in the legend's order from the
/// left, each share labelled with its value where it is wide enough.
pub(super) fn draw_stacked(chart: &StatChart, l: &Layout, area: &Area) -> Result<(), Box<dyn std::error::Error>> {
    let (left, _) = bar_frame(chart, l);
    let mut ctx = bar_axes(chart, l, area, left, 100.0)?;
    let ink = rgb(INK);
    let bottom = answers_legend(chart, l, area)?;
    if chart.has_reference() {
        reference_legend(chart, l, area, bottom)?;
    }
    let px_per_pct = ctx.plotting_area().dim_in_pixel().0 as f64 / 100.0;
    for (i, name) in chart.categories.iter().enumerate() {
        category_label(area, &ctx, l, name, i)?;
        let (a, b) = (i as f64 + 0.15, i as f64 + 0.85);
        let shares: Vec<(usize, Point)> = chart
            .series
            .iter()
            .enumerate()
            .filter_map(|(j, s)| s.points[i].map(|p| (j, p)))
            .collect();
        if shares.is_empty() {
            continue;
        }
        if shares.iter().any(|(_, p)| p.value.is_none()) {
            let style = ("sans-serif", l.font)
                .into_font()
                .color(&ink)
                .pos(Pos::new(HPos::Left, VPos::Center));
            ctx.draw_series(std::iter::once(
                EmptyElement::at((0.0, i as f64 + 0.5)) + Text::new(".. (dolt)".to_string(), (6, 0), style),
            ))?;
            continue;
        }
        let mut x = 0.0;
        for (j, p) in shares {
            let v = p.value.unwrap_or(0.0);
            let colour = rgb(SERIES[j % SERIES.len()]);
            ctx.draw_series(std::iter::once(Rectangle::new([(x, a), (x + v, b)], colour.filled())))?;
            // White on every series colour reaches 4.5:1 (tested in palette).
            let label = chart.label(&p);
            if v * px_per_pct >= label.chars().count() as f64 * f64::from(l.font) * 0.55 + 6.0 {
                let style = ("sans-serif", l.font)
                    .into_font()
                    .color(&WHITE)
                    .pos(Pos::new(HPos::Center, VPos::Center));
                ctx.draw_series(std::iter::once(Text::new(label, (x + v / 2.0, i as f64 + 0.5), style)))?;
            }
            x += v;
        }
        if chart.reference.get(i).copied().unwrap_or(false) {
            let (from, to) = (ctx.backend_coord(&(0.0, a)), ctx.backend_coord(&(x, b)));
            let (bx, by) = area.get_base_pixel();
            area.draw(&Rectangle::new(
                [(from.0 - bx - 3, from.1 - by - 3), (to.0 - bx + 3, to.1 - by + 3)],
                rgb(REFERENCE).stroke_width(3),
            ))?;
        }
    }
    Ok(())
}

/// A reference bar: outlined and hatched in the reference colour (pixels of `area`).
pub(super) fn hatched(
    area: &Area,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
) -> Result<(), Box<dyn std::error::Error>> {
    let colour = rgb(REFERENCE);
    let ring = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)].map(|(x, y)| (f64::from(x), f64::from(y)));
    crate::charts::colour::hatch(area, &ring, 6.0, REFERENCE)?;
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.stroke_width(2)))?;
    Ok(())
}
