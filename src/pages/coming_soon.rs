//! Routes whose content is not built yet: a clear "Kommer snart" page, never a blank screen.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::{href, set_title};

#[component]
fn ComingSoon(title: &'static str, lead: &'static str) -> impl IntoView {
    set_title(title);
    view! {
        <div class="wrap">
            <h1>{title}</h1>
            <p class="lead">{lead}</p>
            <div class="notice">
                <h2>"Kommer snart"</h2>
                <p>"Den här delen av webbplatsen byggs just nu. Under tiden finns nyckeltalen för AV-Play och AV-Media."</p>
                <p><A href=href("/statistik/av-play")>"Till AV-Play och AV-Media"</A></p>
            </div>
        </div>
    }
}

#[component]
pub fn Andts() -> impl IntoView {
    view! { <ComingSoon title="ANDTS – CAN:s skolundersökning"
        lead="Elevers vanor kring alkohol, narkotika, dopning, tobak och spel, i årskurs 9 och gymnasiet år 2: kommunen jämförd med länet och riket."/> }
}

#[component]
pub fn Lupp() -> impl IntoView {
    view! { <ComingSoon title="LUPP – ungas levnadsvillkor"
        lead="Ungdomsenkäten LUPP i årskurs 8 och gymnasiet år 2: fritid, skola, inflytande, trygghet, hälsa, arbete och framtid."/> }
}
