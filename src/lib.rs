//! The site: a Leptos app that renders the published JSON. In the browser it
//! is a single-page app (client-side rendering, `start`); at build time the
//! same components render every route to HTML (`prerender`, native only), and
//! the browser app takes over from that HTML (`takeover`). All logic it needs
//! lives in `kfkl_core`.

mod address;
mod api;
mod app;
mod base;
#[cfg(not(target_arch = "wasm32"))]
mod build_context;
mod components;
mod download;
#[cfg(target_arch = "wasm32")]
mod embed_height;
mod head;
#[cfg(not(target_arch = "wasm32"))]
pub mod headers;
#[cfg(not(target_arch = "wasm32"))]
pub mod integrity;
pub mod pages;
#[cfg(target_arch = "wasm32")]
mod panic_panel;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod registry;
#[cfg(target_arch = "wasm32")]
mod screen;
#[cfg(target_arch = "wasm32")]
mod share;
#[cfg(target_arch = "wasm32")]
mod takeover;
mod theme;

pub use app::App;

/// Rendering the prerendered HTML (natively, at build time), not the app.
/// Controls only the app can serve are disabled there: without JavaScript
/// they would do nothing, and before the takeover a change would be lost.
pub(crate) const PRERENDERING: bool = cfg!(not(target_arch = "wasm32"));

/// The browser's entry point: takes over the prerendered page, or mounts the
/// app where there is none.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // A panic is logged with its message and place, and the reader gets a
    // panel that says so (`panic_panel`). (console_error_panic_hook adds a JS
    // stack trace, which after wasm-opt names only function numbers, for
    // about 1 KB of wasm.)
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or(info.payload().downcast_ref::<&str>().copied());
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let text = format!("{}{place}", message.unwrap_or(""));
        web_sys::console::error_1(&format!("panic: {text}").into());
        panic_panel::show(&text);
    }));
    takeover::start(App);
    share::install();
    // Only a build made for the tests can panic on purpose (scripts/test sets KFKL_TEST_PANIC).
    if option_env!("KFKL_TEST_PANIC").is_some()
        && leptos::prelude::window()
            .location()
            .search()
            .unwrap_or_default()
            .contains("testpanik=1")
    {
        leptos::prelude::set_timeout(
            || panic!("testpanik: ett fel som bara testbygget kan framkalla"),
            std::time::Duration::from_millis(300),
        );
    }
}
