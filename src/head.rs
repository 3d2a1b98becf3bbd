//! The document's head as each page asks for it while it renders: its title,
//! its description (the page's own lead text), its canonical path and whether
//! search engines should index it. In the browser only the title is set
//! (screen readers announce it after navigation); at build time the
//! prerenderer writes all of it into the page's `<head>`.

use leptos::prelude::*;

pub const SITE: &str = "Kommunförbundet Kalmar län";

/// "Budget 2025 – Kommunförbundet Kalmar län"
pub fn set_title(page: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{page} – {SITE}"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    crate::build_context::with_head(|h| h.page = page.to_string());
}

/// The page's summary for search engines and link previews; the first one a page gives counts.
pub fn describe(text: &str) {
    #[cfg(not(target_arch = "wasm32"))]
    crate::build_context::with_head(|h| {
        if h.description.is_empty() {
            h.description = text.to_string();
        }
    });
    #[cfg(target_arch = "wasm32")]
    let _ = text;
}

/// The path search engines should list this page under, where it is not its own
/// (a municipality's page by code is the same as by name).
pub fn canonical(path: &str) {
    #[cfg(not(target_arch = "wasm32"))]
    crate::build_context::with_head(|h| h.canonical = Some(path.to_string()));
    #[cfg(target_arch = "wasm32")]
    let _ = path;
}

/// Pages that repeat another page's content (embeds) or say that there is
/// none (not found) stay out of search engines, and name no canonical URL.
pub fn no_index() {
    #[cfg(not(target_arch = "wasm32"))]
    crate::build_context::with_head(|h| h.no_index = true);
}

/// The page's lead paragraph, which is also its description. A function, not
/// a component: it needs no props struct, and is less wasm.
pub fn lead(text: &str) -> impl IntoView {
    describe(text);
    view! { <p class="lead">{text.to_string()}</p> }
}

#[cfg(not(target_arch = "wasm32"))]
pub use crate::build_context::Head;
