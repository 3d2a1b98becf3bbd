//! Build-time rendering (native only): a route of the app rendered to HTML by
//! the same components the browser runs, with the data read from the
//! published files through the same decoders, and the head the page asked
//! for. `src/bin/prerender.rs` writes the pages; this module knows the routes.

use std::path::Path;

use kfkl_core::followup::FollowUpIndex;
use kfkl_core::model::{from_json, Areas, Dataset};
use kfkl_core::publications::Kind;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::app::App;
use crate::base::{self, href};
use crate::build_context;
use crate::head::{Head, SITE};

/// Where and what to render; call once, before `render`. `site_url` is the
/// configured public URL (its path must be `public_url`).
pub fn configure(public_url: &str, site_url: Option<&str>, data: &Path) -> Result<(), String> {
    let site_url = match site_url {
        None => None,
        Some(url) => Some(check_site_url(url, public_url)?),
    };
    base::set_base(public_url);
    build_context::set(data, site_url)
}

/// "https://example.se/kfkl/" with public URL "/kfkl/" → "https://example.se/kfkl".
fn check_site_url(url: &str, public_url: &str) -> Result<String, String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest.filter(|r| !r.is_empty() && !r.starts_with('/')) else {
        return Err(format!(
            "KFKL_SITE_URL={url}: expected an absolute http(s) URL, like https://statistik.example.se/"
        ));
    };
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    let (path, public) = (path.trim_end_matches('/'), public_url.trim_end_matches('/'));
    if path != public {
        return Err(format!(
            "KFKL_SITE_URL={url}: its path is \"{path}/\", but the site is built for the public URL \"{public}/\""
        ));
    }
    Ok(url.trim_end_matches('/').to_string())
}

pub use build_context::site_url;

/// One rendered route.
pub struct Page {
    /// The route without the base: "/plan/2025".
    pub path: String,
    /// The app's markup, for `<div id="app">`.
    pub body: String,
    pub head: Head,
    /// Data files that failed: the build must stop.
    pub failures: Vec<String>,
}

/// Renders `path` (without the base) as the browser would on first load.
pub fn render(path: &str) -> Page {
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(RequestUrl::new(&href(path)));
        view! { <App/> }.to_html()
    });
    // Leptos marks text boundaries with `<!>` for hydration. The app does not
    // hydrate (it takes over), and the markers are a third of the page's nodes.
    // Data text never holds one: Leptos escapes every `<`, and so does plotters.
    let body = body.replace("<!>", "");
    owner.cleanup();
    let (head, failures) = build_context::take();
    Page {
        path: path.to_string(),
        body,
        head,
        failures,
    }
}

/// The page's `<title>`, description, Open Graph tags and, where the site's
/// URL is configured, its canonical link. Every text is escaped with
/// html-escape (the escaper Leptos uses; its views would put hydration
/// markers into `<title>`).
pub fn head_html(page: &Page) -> String {
    use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
    let title = if page.head.page.is_empty() {
        SITE.to_string()
    } else {
        format!("{} – {SITE}", page.head.page)
    };
    let og_title = if page.head.page.is_empty() {
        SITE.to_string()
    } else {
        page.head.page.clone()
    };
    let description = page.head.description.clone();
    let canonical = site_url()
        .filter(|_| !page.head.no_index)
        .map(|site| canonical_url(&site, page.head.canonical.as_deref().unwrap_or(&page.path)));
    let og = |property: &str, content: &str| format!("<meta property=\"{property}\" content=\"{}\">", attr(content));
    let mut head = format!(
        "<title>{}</title>\n  <meta name=\"description\" content=\"{}\">",
        text(&title),
        attr(&description)
    );
    for (property, content) in [
        ("og:type", "website"),
        ("og:site_name", SITE),
        ("og:locale", "sv_SE"),
        ("og:title", &og_title),
        ("og:description", &description),
    ] {
        head.push_str("\n  ");
        head.push_str(&og(property, content));
    }
    if page.head.no_index {
        head.push_str("\n  <meta name=\"robots\" content=\"noindex\">");
    }
    if let Some(url) = canonical {
        head.push_str(&format!(
            "\n  <link rel=\"canonical\" href=\"{}\">\n  {}",
            attr(&url),
            og("og:url", &url)
        ));
    }
    // The app's absolute URLs (embed snippets) name the configured site, wherever it runs.
    if let Some(site) = site_url() {
        head.push_str(&format!(
            "\n  <meta name=\"kfkl-site-url\" content=\"{}/\">",
            attr(&site)
        ));
    }
    head
}

