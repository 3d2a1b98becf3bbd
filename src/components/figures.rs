//! Key figures as cards: the value as the source states it, what it counts,
//! and the quoted sentence it comes from.

use kfkl_core::format::format_figure;
use kfkl_core::model::{Dataset, KeyFigure};
use leptos::prelude::*;

#[component]
pub fn FigureCards(dataset: Dataset, ids: &'static [&'static str]) -> impl IntoView {
    let cards = ids
        .iter()
        .filter_map(|id| dataset.figure(id))
        .map(|f| figure_card(f, dataset.cite(&f.source)))
        .collect_view();
    view! { <ul class="cards">{cards}</ul> }
}

/// One card, as a list item; `cite` names document and section.
pub fn figure_card(f: &KeyFigure, cite: String) -> impl IntoView {
    view! {
        <li class="card">
            <p class="card-value">{format_figure(f)}</p>
            <p class="card-label">{f.label.clone()}</p>
            <details class="card-source">
                <summary>"Källa"</summary>
                <p>{cite}":"</p>
                <blockquote>{format!("”{}”", f.source.quote)}</blockquote>
            </details>
        </li>
    }
}
