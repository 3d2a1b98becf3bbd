//! The 404 page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;
use crate::head::{lead, no_index, set_title};

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Sidan finns inte");
    no_index();
    view! {
        <div class="wrap">
            <h1>"Sidan finns inte"</h1>
            {lead("Adressen kan vara felstavad, eller så har sidan flyttats.")}
            <ul>
                <li><A href=href("/")>"Till startsidan"</A></li>
                <li><A href=href("/statistik/av-play")>"AV-Play och AV-Media"</A></li>
                <li><A href=href("/om-data")>"Om data och källor"</A></li>
            </ul>
        </div>
    }
}
