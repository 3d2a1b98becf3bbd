//! `/kommun`: the county's municipalities on a map and in a list.
//! `/kommun/:kommun` (by name, "kalmar", or by code, "0880"): the
//! municipality's report: its key indicators against the county and the
//! nation with honest wording, what the plan and the report say about it,
//! and a print layout of a few A4 pages.

use std::sync::Arc;

use kfkl_core::kommunrapport::Kommunrapport;
use kfkl_core::map::chart::Fill;
use kfkl_core::map::CountyMap;
use kfkl_core::model::{Areas, Municipality};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::countymap::county_map;
use crate::components::municipalities::municipality_links;
use crate::components::status::Loaded;
use crate::head::{canonical, lead, no_index, set_title};

#[component]
pub fn KommunIndex() -> impl IntoView {
    set_title("Länets kommuner");
    let data = api::fetch(|| vec!["kommuner-karta.json".into()]);
    let render = |f: &api::Fetched| {
        let map: CountyMap = f.decode(0, api::json)?;
        let fills = vec![Fill::Plain; map.shapes.len()];
        let labels = map.shapes.iter().map(|s| vec![s.name.clone()]).collect();
        let list = municipality_links(map.shapes.iter().map(|s| (s.slug.as_str(), s.name.as_str())));
        Ok(view! {
            <div class="county-layout">
                <figure class="chart map-figure">
                    {county_map(&map, fills, labels, Vec::new(), true, "Karta över Kalmar län med länets tolv kommuner. Varje kommun är en länk till kommunens rapport.".into())}
                    <figcaption class="source">{format!("Källa: {}.", map.source)}</figcaption>
                </figure>
                <nav aria-label="Kommunerna i Kalmar län">
                    <h2>"Kommunerna"</h2>
                    <ul class="municipality-list">{list}</ul>
                </nav>
            </div>
        }
        .into_any())
    };
    view! {
        <div class="wrap">
            <h1>"Länets kommuner"</h1>
            {lead("Kalmar läns tolv kommuner. Välj en kommun på kartan eller i listan för kommunens rapport: ungas levnadsvillkor och vanor jämförda med länet och riket, och vad förbundets plan och verksamhetsberättelse säger om kommunen.")}
            <Loaded data what="kartan" render/>
        </div>
    }
}

#[component]
pub fn Kommun() -> impl IntoView {
    let params = use_params_map();
    let key = move || params.read().get("kommun").unwrap_or_default();
    let data = api::fetch(|| vec!["areas.json".into()]);
    let render = move |f: &api::Fetched| {
        let key = key();
        let areas: Areas = f.decode(0, api::json)?;
        Ok(match areas.find(&key).cloned() {
            Some(m) => {
                set_title(&format!("{} kommun – kommunrapport", m.name));
                // By code or by name it is one page; search engines list it by name.
                canonical(&format!("/kommun/{}", m.slug));
                view! { <Report m/> }.into_any()
            }
            None => unknown(&key, &areas).into_any(),
        })
    };
    view! {
        <div class="wrap">
            <Loaded data what="kommunlistan" render/>
        </div>
    }
}

/// Not one of the county's municipalities: the not-found page, with the list.
fn unknown(key: &str, areas: &Areas) -> impl IntoView {
    set_title("Sidan finns inte");
    no_index();
    let links = municipality_links(areas.municipalities.iter().map(|m| (m.slug.as_str(), m.name.as_str())));
    view! {
        <h1>"Sidan finns inte"</h1>
        {lead(&format!("”{key}” är inte en av Kalmar läns kommuner. Välj en kommun:"))}
        <ul class="columns">{links}</ul>
    }
}

#[component]
fn Report(m: Municipality) -> impl IntoView {
    let file = format!("kommun-{}.json", m.slug);
    let data = api::fetch(move || vec![file.clone()]);
    let name = m.name.clone();
    let render = |f: &api::Fetched| {
        f.decode(0, api::json::<Kommunrapport>)
            .map(|r| report(Arc::new(r)).into_any())
    };
    view! {
        <div class="kommunrapport">
        <header class="report-head">
            <h1>{format!("{name} kommun")}</h1>
            {lead(&format!("Kommunrapport för {name}: ungas levnadsvillkor och vanor jämförda med Kalmar län och riket, och vad förbundets plan och verksamhetsberättelse säger om kommunen."))}
        </header>
        <Loaded data what="kommunrapporten" render/>
        </div>
    }
}

mod report;
use report::report;
