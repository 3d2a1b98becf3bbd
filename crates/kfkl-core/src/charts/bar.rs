//! Charts in named stages: a `ChartDef` over published figures becomes a
//! `BarChart` (values, labels, summary, source line; no pixels), which
//! `render_svg` draws with plotters. Rendering only draws what it is given.

use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordusize};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::charts::colour::rgb;
use crate::csv::CsvFlavour;
use crate::format::{format_change, format_figure, format_in_unit, format_percent};
use crate::model::{ChartDef, ChartKind, Dataset, KeyFigure, Unit};
use crate::palette::{INK, SERIES};

mod labels;
mod rows;
pub use labels::fits;
use labels::{label_lines, label_lines_needed, label_width, LABEL_PX, LINE, MARGIN, Y_LABEL_AREA};
pub use rows::{render_rows_svg, rows_height};

/// A chart ready to draw and to read: every string is final Swedish text.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub id: String,
    pub title: String,
    pub kind: ChartKind,
    pub unit: Unit,
    /// Bar groups along the axis (years, areas …), as the table names them.
    pub categories: Vec<String>,
    /// Shorter names for the axis, where the table's are too long to fit.
    pub axis_labels: Vec<String>,
    /// The table's heading over the categories ("År", "Verksamhetsområde" …).
    pub category_heading: String,
    /// Said under the chart where a number needs it (e.g. how it was computed).
    pub notes: Vec<String>,
    /// One value per category each; a single series has an empty name.
    pub series: Vec<Series>,
    /// One sentence that says what the chart shows, for screen readers and print.
    pub summary: String,
    /// "Källa: …", shown under the chart.
    pub source_line: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
    /// Each value as the source states it ("drygt 100", "−16 758").
    pub displays: Vec<String>,
}

/// Resolves a key-figure chart. Bars whose figure is missing are left out
/// (the data build rejects such charts, so this only guards the renderer).
pub fn bar_chart(dataset: &Dataset, def: &ChartDef) -> BarChart {
    let figures: Vec<(&str, &KeyFigure)> = def
        .bars
        .iter()
        .filter_map(|b| dataset.figure(&b.figure).map(|f| (b.label.as_str(), f)))
        .collect();
    let unit = figures.first().map_or(Unit::Count, |(_, f)| f.unit);
    let categories: Vec<String> = figures.iter().map(|(l, _)| l.to_string()).collect();
    let series = vec![Series {
        name: String::new(),
        values: figures.iter().map(|(_, f)| f.value).collect(),
        displays: figures.iter().map(|(_, f)| format_figure(f)).collect(),
    }];
    let mut cited: Vec<String> = Vec::new();
    for (_, f) in &figures {
        let cite = dataset.cite(&f.source);
        if !cited.contains(&cite) {
            cited.push(cite);
        }
    }
    BarChart {
        id: def.id.clone(),
        title: def.title.clone(),
        kind: def.kind,
        unit,
        summary: summary(&def.title, def.kind, unit, &categories, &series[0]),
        source_line: format!("Källa: {}.", cited.join("; ")),
        axis_labels: categories.clone(),
        category_heading: match def.kind {
            ChartKind::Change => "År",
            ChartKind::GoalOutcome | ChartKind::Compare => "Avser",
        }
        .to_string(),
        notes: Vec::new(),
        categories,
        series,
    }
}

/// "Utlån av utrustning ökade från 698 år 2022 till 722 år 2023 (+24, +3,4 %)."
pub fn summary(title: &str, kind: ChartKind, unit: Unit, labels: &[String], series: &Series) -> String {
    let ([a, b], [va, vb], [da, db]) = (labels, series.values.as_slice(), series.displays.as_slice()) else {
        let listed: Vec<String> = labels
            .iter()
            .zip(&series.displays)
            .map(|(l, d)| format!("{l} {d}"))
            .collect();
        return format!("{}: {}.", title, listed.join(", "));
    };
    let change = format!("({})", change_text(*va, *vb, unit));
    match kind {
        ChartKind::Change => format!(
            "{title} {} från {da} år {a} till {db} år {b} {change}.",
            direction(*va, *vb, "ökade", "minskade", "var oförändrat")
        ),
        ChartKind::GoalOutcome => format!("{title}: utfallet blev {db} mot målet {da} {change}."),
        ChartKind::Compare => format!("{title}: {a} {da}, {b} {db}."),
    }
}

/// "+24, +3,4 %": the change and, where defined, the relative change.
pub fn change_text(from: f64, to: f64, unit: Unit) -> String {
    let delta = to - from;
    let relative = if from != 0.0 {
        format!(", {}", format_change_percent(100.0 * delta / from.abs()))
    } else {
        String::new()
    };
    format!("{}{relative}", format_change(delta, unit))
}

