//! A key-figure bar chart (budget, AV-Media, the follow-up's goal and
//! outcome) in the site's one figure: its summary, drawing, table, source,
//! downloads and embed.

use std::sync::Arc;

use kfkl_core::bar::{fits, render_download, render_rows_svg, render_svg, to_csv, BarChart};
use leptos::prelude::*;

use crate::components::figure::{for_screen, part_id, svg_drawing, Downloads, Figure, Place};

/// Drawing size in SVG units; CSS scales the drawing to the column width. On a
/// phone (`figure::for_screen`) the narrow drawing: at a 290 px column its labels
/// render at about 14 px, where the wide one's would be under 11. One whose names
/// or values would meet upright is drawn on its side (`bar::render_rows_svg`).
const WIDTH: u32 = 420;
const NARROW: u32 = 320;
const HEIGHT: u32 = 300;

#[component]
pub fn ChartFigure(chart: BarChart, place: Place) -> impl IntoView {
    // Shared by the drawing and the downloads, not copied for each.
    let chart = Arc::new(chart);
    let key = format!("diagram-{}", chart.id);
    // On a phone upright where its names and values fit side by side, else on its side.
    let upright = fits(&chart, NARROW);
    let svg = {
        let chart = chart.clone();
        Signal::derive(move || {
            let draw = |width| match width {
                NARROW if !upright => render_rows_svg(&chart, NARROW),
                _ => render_svg(&chart, width, HEIGHT),
            };
            for_screen(draw, WIDTH, NARROW)
        })
    };
    let single = chart.series.len() == 1;
    let heads = chart
        .series
        .iter()
        .map(|s| view! { <th scope="col" class="num">{if single && s.name.is_empty() { "Värde".to_string() } else { s.name.clone() }}</th> })
        .collect_view();
    // Series name beside each value in the drawing's legend order; a legend in
    // text, so colour and fill are never the only way to tell series apart.
    let legend = (!single).then(|| {
        let items: Vec<String> = chart
            .series
            .iter()
            .enumerate()
            .map(|(j, s)| {
                format!(
                    "{} ({})",
                    s.name,
                    if j % 2 == 1 { "ofylld stapel" } else { "fylld stapel" }
                )
            })
            .collect();
        view! { <p class="legend">"Staplar: " {items.join(", ")}</p> }.into_any()
    });
    let rows = chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let cells = chart
                .series
                .iter()
                .map(|s| view! { <td class="num">{s.displays.get(i).cloned().unwrap_or_default()}</td> })
                .collect_view();
            view! { <tr><th scope="row">{category.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let table = view! {
        <table class="data-table">
            <caption id=part_id(&key, "tabell")>{format!("{} – tabell", chart.title)}</caption>
            <thead><tr><th scope="col">{chart.category_heading.clone()}</th>{heads}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any();
    let notes = (!chart.notes.is_empty()).then(|| {
        chart
            .notes
            .iter()
            .map(|n| view! { <p class="table-note">{n.clone()}</p> })
            .collect_view()
            .into_any()
    });
    let drawing = svg_drawing(&key, "", svg);
    let (title, summary, source) = (chart.title.clone(), chart.summary.clone(), chart.source_line.clone());
    let downloads = Downloads {
        name: Signal::stored(chart.id.clone()),
        csv: {
            let chart = chart.clone();
            Arc::new(move |flavour| to_csv(&chart, flavour))
        },
        picture: Arc::new(move || Some(render_download(&chart, WIDTH * 2, HEIGHT * 2))),
        has_picture: Signal::stored(true),
    };
    view! {
        <Figure key title summary drawing key_notes=legend table table_notes=notes source downloads=Some(downloads) place/>
    }
}
