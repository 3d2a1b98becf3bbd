//! The value and year axes: where the value axis ends, how its values are
//! labelled, and which years are labelled.

use super::StatChart;
use crate::format::{format_fixed, format_number, NBSP};
use crate::stats::StatUnit;

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

pub(super) fn axis_label(v: f64, unit: StatUnit) -> String {
    match unit {
        StatUnit::Percent => format!("{}{NBSP}%", format_fixed(v, if v.fract() == 0.0 { 0 } else { 1 })),
        StatUnit::Litres => format!("{}{NBSP}l", format_fixed(v, if v.fract() == 0.0 { 0 } else { 1 })),
        StatUnit::Count => format_number(v),
    }
}

pub(super) fn values(chart: &StatChart) -> impl Iterator<Item = f64> + '_ {
    chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().flatten().filter_map(|p| p.value))
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
