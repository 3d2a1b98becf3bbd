//! `/statistik/av-play`: AV-Media and AV-Play 2023 as charts and key-figure cards.

use kfkl_core::chart::bar_chart;
use kfkl_core::model::Dataset;
use leptos::prelude::*;

use crate::api;
use crate::base::set_title;
use crate::components::chart::ChartFigure;
use crate::components::figures::FigureCards;
use crate::components::status::Loaded;

pub const DATASET: &str = "av-media-2023";

/// Figure cards in reading order; figures drawn as charts are not repeated here.
const GROUPS: &[(&str, &[&str])] = &[
    ("Utbud och användning", &["avplay-filmer", "avplay-poddar", "avplay-anvandare", "avplay-strommar", "avplay-strommar-per-dag"]),
    ("Inköp", &["nya-filmer", "nya-kunskapsklipp", "uppskjutna-titlar", "nya-ipads"]),
    ("Räckvidd", &["kommuner-med-aktiviteter", "nadda-pedagoger", "nadda-elever", "skolriksdagen-deltagare"]),
    ("Nyhetsbrev och sociala medier", &["nyhetsbrev-utskick", "nyhetsbrev-prenumeranter", "nyhetsbrev-oppningsgrad", "facebook-foljare"]),
];

#[component]
pub fn AvPlay() -> impl IntoView {
    set_title("AV-Play och AV-Media");
    let data = LocalResource::new(|| api::dataset(DATASET));
    view! {
        <div class="wrap">
            <h1>"AV-Play och AV-Media 2023"</h1>
            <p class="lead">
                "AV-Media är Kommunförbundets mediecentral för länets skolor, och AV-Play är länets filmtjänst för undervisning. "
                "Här visas nyckeltalen ur Verksamhetsberättelse 2023, med källa till varje siffra. "
                "Ord som ”drygt” och ”cirka” står kvar så som källan skriver."
            </p>
            <Loaded data what="nyckeltal för AV-Media" render=|dataset| view! { <AvPlayContent dataset/> }.into_any()/>
        </div>
    }
}

#[component]
fn AvPlayContent(dataset: Dataset) -> impl IntoView {
    let charts = dataset
        .charts
        .iter()
        .map(|def| view! { <ChartFigure chart=bar_chart(&dataset, def) heading_level=2/> })
        .collect_view();
    let groups = GROUPS
        .iter()
        .map(|(title, ids)| {
            view! {
                <section class="figure-group">
                    <h2>{*title}</h2>
                    <FigureCards dataset=dataset.clone() ids=ids/>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="charts">{charts}</div>
        {groups}
    }
}
