//! A drawing as a file of its own: the chart's title above it and its source
//! line under it, so that a downloaded picture still says what it shows and
//! where its numbers come from.

use super::stat::{chars_per_line, wrap};
use crate::embed::attribute as escape;
use crate::palette::INK;

const FONT: u32 = 18;

/// `svg` is one of plotters' drawings, `width` × `height` units.
pub fn captioned(svg: &str, width: u32, height: u32, title: &str, source: &str) -> String {
    let title = wrap(title, chars_per_line(width, FONT + 2));
    let source = wrap(source, chars_per_line(width, FONT - 4));
    let top = (FONT + 10) * title.len() as u32 + 12;
    let total = top + height + (FONT + 2) * source.len() as u32 + 12;
    let ink = INK.hex().to_uppercase();
    let mut out = format!("<svg width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{total}\" fill=\"#FFFFFF\"/>\n");
    for (i, line) in title.iter().enumerate() {
        let y = 8 + FONT + (FONT + 10) * i as u32;
        out.push_str(&format!("<text x=\"12\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"{}\" font-weight=\"bold\" fill=\"{ink}\">{}</text>\n", FONT + 2, escape(line)));
    }
    // The drawing, moved under the title: a nested <svg> keeps its own coordinates.
    out.push_str(&svg.replacen("<svg ", &format!("<svg x=\"0\" y=\"{top}\" "), 1));
    out.push('\n');
    for (i, line) in source.iter().enumerate() {
        let y = top + height + 6 + FONT + (FONT + 2) * i as u32;
        out.push_str(&format!(
            "<text x=\"12\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"{}\" fill=\"{ink}\">{}</text>\n",
            FONT - 4,
            escape(line)
        ));
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drawing_moves_under_its_escaped_title_and_above_its_source() {
        let inner = "<svg width=\"100\" height=\"50\" viewBox=\"0 0 100 50\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n</svg>\n";
        let out = captioned(inner, 400, 50, "Röker <b>\"alla\"</b>", "Källa: CAN & KFKL");
        assert!(out.starts_with("<svg width=\"400\""), "{out}");
        assert!(
            out.contains(">Röker &lt;b&gt;&quot;alla&quot;&lt;/b&gt;</text>"),
            "{out}"
        );
        assert!(out.contains("<svg x=\"0\" y=\"40\" width=\"100\""), "{out}");
        assert!(out.contains(">Källa: CAN &amp; KFKL</text>"), "{out}");
        assert!(!out.contains("<b>"));
        assert_eq!(out.matches("<svg").count(), 2);
        assert_eq!(out.matches("</svg>").count(), 2);
    }
}
