//! `/`: what the site holds and where to start.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;
use crate::head::{lead, set_title};

/// (link, title, what the reader finds there)
const SECTIONS: &[(&str, &str, &str)] = &[
    ("/plan/2025", "Verksamhetsplan och budget 2025", "Vad Kommunförbundet ska göra under 2025 och vad det kostar."),
    ("/rapport/2023", "Verksamhetsberättelse 2023", "Vad som lovades och vad som gjordes under 2023."),
    ("/uppfoljning", "Uppföljning", "Löfte 2023, resultat 2023 och löfte 2025 sida vid sida."),
    ("/statistik/andts", "ANDTS", "CAN:s skolundersökning om alkohol, narkotika, dopning, tobak och spel."),
    ("/statistik/lupp", "LUPP", "Ungdomsenkäten om fritid, skola, inflytande, trygghet, hälsa och framtid."),
    ("/statistik/av-play", "AV-Play och AV-Media", "Länets filmtjänst för skolan och mediecentralens verksamhet i siffror."),
];

#[component]
pub fn Home() -> impl IntoView {
    set_title("Plan, rapport och statistik");
    let cards = SECTIONS
        .iter()
        .map(|(path, title, text)| {
            view! {
                <li class="card">
                    <h2><A href=href(path)>{*title}</A></h2>
                    <p>{*text}</p>
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
            <ul class="cards sections">{cards}</ul>
        </div>
    }
}