/// The URL a host answers without a redirect: GitHub Pages, Apache and
/// Netlify send "/plan/2025" to "/plan/2025/", where the page's index.html is.
pub fn canonical_url(site: &str, path: &str) -> String {
    format!("{site}{}/", path.trim_end_matches('/'))
}

/// The path rendered as `404.html`: no route has it, so the app shows its fallback.
pub const NOT_FOUND: &str = "/404";

/// Every route with a finite set of parameters, in its default view: the
/// documents, every follow-up topic, the statistics, every municipality (by
/// name and by code), every embeddable chart, and the fixed pages.
pub fn routes(data: &Path) -> Result<Vec<String>, String> {
    let index = crate::registry::index();
    let mut routes: Vec<String> = vec!["/".into()];
    // `/plan` and `/rapport` are the newest document, each year at its own address.
    for kind in Kind::ALL {
        routes.push(format!("/{}", kind.word()));
        for d in index.of_kind(kind) {
            routes.push(d.path());
            if d.budget.is_some() && d.personal.is_some() {
                routes.push(format!("{}/budget", d.path()));
            }
        }
    }
    let followups: FollowUpIndex = if index.pairs().is_empty() {
        FollowUpIndex {
            schema_version: 1,
            pairs: Vec::new(),
        }
    } else {
        read(data, "uppfoljning.json")?
    };
    for pair in &followups.pairs {
        routes.push(pair.path.clone());
        routes.extend(pair.topics.iter().map(|t| format!("{}/{}", pair.path, t.id)));
    }
    routes.extend(["/statistik/andts", "/statistik/lupp", "/statistik/av-play"].map(String::from));
    let areas: Areas = read(data, "areas.json")?;
    routes.push("/kommun".into());
    for m in &areas.municipalities {
        routes.push(format!("/kommun/{}", m.slug));
        routes.push(format!("/kommun/{}", m.code));
    }
    routes.extend(crate::registry::SURVEYS.iter().map(|s| format!("/embed/{s}")));
    // Each key-figure dataset's and follow-up topic's first chart, and each municipality's first card.
    routes.extend(
        index
            .published()
            .iter()
            .flat_map(|d| d.nyckeltal.iter().flatten())
            .map(|d| format!("/embed/{d}")),
    );
    for pair in &followups.pairs {
        for t in &pair.topics {
            let file = kfkl_core::followup::topic_file(pair.report_year, &t.id);
            let text = std::fs::read_to_string(data.join(&file)).map_err(|e| format!("{file}: {e}"))?;
            let topic =
                kfkl_core::followup::topic_from_json(&text).ok_or(format!("{file}: not the published format"))?;
            if !topic.figures.charts.is_empty() {
                routes.push(format!("/embed/{}", topic.figures.id));
            }
        }
    }
    routes.extend(areas.municipalities.iter().map(|m| format!("/embed/kommun-{}", m.slug)));
    // Every plan's budget charts, under their ids and under the earlier ids the index keeps.
    for plan in index.of_kind(Kind::Plan) {
        let Some(staff_file) = &plan.personal else { continue };
        let file = format!("{}-tabeller.json", plan.id);
        let tables = std::fs::read_to_string(data.join(&file)).map_err(|e| format!("{file}: {e}"))?;
        let doc = kfkl_core::document::from_json(&tables).ok_or(format!("{file}: not the published format"))?;
        let staff: Dataset = read(data, &format!("{staff_file}.json"))?;
        if let Some(b) = kfkl_core::budget::Budget::of(&doc, plan) {
            routes.extend(
                kfkl_core::budget::charts(b, &staff)
                    .iter()
                    .map(|c| format!("/embed/{}", c.id)),
            );
        }
        routes.extend(
            plan.inbaddningar
                .iter()
                .flatten()
                .map(|(old, _)| format!("/embed/{old}")),
        );
    }
    routes.extend(["/sok", "/om-data", "/tillganglighet"].map(String::from));
    Ok(routes)
}

