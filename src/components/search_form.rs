//! The site's search box, in the header on every page and at the top of `/sok`.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::base::href;

/// The search box: in the header on every page, and at the top of `/sok`.
/// Submitting goes to `/sok?q=…` inside the app.
#[component]
pub fn SearchForm(id: &'static str, label: &'static str, #[prop(optional)] value: String) -> impl IntoView {
    let navigate = use_navigate();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = input.get().map(|i| i.value()).unwrap_or_default();
        let url = format!(
            "{}?q={}",
            href("/sok"),
            String::from(js_sys::encode_uri_component(text.trim()))
        );
        navigate(&url, NavigateOptions::default());
    };
    let label_id = format!("{id}-etikett");
    let labelled_by = label_id.clone();
    view! {
        <form class="search-form" role="search" aria-labelledby=labelled_by action=href("/sok") method="get" on:submit=on_submit>
            <label id=label_id for=id>{label}</label>
            <input id=id name="q" type="search" node_ref=input value=value autocomplete="off"/>
            <button type="submit">"Sök"</button>
        </form>
    }
}