/// Picks the verb for a change from `from` to `to`.
pub fn direction(from: f64, to: f64, up: &'static str, down: &'static str, same: &'static str) -> &'static str {
    match to.partial_cmp(&from) {
        Some(std::cmp::Ordering::Greater) => up,
        Some(std::cmp::Ordering::Less) => down,
        _ => same,
    }
}

fn format_change_percent(pct: f64) -> String {
    let rounded = (pct * 10.0).round() / 10.0;
    let sign = if rounded > 0.0 { "+" } else { "" };
    format!("{sign}{}", format_percent(rounded))
}

/// Draws the chart as a standalone SVG document. Each bar carries its value, as
/// the source states it, as a direct label, and its category on the axis; a
/// second series (and a goal) is drawn hollow, so colour is never the only cue.
pub fn render_svg(chart: &BarChart, width: u32, height: u32) -> String {
    let mut svg = String::new();
    // Drawing into a String cannot fail for I/O reasons; a plotting error
    // (e.g. a degenerate range) leaves a blank chart while the table still shows.
    let _ = (|| -> Result<(), Box<dyn std::error::Error>> {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        draw(chart, &root)?;
        Ok(root.present()?)
    })();
    svg
}

/// The drawing as a file to download, with the chart's title and source line.
pub fn render_download(chart: &BarChart, width: u32, height: u32) -> String {
    crate::svgframe::captioned(
        &render_svg(chart, width, height),
        width,
        height,
        &chart.title,
        &chart.source_line,
    )
}

/// The table of a chart as CSV: one row per bar, with the value as a number
/// and as the source states it ("drygt 100").
pub fn to_csv(chart: &BarChart, flavour: CsvFlavour) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&format!("# {}\n# {}\n", chart.title, chart.source_line));
    for note in &chart.notes {
        out.push_str(&format!("# {note}\n"));
    }
    let heading = crate::csv::header_name(&chart.category_heading);
    out.push_str(&flavour.line(&[heading, "serie".into(), "värde".into(), "som_källan_skriver".into()]));
    for (i, category) in chart.categories.iter().enumerate() {
        for s in &chart.series {
            let (value, shown) = (
                s.values.get(i).map_or(String::new(), |&v| flavour.number(v)),
                s.displays.get(i).cloned().unwrap_or_default(),
            );
            out.push_str(&flavour.line(&[category.clone(), s.name.clone(), value, shown.replace('\u{a0}', " ")]));
        }
    }
    out
}

/// The plot's coordinates: one segment per category across, the values up.
type Ctx<'a, DB> = ChartContext<'a, DB, Cartesian2d<SegmentedCoord<RangedCoordusize>, RangedCoordf64>>;

fn draw<DB: DrawingBackend>(
    chart: &BarChart,
    root: &DrawingArea<DB, plotters::coord::Shift>,
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    let n = chart.categories.len().max(1);
    // The plot's width is known once the axes are drawn, but their head room depends on
    // whether labels take two lines: the same margins give the same width beforehand.
    let plot_width = f64::from(root.dim_in_pixel().0) - f64::from(Y_LABEL_AREA + 2 * MARGIN);
    let lines = label_lines_needed(chart, Slots::of(plot_width, n, chart.series.len()).segment);
    let mut ctx = axes(chart, root, n, lines)?;
    let slots = Slots::of(ctx.plotting_area().dim_in_pixel().0 as f64, n, chart.series.len());
    for (j, series) in chart.series.iter().enumerate() {
        bars(&mut ctx, chart, &slots, j, series)?;
        value_labels(&mut ctx, &slots, j, series)?;
    }
    Ok(())
}

/// The value axis' ends: zero and beyond the values, with head room for the
/// value labels beyond the bars (two rows when staggered or wrapped).
fn value_range(chart: &BarChart, lines: usize) -> (f64, f64) {
    let values = chart.series.iter().flat_map(|s| s.values.iter().copied());
    let (lo, hi) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    // Below the zero line the labels hang under the bars, above the category names: more room there.
    let room = if chart.series.len() > 1 {
        0.26
    } else {
        0.16 * lines as f64
    };
    let below = if chart.series.len() > 1 { 0.36 } else { 0.2 };
    (
        if lo < 0.0 { lo - span * below } else { 0.0 },
        if hi > 0.0 || lo == 0.0 { hi + span * room } else { 0.0 },
    )
}

fn font(px: u32) -> TextStyle<'static> {
    ("sans-serif", px).into_font().color(&rgb(INK))
}

/// The plot with its grid, the categories' names along the bottom, the values
/// up the left, and a zero line where bars go below it.
fn axes<'a, DB: DrawingBackend>(
    chart: &BarChart,
    root: &'a DrawingArea<DB, plotters::coord::Shift>,
    n: usize,
    lines: usize,
) -> Result<Ctx<'a, DB>, Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    let (bottom, top) = value_range(chart, lines);
    let ink = rgb(INK);
    let mut ctx = ChartBuilder::on(root)
        .margin(MARGIN)
        .x_label_area_size(40)
        .y_label_area_size(Y_LABEL_AREA)
        .build_cartesian_2d((0..n - 1).into_segmented(), bottom..top)?;
    let unit = chart.unit;
    let labels: Vec<&str> = chart.axis_labels.iter().map(String::as_str).collect();
    ctx.configure_mesh()
        .disable_x_mesh()
        .bold_line_style(rgb(crate::palette::GRID))
        .light_line_style(TRANSPARENT)
        .axis_style(ink)
        .y_labels(4)
        .x_label_style(font(21))
        .y_label_style(font(19))
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => labels.get(*i).map_or(String::new(), |s| s.to_string()),
            _ => String::new(),
        })
        .y_label_formatter(&|v| format_in_unit(*v, unit))
        .draw()?;
    if bottom < 0.0 {
        ctx.draw_series(std::iter::once(PathElement::new(
            vec![(SegmentValue::Exact(0), 0.0), (SegmentValue::Exact(n), 0.0)],
            ink,
        )))?;
    }
    Ok(ctx)
}

