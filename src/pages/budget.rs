//! `/plan/2025/budget`: the plan's budget as charts and as the source's tables.

use std::sync::Arc;

use kfkl_core::budget;
use kfkl_core::document::Document;
use kfkl_core::model::Dataset;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::base::href;
use crate::head::{lead, set_title};
use crate::components::chart::ChartFigure;
use crate::components::figure::Place;
use crate::components::document::{table_view, DocContext};
use crate::components::status::Loaded;

#[component]
pub fn Budget() -> impl IntoView {
    set_title("Budget 2025");
    // Only the plan's tables (a file the data build derives), not its whole text.
    let data = api::fetch(|| vec!["plan-2025-tabeller.json".into(), "plan-2025-personal.json".into()]);
    let render = |f: &api::Fetched| {
        let plan = f.decode(0, api::document)?;
        let staff = f.decode(1, api::json)?;
        Ok(view! { <BudgetContent plan=Arc::new(plan) staff/> }.into_any())
    };
    view! {
        <div class="wrap">
            <h1>"Budget 2025"</h1>
            {lead("Kommunförbundets budget för 2025 enligt verksamhetsplanen, i diagram och i planens egna tabeller. Belopp i tusentals kronor (tkr); kostnader har minustecken, som i planen.")}
            <p><A href=href("/plan/2025#budget-2025")>"Budgetavsnittet i verksamhetsplanen"</A></p>
            <Loaded data what="budgeten" render/>
        </div>
    }
}

#[component]
fn BudgetContent(plan: Arc<Document>, staff: Dataset) -> impl IntoView {
    let charts = budget::charts(&plan, &staff)
        .into_iter()
        .map(|chart| {
            let place = Place::page(2, format!("/embed/{}", chart.id));
            view! { <ChartFigure chart place/> }
        })
        .collect_view();
    let cx = DocContext::new("/plan/2025", plan.clone());
    let tables = plan.tables().map(|t| table_view(t, &cx)).collect_view();
    // The answer first: how the plan's totals relate, from its own tables.
    let answer = budget::totals_sentence(&plan).map(|s| view! { <p class="budget-answer">{s}</p> });
    view! {
        {answer}
        <div class="charts">{charts}</div>
        <h2>"Budgettabellerna"</h2>
        <p>"Tabellerna som de står i planen. Där delarna inte summerar till planens totaler står det under tabellen."</p>
        <div class="budget-tables">{tables}</div>
    }
}
