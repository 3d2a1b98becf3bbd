//! The explorer's chart in named stages: the selected observations become a
//! `StatChart` (categories, series, display text; no pixels), which
//! `render_svg` draws with plotters. Which view is drawn follows from the
//! selection: a distribution as stacked 100 % bars, several years as lines,
//! one year as bars across areas (grouped by gender when comparing).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::explorer::{format_value, gender_label, grade_label, ExplorerState};
use crate::format::and_list;
use crate::format::{format_fixed, format_number, NBSP};
use crate::model::Approx;
use crate::palette::{rgb, BANNER, INK, REFERENCE, SERIES};
use crate::stats::{Observation, StatTable, StatUnit};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// One line per area (and gender) over the years.
    Line,
    /// One year: a bar per area, a pair of bars when girls and boys are compared.
    Bars,
    /// One year: every answer of a distribution as a share of a 100 % bar.
    Stacked,
}

/// A chart ready to draw: every string is final Swedish text.
#[derive(Clone, Debug, PartialEq)]
pub struct StatChart {
    pub view: View,
    /// "Röker, gy 2, 2015–2024"; "Hur mycket fritid har du? – gy 2, 2024"
    pub title: String,
    pub unit: StatUnit,
    /// Line: years; bars and stacked: areas (with gender when compared).
    pub categories: Vec<String>,
    pub series: Vec<StatSeries>,
    /// Any value is example data: the drawing carries the banner.
    pub example: bool,
    /// Real and example values side by side: example values are marked "*".
    pub mixed: bool,
    /// Bars and stacked bars: which categories are the county or the nation.
    pub reference: Vec<bool>,
    /// The county's and the nation's names where they are drawn as references,
    /// which they are only beside a municipality: alone, the county is the series.
    pub reference_names: Vec<String>,
    /// Lines: the first rounds asked another way; no line runs across them.
    pub breaks: Vec<u16>,
}

/// One value per category; `None` where the category has no observation.
#[derive(Clone, Debug, PartialEq)]
pub struct StatSeries {
    pub name: String,
    pub points: Vec<Option<Point>>,
    /// Lines: the county or the nation, drawn dashed in the reference colour.
    pub reference: bool,
    /// Lines: the area's place among the municipalities (its colour and marker)
    /// or among the references (its dash and marker), the same whichever
    /// genders are shown, so that one area is one colour in the drawing.
    pub place: usize,
    /// Lines: boys beside girls, marked with triangles where girls have circles
    /// (hollow markers already mean example values among real ones).
    pub boys: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// `None`: suppressed, shown as "..".
    pub value: Option<f64>,
    /// The source's hedge word, shown with the value ("drygt 16 000").
    pub approx: Option<Approx>,
    pub example: bool,
}

pub const BANNER_TEXT: &str = "EXEMPELDATA – INTE VERKLIGA RESULTAT";

impl StatChart {
    /// The value as labelled in the drawing: "21 %", "21 %*" for an example
    /// value among real ones, ".." when suppressed.
    pub fn label(&self, p: &Point) -> String {
        let star = if self.mixed && p.example && p.value.is_some() {
            "*"
        } else {
            ""
        };
        format!("{}{star}", format_value(p.value, p.approx, self.unit))
    }
}

