//! A published document rendered block by block: headings with anchors,
//! paragraphs, quotes, lists, commitments and budget tables. The plan, the
//! report and the follow-up all render through here, with the table of
//! contents and the note on mends.

use std::sync::Arc;

use kfkl_core::document::{is_total, Block, Commitment, Document, Heading, Run, Table};
use kfkl_core::format::format_number;
use kfkl_core::model::KeyFigure;
use leptos::prelude::*;

use crate::base::href;
use crate::components::figures::figure_card;

/// Everything a block needs besides itself: where the document lives (for
/// anchor links; see `base.rs` on why they carry the path) and its tags.
#[derive(Clone)]
pub struct DocContext {
    /// "/kfkl/plan/2025": the page path, base included.
    pub path: String,
    pub doc: Arc<Document>,
    /// Key figures shown as cards under the heading they are quoted under:
    /// (heading id, figure, citation).
    pub figures: Arc<Vec<(String, KeyFigure, String)>>,
    /// Added to every heading's level: a section quoted under a page's own
    /// heading keeps its levels in order below it (`quoted_under`).
    pub shift: i8,
}

impl DocContext {
    pub fn new(path: &str, doc: Arc<Document>) -> DocContext {
        DocContext {
            path: href(path),
            doc,
            figures: Arc::new(Vec::new()),
            shift: 0,
        }
    }

    /// For `blocks` quoted under a heading of `level`: their highest heading one level below it.
    pub fn quoted_under(&self, level: u8, blocks: &[Block]) -> DocContext {
        let top = blocks
            .iter()
            .filter_map(|b| if let Block::Heading(h) = b { Some(h.level) } else { None })
            .min();
        DocContext {
            shift: top.map_or(0, |top| level as i8 + 1 - top as i8),
            ..self.clone()
        }
    }

    pub fn anchor(&self, id: &str) -> String {
        format!("{}#{id}", self.path)
    }

    /// The absolute URL, printed under headings and commitments on paper.
    pub fn print_url(&self, id: &str) -> String {
        format!("{}{}", crate::base::origin(), self.anchor(id))
    }
}

/// A whole document's text (the plan's, the report's). While the app takes
/// over its prerendered page, the app does not build this long, static part
/// again: it renders the container empty and the takeover moves the
/// prerendered text in (the same components made it), which spares a phone
/// the longest task of the takeover.
pub fn document_body(blocks: &[Block], cx: &DocContext) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    if crate::takeover::adopt_document(DOCUMENT) {
        return view! { <div class="document" id=DOCUMENT></div> }.into_any();
    }
    // One section per chapter and part (h2, h3): off screen, a section is neither styled nor laid
    // out (style.css, content-visibility), which spares the takeover's relayout.
    let mut chapters: Vec<&[Block]> = Vec::new();
    let mut start = 0;
    for (i, b) in blocks.iter().enumerate() {
        if i > start && matches!(b, Block::Heading(h) if h.level <= 3) {
            chapters.push(&blocks[start..i]);
            start = i;
        }
    }
    chapters.push(&blocks[start..]);
    let sections = chapters
        .into_iter()
        .map(|c| view! { <section class="doc-section">{blocks_view(c, cx)}</section> })
        .collect_view();
    view! { <div class="document" id=DOCUMENT>{sections}</div> }.into_any()
}

/// The id of a document's text.
pub const DOCUMENT: &str = "dokumentet";

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
        .map(|r| {
            if r.em {
                view! { <em>{r.text.clone()}</em> }.into_any()
            } else {
                r.text.clone().into_any()
            }
        })
        .collect_view()
}

