//! Rewriting the address in place, for the pages whose state is their URL:
//! the explorer's every control change, and the explorer's and the plan's
//! rewrite of an unknown or misordered query. The history entry is replaced,
//! not added to, and the router reads the new URL. (A change of the plan's
//! filters is a navigation, through the router's `navigate`, so that Back
//! undoes it.)

/// A function that replaces the current history entry with `url` (a path
/// with its query) and tells the router.
///
/// Not the router's `navigate(…, replace: true)`: leptos_router 0.8.17 keeps
/// every address it navigates to in a stack that only Back shortens, replace
/// or not (`BrowserUrl::complete_navigation`), so a long session of control
/// changes kept one `Url` per change, about 0.7 KB of wasm memory each (the
/// soak test found it). Setting the router's URL signal is the rest of what
/// `navigate` does for a same-origin path.
#[cfg(target_arch = "wasm32")]
pub fn use_replace() -> impl Fn(&str) + Clone + Send + Sync + 'static {
    use leptos::prelude::*;
    use leptos_router::location::{BrowserUrl, LocationProvider};
    let location = use_context::<BrowserUrl>();
    move |url: &str| {
        let Some(location) = &location else { return };
        let replaced = window()
            .history()
            .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url)));
        if let (Ok(()), Ok(now)) = (replaced, BrowserUrl::current()) {
            if location.as_url().with_untracked(|was| *was != now) {
                location.as_url().set(now);
            }
        }
    }
}

/// At build time nothing is ever replaced: the prerendered page has no events.
#[cfg(not(target_arch = "wasm32"))]
pub fn use_replace() -> impl Fn(&str) + Clone + Send + Sync + 'static {
    |_: &str| {}
}
