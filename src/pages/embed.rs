//! `/embed/:chart`: one chart for an iframe on another site, without header
//! and footer: a budget chart (`/embed/budget-intakter`) or an AV-Media
//! key-figure chart by its id, or the statistics explorer's figure
//! (`/embed/andts?…`, `/embed/lupp?…`, `/embed/av-play?…`) with the view from
//! its query string. Beside the view, `tabell=1` and `rubrik=0` say how it shows.

use std::sync::Arc;

use kfkl_core::chart::bar_chart;
use kfkl_core::model::Dataset;

use leptos::prelude::*;
use kfkl_core::embed::Display;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api;
use crate::base::href;
use crate::head::{describe, no_index, set_title};
use crate::components::chart::ChartFigure;
use crate::components::statfigure::StatFigure;
use crate::components::status::Loaded;
use crate::pages::av_play::DATASET;
use crate::pages::explorer::{parsed_state, SURVEYS};

#[component]
pub fn Embed() -> impl IntoView {
    let params = use_params_map();
    let chart_id = move || params.read().get("chart").unwrap_or_default();
    no_index();
    describe("Ett diagram ur Kommunförbundet Kalmar läns statistik, att bädda in på en annan webbplats.");
    // The page that frames the embed sizes it to its content (`embed.js`).
    #[cfg(target_arch = "wasm32")]
    Effect::new(|_| crate::embed_height::report());
    move || match chart_id().as_str() {
        id if id.starts_with("budget-") => view! { <BudgetEmbed/> }.into_any(),
        id => match SURVEYS.iter().find(|s| **s == id) {
            Some(&id) => view! { <StatEmbed id/> }.into_any(),
            None => view! { <AvEmbed/> }.into_any(),
        },
    }
}

/// The display options of the embed's URL (tabell, rubrik); the chart's own view ignores them.
fn display() -> Display {
    let pairs: Vec<(String, String)> = use_query_map().get_untracked().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    Display::parse(&pairs)
}

/// One chart of the plan's budget by its id ("budget-intakter").
#[component]
fn BudgetEmbed() -> impl IntoView {
    let params = use_params_map();
    let chart_id = move || params.read().get("chart").unwrap_or_default();
    let data = api::fetch(|| vec!["plan-2025-tabeller.json".into(), "plan-2025-personal.json".into()]);
    set_title("Diagram");
    let render = move |f: &api::Fetched| {
        let (id, plan, staff) = (chart_id(), f.decode(0, api::document)?, f.decode(1, api::json::<Dataset>)?);
        Ok(match kfkl_core::budget::charts(&plan, &staff).into_iter().find(|c| c.id == id) {
            Some(chart) => {
                set_title(&chart.title);
                view! {
                    <ChartFigure chart heading_level=1 display=display()/>
                    <p class="embed-link"><a href=href("/plan/2025/budget") target="_top">"Hela budgeten 2025 med planens tabeller"</a></p>
                }
                .into_any()
            }
            None => missing(&id).into_any(),
        })
    };
    view! { <Loaded data what="diagrammet" render/> }
}

fn missing(id: &str) -> impl IntoView {
    view! {
        <h1>"Diagrammet finns inte"</h1>
        <p role="alert">{format!("Det finns inget diagram med namnet ”{id}”.")}</p>
    }
}

/// The explorer's figure with the view from the query string, without controls.
#[component]
fn StatEmbed(id: &'static str) -> impl IntoView {
    let data = api::fetch(move || vec![format!("statistik-{id}.json")]);
    set_title("Diagram");
    let render = |f: &api::Fetched| {
        let table = Arc::new(f.decode(0, api::json::<kfkl_core::stats::StatTable>)?);
        let parsed = parsed_state(table.clone());
        let state = Memo::new(move |_| parsed.read().state.clone());
        // The display options (tabell, rubrik) beside the chart's view; ExplorerState ignores them.
        Ok(view! { <StatFigure table state embed=true display=display()/> }.into_any())
    };
    view! { <Loaded data what="diagrammet" render/> }
}

/// One key-figure chart of AV-Media by its id.
#[component]
fn AvEmbed() -> impl IntoView {
    let params = use_params_map();
    let chart_id = move || params.read().get("chart").unwrap_or_default();
    let data = api::fetch(|| vec![format!("{DATASET}.json")]);
    set_title("Diagram");
    let render = move |f: &api::Fetched| {
        let id = chart_id();
        let dataset = f.decode(0, api::json::<Dataset>)?;
        Ok(match dataset.chart(&id) {
            Some(def) => {
                let chart = bar_chart(&dataset, def);
                set_title(&chart.title);
                view! {
                    <ChartFigure chart heading_level=1 display=display()/>
                    <p class="embed-link"><a href="statistik/av-play" target="_top">"Fler nyckeltal om AV-Play och AV-Media"</a></p>
                }
                .into_any()
            }
            None => missing(&id).into_any(),
        })
    };
    view! { <Loaded data what="diagrammet" render/> }
}
