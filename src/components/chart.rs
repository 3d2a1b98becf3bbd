//! One chart, always in four parts: a one-sentence summary, the SVG, the same
//! numbers as a table, and the source line. Embeds use this same component.

use kfkl_core::chart::{render_svg, BarChart};
use kfkl_core::embed::Display;
use leptos::prelude::*;

use crate::components::embed_dialog::EmbedDialog;

/// Drawing size in SVG units; CSS scales the drawing to the column width.
/// Small on purpose: at a phone's 290 px the labels still render at about 12 px.
const WIDTH: u32 = 420;
const HEIGHT: u32 = 300;

#[component]
pub fn ChartFigure(
    chart: BarChart,
    #[prop(optional)] heading_level: u8,
    /// The chart's embed ("/embed/budget-intakter"): a "Bädda in" dialog beside it.
    #[prop(optional)]
    embed: Option<String>,
    /// In an embed: how it shows (its table only when asked).
    #[prop(optional)]
    display: Option<Display>,
) -> impl IntoView {
    // plotters escapes every text it writes into the SVG (tested in kfkl-core),
    // so its output is safe to insert as markup.
    let svg = render_svg(&chart, WIDTH, HEIGHT);
    let title_id = format!("diagram-{}", chart.id);
    let caption_id = format!("tabell-{}", chart.id);
    let table_label = caption_id.clone();
    let summary_id = format!("sammanfattning-{}", chart.id);
    let title = chart.title.clone();
    let hide_title = display.is_some_and(|d| !d.title);
    let hide_table = display.is_some_and(|d| !d.table);
    let dialog = embed.map(|path| {
        let title = chart.title.clone();
        view! { <EmbedDialog key=format!("diagram-{}", chart.id) path=path title=title/> }
    });
    let heading = match heading_level {
        1 => view! { <h1 id=title_id.clone() class:visually-hidden=hide_title>{title}</h1> }.into_any(),
        2 => view! { <h2 id=title_id.clone()>{title}</h2> }.into_any(),
        _ => view! { <h3 id=title_id.clone()>{title}</h3> }.into_any(),
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
            .map(|(j, s)| format!("{} ({})", s.name, if j % 2 == 1 { "ofylld stapel" } else { "fylld stapel" }))
            .collect();
        view! { <p class="legend">"Staplar: " {items.join(", ")}</p> }
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
    let notes = chart.notes.iter().map(|n| view! { <p class="table-note">{n.clone()}</p> }).collect_view();
    view! {
        <figure class="chart" aria-labelledby=title_id.clone()>
            {heading}
            <p class="chart-summary" id=summary_id.clone()>{chart.summary.clone()}</p>
            <div class="chart-svg" role="img" aria-labelledby=format!("{title_id} {summary_id}") inner_html=svg></div>
            {legend}
            // Scrolls sideways on a phone when it must; focusable so keyboards can too.
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby=table_label hidden=hide_table>
                <table class="data-table">
                    <caption id=caption_id>{format!("{} – tabell", chart.title)}</caption>
                    <thead><tr><th scope="col">{chart.category_heading.clone()}</th>{heads}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {notes}
            <figcaption class="source">{chart.source_line.clone()}</figcaption>
            {dialog}
        </figure>
    }
}
