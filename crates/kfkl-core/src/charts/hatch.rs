//! Hatching, the cue besides colour for a reference (the county, the nation)
//! in the explorer's bars and for a municipality without a value on the maps:
//! one drawing of the lines `map::hatch` finds inside a shape.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::palette::{rgb, Rgb};

/// Draws the hatching of `ring` (pixels of `area`), lines `gap` apart, in `colour`.
pub fn draw(
    area: &DrawingArea<SVGBackend, Shift>,
    ring: &[(f64, f64)],
    gap: f64,
    colour: Rgb,
) -> Result<(), Box<dyn std::error::Error>> {
    for (a, b) in super::map::hatch(ring, gap) {
        area.draw(&PathElement::new(
            vec![
                (a.0.round() as i32, a.1.round() as i32),
                (b.0.round() as i32, b.1.round() as i32),
            ],
            rgb(colour).stroke_width(1),
        ))?;
    }
    Ok(())
}
