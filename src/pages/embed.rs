//! `/embed/:chart`: one chart for an iframe on another site. The same chart
//! component as the full page, without header and footer.

use kfkl_core::chart::bar_chart;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::base::set_title;
use crate::components::chart::ChartFigure;
use crate::components::status::{LoadFailed, Loading};
use crate::pages::av_play::DATASET;

#[component]
pub fn Embed() -> impl IntoView {
    let params = use_params_map();
    let chart_id = move || params.read().get("chart").unwrap_or_default();
    let data = LocalResource::new(|| api::dataset(DATASET));
    set_title("Diagram");
    view! {
        <Suspense fallback=|| view! { <Loading what="diagrammet"/> }>
            {move || Suspend::new(async move {
                let id = chart_id();
                match data.await {
                    Ok(dataset) => match dataset.chart(&id) {
                        Some(def) => {
                            let chart = bar_chart(&dataset, def);
                            set_title(&chart.title);
                            view! {
                                <ChartFigure chart heading_level=1/>
                                <p class="embed-link"><a href="statistik/av-play" target="_top">"Fler nyckeltal om AV-Play och AV-Media"</a></p>
                            }.into_any()
                        }
                        None => view! {
                            <h1>"Diagrammet finns inte"</h1>
                            <p role="alert">{format!("Det finns inget diagram med namnet ”{id}”.")}</p>
                        }.into_any(),
                    },
                    Err(error) => view! { <h1>"Diagram"</h1><LoadFailed error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
