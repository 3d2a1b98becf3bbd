//! The palette as the charts draw it: each colour for plotters, and hatching,
//! the cue besides colour for a reference (the county, the nation) in the
//! explorer's bars and for a municipality without a value on the maps.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::palette::Rgb;

/// The colour as plotters draws it: every chart takes its colours from the palette through here.
pub fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Draws the hatching of `ring` (pixels of `area`), lines `gap` apart, in
/// `colour`: one drawing of the lines `map::hatch` finds inside a shape.
pub fn hatch(
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
