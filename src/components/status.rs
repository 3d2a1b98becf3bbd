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
