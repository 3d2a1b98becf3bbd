//! One chart, always in four parts: a one-sentence summary, the SVG, the same
//! numbers as a table, and the source line. Embeds use this same component.

use kfkl_core::chart::{render_svg, BarChart};
use kfkl_core::model::ChartKind;
use leptos::prelude::*;

/// Drawing size in SVG units; CSS scales the drawing to the column width.
/// Small on purpose: at a phone's 290 px the labels still render at about 12 px.
const WIDTH: u32 = 420;
const HEIGHT: u32 = 300;

#[component]
pub fn ChartFigure(chart: BarChart, #[prop(optional)] heading_level: u8) -> impl IntoView {
    // plotters escapes every text it writes into the SVG (tested in kfkl-core),
    // so its output is safe to insert as markup.
    let svg = render_svg(&chart, WIDTH, HEIGHT);
    let title_id = format!("diagram-{}", chart.id);
    let summary_id = format!("sammanfattning-{}", chart.id);
    let category = match chart.kind {
        ChartKind::Change => "År",
        ChartKind::GoalOutcome => "Avser",
    };
    let title = chart.title.clone();
    let heading = match heading_level {
        1 => view! { <h1 id=title_id.clone()>{title}</h1> }.into_any(),
        2 => view! { <h2 id=title_id.clone()>{title}</h2> }.into_any(),
        _ => view! { <h3 id=title_id.clone()>{title}</h3> }.into_any(),
    };
    let rows = chart
        .bars
        .iter()
        .map(|bar| view! { <tr><th scope="row">{bar.label.clone()}</th><td class="num">{bar.display.clone()}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart" aria-labelledby=title_id.clone()>
            {heading}
            <p class="chart-summary" id=summary_id.clone()>{chart.summary.clone()}</p>
            <div class="chart-svg" role="img" aria-labelledby=format!("{title_id} {summary_id}") inner_html=svg></div>
            <table class="data-table">
                <caption>{format!("{} – tabell", chart.title)}</caption>
                <thead><tr><th scope="col">{category}</th><th scope="col" class="num">"Värde"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <figcaption class="source">{chart.source_line.clone()}</figcaption>
        </figure>
    }
}
