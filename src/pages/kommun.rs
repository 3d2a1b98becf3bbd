//! `/kommun/:kommun`: a municipality's page, by code ("0880") or name ("kalmar").

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::base::href;
use crate::head::{canonical, lead, no_index, set_title};
use crate::components::status::Loaded;
use kfkl_core::model::Areas;

#[component]
pub fn Kommun() -> impl IntoView {
    let params = use_params_map();
    let key = move || params.read().get("kommun").unwrap_or_default();
    let data = api::fetch(|| vec!["areas.json".into()]);
    let render = move |f: &api::Fetched| {
        let key = key();
        let areas: Areas = f.decode(0, api::json)?;
        let links = areas
            .municipalities
            .iter()
            .map(|m| {
                let (link, name) = (href(&format!("/kommun/{}", m.slug)), m.name.clone());
                view! { <li><A href=link>{name}</A></li> }
            })
            .collect::<Vec<_>>();
        Ok(match areas.find(&key) {
            Some(m) => {
                set_title(&m.name);
                // By code or by name it is one page; search engines list it by name.
                canonical(&format!("/kommun/{}", m.slug));
                view! {
                    <h1>{format!("{} kommun", m.name)}</h1>
                    {lead(&format!("{} kommun har kommunkod {}. Här finns länkar till statistiken om unga i kommunen, jämförd med länet och riket.", m.name, m.code))}
                    <p class="source">{format!("Källa: {}.", areas.source)}</p>
                    <h2>"Statistik för kommunen"</h2>
                    <p>"Resultaten i kommunens namn är ännu exempeldata, inte verkliga resultat."</p>
                    <ul>
                        <li><A href=href(&format!("/statistik/andts?omrade={},08,00", m.code))>{format!("ANDTS: {} jämfört med länet och riket", m.name)}</A></li>
                        <li><A href=href(&format!("/statistik/lupp?omrade={},08", m.code))>{format!("LUPP: {} jämfört med länet", m.name)}</A></li>
                    </ul>
                    <h2>"Länets kommuner"</h2>
                    <ul class="columns">{links}</ul>
                }
                .into_any()
            }
            None => {
                set_title("Okänd kommun");
                no_index();
                view! {
                    <h1>"Okänd kommun"</h1>
                    {lead(&format!("”{key}” är inte en av Kalmar läns kommuner. Välj en kommun:"))}
                    <ul class="columns">{links}</ul>
                }
                .into_any()
            }
        })
    };
    view! {
        <div class="wrap">
            <Loaded data what="kommunlistan" render/>
        </div>
    }
}
