//! `/embed/:chart`: one chart for an iframe on another site, without header
//! and footer, in the site's one figure (`components::figure`):
//! - a budget chart: `/embed/budget-<år>-<namn>`, or an earlier id the
//!   publications index keeps (`/embed/budget-intakter`);
//! - a key-figure chart: `/embed/<dataset>` (a report's `nyckeltal`) or a
//!   follow-up topic's (`uppfoljning-<topic>` in the newest pair,
//!   `uppfoljning-<år>-<topic>` in an older one), its first chart, or
//!   `?diagram=<id>` another;
//! - a card of a municipality's report: `/embed/kommun-<slug>`, its first
//!   card, or `?indikator=…&arskurs=…` another;
//! - the statistics explorer's figure: `/embed/andts?…`, `/embed/lupp?…`,
//!   `/embed/av-play?…`, with the view from the same query as the page.
//!
//! Each loads only the file its chart is drawn from. Beside the chart's own
//! query, `tabell=1` and `rubrik=0` say how it shows (`kfkl_core::embed::Display`).

use std::sync::Arc;

use kfkl_core::bar::bar_chart;
use kfkl_core::embed::{key_figure_chart, Display};
use kfkl_core::kommunrapport::Kommunrapport;
use kfkl_core::model::Dataset;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api;
use crate::components::chart::ChartFigure;
use crate::components::figure::Place;
use crate::components::report_card::indicator_card;
use crate::components::statfigure::{parsed_state, StatFigure};
use crate::components::status::Loaded;
use crate::head::{describe, no_index, set_title};
use crate::registry::SURVEYS;
use crate::registry::{index, page};
use kfkl_core::followup::topic_file;
use kfkl_core::publications::Publication;

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
            id if index().budget_chart(id).is_some() => {
                let (plan, name) = index().budget_chart(id).expect("just found");
                view! { <BudgetEmbed plan name/> }.into_any()
            }
            id if id.starts_with("kommun-") => {
                view! { <KommunEmbed slug=id.trim_start_matches("kommun-").to_string()/> }.into_any()
            }
            id if id.starts_with("uppfoljning-") => match topic_embed(id) {
                Some((file, topic_page)) => view! { <KeyFigureEmbed file link=Some(topic_page)/> }.into_any(),
                None => missing(id).into_any(),
            },
            id if report_of(id).is_some() => view! { <KeyFigureEmbed file=format!("{id}.json") link=None/> }.into_any(),
            id => match SURVEYS.iter().find(|s| **s == id) {
                Some(&id) => view! { <StatEmbed id/> }.into_any(),
                None => missing(id).into_any(),
            },
        }
    }
}

/// The embed's query as pairs: its chart's view and the display options.
fn query() -> Vec<(String, String)> {
    use_query_map()
        .get_untracked()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
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

/// A follow-up topic's file and page, from its embed id: "uppfoljning-av-media"
/// (the newest pair) or "uppfoljning-2023-av-media".
fn topic_embed(id: &str) -> Option<(String, String)> {
    let rest = id.strip_prefix("uppfoljning-")?;
    let dated = rest
        .split_once('-')
        .and_then(|(y, t)| Some((y.parse::<u16>().ok()?, t)));
    let newest = index().pair(None).and_then(|p| index().by_id(&p.rapport))?.ar;
    let (year, topic) = dated.unwrap_or((newest, rest));
    index().pair(Some(year))?;
    Some((
        topic_file(year, topic),
        kfkl_core::followup::topic_path(year, year == newest, topic),
    ))
}

/// The report whose key figures a dataset is.
fn report_of(id: &str) -> Option<&'static Publication> {
    index()
        .published()
        .into_iter()
        .find(|d| d.nyckeltal.iter().flatten().any(|n| n == id))
}

/// One chart of a plan's budget by its name ("intakter").
#[component]
fn BudgetEmbed(plan: &'static Publication, name: &'static str) -> impl IntoView {
    let data = api::fetch(move || crate::registry::budget_files(plan));
    set_title("Diagram");
    let render = move |f: &api::Fetched| {
        let (doc, staff) = (f.decode(0, api::document)?, f.decode(1, api::json::<Dataset>)?);
        let id = plan.chart_id(name);
        let chart = kfkl_core::budget::Budget::of(&doc, plan)
            .and_then(|b| kfkl_core::budget::charts(b, &staff).into_iter().find(|c| c.id == id));
        Ok(match chart {
            Some(chart) => {
                set_title(&chart.title);
                let place = Place::embed(
                    display(),
                    &format!("{}/budget", page(plan)),
                    format!("Hela budgeten {} med planens tabeller", plan.ar),
                );
                view! { <ChartFigure chart place/> }.into_any()
            }
            None => missing(&id).into_any(),
        })
    };
    view! { <Loaded data what="diagrammet" render/> }
}

/// A key-figure chart, from its dataset (`link`: `None`) or from a follow-up
/// topic (`link`: the topic's page).
#[component]
fn KeyFigureEmbed(file: String, link: Option<String>) -> impl IntoView {
    let av_media = file.starts_with("av-media");
    let report = report_of(file.trim_end_matches(".json"));
    let data = api::fetch(move || vec![file.clone()]);
    set_title("Diagram");
    let render = move |f: &api::Fetched| {
        let (dataset, link, text) = match (&link, report) {
            (Some(page), _) => {
                let topic = f.decode(0, api::topic)?;
                let text = format!("Uppföljningen av {}: löften och resultat", topic.title.to_lowercase());
                (topic.figures, page.clone(), text)
            }
            _ if av_media => (
                f.decode(0, api::json::<Dataset>)?,
                "/statistik/av-play".into(),
                "Fler nyckeltal om AV-Play och AV-Media".into(),
            ),
            (None, Some(r)) => (
                f.decode(0, api::json::<Dataset>)?,
                r.path(),
                format!("{} med alla nyckeltal", r.titel),
            ),
            (None, None) => (
                f.decode(0, api::json::<Dataset>)?,
                "/".into(),
                "Kommunförbundet Kalmar län".into(),
            ),
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
                let place = Place::embed(
                    display(),
                    &format!("/kommun/{}", report.slug),
                    format!("Hela kommunrapporten för {}", report.name),
                );
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
