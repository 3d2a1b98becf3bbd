//! The site's colours in its two themes, and the WCAG contrast arithmetic
//! that proves them legible: text 4.5:1, focus and chart colours 3:1
//! (WCAG 2.1, 1.4.3 and 1.4.11); colour is never the only cue, but it must
//! still be seen.
//!
//! The drawings are made once, in the light colours. The stylesheet's theme
//! block (`theme_css`, kept in `public/style.css` and checked by a test)
//! swaps each of them for its dark counterpart by attribute, so a drawing,
//! prerendered or drawn by the app, follows the theme in force without
//! being drawn twice; a download swaps them the same way (`to_dark`). The
//! maps keep their light colours on their own white paper in both themes.

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

/// The hatching of a municipality without a value on the maps (which keep
/// their light colours in the dark theme): lighter than a reference, so that
/// a missing value does not read as one.
pub const MISSING: Rgb = Rgb(0x6b, 0x72, 0x7a);

/// The value axis' grid lines.
pub const GRID: Rgb = Rgb(0xdd, 0xdd, 0xdd);

/// The page's colours in one theme, as the stylesheet's custom properties.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    pub bg: Rgb,
    pub ink: Rgb,
    /// Secondary text: leads, notes, source lines.
    pub muted: Rgb,
    /// Borders and rules, decoration only.
    pub line: Rgb,
    /// Footer, table rows of references, cards.
    pub panel: Rgb,
    /// Links and buttons.
    pub accent: Rgb,
    pub accent_hover: Rgb,
    /// Text on a button of the accent colour.
    pub on_accent: Rgb,
    /// The header band and badges, with white text.
    pub header: Rgb,
    pub alert: Rgb,
    pub alert_bg: Rgb,
    pub focus: Rgb,
    /// Form fields.
    pub field: Rgb,
    /// Search hits.
    pub mark: Rgb,
    pub mark_ink: Rgb,
    /// "exempeldata" as text (the banner itself is white on `BANNER` in both themes).
    pub example: Rgb,
}

pub const LIGHT: Page = Page {
    bg: BACKGROUND,
    ink: INK,
    muted: Rgb(0x4a, 0x50, 0x58),
    line: Rgb(0xc9, 0xce, 0xd4),
    panel: Rgb(0xf3, 0xf5, 0xf7),
    accent: Rgb(0x1d, 0x5b, 0x8c),
    accent_hover: Rgb(0x12, 0x3c, 0x5d),
    on_accent: Rgb(0xff, 0xff, 0xff),
    header: Rgb(0x12, 0x3c, 0x5d),
    alert: Rgb(0x9b, 0x1c, 0x1c),
    alert_bg: Rgb(0xfd, 0xec, 0xec),
    focus: Rgb(0xb4, 0x53, 0x09),
    field: Rgb(0xff, 0xff, 0xff),
    mark: Rgb(0xfd, 0xe6, 0x8a),
    mark_ink: INK,
    example: BANNER,
};

pub const DARK: Page = Page {
    bg: Rgb(0x15, 0x19, 0x1e),
    ink: Rgb(0xe6, 0xe9, 0xed),
    muted: Rgb(0xb4, 0xbc, 0xc6),
    line: Rgb(0x4a, 0x52, 0x5c),
    panel: Rgb(0x1f, 0x25, 0x2c),
    accent: Rgb(0x8c, 0xc4, 0xf5),
    accent_hover: Rgb(0xb9, 0xdc, 0xfa),
    on_accent: Rgb(0x15, 0x19, 0x1e),
    header: Rgb(0x0d, 0x22, 0x36),
    alert: Rgb(0xff, 0xa8, 0xa8),
    alert_bg: Rgb(0x3a, 0x14, 0x14),
    focus: Rgb(0xfd, 0xba, 0x74),
    field: Rgb(0x0f, 0x13, 0x17),
    mark: Rgb(0xfd, 0xe6, 0x8a),
    mark_ink: INK,
    example: Rgb(0xff, 0xa8, 0xa8),
};

