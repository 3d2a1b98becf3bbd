//! Links to the municipalities' reports, on the home page and at `/kommun`.

use kfkl_core::sort::{sort_by, swedish_cmp};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;

/// The municipalities as list items of links, in Swedish alphabetical order.
pub fn municipality_links<'a>(names: impl Iterator<Item = (&'a str, &'a str)>) -> impl IntoView {
    let mut names: Vec<(&str, &str)> = names.collect();
    sort_by(&mut names, |a, b| swedish_cmp(a.1, b.1));
    names
        .into_iter()
        .map(|(slug, name)| {
            let (link, name) = (href(&format!("/kommun/{slug}")), name.to_string());
            view! { <li><A href=link>{name}</A></li> }
        })
        .collect_view()
}
