//! `/rapport/2023`: the annual report as a readable document, with a table of
//! contents, deep links, each section's key figures as cards beside its text,
//! and links to the follow-up of each topic.

use std::sync::Arc;

use kfkl_core::document::Document;
use kfkl_core::model::Dataset;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, LoadError};
use crate::base::href;
use crate::head::{lead, set_title};
use crate::components::document::{document_body, scroll_to_hash_when_rendered, toc_view, DocContext, MendsNote};
use crate::components::status::{LoadFailed, Loaded};

const PATH: &str = "/rapport/2023";
/// Key figures quoted in the report; each is shown under its heading.
pub const FIGURES: [&str; 2] = ["rapport-2023-nyckeltal", "av-media-2023"];

#[derive(Clone)]
struct ReportData {
    doc: Arc<Document>,
    figures: Vec<Dataset>,
    /// A figures file that failed: the text is still shown, with this message.
    failed: Option<LoadError>,
}

/// The three files are fetched at once; only the document is required.
fn decode(f: &api::Fetched) -> Result<ReportData, LoadError> {
    let mut figures = Vec::new();
    let mut failed = None;
    for i in 1..=FIGURES.len() {
        match f.decode(i, api::json::<Dataset>) {
            Ok(ds) => figures.push(ds),
            Err(e) => failed = Some(e),
        }
    }
    Ok(ReportData { doc: Arc::new(f.decode(0, api::document)?), figures, failed })
}

#[component]
pub fn Report() -> impl IntoView {
    set_title("Verksamhetsberättelse 2023");
    let data = api::fetch(|| {
        let mut files = vec!["rapport-2023.json".to_string()];
        files.extend(FIGURES.map(|id| format!("{id}.json")));
        files
    });
    view! {
        <div class="wrap">
            <h1>"Verksamhetsberättelse 2023"</h1>
            {lead("Vad Kommunförbundet Kalmar län lovade för 2023 och vad som blev gjort, verksamhetsområde för verksamhetsområde, med nyckeltalen under sina avsnitt. Texten är berättelsens egen, ord för ord.")}
            <Loaded data what="verksamhetsberättelsen" render=|f| decode(f).map(|data| view! { <ReportContent data/> }.into_any())/>
        </div>
    }
}

#[component]
fn ReportContent(data: ReportData) -> impl IntoView {
    let doc = data.doc.clone();
    let mut cx = DocContext::new(PATH, doc.clone());
    cx.figures = Arc::new(
        data.figures
            .iter()
            .flat_map(|ds| ds.figures.iter().filter_map(move |f| Some((f.source.anchor.clone()?, f.clone(), ds.cite(&f.source)))))
            .collect(),
    );
    Effect::new(move |_| scroll_to_hash_when_rendered());
    let failed = data.failed.map(|error| view! { <LoadFailed error/> });
    view! {
        <p class="source">"Källa: " {format!("{}, {}.", doc.source.publisher, doc.source.title)}</p>
        <p>
            <A href=href("/uppfoljning")>"Uppföljning: löften och resultat 2023 bredvid planen för 2025"</A>
        </p>
        <div class="doc-layout">
            <aside class="toc-wide" aria-label="Innehåll">{toc_view(&doc, &cx, "Innehåll i verksamhetsberättelsen")}</aside>
            <div class="doc-main">
                <details class="toc-narrow" id="innehall">
                    <summary>"Innehåll"</summary>
                    {toc_view(&doc, &cx, "Innehåll i verksamhetsberättelsen")}
                </details>
                {failed}
                {document_body(&doc.blocks, &cx)}
                <MendsNote doc=doc.clone()/>
            </div>
        </div>
    }
}