/// Shapes the selected rows (`explorer::select`) into the chart the selection calls for.
pub fn build(table: &StatTable, s: &ExplorerState, rows: &[Observation]) -> StatChart {
    let ind = &table.survey.indicators[s.indicator];
    let mut years: Vec<u16> = rows.iter().map(|o| o.year).collect();
    crate::sort::sort_dedup(&mut years);
    let view = if !ind.answers.is_empty() && s.answer.is_none() {
        View::Stacked
    } else if years.len() > 1 {
        View::Line
    } else {
        View::Bars
    };
    // Groups in the order `select` returns them: area as chosen, then gender.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for o in rows {
        if !groups.contains(&(o.area, o.gender)) {
            groups.push((o.area, o.gender));
        }
    }
    let group_name = |&(area, gender): &(usize, usize)| {
        let name = &table.areas[area].name;
        if s.gender.is_none() {
            format!("{name}, {}", gender_label(gender))
        } else {
            name.clone()
        }
    };
    let point = |o: &Observation| Point {
        value: o.value,
        approx: o.approx,
        example: o.example,
    };
    // A distribution and a single-year bar chart show the last year with a value.
    let last = rows
        .iter()
        .filter(|o| o.value.is_some())
        .map(|o| o.year)
        .max()
        .or(years.last().copied());
    // `reference`: which categories (bars, stacked bars) are the county or the nation.
    let (categories, series, reference): (Vec<String>, Vec<StatSeries>, Vec<bool>) = match view {
        View::Line => {
            let mut places: (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
            let series = groups
                .iter()
                .map(|g| {
                    let reference = table.is_reference(g.0);
                    let kind = if reference { &mut places.1 } else { &mut places.0 };
                    let place = kind.iter().position(|&a| a == g.0).unwrap_or_else(|| {
                        kind.push(g.0);
                        kind.len() - 1
                    });
                    StatSeries {
                        name: group_name(g),
                        points: years
                            .iter()
                            .map(|&y| rows.iter().find(|o| (o.area, o.gender) == *g && o.year == y).map(point))
                            .collect(),
                        reference,
                        place,
                        boys: s.gender.is_none() && g.1 == 2,
                    }
                })
                .collect();
            (years.iter().map(u16::to_string).collect(), series, Vec::new())
        }
        View::Stacked => {
            let series = ind
                .answers
                .iter()
                .enumerate()
                .map(|(a, answer)| StatSeries {
                    name: answer.clone(),
                    points: groups
                        .iter()
                        .map(|g| {
                            rows.iter()
                                .find(|o| (o.area, o.gender) == *g && Some(o.year) == last && o.answer == Some(a))
                                .map(point)
                        })
                        .collect(),
                    reference: false,
                    place: 0,
                    boys: false,
                })
                .collect();
            (
                groups.iter().map(group_name).collect(),
                series,
                groups.iter().map(|g| table.is_reference(g.0)).collect(),
            )
        }
        View::Bars => {
            let mut areas: Vec<usize> = Vec::new();
            let mut genders: Vec<usize> = Vec::new();
            for &(a, g) in &groups {
                if !areas.contains(&a) {
                    areas.push(a);
                }
                if !genders.contains(&g) {
                    genders.push(g);
                }
            }
            crate::sort::sort_dedup(&mut genders);
            let series = genders
                .iter()
                .map(|&g| StatSeries {
                    name: if s.gender.is_none() {
                        gender_label(g).to_string()
                    } else {
                        String::new()
                    },
                    points: areas
                        .iter()
                        .map(|&a| rows.iter().find(|o| o.area == a && o.gender == g).map(point))
                        .collect(),
                    reference: false,
                    place: 0,
                    boys: false,
                })
                .collect();
            (
                areas.iter().map(|&a| table.areas[a].name.clone()).collect(),
                series,
                areas.iter().map(|&a| table.is_reference(a)).collect(),
            )
        }
    };
    // A reference is a comparison: without a municipality beside it, the county is the series.
    let compared = groups.iter().any(|g| !table.is_reference(g.0));
    let (mut series, mut reference) = (series, reference);
    if !compared {
        series.iter_mut().for_each(|s| s.reference = false);
        reference.iter_mut().for_each(|r| *r = false);
    }
    let mut reference_names: Vec<String> = Vec::new();
    for g in groups.iter().filter(|g| compared && table.is_reference(g.0)) {
        if !reference_names.contains(&table.areas[g.0].name) {
            reference_names.push(table.areas[g.0].name.clone());
        }
    }
    // Everyone is not named: "alla" alone says nothing.
    let who = match s.gender {
        _ if !table.by_gender() => None,
        None => Some("flickor och pojkar".to_string()),
        Some(0) => None,
        Some(g) => Some(gender_label(g).to_string()),
    };
    let when = match (view, years.first(), years.last()) {
        (View::Line, Some(a), Some(b)) => Some(format!("{a}–{b}")),
        (_, _, _) => last.map(|y| y.to_string()),
    };
    // A label that is a question ends in "?": what follows is set off by a dash, not a comma.
    let question = ind.label.ends_with('?');
    let answer = match (s.answer, ind.answers.is_empty()) {
        (Some(a), false) if question => format!(" – ”{}”", ind.answers[a]),
        (Some(a), false) => format!(": ”{}”", ind.answers[a]),
        _ => String::new(),
    };
    let grade = table.by_grade().then(|| grade_label(s.grade).to_string());
    let rest: Vec<String> = [grade, who, when].into_iter().flatten().collect();
    let joint = if question && answer.is_empty() { " – " } else { ", " };
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!("{joint}{}", rest.join(", "))
    };
    StatChart {
        view,
        title: format!("{}{answer}{rest}", ind.label),
        unit: ind.unit,
        categories,
        series,
        example: rows.iter().any(|o| o.example),
        mixed: rows.iter().any(|o| o.example) && rows.iter().any(|o| !o.example),
        reference,
        reference_names,
        breaks: ind.breaks.iter().map(|b| b.year).collect(),
    }
}