/// Pixel geometry of one category, to place the series side by side in it.
struct Slots {
    /// How many categories.
    n: usize,
    /// A category's width.
    segment: f64,
    /// The space either side of a category's bars.
    gap: f64,
    /// One bar's width.
    bar: f64,
}

impl Slots {
    fn of(plot_width: f64, n: usize, series: usize) -> Slots {
        let segment = plot_width / n as f64;
        let k = series.max(1) as f64;
        let gap = segment * 0.12;
        Slots {
            n,
            segment,
            gap,
            bar: (segment - 2.0 * gap) / k,
        }
    }

    /// Where series `j`'s bar starts within its category.
    fn left(&self, j: usize) -> f64 {
        self.gap + self.bar * j as f64
    }
}

/// Series `j`'s bars, each in its place within its category, filled or hollow.
fn bars<DB: DrawingBackend>(
    ctx: &mut Ctx<DB>,
    chart: &BarChart,
    slots: &Slots,
    j: usize,
    series: &Series,
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    let left = slots.left(j);
    ctx.draw_series(series.values.iter().enumerate().map(|(i, &v)| {
        let style = bar_style(chart, j, i);
        let mut rect = Rectangle::new([(SegmentValue::Exact(i), 0.0), (SegmentValue::Exact(i + 1), v)], style);
        let (l, r) = (left + 2.0, slots.segment - left - slots.bar + 2.0);
        rect.set_margin(0, 0, l.max(0.0) as u32, r.max(0.0) as u32);
        rect
    }))?;
    Ok(())
}

/// Series `j`'s values as the source states them. A label sits beyond its
/// bar's end, centred on it, on two lines where it is wider than its category;
/// each further series one line further out, so that neighbouring labels never collide.
fn value_labels<DB: DrawingBackend>(
    ctx: &mut Ctx<DB>,
    slots: &Slots,
    j: usize,
    series: &Series,
) -> Result<(), Box<dyn std::error::Error>>
where
    DB::ErrorType: 'static,
{
    let (segment, n) = (slots.segment, slots.n);
    let centre_offset = (slots.left(j) + slots.bar / 2.0 - segment / 2.0) as i32;
    let stagger = LINE * j as i32;
    let label_style = font(LABEL_PX);
    let mut texts = Vec::new();
    for (i, (&v, text)) in series.values.iter().zip(&series.displays).enumerate() {
        let lines = label_lines(text, segment);
        let count = lines.len() as i32;
        for (k, line) in lines.into_iter().enumerate() {
            // Above a bar the last line is nearest it; below one, the first.
            let (dy, vpos) = if v < 0.0 {
                (4 + stagger + LINE * k as i32, VPos::Top)
            } else {
                (-4 - stagger - LINE * (count - 1 - k as i32), VPos::Bottom)
            };
            // A label wider than its category stays inside the plot: the first one starts at
            // the plot's left edge, the last one ends at its right, rather than run over the axis.
            let half = label_width(&line) / 2.0;
            let (dx, hpos) = match i {
                0 if half > segment / 2.0 + f64::from(centre_offset) => ((-segment / 2.0) as i32 + 2, HPos::Left),
                last if last + 1 == n && half > segment / 2.0 - f64::from(centre_offset) => {
                    ((segment / 2.0) as i32 - 2, HPos::Right)
                }
                _ => (centre_offset, HPos::Center),
            };
            texts.push(
                EmptyElement::at((SegmentValue::CenterOf(i), v))
                    + Text::new(line, (dx, dy), label_style.clone().pos(Pos::new(hpos, vpos))),
            );
        }
    }
    ctx.draw_series(texts)?;
    Ok(())
}

/// Every second series is drawn hollow; in a single goal/outcome series, the goal.
fn bar_style(chart: &BarChart, series: usize, bar: usize) -> ShapeStyle {
    let colour = rgb(SERIES[0]);
    let hollow = if chart.series.len() > 1 {
        series % 2 == 1
    } else {
        chart.kind == ChartKind::GoalOutcome && bar == 0
    };
    if hollow {
        ShapeStyle {
            color: colour.to_rgba(),
            filled: false,
            stroke_width: 3,
        }
    } else {
        colour.filled()
    }
}

#[cfg(test)]
mod tests;
