//! Chart colours and the WCAG contrast arithmetic that proves they are legible.
//!
//! Every colour must reach 3:1 against the page background (WCAG 2.1, 1.4.11
//! non-text contrast); colour is never the only cue, but it must still be seen.

/// The page background behind every chart.
pub const BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);
/// Text and axes.
pub const INK: Rgb = Rgb(0x1b, 0x1f, 0x24);

/// The example-data banner: white bold text on it.
pub const BANNER: Rgb = Rgb(0x9b, 0x1c, 0x1c);

/// Series colours in the order they are used.
pub const SERIES: [Rgb; 6] = [
    Rgb(0x1d, 0x5b, 0x8c), // blue
    Rgb(0xb0, 0x4a, 0x12), // burnt orange
    Rgb(0x2e, 0x6b, 0x3a), // green
    Rgb(0x7a, 0x3e, 0x8f), // purple
    Rgb(0x8a, 0x6d, 0x00), // ochre
    Rgb(0x5c, 0x63, 0x6b), // grey
];

/// The county and the nation in the explorer's charts: a dark slate, hatched
/// or dashed, so a reference is told by its pattern as well as its colour.
pub const REFERENCE: Rgb = Rgb(0x3d, 0x44, 0x4d);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Relative luminance as WCAG 2.1 defines it.
    pub fn luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// `#1d5b8c`
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// WCAG contrast ratio, from 1 (none) to 21 (black on white).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(BACKGROUND, BACKGROUND) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 grey.
        assert!((contrast(Rgb(0x76, 0x76, 0x76), BACKGROUND) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_series_colour_reaches_3_to_1_and_text_4_5_to_1() {
        for colour in SERIES.into_iter().chain([REFERENCE]) {
            let ratio = contrast(colour, BACKGROUND);
            assert!(ratio >= 3.0, "{} has {ratio:.2}:1", colour.hex());
        }
        assert!(contrast(INK, BACKGROUND) >= 4.5);
    }

    #[test]
    fn white_labels_on_series_colours_and_banner_reach_4_5_to_1() {
        // Stacked bars write their values in white on the answer's colour.
        for colour in SERIES.into_iter().chain([BANNER]) {
            let ratio = contrast(colour, Rgb(0xff, 0xff, 0xff));
            assert!(ratio >= 4.5, "white on {} has {ratio:.2}:1", colour.hex());
        }
    }
}
