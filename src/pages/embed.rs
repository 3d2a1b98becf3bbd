//! `/embed/:chart`: one chart for an iframe on another site, without header
//! and footer, in the site's one figure (`components::figure`):
//! - a budget chart: `/embed/budget-intakter`;
//! - a key-figure chart: `/embed/<dataset>` (`av-media-2023`,
//!   `rapport-2023-nyckeltal`) or a follow-up topic's (`uppfoljning-<topic>`),
//!   its first chart, or `?diagram=<id>` another;
//! - a card of a municipality's report: `/embed/kommun-<slug>`, its first
//!   card, or `?indikator=…&arskurs=…` another;
//! - the statistics explorer's figure: `/embed/andts?…`, `/embed/lupp?…`,
//!   `/embed/av-play?…`, with the view from the same query as the page.
//!
//! Each loads only the file its chart is drawn from. Beside the chart's own
//! query, `tabell=1` and `rubrik=0` say how it shows (`kfkl_core::embed::Display`).

use std::sync::Arc;

use kfkl_core::chart::bar_chart;
use kfkl_core::embed::{key_figure_chart, Display};
use kfkl_core::kommunrapport::Kommunrapport;
use kfkl_core::model::Dataset;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api;
use crate::components::chart::ChartFigure;
use crate::components::figure::Place;
use crate::components::statfigure::StatFigure;
use crate::components::status::Loaded;
use crate::head::{describe, no_index, set_title};
use crate::pages::explorer::{parsed_state, SURVEYS};
use crate::pages::kommun::indicator_card;
use crate::pages::report::FIGURES;

#[component]
pub fn Embed() -> impl IntoView {
    let params = use_params_map();
    let chart_id = move || params.read().get("chart").unwrap_or_default();
    no_index();
    describe("Ett diagram ur Kommunförbundet Kalmar läns statistik, att bädda in på en annan webbplats.");
    // The page that frames the embed sizes it to its content (`embed.js`).
    #[cfg(target_arch = "wasm32")]
    Effect::new(|_| crate::embed_height::report());
    // tema=ljust|morkt fixes the theme; without it the embed follows the reader's system.
    Effect::new(|_| crate::theme::apply(display().theme));
    move || {
        let id = chart_id();
        match id.as_str() {
            id if id.starts_with("budget-") => view! { <BudgetEmbed/> }.into_any(),
            id if id.starts_with("kommun-") => view! { <KommunEmbed slug=id.trim_start_matches("kommun-").to_string()/> }.into_any(),
            id if id.starts_with("uppfoljning-") || FIGURES.contains(&id) => view! { <KeyFigureEmbed file=id.to_string()/> }.into_any(),
            id => match SURVEYS.iter().find(|s| **s == id) {
                Some(&id) => view! { <StatEmbed id/> }.into_any(),
                None => missing(id).into_any(),
            },
        }
    }
}

/// The embed's query as pairs: its chart's view and the display options.
fn query() -> Vec<(String, String)> {
    use_query_map().get_untracked().into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The display options of the embed's URL (tabell, rubrik); the chart's own view ignores them.
fn display() -> Display {
    Display::parse(&query())
}

fn missing(id: &str) -> impl IntoView {
    set_title("Diagrammet finns inte");
    view! {
        <h1>"Diagrammet finns inte"</h1>
        <p role="alert">{format!("Det finns inget diagram med namnet ”{id}”.")}</p>
    }
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
                let place = Place::embed(display(), "/plan/2025/budget", "Hela budgeten 2025 med planens tabeller");
                view! { <ChartFigure chart place/> }.into_any()
            }
            None => missing(&id).into_any(),
        })
    };
    view! { <Loaded data what="diagrammet" render/> }
}

/// A key-figure chart, from its dataset or from a follow-up topic.
#[component]
fn KeyFigureEmbed(file: String) -> impl IntoView {
    let topic = file.strip_prefix("uppfoljning-").map(str::to_string);
    let av_media = file.starts_with("av-media");
    let data = api::fetch(move || vec![format!("{file}.json")]);
    set_title("Diagram");
    let render = move |f: &api::Fetched| {
        let (dataset, link, text) = match &topic {
            Some(t) => {
                let topic = f.decode(0, api::topic)?;
                let text = format!("Uppföljningen av {}: löften och resultat", topic.title.to_lowercase());
                (topic.figures, format!("/uppfoljning/{t}"), text)
            }
            None if av_media => (f.decode(0, api::json::<Dataset>)?, "/statistik/av-play".into(), "Fler nyckeltal om AV-Play och AV-Media".into()),
            None => (f.decode(0, api::json::<Dataset>)?, "/rapport/2023".into(), "Verksamhetsberättelsen 2023 med alla nyckeltal".into()),
        };
        Ok(match key_figure_chart(&dataset, &query()) {
            Some(def) => {
                let chart = bar_chart(&dataset, def);
                set_title(&chart.title);
                view! { <ChartFigure chart place=Place::embed(display(), &link, text)/> }.into_any()
            }
            None => missing(&dataset.id).into_any(),
        })
    };
    view! { <Loaded data what="diagrammet" render/> }
}

/// One card of a municipality's report.
#[component]
fn KommunEmbed(slug: String) -> impl IntoView {
    let file = format!("kommun-{slug}.json");
    let data = api::fetch(move || vec![file.clone()]);
    set_title("Diagram");
    let render = move |f: &api::Fetched| {
        let report = f.decode(0, api::json::<Kommunrapport>)?;
        Ok(match report.card(&query()) {
            Some((part, k)) => {
                set_title(&format!("{}, {}: {}", k.label, k.grade, report.name));
                let place = Place::embed(display(), &format!("/kommun/{}", report.slug), format!("Hela kommunrapporten för {}", report.name));
                indicator_card(&report, part, k, place).into_any()
            }
            None => missing(&format!("kommun-{}", report.slug)).into_any(),
        })
    };
    view! { <Loaded data what="diagrammet" render/> }
}

/// The explorer's figure with the view from the query string, without controls.
#[component]
fn StatEmbed(id: &'static str) -> impl IntoView {
    let data = api::fetch(move || vec![format!("statistik-{id}.json")]);
    set_title("Diagram");
    let render = |f: &api::Fetched| {
        let table = Arc::new(f.stat_table(0)?);
        let parsed = parsed_state(table.clone());
        let state = Memo::new(move |_| parsed.read().state.clone());
        Ok(view! { <StatFigure table state embed=Some(display())/> }.into_any())
    };
    view! { <Loaded data what="diagrammet" render/> }
}
