//! Loading and error states. A failed data file shows a message in its own
//! place; the rest of the page keeps working.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{Fetched, Files, LoadError};

#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! { <p class="loading" role="status">"Laddar " {what} "…"</p> }
}

#[component]
pub fn LoadFailed(error: LoadError) -> impl IntoView {
    view! {
        <div class="alert" role="alert">
            <p><strong>"Uppgifterna kunde inte visas."</strong></p>
            <p>{error.to_string()}</p>
        </div>
    }
}

/// "Laddar …" while `data` loads, then `render(files)`, or the error it
/// returns (a file that failed, or did not decode) as an alert in its place.
/// Every page that fetches data goes through here. `render` may read signals
/// (route parameters); it re-runs when they change.
#[component]
pub fn Loaded<R>(data: Files, what: &'static str, render: R) -> impl IntoView
where
    R: Fn(&Fetched) -> Result<AnyView, LoadError> + Send + Sync + 'static,
{
    loaded(data, what, Arc::new(render))
}

/// The body of `Loaded`, not generic so that it is compiled once.
fn loaded(data: Files, what: &'static str, render: Arc<dyn Fn(&Fetched) -> Result<AnyView, LoadError> + Send + Sync>) -> AnyView {
    view! {
        <Suspense fallback=move || view! { <Loading what=what/> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    let fetched = data.await;
                    render(&fetched).unwrap_or_else(|error| view! { <LoadFailed error/> }.into_any())
                })
            }}
        </Suspense>
    }
    .into_any()
}
