//! Loading and error states. A failed data file shows a message in its own
//! place; the rest of the page keeps working.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{Fetched, Files, LoadError};

#[cfg(target_arch = "wasm32")]
#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! { <p class="loading" role="status">"Laddar " {what} "…"</p> }
}

#[component]
pub fn LoadFailed(error: LoadError) -> impl IntoView {
    // At build time a file that fails is a broken build, not a page to publish.
    #[cfg(not(target_arch = "wasm32"))]
    crate::build_context::failed(&error.to_string());
    view! {
        <div class="alert" role="alert">
            <p><strong>"Uppgifterna kunde inte visas."</strong></p>
            <p>{error.to_string()}</p>
        </div>
    }
}

/// In the app "Laddar …" while `data` loads (hidden during a takeover), then
/// `render(files)`, or the error it returns (a file that failed, or did not
/// decode) as an alert in its place. At build time `render` runs at once.
/// Every page that fetches data goes through here. `render` may read signals
/// (route parameters); it re-runs when they change.
#[component]
pub fn Loaded<R>(data: Files, what: &'static str, render: R) -> impl IntoView
where
    R: Fn(&Fetched) -> Result<AnyView, LoadError> + Send + Sync + 'static,
{
    loaded(data, what, Arc::new(render))
}

type Render = Arc<dyn Fn(&Fetched) -> Result<AnyView, LoadError> + Send + Sync>;

fn shown(render: &Render, fetched: &Fetched) -> AnyView {
    render(fetched).unwrap_or_else(|error| view! { <LoadFailed error/> }.into_any())
}

/// The body of `Loaded`, not generic so that it is compiled once. While the
/// app takes over a prerendered page, each view it waits for holds the
/// takeover back until its data has rendered (or it is gone).
#[cfg(target_arch = "wasm32")]
fn loaded(data: Files, what: &'static str, render: Render) -> AnyView {
    let hold = crate::takeover::Hold::new();
    {
        let hold = hold.clone();
        on_cleanup(move || hold.release());
    }
    view! {
        <Suspense fallback=move || view! { <Loading what=what/> }>
            {move || {
                let (render, hold) = (render.clone(), hold.clone());
                Suspend::new(async move {
                    let fetched = data.await;
                    let view = shown(&render, &fetched);
                    // Decoding and describing the view was one task; building its DOM is the next.
                    if hold.holds() {
                        crate::takeover::yield_to_browser().await;
                    }
                    hold.release();
                    view
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// At build time the files are read as the page renders: no loading state.
#[cfg(not(target_arch = "wasm32"))]
fn loaded(data: Files, _what: &'static str, render: Render) -> AnyView {
    shown(&render, &data.read())
}
