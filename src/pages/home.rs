//! `/`: what the site holds and where to start.

use leptos::prelude::*;
use leptos_router::components::A;

use kfkl_core::model::Areas;

use crate::api;
use crate::base::href;
use crate::components::municipalities::municipality_links;
use crate::components::status::Loaded;
use crate::head::{lead, set_title};
use crate::registry::{index, latest};
use kfkl_core::publications::Kind;

/// (link, title, what the reader finds there): the current documents (from
/// the publications index), the follow-up, then the statistics.
fn sections() -> Vec<(String, String, String)> {
    let (plan, report) = (latest(Kind::Plan), latest(Kind::Rapport));
    let mut out = vec![
        (
            plan.path(),
            plan.titel.clone(),
            format!("Vad Kommunförbundet ska göra under {} och vad det kostar.", plan.ar),
        ),
        (
            report.path(),
            report.titel.clone(),
            format!("Vad som lovades och vad som gjordes under {}.", report.ar),
        ),
    ];
    if let Some(pair) = index().pair(None) {
        let year = |id: &str| index().by_id(id).map_or(0, |d| d.ar);
        let (r, p) = (year(&pair.rapport), year(&pair.plan));
        out.push((
            "/uppfoljning".into(),
            "Uppföljning".into(),
            format!("Löfte {r}, resultat {r} och löfte {p} sida vid sida."),
        ));
    }
    out.extend(
        STATISTICS
            .iter()
            .map(|(l, t, x)| (l.to_string(), t.to_string(), x.to_string())),
    );
    out
}

const STATISTICS: &[(&str, &str, &str)] = &[
    (
        "/statistik/andts",
        "ANDTS",
        "CAN:s skolundersökning om alkohol, narkotika, dopning, tobak och spel.",
    ),
    (
        "/statistik/lupp",
        "LUPP",
        "Ungdomsenkäten om fritid, skola, inflytande, trygghet, hälsa och framtid.",
    ),
    (
        "/statistik/av-play",
        "AV-Play och AV-Media",
        "Länets filmtjänst för skolan och mediecentralens verksamhet i siffror.",
    ),
];

#[component]
pub fn Home() -> impl IntoView {
    set_title("Plan, rapport och statistik");
    let data = api::fetch(|| vec!["areas.json".into()]);
    let cards = sections()
        .into_iter()
        .map(|(path, title, text)| {
            view! {
                <li class="card">
                    <h2><A href=href(&path)>{title}</A></h2>
                    <p>{text}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="wrap">
            <h1>"Plan, rapport och statistik"</h1>
            {lead(concat!(
                "Kommunförbundet Kalmar län är länets tolv kommuners gemensamma förbund. ",
                "Här finns förbundets verksamhetsplan och verksamhetsberättelse i läsbar form, ",
                "och statistik om unga i länet – med källa till varje siffra."
            ))}
            <section class="choose-municipality" aria-labelledby="valj-kommun">
                <h2 id="valj-kommun">"Välj kommun"</h2>
                <p>"Varje kommuns rapport: ungas levnadsvillkor och vanor jämförda med länet och riket, och vad förbundets dokument säger om kommunen."</p>
                <Loaded data what="kommunerna" render=|f: &api::Fetched| {
                    let areas: Areas = f.decode(0, api::json)?;
                    let links = municipality_links(areas.municipalities.iter().map(|m| (m.slug.as_str(), m.name.as_str())));
                    Ok(view! { <ul class="municipality-list home-municipalities">{links}</ul> }.into_any())
                }/>
                <p class="card-link"><A href=href("/kommun")>"Alla kommuner på karta"</A></p>
            </section>
            <ul class="cards sections">{cards}</ul>
        </div>
    }
}
