//! The copy-paste snippet that puts one of the site's charts on another site:
//! an iframe that scrolls inside at its first height, and `embed.js`, which
//! sizes it to its content from then on.

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

/// Text as an HTML attribute value between double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_is_an_iframe_and_the_resizer_with_escaped_attributes() {
        assert_eq!(
            snippet("https://statistik.example.se/kfkl", "/embed/andts?omrade=0880,08&fran=2023", "Röker, gy 2 \"alla\" <2023>", 640),
            "<iframe src=\"https://statistik.example.se/kfkl/embed/andts?omrade=0880,08&amp;fran=2023\" title=\"Röker, gy 2 &quot;alla&quot; &lt;2023&gt;\" width=\"100%\" height=\"640\" loading=\"lazy\" style=\"border:0\"></iframe>\n<script src=\"https://statistik.example.se/kfkl/embed.js\" async></script>"
        );
    }
}
