//! `/tillganglighet`: the accessibility statement public bodies must publish,
//! as `data/tillganglighet.toml` states it (`tillganglighet.json`).

use kfkl_core::accessibility::Statement;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::base::href;
use crate::components::status::Loaded;
use crate::head::{lead, set_title};

#[component]
pub fn Accessibility() -> impl IntoView {
    set_title("Tillgänglighetsredogörelse");
    let data = api::fetch(|| vec!["tillganglighet.json".into()]);
    let render = |f: &api::Fetched| f.decode(0, api::json::<Statement>).map(|s| statement(s).into_any());
    view! {
        <div class="wrap prose">
            // A soft hyphen at the compound joint: the word is wider than a phone.
            <h1>"Tillgänglighets\u{ad}redogörelse"</h1>
            {lead("Kommunförbundet Kalmar län står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, kända brister och hur du rapporterar problem.")}
            <Loaded data what="redogörelsen" render/>
            <p><A href=href("/om-data")>"Om data och källor"</A></p>
        </div>
    }
}

fn statement(s: Statement) -> impl IntoView {
    let paragraphs = |texts: &[String]| texts.iter().map(|t| view! { <p>{t.clone()}</p> }).collect_view();
    let shortcomings = s
        .shortcomings
        .iter()
        .map(|c| view! { <li><p>{c.text.clone()}</p><p class="muted">{format!("Varför: {}", c.reason)}</p></li> })
        .collect_view();
    view! {
        <p>{format!("{} ansvarar för {}.", s.organisation, s.service)}</p>
        <h2>"Hur tillgänglig är webbplatsen?"</h2>
        <p>{format!(
            "Webbplatsen är {} med lagen (2018:1937) om tillgänglighet till digital offentlig service, som hänvisar till standarden WCAG 2.1 på nivå AA.",
            s.status.text()
        )}</p>
        <ul>
            <li>"Varje diagram har en sammanfattning i text och samma siffror i en tabell, och färg är aldrig det enda sättet att skilja uppgifter åt."</li>
            <li>"Hela webbplatsen går att använda med tangentbord, och en genväg leder förbi menyn till innehållet."</li>
            <li>"Sidorna fungerar i smala fönster, förstorade till 200 procent och med större avstånd mellan rader och ord, i ljust och mörkt läge, och kan skrivas ut."</li>
        </ul>
        <h2>"Kända brister"</h2>
        <ul class="shortcomings">{shortcomings}</ul>
        <h2>"Hur vi har testat webbplatsen"</h2>
        {paragraphs(&s.evaluation)}
        <p>{format!("Redogörelsen uppdaterades senast {}.", s.reviewed)}</p>
        <h2>"Rapportera brister"</h2>
        {paragraphs(&s.report)}
        <h2>"Tillsyn"</h2>
        <p>{s.enforcement.clone()}</p>
        <p><a href=s.enforcement_link.clone() rel="external">"Anmäl till Digg: digg.se/tdosanmalan"</a></p>
    }
}
