//! The county map: plotters' drawing (`kfkl_core::map::chart`), and over it a
//! layer of links, one per municipality in the same outline, reachable by
//! keyboard and named by the municipality's name. Also the explorer's map view.

use std::sync::Arc;

use kfkl_core::map::chart::{explorer_map, outline_points, render_svg, Fill, MapChart, HEIGHT, WIDTH};
use kfkl_core::map::CountyMap;
use kfkl_core::stats::{Observation, StatTable};
use leptos::prelude::*;

use crate::api;
use crate::base::href;
use crate::components::status::Loaded;

/// `fills` and `labels` per shape of `map`, in its order; `links` lays the
/// municipality links over the drawing.
pub fn county_map(
    map: &CountyMap,
    fills: Vec<Fill>,
    labels: Vec<Vec<String>>,
    legend: Vec<(Fill, String)>,
    links: bool,
    label: String,
) -> impl IntoView {
    // plotters escapes every text it writes into the SVG (tested in kfkl-core).
    let svg = render_svg(&MapChart {
        map,
        fills,
        labels,
        legend,
    });
    let layer = links.then(|| {
        let shapes = map
            .shapes
            .iter()
            .zip(outline_points(map))
            .map(|(s, points)| {
                // The <g> makes the macro build an SVG <a>: alone, `a` would be an HTML
                // element, which inside an <svg> is neither drawn nor focusable.
                view! {
                    <g>
                        <a href=href(&format!("/kommun/{}", s.slug)) aria-label=s.name.clone()>
                            <polygon points=points></polygon>
                        </a>
                    </g>
                }
            })
            .collect_view();
        view! { <svg class="map-links" viewBox=format!("0 0 {WIDTH} {HEIGHT}")>{shapes}</svg> }
    });
    view! {
        <div class="county-map">
            <div class="chart-svg map-svg" role="img" aria-label=label inner_html=svg></div>
            {layer}
        </div>
    }
}

/// The explorer's map view: the rows shown, one year across the
/// municipalities, as classes on the county map. The map file is fetched
/// only when a reader asks for the map.
#[component]
pub fn StatMap(table: Arc<StatTable>, rows: Signal<Vec<Observation>>) -> impl IntoView {
    let data = api::fetch(|| vec!["kommuner-karta.json".into()]);
    let render = move |f: &api::Fetched| {
        let map: Arc<CountyMap> = Arc::new(f.decode(0, api::json)?);
        let table = table.clone();
        let svg = move || render_svg(&explorer_map(&map, &table, &rows.read()));
        Ok(view! {
            <div class="chart-svg map-svg stat-map" role="img" aria-labelledby="statfigur-rubrik statfigur-sammanfattning" inner_html=svg></div>
        }
        .into_any())
    };
    view! { <Loaded data what="kartan" render/> }
}
