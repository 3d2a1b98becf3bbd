//! The colour theme in force (wasm only): the reader's system setting, or an
//! embed's `tema=`, which the embed writes as `data-tema` on `<html>` for the
//! stylesheet's theme block (`kfkl_core::palette::theme_css`).

use kfkl_core::embed::Theme;

/// Whether the page shows the dark theme now.
pub fn dark() -> bool {
    let root = leptos::prelude::document().document_element();
    match root.and_then(|r| r.get_attribute("data-tema")).as_deref() {
        Some("morkt") => true,
        Some("ljust") => false,
        _ => leptos::prelude::window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// Fixes the page's theme, or leaves it to the system (`Theme::Auto`).
pub fn apply(theme: Theme) {
    let Some(root) = leptos::prelude::document().document_element() else {
        return;
    };
    let _ = match theme.word() {
        Some(word) => root.set_attribute("data-tema", word),
        None => root.remove_attribute("data-tema"),
    };
}