/// The series in the dark theme, in `SERIES`' order: light enough to reach
/// 3:1 on the dark page, and to carry the page's dark colour as a label.
pub const DARK_SERIES: [Rgb; 6] = [
    Rgb(0x6c, 0xa6, 0xdb), // blue
    Rgb(0xf0, 0x99, 0x5e), // orange
    Rgb(0x6f, 0xbf, 0x7e), // green
    Rgb(0xc2, 0x9a, 0xe0), // purple
    Rgb(0xd9, 0xb9, 0x48), // ochre
    Rgb(0xa3, 0xab, 0xb5), // grey
];

/// Every colour of the drawings (the maps' aside) and its dark counterpart.
/// White is the paper, the fill of hollow marks and the labels on series
/// colours alike: all of them take the dark page's colour. So the example
/// banner drawn in a chart turns light red, to keep its dark text legible.
pub fn dark_pairs() -> Vec<(Rgb, Rgb)> {
    let mut pairs = vec![
        (Rgb(0xff, 0xff, 0xff), DARK.bg),
        (INK, DARK.ink),
        (GRID, Rgb(0x3a, 0x41, 0x4a)),
        (REFERENCE, Rgb(0xc9, 0xd1, 0xda)),
        (BANNER, Rgb(0xf4, 0xa3, 0xa3)),
    ];
    pairs.extend(SERIES.into_iter().zip(DARK_SERIES));
    pairs
}

/// A drawing in the dark theme, for a download made while it is in force.
pub fn to_dark(svg: &str) -> String {
    let mut out = svg.to_string();
    for (light, dark) in dark_pairs() {
        for attr in ["fill", "stroke"] {
            out = out.replace(
                &format!("{attr}=\"{}\"", light.upper()),
                &format!("{attr}=\"{}\"", dark.upper()),
            );
        }
    }
    out
}

