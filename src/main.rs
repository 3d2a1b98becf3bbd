//! The site: a Leptos single-page app (client-side rendering) that fetches the
//! published JSON and renders it. All logic it needs lives in `kfkl_core`.

mod api;
mod app;
mod base;
mod components;
mod download;
mod pages;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