impl StatChart {
    /// Whether the drawing has a county or nation to mark, and so a legend entry for them.
    pub fn has_reference(&self) -> bool {
        self.series.iter().any(|s| s.reference) || self.reference.iter().any(|&r| r)
    }
}

/// Drawing options: the page draws without frame (it shows title and source
/// as text); downloads draw title and source into the picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub width: u32,
    /// Title and source line drawn into the picture, for downloads.
    pub caption: Option<(String, String)>,
}

/// The drawing as a standalone SVG document; its height follows from the content.
pub fn render_svg(chart: &StatChart, frame: &Frame) -> String {
    let layout = Layout::new(chart, frame);
    let mut svg = String::new();
    // A plotting error leaves a blank drawing; the table beside it still shows every number.
    let _ = draw(chart, frame, &layout, &mut svg);
    svg
}

/// Sizes in SVG units. The font is a bit larger on a narrow drawing, which
/// the page scales down less.
struct Layout {
    width: u32,
    height: u32,
    font: u32,
    banner: u32,
    title: u32,
    footer: u32,
    legend: u32,
}

impl Layout {
    fn new(chart: &StatChart, frame: &Frame) -> Layout {
        // A narrow drawing is for a phone, where it is shown about 290 px wide: its text
        // must still render at 12 px or more (plotters writes sizes a fifth smaller).
        let font = if frame.width < 480 { 20 } else { 16 };
        let line = font + 8;
        // The banner in bold capitals wraps on a narrow drawing rather than run off it.
        let banner = if chart.example {
            line * banner_lines(frame.width, font).len() as u32 + 10
        } else {
            0
        };
        let title_lines = frame
            .caption
            .as_ref()
            .map_or(0, |(t, _)| wrap(t, chars_per_line(frame.width, font + 2)).len() as u32);
        let (title, footer) = if frame.caption.is_some() {
            ((line + 2) * title_lines + 8, line + 8)
        } else {
            (0, 0)
        };
        let k = chart.series.len().max(1) as u32;
        let rows = chart.categories.len().max(1) as u32;
        // One legend line says which are the references; stacked bars list their answers too.
        let refs = if chart.has_reference() { line } else { 0 };
        // Lines among which real and example values stand say which marker is which.
        let marks = if chart.mixed { line } else { 0 };
        let (legend, plot) = match chart.view {
            View::Line => (refs + marks, 320),
            View::Bars => (refs, (line * k + 10) * rows + 40),
            View::Stacked => (
                line * legend_lines(chart, frame.width, font) + 8 + refs,
                (line + 12) * rows + 40,
            ),
        };
        Layout {
            width: frame.width,
            height: banner + title + legend + plot + footer + 16,
            font,
            banner,
            title,
            footer,
            legend,
        }
    }
}