/// The stylesheet's theme block: the page's custom properties in the light
/// theme; the dark ones where the reader's system asks for dark (unless an
/// embed's `tema=ljust` says otherwise) or an embed's `tema=morkt` does; and
/// the rules that swap the drawings' colours.
pub fn theme_css() -> String {
    fn properties(p: &Page) -> String {
        let fields = [
            ("bg", p.bg),
            ("ink", p.ink),
            ("muted", p.muted),
            ("line", p.line),
            ("panel", p.panel),
            ("accent", p.accent),
            ("accent-hover", p.accent_hover),
            ("on-accent", p.on_accent),
            ("header", p.header),
            ("alert", p.alert),
            ("alert-bg", p.alert_bg),
            ("focus", p.focus),
            ("field", p.field),
            ("mark", p.mark),
            ("mark-ink", p.mark_ink),
            ("example", p.example),
        ];
        fields
            .iter()
            .map(|(name, c)| format!("--{name}: {};", c.hex()))
            .collect::<Vec<_>>()
            .join(" ")
    }
    let dark = format!(
        "color-scheme: dark; {} {}",
        properties(&DARK),
        dark_pairs()
            .iter()
            .map(|(l, d)| format!("--c{}: {};", &l.hex()[1..], d.hex()))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut css =
        String::from("/* Theme: generated by kfkl_core::palette::theme_css; a test checks it is current. */\n");
    css.push_str(&format!(":root {{ color-scheme: light; {} }}\n", properties(&LIGHT)));
    // Screen only: paper is always printed light.
    css.push_str(&format!(
        "@media screen and (prefers-color-scheme: dark) {{ :root:not([data-tema=\"ljust\"]) {{ {dark} }} }}\n"
    ));
    css.push_str(&format!(
        "@media screen {{ :root[data-tema=\"morkt\"] {{ {dark} }} }}\n"
    ));
    for (light, _) in dark_pairs() {
        let (upper, var) = (light.upper(), &light.hex()[1..]);
        css.push_str(&format!(
            ".chart-svg:not(.map-svg) [fill=\"{upper}\"] {{ fill: var(--c{var}, {upper}); }}\n"
        ));
        css.push_str(&format!(
            ".chart-svg:not(.map-svg) [stroke=\"{upper}\"] {{ stroke: var(--c{var}, {upper}); }}\n"
        ));
    }
    css.push_str("/* End of theme. */\n");
    css
}

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

    /// `#1D5B8C`, as plotters writes it.
    pub fn upper(self) -> String {
        self.hex().to_uppercase()
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
    fn both_themes_page_colours_reach_their_contrast() {
        for (name, p) in [("ljust", LIGHT), ("mörkt", DARK)] {
            // (what, foreground, background, least ratio)
            let pairs = [
                ("text", p.ink, p.bg, 4.5),
                ("text on panel", p.ink, p.panel, 4.5),
                ("secondary text", p.muted, p.bg, 4.5),
                ("secondary text on panel", p.muted, p.panel, 4.5),
                ("links", p.accent, p.bg, 4.5),
                ("links on panel", p.accent, p.panel, 4.5),
                ("button text", p.on_accent, p.accent, 4.5),
                ("header text", Rgb(0xff, 0xff, 0xff), p.header, 4.5),
                ("alerts", p.alert, p.alert_bg, 4.5),
                ("example tag", p.example, p.bg, 4.5),
                ("search hits", p.mark_ink, p.mark, 4.5),
                ("text in fields", p.ink, p.field, 4.5),
                ("field borders", p.muted, p.field, 3.0),
                ("focus ring", p.focus, p.bg, 3.0),
                ("focus ring on panel", p.focus, p.panel, 3.0),
                ("banner text", Rgb(0xff, 0xff, 0xff), BANNER, 4.5),
            ];
            for (what, fg, bg, least) in pairs {
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= least,
                    "{name}: {what} {} on {} has {ratio:.2}:1",
                    fg.hex(),
                    bg.hex()
                );
            }
        }
    }

    #[test]
    fn every_dark_chart_colour_reaches_3_to_1_and_its_labels_4_5_to_1() {
        let dark = |c: Rgb| dark_pairs().into_iter().find(|(l, _)| *l == c).map(|(_, d)| d).unwrap();
        for colour in SERIES.into_iter().chain([REFERENCE]) {
            let ratio = contrast(dark(colour), DARK.bg);
            assert!(
                ratio >= 3.0,
                "{} (dark of {}) has {ratio:.2}:1",
                dark(colour).hex(),
                colour.hex()
            );
        }
        // Stacked bars and the drawn banner write their labels in the paper's colour.
        for colour in SERIES.into_iter().chain([BANNER]) {
            let ratio = contrast(DARK.bg, dark(colour));
            assert!(ratio >= 4.5, "dark labels on {} have {ratio:.2}:1", dark(colour).hex());
        }
        assert!(contrast(dark(INK), DARK.bg) >= 4.5);
        // A swap never lands on a colour that is itself swapped.
        let lights: Vec<Rgb> = dark_pairs().iter().map(|p| p.0).collect();
        assert!(dark_pairs().iter().all(|(_, d)| !lights.contains(d)));
    }

    #[test]
    fn a_download_in_the_dark_theme_swaps_every_light_colour() {
        let svg = "<rect fill=\"#FFFFFF\"/><text fill=\"#1B1F24\">a</text><path stroke=\"#1D5B8C\" fill=\"none\"/>";
        assert_eq!(
            to_dark(svg),
            "<rect fill=\"#15191E\"/><text fill=\"#E6E9ED\">a</text><path stroke=\"#6CA6DB\" fill=\"none\"/>"
        );
    }

    #[test]
    fn the_stylesheet_carries_the_current_theme_block() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/style.css");
        let css = std::fs::read_to_string(path).unwrap();
        let (start, end) = ("/* Theme: generated", "/* End of theme. */\n");
        let block = css
            .find(start)
            .and_then(|a| css[a..].find(end).map(|b| &css[a..a + b + end.len()]));
        if std::env::var_os("UPDATE_THEME_CSS").is_some() {
            let updated = match block {
                Some(old) => css.replacen(old, &theme_css(), 1),
                None => format!("{}{}", theme_css(), css),
            };
            std::fs::write(path, updated).unwrap();
            return;
        }
        assert_eq!(
            block,
            Some(theme_css().as_str()),
            "public/style.css: run UPDATE_THEME_CSS=1 cargo test -p kfkl-core the_stylesheet"
        );
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
