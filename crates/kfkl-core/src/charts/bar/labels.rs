//! How the bar chart's labels fit: their widths as drawn, a value label on two
//! lines where it is wider than its category, and whether a narrow drawing reads.

use super::BarChart;

pub(super) const MARGIN: u32 = 12;
pub(super) const Y_LABEL_AREA: u32 = 84;
/// The value labels' font size, and the height of one of their lines.
pub(super) const LABEL_PX: u32 = 19;
pub(super) const LINE: i32 = 22;

/// About how wide a label is drawn, in pixels (digits and spaces are narrow).
pub(super) fn label_width(text: &str) -> f64 {
    text.chars().count() as f64 * f64::from(LABEL_PX) * 0.55
}

/// A value label as lines: one where it fits its category, else the value over
/// its parenthesis ("8 988" over "(32,2 %)"), so that it runs over no neighbour.
pub(super) fn label_lines(text: &str, segment: f64) -> Vec<String> {
    match text.split_once(" (") {
        Some((value, rest)) if label_width(text) > segment => vec![value.to_string(), format!("({rest}")],
        _ => vec![text.to_string()],
    }
}

/// Whether the chart reads when drawn `width` units wide: one series (a
/// second one's labels, a row further out, may meet the first's between
/// categories), and no two neighbouring category names run into each other.
/// Value labels wrap to fit (`label_lines`), and sit at their bars' heights.
pub fn fits(chart: &BarChart, width: u32) -> bool {
    let n = chart.categories.len().max(1);
    let segment = (f64::from(width) - f64::from(Y_LABEL_AREA + 2 * MARGIN)) / n as f64;
    // As drawn: plotters sets its text at about 0.8 of the size asked for.
    let widths: Vec<f64> = chart
        .axis_labels
        .iter()
        .map(|l| l.chars().count() as f64 * 21.0 * 0.8 * 0.55)
        .collect();
    chart.series.len() == 1 && widths.windows(2).all(|w| (w[0] + w[1]) / 2.0 + 4.0 <= segment)
}

/// The most lines any value label takes.
pub(super) fn label_lines_needed(chart: &BarChart, segment: f64) -> usize {
    chart
        .series
        .iter()
        .flat_map(|s| s.displays.iter())
        .map(|t| label_lines(t, segment).len())
        .max()
        .unwrap_or(1)
}
