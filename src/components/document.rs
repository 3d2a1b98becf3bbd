//! A published document rendered block by block: headings with anchors,
//! paragraphs, quotes, lists, commitments and budget tables. The plan uses it
//! now; the report will use the same renderer.

use kfkl_core::document::{is_total, Block, Commitment, Document, Heading, Run, Table};
use kfkl_core::format::format_number;
use leptos::prelude::*;

/// Everything a block needs besides itself: where the document lives (for
/// anchor links; see `base.rs` on why they carry the path) and its tags.
#[derive(Clone)]
pub struct DocContext {
    /// "/kfkl/plan/2025": the page path, base included.
    pub path: String,
    pub doc: std::sync::Arc<Document>,
}

impl DocContext {
    pub fn anchor(&self, id: &str) -> String {
        format!("{}#{id}", self.path)
    }

    /// The absolute URL, printed under headings and commitments on paper.
    pub fn print_url(&self, id: &str) -> String {
        let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
        format!("{origin}{}", self.anchor(id))
    }
}

pub fn blocks_view(blocks: &[Block], cx: &DocContext) -> impl IntoView {
    blocks.iter().map(|b| block_view(b, cx)).collect_view()
}

fn block_view(block: &Block, cx: &DocContext) -> AnyView {
    match block {
        Block::Heading(h) => heading_view(h, cx).into_any(),
        Block::Paragraph { runs } => view! { <p>{runs_view(runs)}</p> }.into_any(),
        Block::Quote { runs } => view! { <blockquote class="vision"><p>{runs_view(runs)}</p></blockquote> }.into_any(),
        Block::List { items } => {
            let items = items.iter().map(|r| view! { <li>{runs_view(r)}</li> }).collect_view();
            view! { <ul>{items}</ul> }.into_any()
        }
        Block::Commitment(c) => view! { <CommitmentView commitment=c.clone() cx=cx.clone() crumbs=false/> }.into_any(),
        Block::Table(t) => table_view(t, cx).into_any(),
    }
}

pub fn runs_view(runs: &[Run]) -> impl IntoView {
    runs.iter()
        .map(|r| if r.em { view! { <em>{r.text.clone()}</em> }.into_any() } else { r.text.clone().into_any() })
        .collect_view()
}

fn heading_view(h: &Heading, cx: &DocContext) -> impl IntoView {
    let link = cx.anchor(&h.id);
    let print_url = cx.print_url(&h.id);
    let label = format!("Länk till avsnittet {}", h.text);
    let inner = view! {
        {h.text.clone()}
        " "
        <a class="anchor" href=link aria-label=label>"#"</a>
    };
    let id = h.id.clone();
    // data-url: printed after the heading, so paper copies keep their deep links.
    match h.level {
        2 => view! { <h2 id=id data-url=print_url>{inner}</h2> }.into_any(),
        3 => view! { <h3 id=id data-url=print_url>{inner}</h3> }.into_any(),
        4 => view! { <h4 id=id data-url=print_url>{inner}</h4> }.into_any(),
        _ => view! { <h5 id=id data-url=print_url>{inner}</h5> }.into_any(),
    }
}

/// A commitment: visibly marked, with its target groups, its explanation and a
/// link of its own. With `crumbs` (in filtered lists) it also says where it stands.
#[component]
pub fn CommitmentView(commitment: Commitment, cx: DocContext, crumbs: bool) -> impl IntoView {
    let tags = commitment
        .tags
        .iter()
        .map(|t| view! { <li>{cx.doc.tag_label(t).unwrap_or(t).to_string()}</li> })
        .collect_view();
    let heading_text = |id: &str| cx.doc.heading(id).map(|h| h.text.clone()).unwrap_or_default();
    let crumb = crumbs.then(|| {
        let area = heading_text(&commitment.area);
        let focus = heading_text(&commitment.focus);
        let place = if area == focus { area } else { format!("{area} › {focus}") };
        view! { <p class="crumbs">{place}</p> }
    });
    let link = cx.anchor(&commitment.id);
    let print_url = cx.print_url(&commitment.id);
    let body = blocks_view(&commitment.body, &cx);
    view! {
        <div class="commitment" id=commitment.id.clone() data-url=print_url>
            {crumb}
            <p class="commitment-text"><span class="badge">"Åtagande"</span>" " {commitment.text.clone()}</p>
            <ul class="tags" aria-label="Målgrupper">{tags}</ul>
            {body}
            <p class="commitment-link"><a href=link>{if crumbs { "Visa i planen" } else { "Länk till åtagandet" }}</a></p>
        </div>
    }
}

pub fn table_view(t: &Table, cx: &DocContext) -> impl IntoView {
    let single = t.columns.len() == 1 && t.columns[0].is_empty();
    let heads = t
        .columns
        .iter()
        .map(|c| {
            let name = if single { "Belopp".to_string() } else { c.clone() };
            view! { <th scope="col" class="num">{name}</th> }
        })
        .collect_view();
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let total = is_total(&r.label);
            let cells = r.values.iter().map(|v| view! { <td class="num">{format!("{}\u{a0}tkr", format_number(*v))}</td> }).collect_view();
            view! { <tr class:total=total><th scope="row">{r.label.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let notes = t.note.iter().map(|n| view! { <p class="table-note">"Anmärkning: " {n.clone()}</p> }).collect_view();
    let discrepancies = cx
        .doc
        .discrepancies
        .iter()
        .filter(|d| d.table == t.id)
        .map(|d| view! { <p class="table-note">"Summan stämmer inte: " {d.note.clone()}</p> })
        .collect_view();
    let caption_id = format!("{}-rubrik", t.id);
    let labelled_by = caption_id.clone();
    // A focusable, labelled region: on a phone a wide table scrolls sideways,
    // and keyboard users must be able to scroll it too.
    view! {
        <div class="table-wrap" id=t.id.clone() role="region" tabindex="0" aria-labelledby=labelled_by>
            <table class="data-table budget">
                <caption id=caption_id>{t.caption.clone()}</caption>
                <thead><tr><th scope="col">"Post"</th>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {notes}
            {discrepancies}
        </div>
    }
}
