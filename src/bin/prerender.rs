//! `prerender [STAGING_DIR]`: Trunk's post_build hook. Renders every route of
//! the app into `<route>/index.html` (and `404.html`) of Trunk's staging
//! directory (default `$TRUNK_STAGING_DIR`), from the `index.html` Trunk made
//! and the data it copied there, so that every page is readable before and
//! without the wasm.
//!
//! The public URL comes from `$TRUNK_PUBLIC_URL` (`--public-url`). The site's
//! absolute URL, when `$KFKL_SITE_URL` configures one, gives each page its
//! canonical link and `og:url`, and a `sitemap.xml` that `robots.txt` names.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kfkl_site::headers;
use kfkl_site::prerender::{canonical_url, configure, head_html, render, routes, site_url, Template, NOT_FOUND};

fn main() -> ExitCode {
    match run() {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("prerender: {e}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, Vec<String>> {
    let staging = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok());
    let staging = PathBuf::from(
        staging.ok_or_else(|| vec!["name the staging directory, or run as Trunk's post_build hook".to_string()])?,
    );
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let site_url = std::env::var("KFKL_SITE_URL").ok().filter(|u| !u.trim().is_empty());
    let data = staging.join("data");
    configure(&public_url, site_url.as_deref(), &data).map_err(|e| vec![e])?;
    let index = staging.join("index.html");
    let template = std::fs::read_to_string(&index).map_err(|e| vec![format!("{}: {e}", index.display())])?;
    let template = kfkl_site::integrity::add(&template, &staging, &public_url).map_err(|e| vec![e])?;
    let template = Template::parse(&template).map_err(|e| vec![e])?;

    let mut paths = routes(&data).map_err(|e| vec![e])?;
    paths.push(NOT_FOUND.to_string());
    let mut errors = Vec::new();
    let mut bytes = 0;
    let mut listed = Vec::new();
    for path in &paths {
        let page = render(path);
        if !page.head.no_index && page.head.canonical.as_ref().is_none_or(|c| c == path) {
            listed.push(path.clone());
        }
        errors.extend(page.failures.iter().map(|f| format!("{path}: {f}")));
        if page.head.description.is_empty() {
            errors.push(format!("{path}: the page has no lead text for its description"));
        }
        let html = template.fill(&head_html(&page), &page.body);
        bytes += html.len();
        if let Err(e) = write(&staging, path, &html) {
            errors.push(e);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    write_robots(&staging, &listed).map_err(|e| vec![e])?;
    write_headers(&staging, &public_url).map_err(|e| vec![e])?;
    Ok(format!(
        "prerender: {} pages, {} KB of HTML, in {}",
        paths.len(),
        bytes / 1024,
        staging.display()
    ))
}

/// The security headers as `_headers` and as an nginx server block (`headers.rs`).
fn write_headers(staging: &Path, public_url: &str) -> Result<(), String> {
    let ancestors = std::env::var("KFKL_EMBED_ANCESTORS")
        .ok()
        .filter(|a| !a.trim().is_empty());
    let ancestors = ancestors.as_deref().unwrap_or(headers::DEFAULT_ANCESTORS);
    std::fs::write(staging.join("_headers"), headers::headers_file(public_url, ancestors))
        .map_err(|e| format!("_headers: {e}"))?;
    let conf = headers::nginx(public_url, "/srv/kfkl/dist", "80", ancestors);
    std::fs::write(staging.join("nginx.conf"), conf).map_err(|e| format!("nginx.conf: {e}"))
}

/// `robots.txt`, and with a configured site URL the sitemap of the pages search engines should list.
fn write_robots(staging: &Path, listed: &[String]) -> Result<(), String> {
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(site) = site_url() {
        let loc = |p: &str| html_escape::encode_text(&canonical_url(&site, p)).into_owned();
        let urls: String = listed
            .iter()
            .map(|p| format!("  <url><loc>{}</loc></url>\n", loc(p)))
            .collect();
        let sitemap = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{urls}</urlset>\n");
        std::fs::write(staging.join("sitemap.xml"), sitemap).map_err(|e| format!("sitemap.xml: {e}"))?;
        robots.push_str(&format!("Sitemap: {site}/sitemap.xml\n"));
    }
    std::fs::write(staging.join("robots.txt"), robots).map_err(|e| format!("robots.txt: {e}"))
}

/// "/" → index.html, "/plan/2025" → plan/2025/index.html, the fallback → 404.html.
fn write(staging: &Path, path: &str, html: &str) -> Result<(), String> {
    let file = match path {
        "/" => staging.join("index.html"),
        NOT_FOUND => staging.join("404.html"),
        _ => staging.join(path.trim_start_matches('/')).join("index.html"),
    };
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&file, html).map_err(|e| format!("{}: {e}", file.display()))
}
