//! Where the site is hosted: the path of `<base href>`, which Trunk fills in
//! from `public_url`, so one build runs at `/` or under a subpath like `/kfkl/`.
//!
//! With a `<base>` element a fragment-only href ("#x") resolves against the
//! base, not the current page: build in-page links from the current path.

use std::sync::OnceLock;

/// "" at the site root, "/kfkl" under a subpath (no trailing slash).
pub fn router_base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(read_base)
}

fn read_base() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// An app path under the base: `href("/om-data")` is "/kfkl/om-data" under /kfkl/.
/// leptos_router 0.8's `<A>` leaves absolute hrefs as they are, so every internal
/// link goes through here.
pub fn href(path: &str) -> String {
    format!("{}{path}", router_base())
}

/// The URL of a published data file, e.g. `/kfkl/data/areas.json`.
pub fn data_url(file: &str) -> String {
    format!("{}/data/{file}", router_base())
}

/// Sets the document title, which screen readers announce after navigation.
pub fn set_title(page: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{page} – Kommunförbundet Kalmar län"));
    }
}