fn read<T: miniserde::Deserialize>(data: &Path, file: &str) -> Result<T, String> {
    let path = data.join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    from_json(&text).ok_or_else(|| format!("{}: not the published format", path.display()))
}

/// Trunk's `index.html`, cut where a page goes: its head in place of the
/// template's `<title>`, its markup inside `<div id="app"></div>`.
pub struct Template {
    before_head: String,
    before_app: String,
    after_app: String,
}

impl Template {
    pub fn parse(html: &str) -> Result<Template, String> {
        const APP: &str = "<div id=\"app\"></div>";
        let title = html.find("<title>").zip(html.find("</title>")).filter(|(a, b)| a < b);
        let Some((start, end)) = title else {
            return Err("index.html: no <title>…</title> to put a page's head in".into());
        };
        let end = end + "</title>".len();
        let Some(app) = html.find(APP).filter(|&i| i > end) else {
            return Err(format!("index.html: no empty {APP} in <body> to put a page in"));
        };
        Ok(Template {
            before_head: html[..start].into(),
            before_app: html[end..app].into(),
            after_app: html[app + APP.len()..].into(),
        })
    }

    pub fn fill(&self, head: &str, body: &str) -> String {
        format!(
            "{}{head}{}<div id=\"app\">{body}</div>{}",
            self.before_head, self.before_app, self.after_app
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_url_must_be_absolute_and_agree_with_the_public_url() {
        let cases: &[(&str, &str, Result<&str, &str>)] = &[
            ("https://statistik.example.se/", "/", Ok("https://statistik.example.se")),
            ("https://statistik.example.se", "/", Ok("https://statistik.example.se")),
            ("https://example.se/kfkl/", "/kfkl/", Ok("https://example.se/kfkl")),
            ("http://127.0.0.1:8080/", "/", Ok("http://127.0.0.1:8080")),
            ("https://example.se/", "/kfkl/", Err("its path is \"/\"")),
            ("https://example.se/annat/", "/kfkl/", Err("its path is \"/annat/\"")),
            ("statistik.example.se", "/", Err("expected an absolute http(s) URL")),
            ("https:///kfkl", "/kfkl/", Err("expected an absolute http(s) URL")),
        ];
        for (url, public, expected) in cases {
            match (check_site_url(url, public), expected) {
                (Ok(got), Ok(want)) => assert_eq!(&got, want, "{url}"),
                (Err(got), Err(want)) => assert!(got.contains(want), "{url}: {got}"),
                (got, want) => panic!("{url} with {public}: got {got:?}, expected {want:?}"),
            }
        }
    }

    #[test]
    fn a_page_goes_into_the_template_title_and_app_element() {
        let template = "<html><head><meta charset=\"utf-8\"><title>Mall</title><base href=\"/\"></head><body><div id=\"app\"></div><script></script></body></html>";
        let filled = Template::parse(template).unwrap().fill(
            "<title>Sida</title><meta name=\"description\" content=\"x\">",
            "<main>Text</main>",
        );
        assert_eq!(
            filled,
            "<html><head><meta charset=\"utf-8\"><title>Sida</title><meta name=\"description\" content=\"x\"><base href=\"/\"></head><body><div id=\"app\"><main>Text</main></div><script></script></body></html>"
        );
        assert!(Template::parse("<html><body><div id=\"app\"></div></body></html>")
            .err()
            .unwrap()
            .contains("<title>"));
        assert!(Template::parse("<title>Mall</title><body></body>")
            .err()
            .unwrap()
            .contains("<div id=\"app\"></div>"));
        // A page already filled in is no template: the build must start from Trunk's.
        assert!(Template::parse("<title>Mall</title><body><div id=\"app\"><main></main></div></body>").is_err());
    }
}
