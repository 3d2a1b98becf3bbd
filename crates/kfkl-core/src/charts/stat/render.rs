//! The drawing as a whole: its sizes, the example-data banner, the title and
//! the source line of a download, and the view drawn in the body.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::{draw_bars, draw_stacked};
use super::legend::legend_lines;
use super::lines::draw_lines;
use super::text::{chars_per_line, wrap};
use super::{StatChart, View, BANNER_TEXT};
use crate::charts::colour::rgb;
use crate::palette::{BANNER, INK};

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
pub(super) struct Layout {
    pub(super) width: u32,
    height: u32,
    pub(super) font: u32,
    banner: u32,
    title: u32,
    footer: u32,
    pub(super) legend: u32,
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

/// The banner's text in lines that fit the width (bold capitals are wide: 0.75 of the size each).
fn banner_lines(width: u32, font: u32) -> Vec<String> {
    wrap(
        BANNER_TEXT,
        ((f64::from(width) - 16.0) / (f64::from(font + 2) * 0.75)) as usize,
    )
}
