//! `/plan/:ar/budget`: a plan's budget as charts and as the source's tables.

use std::sync::Arc;

use kfkl_core::budget::{self, Budget as Roles};
use kfkl_core::document::Document;
use kfkl_core::model::Dataset;
use kfkl_core::publications::{Kind, Publication};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::base::href;
use crate::components::chart::ChartFigure;
use crate::components::document::{table_view, DocContext};
use crate::components::figure::Place;
use crate::components::status::Loaded;
use crate::head::{lead, set_title};
use crate::pages::not_found::NotFound;
use crate::registry::{budget_files, page, shown, NewerNotice};

/// The budget of the address's plan; a plan without budget roles has none.
#[component]
pub fn Budget() -> impl IntoView {
    let params = use_params_map();
    move || match shown(Kind::Plan, params.read().get("ar").as_deref())
        .filter(|p| p.budget.is_some() && p.personal.is_some())
    {
        Some(plan) => view! { <BudgetPage plan/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn BudgetPage(plan: &'static Publication) -> impl IntoView {
    let section = plan.budget.as_ref().map(|b| b.avsnitt.clone()).unwrap_or_default();
    set_title(&section);
    let data = api::fetch(move || budget_files(plan));
    let render = move |f: &api::Fetched| {
        let doc = f.decode(0, api::document)?;
        let staff = f.decode(1, api::json)?;
        Ok(view! { <BudgetContent doc=Arc::new(doc) plan staff/> }.into_any())
    };
    let section_link = format!("{}#{}", page(plan), kfkl_core::model::slug(&section));
    view! {
        <div class="wrap">
            <h1>{section.clone()}</h1>
            <NewerNotice doc=plan/>
            {lead(&format!("Kommunförbundets budget för {} enligt verksamhetsplanen, i diagram och i planens egna tabeller. Belopp i tusentals kronor (tkr); kostnader har minustecken, som i planen.", plan.ar))}
            <p><A href=href(&section_link)>"Budgetavsnittet i verksamhetsplanen"</A></p>
            <Loaded data what="budgeten" render/>
        </div>
    }
}

#[component]
fn BudgetContent(doc: Arc<Document>, plan: &'static Publication, staff: Dataset) -> impl IntoView {
    let roles = Roles::of(&doc, plan);
    let charts = roles
        .map(|b| budget::charts(b, &staff))
        .unwrap_or_default()
        .into_iter()
        .map(|chart| {
            let place = Place::page(2, format!("/embed/{}", chart.id));
            view! { <ChartFigure chart place/> }
        })
        .collect_view();
    let cx = DocContext::new(page(plan), doc.clone());
    let tables = doc.tables().map(|t| table_view(t, &cx)).collect_view();
    // The answer first: how the plan's totals relate, from its own tables.
    let answer = roles
        .and_then(budget::totals_sentence)
        .map(|s| view! { <p class="budget-answer">{s}</p> });
    view! {
        {answer}
        <div class="charts">{charts}</div>
        <h2>"Budgettabellerna"</h2>
        <p>"Tabellerna som de står i planen. Där delarna inte summerar till planens totaler står det under tabellen."</p>
        <div class="budget-tables">{tables}</div>
    }
}
