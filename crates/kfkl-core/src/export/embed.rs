//! The copy-paste snippet that puts one of the site's charts on another site:
//! an iframe that scrolls inside at its first height, and `embed.js`, which
//! sizes it to its content from then on.

use crate::model::{ChartDef, Dataset};

/// How an embed shows its chart, from its URL: `tabell=1` adds the table,
/// `rubrik=0` hides the title (for a host page with its own), `tema=ljust`
/// or `tema=morkt` fixes the theme (`auto`, the default, follows the
/// reader's system). Any other value is the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Display {
    pub table: bool,
    pub title: bool,
    pub theme: Theme,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The URL's word, and the page's `data-tema`: `None` for `Auto`.
    pub fn word(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("ljust"),
            Theme::Dark => Some("morkt"),
        }
    }
}

impl Default for Display {
    fn default() -> Display {
        Display {
            table: false,
            title: true,
            theme: Theme::Auto,
        }
    }
}

impl Display {
    pub fn parse(pairs: &[(String, String)]) -> Display {
        let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        let theme = match value("tema") {
            Some("ljust") => Theme::Light,
            Some("morkt") => Theme::Dark,
            _ => Theme::Auto,
        };
        Display {
            table: value("tabell") == Some("1"),
            title: value("rubrik") != Some("0"),
            theme,
        }
    }

    /// `path` ("/embed/andts?omrade=0880") with the options that are not the default.
    pub fn apply(&self, path: &str) -> String {
        let mut parts = Vec::new();
        if self.table {
            parts.push("tabell=1");
        }
        if !self.title {
            parts.push("rubrik=0");
        }
        let theme = self.theme.word().map(|w| format!("tema={w}"));
        parts.extend(theme.as_deref());
        match (parts.is_empty(), path.contains('?')) {
            (true, _) => path.to_string(),
            (false, true) => format!("{path}&{}", parts.join("&")),
            (false, false) => format!("{path}?{}", parts.join("&")),
        }
    }
}

/// The embed of a key-figure chart: `/embed/<dataset>` shows the dataset's
/// first chart, `?diagram=<id>` another one.
pub fn key_figure_path(dataset: &Dataset, chart: &str) -> String {
    match dataset.charts.first() {
        Some(first) if first.id == chart => format!("/embed/{}", dataset.id),
        _ => format!("/embed/{}?diagram={chart}", dataset.id),
    }
}

/// The chart an embed's query names (`diagram`), else the dataset's first.
pub fn key_figure_chart<'a>(dataset: &'a Dataset, pairs: &[(String, String)]) -> Option<&'a ChartDef> {
    let named = pairs
        .iter()
        .find(|(k, _)| k == "diagram")
        .and_then(|(_, v)| dataset.chart(v));
    named.or(dataset.charts.first())
}

/// `site` is the site's absolute URL without a trailing slash, `path` the
/// embed's path and query ("/embed/andts?omrade=0880,08"), `height` the
/// iframe's first height in pixels.
pub fn snippet(site: &str, path: &str, title: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0\"></iframe>\n<script src=\"{}\" async></script>",
        attribute(&format!("{site}{path}")),
        attribute(title),
        attribute(&format!("{site}/embed.js")),
    )
}

/// Text as an HTML attribute value between double quotes, or as XML text.
pub(crate) fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_options_parse_with_fallbacks_and_join_the_query() {
        let pairs = |q: &str| {
            q.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| p.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())).unwrap())
                .collect::<Vec<_>>()
        };
        // (query, table, title, the path with the options)
        let cases = [
            ("", false, true, "/embed/andts?omrade=0880"),
            ("tabell=1", true, true, "/embed/andts?omrade=0880&tabell=1"),
            (
                "rubrik=0&tabell=1",
                true,
                false,
                "/embed/andts?omrade=0880&tabell=1&rubrik=0",
            ),
            (
                "tabell=ja&rubrik=nej&tema=rosa",
                false,
                true,
                "/embed/andts?omrade=0880",
            ),
            ("tema=morkt", false, true, "/embed/andts?omrade=0880&tema=morkt"),
            (
                "tema=ljust&rubrik=0",
                false,
                false,
                "/embed/andts?omrade=0880&rubrik=0&tema=ljust",
            ),
            ("tema=auto", false, true, "/embed/andts?omrade=0880"),
        ];
        for (query, table, title, path) in cases {
            let d = Display::parse(&pairs(query));
            assert_eq!(
                (d.table, d.title, d.apply("/embed/andts?omrade=0880").as_str()),
                (table, title, path),
                "{query}"
            );
        }
        assert_eq!(
            Display {
                table: true,
                title: true,
                theme: Theme::Auto
            }
            .apply("/embed/lupp"),
            "/embed/lupp?tabell=1"
        );
    }

    #[test]
    fn a_key_figure_embed_names_its_chart_unless_it_is_the_first() {
        let chart = |id: &str| ChartDef {
            id: id.into(),
            title: id.into(),
            kind: crate::model::ChartKind::Change,
            bars: vec![],
        };
        let dataset = Dataset {
            schema_version: 1,
            id: "av-media-2023".into(),
            title: String::new(),
            status: crate::model::Status::Official,
            sources: vec![],
            figures: vec![],
            charts: vec![chart("utlan"), chart("aktiviteter")],
        };
        assert_eq!(key_figure_path(&dataset, "utlan"), "/embed/av-media-2023");
        assert_eq!(
            key_figure_path(&dataset, "aktiviteter"),
            "/embed/av-media-2023?diagram=aktiviteter"
        );
        let pairs = |v: &str| vec![("diagram".to_string(), v.to_string())];
        // (query's chart, the chart shown)
        for (asked, shown) in [("aktiviteter", "aktiviteter"), ("utlan", "utlan"), ("okand", "utlan")] {
            assert_eq!(
                key_figure_chart(&dataset, &pairs(asked)).map(|c| c.id.as_str()),
                Some(shown)
            );
        }
        assert_eq!(key_figure_chart(&dataset, &[]).map(|c| c.id.as_str()), Some("utlan"));
    }

    #[test]
    fn the_snippet_is_an_iframe_and_the_resizer_with_escaped_attributes() {
        assert_eq!(
            snippet("https://statistik.example.se/kfkl", "/embed/andts?omrade=0880,08&fran=2023", "Röker, gy 2 \"alla\" <2023>", 640),
            "<iframe src=\"https://statistik.example.se/kfkl/embed/andts?omrade=0880,08&amp;fran=2023\" title=\"Röker, gy 2 &quot;alla&quot; &lt;2023&gt;\" width=\"100%\" height=\"640\" loading=\"lazy\" style=\"border:0\"></iframe>\n<script src=\"https://statistik.example.se/kfkl/embed.js\" async></script>"
        );
    }
}