fn heading_view(h: &Heading, cx: &DocContext) -> impl IntoView {
    let print_url = cx.print_url(&h.id);
    let inner = h.text.clone();
    let id = h.id.clone();
    // data-url: printed after the heading, so paper copies keep their deep links.
    let heading = match (h.level as i8 + cx.shift).clamp(2, 6) {
        2 => view! { <h2 id=id data-url=print_url.clone()>{inner}</h2> }.into_any(),
        3 => view! { <h3 id=id data-url=print_url.clone()>{inner}</h3> }.into_any(),
        4 => view! { <h4 id=id data-url=print_url.clone()>{inner}</h4> }.into_any(),
        5 => view! { <h5 id=id data-url=print_url.clone()>{inner}</h5> }.into_any(),
        _ => view! { <h6 id=id data-url=print_url.clone()>{inner}</h6> }.into_any(),
    };
    // Under the heading: a button that shares or copies its address (`share.rs`; it works once
    // the app runs, and until then it keeps its place unseen, so nothing shifts; its words are the
    // stylesheet's, so that the page's text is the same before and after the app takes over;
    // without JavaScript the contents list links every section), and on a phone the way back up.
    let share_label = format!("Kopiera länk till avsnittet {}", h.text);
    let share = view! {
        <p class="share">
            <button type="button" class="share-link" data-url=print_url data-title=h.text.clone() aria-label=share_label></button>
            <span class="share-status" role="status"></span>
            {(h.level == 2).then(|| view! { <a class="to-contents" href=format!("{}#innehall", cx.path)>"Till innehållet"</a> })}
        </p>
    };
    let follow_up = cx
        .doc
        .see_also
        .iter()
        .filter(|s| s.heading == h.id)
        .map(|s| {
            view! {
                <p class="see-also">
                    <a href=href(&s.path)>{format!("Uppföljning: {} – {}", s.title, s.what)}</a>
                </p>
            }
        })
        .collect_view();
    let cards: Vec<_> = cx
        .figures
        .iter()
        .filter(|(anchor, _, _)| *anchor == h.id)
        .map(|(_, f, cite)| figure_card(f, cite.clone()))
        .collect();
    let cards = (!cards.is_empty()).then(|| {
        let label = format!("Nyckeltal: {}", h.text);
        view! { <ul class="cards section-figures" aria-label=label>{cards}</ul> }
    });
    view! { {heading} {share} {follow_up} {cards} }
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
        let place = if area == focus {
            area
        } else {
            format!("{area} › {focus}")
        };
        view! { <p class="crumbs">{place}</p> }
    });
    let link = cx.anchor(&commitment.id);
    let print_url = cx.print_url(&commitment.id);
    let body = blocks_view(&commitment.body, &cx);
    view! {
        <div class="commitment" id=commitment.id.clone() data-url=print_url>
            {crumb}
            <p class="commitment-text"><span class="badge">"Åtagande"</span>" " {kfkl_core::format::capitalized(&commitment.text)}</p>
            <ul class="tags" aria-label="Målgrupper">{tags}</ul>
            {body}
            <p class="commitment-link"><a href=link>{if crumbs { "Visa i dokumentet" } else { "Länk till åtagandet" }}</a></p>
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
            let cells = r
                .values
                .iter()
                .map(|v| view! { <td class="num">{format!("{}\u{a0}tkr", format_number(*v))}</td> })
                .collect_view();
            view! { <tr class:total=total><th scope="row">{r.label.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let notes = t
        .note
        .iter()
        .map(|n| view! { <p class="table-note">"Anmärkning: " {n.clone()}</p> })
        .collect_view();
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

/// The table of contents: sections down to fokusområde level.
pub fn toc_view(doc: &Document, cx: &DocContext, label: &'static str) -> impl IntoView {
    let items: Vec<(u8, String, String)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) if h.level <= 3 || (h.level == 4 && h.text != "Resultat") => {
                Some((h.level, h.text.clone(), cx.anchor(&h.id)))
            }
            _ => None,
        })
        .collect();
    view! {
        <nav class="toc" aria-label=label>
            <ul>
                {items.into_iter().map(|(level, text, link)| view! {
                    <li class=format!("toc-{level}")><a href=link>{text}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Says what was changed in the source text, so nothing is mended silently.
#[component]
pub fn MendsNote(doc: Arc<Document>) -> impl IntoView {
    let mends = doc
        .mends
        .iter()
        .map(|m| view! { <li>{format!("”{}” har ändrats till ”{}” ({} ställen). {}", m.from, m.to, m.count, m.why)}</li> })
        .collect_view();
    view! {
        <section class="about-text" aria-labelledby="om-texten">
            <h2 id="om-texten">"Om texten"</h2>
            <p>{format!("Texten är dokumentets text ord för ord, hämtad ur PDF:en ({}). Stycken som delades av sidbrytningar har fogats ihop. Dessutom har följande rättats:", doc.source.title)}</p>
            <ul>{mends}</ul>
        </section>
    }
}

/// Scrolls to the element the URL's fragment names once it has rendered: a
/// deep link reached inside the app. Not while the app takes over the
/// prerendered page (the effects of its views run before the swap): the
/// browser scrolled there already, and the reader may have scrolled on.
pub fn scroll_to_hash_when_rendered() {
    #[cfg(target_arch = "wasm32")]
    if crate::takeover::in_progress() {
        return;
    }
    request_animation_frame(scroll_to_hash);
}

fn scroll_to_hash() {
    let Some(window) = web_sys::window() else { return };
    let hash = window.location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    if let Some(el) = window.document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
}
