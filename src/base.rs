//! Where the site is hosted: the path of `<base href>`, which Trunk fills in
//! from `public_url`, so one build runs at `/` or under a subpath like `/kfkl/`.
//! At build time the prerenderer names the same path.
//!
//! With a `<base>` element a fragment-only href ("#x") resolves against the
//! base, not the current page: build in-page links from the current path.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// "" at the site root, "/kfkl" under a subpath (no trailing slash).
pub fn router_base() -> &'static str {
    BASE.get_or_init(read_base)
}

#[cfg(target_arch = "wasm32")]
fn read_base() -> String {
    // The base URI is absolute ("http://host/kfkl/"); its path follows the origin.
    let base = leptos::prelude::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    let path = base.strip_prefix(&origin()).unwrap_or("");
    path.trim_end_matches('/').to_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn read_base() -> String {
    String::new()
}

/// Sets the base path before anything is rendered (the prerenderer: Trunk's public URL).
#[cfg(not(target_arch = "wasm32"))]
pub fn set_base(public_url: &str) {
    let base = public_url.trim_end_matches('/').to_string();
    // A link rendered before this would have had the wrong base.
    if BASE.get_or_init(|| base.clone()) != &base {
        panic!(
            "base::set_base({public_url}) after the base was already {:?}",
            BASE.get()
        );
    }
}

/// An app path under the base: `href("/om-data")` is "/kfkl/om-data" under /kfkl/.
/// leptos_router 0.8's `<A>` leaves absolute hrefs as they are, so every internal
/// link goes through here.
pub fn href(path: &str) -> String {
    format!("{}{path}", router_base())
}

/// The URL of a published data file, e.g. `/kfkl/data/areas.json`.
#[cfg(target_arch = "wasm32")]
pub fn data_url(file: &str) -> String {
    format!("{}/data/{file}", router_base())
}

/// The site's absolute URL without a trailing slash ("https://statistik.example.se/kfkl"),
/// for what leaves the site (embed snippets): the configured `KFKL_SITE_URL`, which the
/// prerender writes into every page's head, else this page's origin and base path.
pub fn site_url() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let configured = leptos::prelude::document()
            .query_selector("meta[name=\"kfkl-site-url\"]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .map(|u| u.trim_end_matches('/').to_string())
            .filter(|u| !u.is_empty());
        configured.unwrap_or_else(|| format!("{}{}", origin(), router_base()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    crate::build_context::site_url().unwrap_or_else(|| router_base().to_string())
}

/// "https://statistik.example.se": the page's own origin in the browser; at
/// build time the configured public URL's, or "" when none is configured.
pub fn origin() -> String {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    return crate::build_context::origin();
}