fn draw(chart: &StatChart, frame: &Frame, l: &Layout, out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(out, (l.width, l.height)).into_drawing_area();
    root.fill(&WHITE)?;
    let ink = rgb(INK);
    let text = |px: u32| ("sans-serif", px).into_font().color(&ink);
    let (top, rest) = root.split_vertically(l.banner + l.title);
    if chart.example {
        let (band, _) = top.split_vertically(l.banner - 6);
        band.fill(&rgb(BANNER))?;
        let white = ("sans-serif", l.font + 2)
            .into_font()
            .style(FontStyle::Bold)
            .color(&WHITE);
        let lines = banner_lines(l.width, l.font);
        let line = (l.banner as i32 - 10) / lines.len() as i32;
        for (i, text) in lines.into_iter().enumerate() {
            band.draw(&Text::new(
                text,
                (l.width as i32 / 2, 2 + line * i as i32 + line / 2),
                white.clone().pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
        }
    }
    if let Some((title, _)) = &frame.caption {
        let bold = ("sans-serif", l.font + 2)
            .into_font()
            .style(FontStyle::Bold)
            .color(&ink);
        for (i, line) in wrap(title, chars_per_line(l.width, l.font + 2)).into_iter().enumerate() {
            let y = l.banner as i32 + 4 + (l.font as i32 + 10) * i as i32;
            top.draw(&Text::new(
                line,
                (12, y),
                bold.clone().pos(Pos::new(HPos::Left, VPos::Top)),
            ))?;
        }
    }
    let (body, foot) = rest.split_vertically(l.height - l.banner - l.title - l.footer);
    if let Some((_, source)) = &frame.caption {
        foot.draw(&Text::new(
            source.clone(),
            (12, l.footer as i32 / 2),
            text(l.font - 2).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    match chart.view {
        View::Line => draw_lines(chart, l, &body)?,
        View::Bars => draw_bars(chart, l, &body)?,
        View::Stacked => draw_stacked(chart, l, &body)?,
    }
    root.present()?;
    Ok(())
}

/// About how many characters of a sans-serif font fit across the drawing.
/// The banner's text in lines that fit the width (bold capitals are wide: 0.75 of the size each).
fn banner_lines(width: u32, font: u32) -> Vec<String> {
    wrap(
        BANNER_TEXT,
        ((f64::from(width) - 16.0) / (f64::from(font + 2) * 0.75)) as usize,
    )
}

/// How many characters of an answer fit beside its swatch in the stacked bars' legend.
fn answer_chars(width: u32, font: u32) -> usize {
    chars_per_line(width - 22, font)
}

/// The stacked bars' legend in lines: each answer wrapped to the width.
fn legend_lines(chart: &StatChart, width: u32, font: u32) -> u32 {
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

pub(crate) fn chars_per_line(width: u32, font: u32) -> usize {
    ((width - 24) as f64 / (f64::from(font) * 0.56)) as usize
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// The value axis' upper end: a round number (1, 2 or 5 times a power of
/// ten, in steps of a tenth of that) a little above the largest value.
pub fn axis_max(values: impl Iterator<Item = f64>, unit: StatUnit) -> f64 {
    let hi = values.fold(0.0_f64, f64::max) * 1.08;
    if hi <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(hi.log10().floor());
    let step = [0.1, 0.2, 0.5, 1.0]
        .into_iter()
        .map(|k| k * magnitude)
        .find(|&st| hi / st <= 10.0)
        .unwrap_or(magnitude);
    let step = step.max(1.0);
    let top = (hi / step).ceil() * step;
    match unit {
        StatUnit::Percent => top.min(100.0),
        StatUnit::Litres | StatUnit::Count => top,
    }
}

fn axis_label(v: f64, unit: StatUnit) -> String {
    match unit {
        StatUnit::Percent => format!("{}{NBSP}%", format_fixed(v, if v.fract() == 0.0 { 0 } else { 1 })),
        StatUnit::Litres => format!("{}{NBSP}l", format_fixed(v, if v.fract() == 0.0 { 0 } else { 1 })),
        StatUnit::Count => format_number(v),
    }
}

fn values(chart: &StatChart) -> impl Iterator<Item = f64> + '_ {
    chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().flatten().filter_map(|p| p.value))
}

/// Lines with a marker shape per series and each line's name and last value
/// written at its end, so that no line is told by colour alone.
fn draw_lines(chart: &StatChart, l: &Layout, area: &Area) -> Result<(), Box<dyn std::error::Error>> {
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

/// One legend line at `top`: a filled marker is a real value, a hollow one an example.
fn marks_legend(l: &Layout, area: &Area, top: i32) -> Result<(), Box<dyn std::error::Error>> {
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
fn reference_legend(chart: &StatChart, l: &Layout, area: &Area, top: i32) -> Result<(), Box<dyn std::error::Error>> {
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

/// A reference bar: outlined and hatched in the reference colour (pixels of `area`).
fn hatched(area: &Area, (x0, y0): (i32, i32), (x1, y1): (i32, i32)) -> Result<(), Box<dyn std::error::Error>> {
    let colour = rgb(REFERENCE);
    let ring = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)].map(|(x, y)| (f64::from(x), f64::from(y)));
    super::hatch::draw(area, &ring, 6.0, REFERENCE)?;
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.stroke_width(2)))?;
    Ok(())
}

/// The years labelled on the axis: from the last backwards, each year with
/// data that is at least `min_gap` years from the one labelled after it.
pub fn key_years(years: &[i32], min_gap: i32) -> Vec<i32> {
    let mut keys: Vec<i32> = Vec::new();
    for &y in years.iter().rev() {
        if keys.last().is_none_or(|&k| k - y >= min_gap) {
            keys.push(y);
        }
    }
    keys.reverse();
    keys
}

/// Splits text into lines of at most `max` characters at spaces (a longer word stays whole).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Positions as near the wanted ones as possible, at least `gap` apart, in
/// the same order (labels beside line ends). Keeps the group centred on the
/// wanted positions' centre where labels had to move.
pub fn spread(wanted: &[f64], gap: f64) -> Vec<f64> {
    let order = crate::sort::order_by(wanted.len(), &|a, b| wanted[a].total_cmp(&wanted[b]));
    // Clusters of labels that touch, each placed around its members' mean.
    let mut clusters: Vec<(Vec<usize>, f64)> = Vec::new();
    for i in order {
        clusters.push((vec![i], wanted[i]));
        while clusters.len() > 1 {
            let (b_items, b_top) = &clusters[clusters.len() - 1];
            let (a_items, a_top) = &clusters[clusters.len() - 2];
            if a_top + gap * a_items.len() as f64 <= *b_top {
                break;
            }
            let mut items = a_items.clone();
            items.extend(b_items);
            let mean = items.iter().map(|&i| wanted[i]).sum::<f64>() / items.len() as f64;
            let top = mean - gap * (items.len() - 1) as f64 / 2.0;
            clusters.truncate(clusters.len() - 2);
            clusters.push((items, top));
        }
    }
    let mut out = vec![0.0; wanted.len()];
    for (items, top) in clusters {
        for (k, i) in items.into_iter().enumerate() {
            out[i] = top + gap * k as f64;
        }
    }
    out
}

/// Horizontal bars, one group per area; a second series (boys) is drawn
/// hollow and every bar is labelled with its value (and gender).
fn draw_bars(chart: &StatChart, l: &Layout, area: &Area) -> Result<(), Box<dyn std::error::Error>> {
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
fn draw_stacked(chart: &StatChart, l: &Layout, area: &Area) -> Result<(), Box<dyn std::error::Error>> {
    let (left, _) = bar_frame(chart, l);
    let mut ctx = bar_axes(chart, l, area, left, 100.0)?;
    let ink = rgb(INK);
    // Legend above the bars: a swatch and the answer, one answer per line.
    let line = (l.font + 8) as i32;
    // Long answers wrap within the drawing's width rather than run out of it.
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
    if chart.has_reference() {
        reference_legend(chart, l, area, 8 + line * at)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explorer::select;
    use crate::explorer::tests::table;

    fn state(query: &str) -> ExplorerState {
        let t = table();
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())).unwrap())
            .collect();
        ExplorerState::parse(&pairs, &t).state
    }

    fn chart(query: &str) -> StatChart {
        let t = table();
        let s = state(query);
        build(&t, &s, &select(&t, &s))
    }

    #[test]
    fn the_selection_decides_the_view() {
        // (query, view, categories, series names)
        let cases: &[(&str, View, &[&str], &[&str])] = &[
            ("omrade=0880", View::Line, &["2021", "2023"], &["Kalmar"]),
            (
                "omrade=0880,08,00&fran=2023",
                View::Bars,
                &["Kalmar", "Kalmar län", "Riket"],
                &[""],
            ),
            (
                "omrade=0880&fran=2023&kon=jamfor",
                View::Bars,
                &["Kalmar"],
                &["flickor", "pojkar"],
            ),
            (
                "indikator=fritid",
                View::Stacked,
                &["Kalmar län"],
                &["Mycket", "Lagom", "Lite"],
            ),
            ("indikator=fritid&svar=1&fran=2023", View::Bars, &["Kalmar län"], &[""]),
            (
                "indikator=fritid&svar=1",
                View::Line,
                &["2021", "2023"],
                &["Kalmar län"],
            ),
        ];
        for (query, view, categories, names) in cases {
            let c = chart(query);
            let got: Vec<&str> = c.series.iter().map(|s| s.name.as_str()).collect();
            let cats: Vec<&str> = c.categories.iter().map(String::as_str).collect();
            assert_eq!(
                (c.view, cats.as_slice(), got.as_slice()),
                (*view, *categories, *names),
                "{query}"
            );
        }
    }

    #[test]
    fn a_line_bridges_a_year_without_a_round_and_breaks_at_a_suppressed_one() {
        use crate::stats::Rows;
        // The nation has 2022 too; Kalmar (2021, 2023) has no round that year.
        let mut t = table();
        let mut rows: Vec<Observation> = (0..t.rows.len()).map(|i| t.rows.get(i)).collect();
        rows.insert(
            5,
            Observation {
                indicator: 0,
                year: 2022,
                area: 2,
                grade: 2,
                gender: 0,
                answer: None,
                value: Some(20.0),
                n: None,
                approx: None,
                example: false,
                source: 0,
            },
        );
        t.rows = Rows::default();
        rows.iter().for_each(|o| t.rows.push(o));
        let s = state("omrade=0880,00");
        let c = build(&t, &s, &select(&t, &s));
        assert_eq!(c.categories, ["2021", "2022", "2023"]);
        let svg = render_svg(
            &c,
            &Frame {
                width: 640,
                caption: None,
            },
        );
        let blue = format!("stroke=\"{}\" stroke-width=\"3\"", SERIES[0].hex().to_uppercase());
        let kalmar: Vec<&str> = svg
            .lines()
            .filter(|l| l.starts_with("<polyline") && l.contains(&blue))
            .collect();
        assert_eq!(
            kalmar.len(),
            2,
            "the legend sample and one line from 2021 to 2023: {kalmar:?}"
        );
        // Girls in 2023 are suppressed ("..") and have a round in 2021 only: no line to draw.
        let c = build(
            &t,
            &state("omrade=0880&kon=flickor"),
            &select(&t, &state("omrade=0880&kon=flickor")),
        );
        assert!(c.series[0].points.iter().all(|p| p.is_none_or(|p| p.value.is_none())));
    }

    #[test]
    fn no_line_runs_across_a_change_of_question() {
        // Kalmar has 2021 and 2023; a break in 2022 or 2023 cuts its one line in two, one in 2021 or before does not.
        let lines = |breaks: &[u16]| {
            let mut t = table();
            t.survey.indicators[0].breaks = breaks
                .iter()
                .map(|&year| crate::stats::Break { year, why: "W".into() })
                .collect();
            let s = state("omrade=0880");
            let svg = render_svg(
                &build(&t, &s, &select(&t, &s)),
                &Frame {
                    width: 640,
                    caption: None,
                },
            );
            let blue = format!("stroke=\"{}\" stroke-width=\"3\"", SERIES[0].hex().to_uppercase());
            svg.lines()
                .filter(|l| l.starts_with("<polyline") && l.contains(&blue))
                .count()
        };
        // (breaks, blue polylines: the line from 2021 to 2023, or none where two single rounds remain)
        for (breaks, want) in [
            (&[][..], 1),
            (&[2022][..], 0),
            (&[2023][..], 0),
            (&[2021][..], 1),
            (&[2030][..], 1),
        ] {
            assert_eq!(lines(breaks), want, "{breaks:?}");
        }
    }

    #[test]
    fn the_county_and_the_nation_are_drawn_as_references_with_a_legend() {
        // (query, the references: of the lines or of the bars, what the legend says of them)
        let cases: &[(&str, &[bool], Option<&str>)] = &[
            ("omrade=0880,08,00", &[false, true, true], None),
            (
                "omrade=0880,08,00&fran=2023",
                &[false, true, true],
                Some("Kalmar län och Riket, som jämförelse"),
            ),
            (
                "omrade=0880,08&fran=2023",
                &[false, true],
                Some("Kalmar län, som jämförelse"),
            ),
            ("omrade=0880&fran=2023", &[false], None),
            // Without a municipality the county and the nation are the series, not references.
            ("indikator=fritid", &[false], None),
            ("omrade=08,00", &[false, false], None),
        ];
        for (query, want, legend) in cases {
            let c = chart(query);
            let got: Vec<bool> = if c.view == View::Line {
                c.series.iter().map(|s| s.reference).collect()
            } else {
                c.reference.clone()
            };
            assert_eq!(got.as_slice(), *want, "{query}");
            let svg = render_svg(
                &c,
                &Frame {
                    width: 640,
                    caption: None,
                },
            );
            assert_eq!(svg.contains("som jämförelse"), legend.is_some(), "{query}: legend");
            if let Some(legend) = legend {
                assert!(svg.contains(legend), "{query}: {legend}");
            }
        }
        // Lines name each reference beside its own dash.
        let c = chart("omrade=0880,08,00");
        assert_eq!(c.reference_names, ["Kalmar län", "Riket"]);
        // plotters writes colours in capitals.
        let svg = render_svg(
            &chart("omrade=0880,08"),
            &Frame {
                width: 640,
                caption: None,
            },
        );
        assert!(
            svg.contains(&format!("stroke=\"{}\"", REFERENCE.hex().to_uppercase())),
            "reference colour drawn"
        );
    }

    #[test]
    fn an_area_keeps_its_colour_and_a_reference_its_dash_whichever_genders_are_shown() {
        // (query, per line: its place among its kind, reference, boys)
        let cases: &[(&str, &[(usize, bool, bool)])] = &[
            (
                "omrade=0880,08,00",
                &[(0, false, false), (0, true, false), (1, true, false)],
            ),
            // Girls and boys of one area share its colour (place) and differ by marker;
            // the nation is the second reference whether or not the county has two lines.
            (
                "omrade=0880,08,00&kon=jamfor",
                &[
                    (0, false, false),
                    (0, false, true),
                    (0, true, false),
                    (0, true, true),
                    (1, true, false),
                    (1, true, true),
                ],
            ),
            ("omrade=08&kon=jamfor", &[(0, false, false), (0, false, true)]),
        ];
        // Every area, both genders, both rounds.
        let mut t = table();
        let mut rows: Vec<Observation> = (0..t.rows.len())
            .map(|i| t.rows.get(i))
            .filter(|o| o.indicator == 0)
            .collect();
        for (area, year, gender) in [
            (0, 2021, 1),
            (0, 2021, 2),
            (1, 2021, 0),
            (1, 2021, 1),
            (1, 2021, 2),
            (1, 2023, 1),
            (1, 2023, 2),
            (2, 2021, 0),
            (2, 2021, 1),
            (2, 2021, 2),
            (2, 2023, 1),
            (2, 2023, 2),
        ] {
            rows.push(Observation {
                indicator: 0,
                year,
                area,
                grade: 2,
                gender,
                answer: None,
                value: Some(20.0),
                n: None,
                approx: None,
                example: false,
                source: 0,
            });
        }
        t.rows = crate::stats::Rows::default();
        rows.iter().for_each(|o| t.rows.push(o));
        for (query, want) in cases {
            let c = build(&t, &state(query), &select(&t, &state(query)));
            assert_eq!(c.view, View::Line, "{query}");
            let got: Vec<(usize, bool, bool)> = c.series.iter().map(|s| (s.place, s.reference, s.boys)).collect();
            assert_eq!(got.as_slice(), *want, "{query}");
        }
    }

    #[test]
    fn titles_name_indicator_grade_gender_and_years() {
        let cases = [
            ("omrade=0880", "ROKNING, gy 2, 2021–2023"),
            ("omrade=0880&kon=pojkar", "ROKNING, gy 2, pojkar, 2023"),
            (
                "omrade=0880&fran=2023&kon=jamfor",
                "ROKNING, gy 2, flickor och pojkar, 2023",
            ),
            ("indikator=fritid&svar=1&fran=2023", "FRITID: ”Lagom”, gy 2, 2023"),
            ("indikator=fritid", "FRITID, gy 2, 2023"),
        ];
        for (query, title) in cases {
            assert_eq!(chart(query).title, title, "{query}");
        }
        // A label that is a question is set off by a dash: no "?,".
        let mut t = crate::explorer::tests::table();
        t.survey.indicators[1].label = "Hur mycket fritid har du?".into();
        let title = |q: &str| {
            let s = ExplorerState::parse(
                &q.split('&')
                    .filter_map(|p| p.split_once('='))
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .collect::<Vec<_>>(),
                &t,
            )
            .state;
            build(&t, &s, &select(&t, &s)).title
        };
        assert_eq!(title("indikator=fritid"), "Hur mycket fritid har du? – gy 2, 2023");
        assert_eq!(
            title("indikator=fritid&svar=1"),
            "Hur mycket fritid har du? – ”Lagom”, gy 2, 2021–2023"
        );
    }

    #[test]
    fn example_values_are_starred_only_beside_real_ones_and_suppressed_values_show_dots() {
        let mixed = chart("omrade=0880,08&fran=2023");
        assert!(mixed.example && mixed.mixed);
        let labels: Vec<String> = mixed.series[0]
            .points
            .iter()
            .map(|p| mixed.label(&p.unwrap()))
            .collect();
        assert_eq!(labels, ["21\u{a0}%*", "19\u{a0}%"]);
        let only_example = chart("omrade=0880&fran=2023&kon=jamfor");
        assert!(only_example.example && !only_example.mixed);
        assert_eq!(only_example.label(&only_example.series[0].points[0].unwrap()), "..");
        let real = chart("omrade=08,00&fran=2023");
        assert!(!real.example && !real.mixed);
    }

    #[test]
    fn svg_carries_the_banner_only_for_example_data_and_marks_suppression() {
        let frame = Frame {
            width: 640,
            caption: Some(("Titel <b>".into(), "Källa: CAN".into())),
        };
        let svg = render_svg(&chart("omrade=0880&fran=2023&kon=jamfor"), &frame);
        assert!(svg.contains(BANNER_TEXT) && svg.contains(".. (dolt)"), "{svg}");
        assert!(svg.contains("Titel &lt;b&gt;") && svg.contains("Källa: CAN"));
        let real = render_svg(
            &chart("omrade=08,00&fran=2023"),
            &Frame {
                width: 360,
                caption: None,
            },
        );
        assert!(!real.contains(BANNER_TEXT) && real.contains("Riket") && real.contains("21\u{a0}%"));
        for query in [
            "omrade=0880",
            "indikator=fritid",
            "omrade=0880,08,00&fran=2023&till=2023",
            "omrade=0840",
        ] {
            assert!(render_svg(&chart(query), &frame).starts_with("<svg"), "{query}");
        }
    }

    #[test]
    fn counts_are_drawn_with_round_axes_and_hedged_labels() {
        let mut t = table();
        t.survey.grades = vec!["alla".into()];
        t.survey.indicators[0].unit = StatUnit::Count;
        t.rows = crate::stats::Rows::default();
        for (year, value, approx) in [(2022, 698.0, None), (2023, 270000.0, Some(Approx::Nara))] {
            t.rows.push(&Observation {
                indicator: 0,
                year,
                area: 1,
                grade: 3,
                gender: 0,
                answer: None,
                value: Some(value),
                n: None,
                approx,
                example: false,
                source: 0,
            });
        }
        let s = ExplorerState::default_for(&t);
        let c = build(&t, &s, &select(&t, &s));
        assert_eq!((c.view, c.title.as_str()), (View::Line, "ROKNING, 2022–2023"));
        let svg = render_svg(
            &c,
            &Frame {
                width: 640,
                caption: None,
            },
        );
        assert!(
            svg.contains("nära 270\u{a0}000") && svg.contains("300\u{a0}000"),
            "{svg}"
        );
        // (largest value, axis end)
        for (hi, top) in [
            (698.0, 800.0),
            (722.0, 800.0),
            (270000.0, 300000.0),
            (16000.0, 18000.0),
            (0.0, 1.0),
        ] {
            assert_eq!(axis_max([hi].into_iter(), StatUnit::Count), top, "{hi}");
        }
    }

    #[test]
    fn text_from_data_is_escaped_in_every_view_and_caption() {
        const EVIL: &str = "<img src=x onerror=alert(1)>";
        let mut t = table();
        t.areas[0].name = EVIL.into();
        t.survey.indicators[0].label = EVIL.into();
        t.survey.indicators[1].answers[0] = EVIL.into();
        t.areas[1].name = EVIL.into();
        for query in [
            "omrade=0880",
            "omrade=0880,08&fran=2023",
            "omrade=0880&fran=2023&kon=jamfor",
            "indikator=fritid",
        ] {
            let s = state(query);
            let c = build(&t, &s, &select(&t, &s));
            let svg = render_svg(
                &c,
                &Frame {
                    width: 640,
                    caption: Some((c.title.clone(), format!("Källa: {EVIL}"))),
                },
            );
            assert!(!svg.contains("<img"), "{query}: {svg}");
            assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "{query}");
        }
    }

    #[test]
    fn end_labels_keep_their_order_and_a_minimum_gap() {
        // (wanted, gap, placed)
        let cases: &[(&[f64], f64, &[f64])] = &[
            (&[10.0, 50.0], 20.0, &[10.0, 50.0]),
            (&[50.0, 52.0], 20.0, &[41.0, 61.0]),
            (&[52.0, 50.0], 20.0, &[61.0, 41.0]),
            (&[0.0, 1.0, 2.0], 10.0, &[-9.0, 1.0, 11.0]),
            (&[], 10.0, &[]),
        ];
        for (wanted, gap, placed) in cases {
            assert_eq!(spread(wanted, *gap), *placed, "{wanted:?}");
        }
    }

    #[test]
    fn axis_years_skip_where_they_would_crowd() {
        assert_eq!(key_years(&[2015, 2018, 2021, 2024], 2), [2015, 2018, 2021, 2024]);
        assert_eq!(
            key_years(&[2004, 2013, 2015, 2016, 2017, 2019, 2021, 2022, 2023], 2),
            [2004, 2013, 2015, 2017, 2019, 2021, 2023]
        );
        assert_eq!(
            wrap("Hur nöjd är du med ditt liv", 10),
            ["Hur nöjd", "är du med", "ditt liv"]
        );
        assert_eq!(
            (
                axis_max([64.9, 70.0].into_iter(), StatUnit::Percent),
                axis_max([3.1].into_iter(), StatUnit::Litres)
            ),
            (80.0, 4.0)
        );
        assert_eq!(axis_max([99.0].into_iter(), StatUnit::Percent), 100.0);
    }
}
