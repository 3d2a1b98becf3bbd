//! Loading and error states. A failed data file shows a message in its own
//! place; the rest of the page keeps working.

use leptos::prelude::*;

use crate::api::LoadError;

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

/// "Laddar …" while `data` loads, then `render(value)`, or the error as an
/// alert in its place. Every page that fetches data goes through here.
/// `render` may read signals (route parameters); it re-runs when they change.
#[component]
pub fn Loaded<T, R>(data: LocalResource<Result<T, LoadError>>, what: &'static str, render: R) -> impl IntoView
where
    T: Clone + 'static,
    R: Fn(T) -> AnyView + Clone + Send + Sync + 'static,
{
    view! {
        <Suspense fallback=move || view! { <Loading what=what/> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => render(value),
                        Err(error) => view! { <LoadFailed error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
