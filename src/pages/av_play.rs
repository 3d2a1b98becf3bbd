//! `/statistik/av-play`: AV-Media and AV-Play in the statistics explorer (the
//! yearly measures, `statistik-av-play.json`), then the goal-and-outcome chart
//! and the key figures that are not one yearly value of a measure, as cards.

use kfkl_core::bar::bar_chart;
use kfkl_core::embed::key_figure_path;
use kfkl_core::model::{ChartKind, Dataset};
use leptos::prelude::*;

use crate::api;
use crate::components::chart::ChartFigure;
use crate::components::figure::Place;
use crate::components::figures::FigureCards;
use crate::components::status::Loaded;
use crate::head::{lead, set_title};
use crate::pages::explorer::StatExplorer;

/// The key-figure file the AV-Play catalogue (`data/statistik/av-play.toml`) names as its data.
fn dataset() -> &'static str {
    crate::registry::survey_figures("av-play").unwrap_or_default()
}

/// Cards in reading order: the figures the explorer does not show
/// (`data/statistik/av-play.toml` names the ones it does).
const GROUPS: &[(&str, &[&str])] = &[
    (
        "Användning och inköp",
        &["avplay-strommar-per-dag", "uppskjutna-titlar", "nya-ipads"],
    ),
    ("Räckvidd", &["kommuner-med-aktiviteter", "skolriksdagen-deltagare"]),
    (
        "Nyhetsbrev och sociala medier",
        &[
            "nyhetsbrev-utskick",
            "nyhetsbrev-prenumeranter",
            "nyhetsbrev-oppningsgrad",
            "facebook-foljare",
        ],
    ),
];

/// The report the figures are quoted from, as the publications index names it.
fn source_report() -> String {
    crate::registry::index()
        .published()
        .into_iter()
        .find(|d| d.nyckeltal.iter().flatten().any(|n| n == dataset()))
        .map_or_else(|| "verksamhetsberättelsen".to_string(), |d| d.titel.clone())
}

#[component]
pub fn AvPlay() -> impl IntoView {
    set_title("AV-Play och AV-Media");
    let data = api::fetch(|| vec![format!("{}.json", dataset())]);
    let render = |f: &api::Fetched| {
        f.decode(0, api::json::<Dataset>)
            .map(|dataset| view! { <AvPlayFigures dataset/> }.into_any())
    };
    view! {
        <div class="wrap">
            <h1>"AV-Play och AV-Media"</h1>
            {lead(&format!(
                "AV-Media är Kommunförbundets mediecentral för länets skolor, och AV-Play är länets filmtjänst för undervisning. Här visas siffrorna ur {}, med källa till varje siffra. Ord som ”drygt” och ”cirka” står kvar så som källan skriver.",
                source_report()
            ))}
            <StatExplorer id="av-play"/>
            <Loaded data what="nyckeltal för AV-Media" render/>
        </div>
    }
}

/// Goal against outcome, and the remaining key figures.
#[component]
fn AvPlayFigures(dataset: Dataset) -> impl IntoView {
    // A change over the years is the explorer's line chart; a goal is not a measure, so it is drawn here.
    let charts = dataset
        .charts
        .iter()
        .filter(|def| def.kind == ChartKind::GoalOutcome)
        .map(|def| view! { <ChartFigure chart=bar_chart(&dataset, def) place=Place::page(3, key_figure_path(&dataset, &def.id))/> })
        .collect_view();
    let groups = GROUPS
        .iter()
        .map(|(title, ids)| {
            view! {
                <section class="figure-group">
                    <h3>{*title}</h3>
                    <FigureCards dataset=dataset.clone() ids=ids/>
                </section>
            }
        })
        .collect_view();
    view! {
        <section>
            <h2>"Mål och utfall"</h2>
            <div class="charts">{charts}</div>
        </section>
        <section>
            <h2>"Fler nyckeltal ur verksamhetsberättelsen"</h2>
            {groups}
        </section>
    }
}
