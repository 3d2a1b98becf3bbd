//! `/rapport/:ar` (and `/rapport`, the newest): an annual report as a readable
//! document, with a table of contents, deep links, each section's key figures
//! (the index's `nyckeltal`) as cards beside its text, and links to the
//! follow-up of each topic.

use std::sync::Arc;

use kfkl_core::document::Document;
use kfkl_core::model::Dataset;
use kfkl_core::publications::{Kind, Publication};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{self, LoadError};
use crate::base::href;
use crate::components::document::{document_body, scroll_to_hash_when_rendered, toc_view, DocContext, MendsNote};
use crate::components::status::{LoadFailed, Loaded};
use crate::head::{canonical, lead, set_title};
use crate::pages::not_found::NotFound;
use crate::registry::{index, page, shown, NewerNotice};

/// Key-figure files quoted in a report; each figure is shown under its heading.
pub fn figures(report: &Publication) -> &[String] {
    report.nyckeltal.as_deref().unwrap_or_default()
}

#[derive(Clone)]
struct ReportData {
    doc: Arc<Document>,
    figures: Vec<Dataset>,
    /// A figures file that failed: the text is still shown, with this message.
    failed: Option<LoadError>,
}

/// The files are fetched at once; only the document is required.
fn decode(f: &api::Fetched, count: usize) -> Result<ReportData, LoadError> {
    let mut figures = Vec::new();
    let mut failed = None;
    for i in 1..=count {
        match f.decode(i, api::json::<Dataset>) {
            Ok(ds) => figures.push(ds),
            Err(e) => failed = Some(e),
        }
    }
    Ok(ReportData {
        doc: Arc::new(f.decode(0, api::document)?),
        figures,
        failed,
    })
}

/// The report of the address's year, or the newest; another year is not found.
#[component]
pub fn Report() -> impl IntoView {
    let params = use_params_map();
    move || match shown(Kind::Rapport, params.read().get("ar").as_deref()) {
        Some(report) => view! { <ReportPage report/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn ReportPage(report: &'static Publication) -> impl IntoView {
    set_title(&report.titel);
    canonical(page(report));
    let data = api::fetch(move || {
        std::iter::once(report.json())
            .chain(figures(report).iter().map(|id| format!("{id}.json")))
            .collect()
    });
    let render = move |f: &api::Fetched| {
        decode(f, figures(report).len()).map(|data| view! { <ReportContent data report/> }.into_any())
    };
    view! {
        <div class="wrap">
            <h1>{report.titel.clone()}</h1>
            <NewerNotice doc=report/>
            {lead(&format!("Vad Kommunförbundet Kalmar län lovade för {} och vad som blev gjort, verksamhetsområde för verksamhetsområde, med nyckeltalen under sina avsnitt. Texten är berättelsens egen, ord för ord.", report.ar))}
            <Loaded data what="verksamhetsberättelsen" render/>
        </div>
    }
}

#[component]
fn ReportContent(data: ReportData, report: &'static Publication) -> impl IntoView {
    let doc = data.doc.clone();
    let mut cx = DocContext::new(page(report), doc.clone());
    cx.figures = Arc::new(
        data.figures
            .iter()
            .flat_map(|ds| {
                ds.figures
                    .iter()
                    .filter_map(move |f| Some((f.source.anchor.clone()?, f.clone(), ds.cite(&f.source))))
            })
            .collect(),
    );
    Effect::new(move |_| scroll_to_hash_when_rendered());
    let failed = data.failed.map(|error| view! { <LoadFailed error/> });
    view! {
        <p class="source">"Källa: " {format!("{}, {}.", doc.source.publisher, doc.source.title)}</p>
        {followed_up(report)}
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

/// The link to the follow-up that reads this report against a plan, if any.
fn followed_up(report: &Publication) -> Option<impl IntoView> {
    let pairs = index().pairs();
    let newest = pairs.first().map(|p| p.rapport.as_str());
    let pair = pairs.iter().find(|p| p.rapport == report.id)?;
    let plan = index().by_id(&pair.plan)?;
    let path = kfkl_core::followup::pair_path(report.ar, newest == Some(report.id.as_str()));
    Some(view! {
        <p><A href=href(&path)>{format!("Uppföljning: löften och resultat {} bredvid planen för {}", report.ar, plan.ar)}</A></p>
    })
}
