//! The explorer's chart in named stages: the selected observations become a
//! `StatChart` (categories, series, display text; no pixels), which
//! `render_svg` draws with plotters. Which view is drawn follows from the
//! selection: a distribution as stacked 100 % bars, several years as lines,
//! one year as bars across areas (grouped by gender when comparing).
//!
//! Here the chart's types; `series` builds one from the selection, `render`
//! draws the whole picture with its sizes, banner and caption, `lines` and
//! `bars` the views, `legend` the lines above them, `scale` and `text` the
//! axes and the text that is placed without measuring.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, SVGBackend};

use crate::explorer::format_value;
use crate::model::Approx;
use crate::stats::StatUnit;

mod bars;
mod legend;
mod lines;
mod render;
mod scale;
mod series;
mod text;

pub use render::{render_svg, Frame};
pub use scale::{axis_max, key_years};
pub use series::build;
pub(crate) use text::chars_per_line;
pub use text::{spread, wrap};

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

    /// Whether the drawing has a county or nation to mark, and so a legend entry for them.
    pub fn has_reference(&self) -> bool {
        self.series.iter().any(|s| s.reference) || self.reference.iter().any(|&r| r)
    }
}

/// What the drawing's parts are drawn onto.
type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

#[cfg(test)]
mod tests;
