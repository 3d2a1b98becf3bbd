//! `/uppfoljning` and `/uppfoljning/:amne`: for one topic, what was promised
//! for 2023, what the report says came of it, and what the plan promises for
//! 2025, side by side, each linked to its place in the documents.

use std::sync::Arc;

use kfkl_core::chart::bar_chart;
use kfkl_core::embed::key_figure_path;
use kfkl_core::document::Document;
use kfkl_core::followup::{Part, Topic};
use kfkl_core::format::count;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::base::href;
use crate::head::{lead, set_title};
use crate::components::chart::ChartFigure;
use crate::components::figure::Place;
use crate::components::document::{blocks_view, DocContext};
use crate::components::status::Loaded;

const REPORT: &str = "/rapport/2023";
const PLAN: &str = "/plan/2025";

#[component]
pub fn FollowUpIndex() -> impl IntoView {
    set_title("Uppföljning");
    let data = api::fetch(|| vec!["uppfoljning.json".into()]);
    view! {
        <div class="wrap">
            <h1>"Uppföljning: löften, resultat och nya löften"</h1>
            {lead(concat!(
                "För varje ämne som finns i både verksamhetsberättelsen 2023 och verksamhetsplanen 2025: ",
                "vad förbundet lovade för 2023, vad som blev gjort, och vad planen lovar för 2025. ",
                "Texterna är dokumentens egna, med länkar till sitt sammanhang."
            ))}
            <Loaded data what="ämnena" render=|f| {
                let index: kfkl_core::followup::FollowUpIndex = f.decode(0, api::json)?;
                let items = index.topics.into_iter().map(|t| view! {
                    <li>
                        <A href=href(&format!("/uppfoljning/{}", t.id))>{t.title}</A>
                        <span class="topic-counts">{format!(" – {} 2023, {} 2025", count(t.promised_2023 as usize, "löfte", "löften"), count(t.promised_2025 as usize, "åtagande", "åtaganden"))}</span>
                    </li>
                }).collect_view();
                Ok(view! { <ul class="topic-list">{items}</ul> }.into_any())
            }/>
        </div>
    }
}

#[component]
pub fn FollowUpTopic() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("amne").unwrap_or_default();
    let data = api::fetch(move || vec![format!("uppfoljning-{}.json", id())]);
    view! {
        <div class="wrap">
            <p class="crumbs"><A href=href("/uppfoljning")>"Uppföljning"</A></p>
            <Loaded data what="ämnet" render=|f| f.decode(0, api::topic).map(|topic| view! { <TopicView topic/> }.into_any())/>
        </div>
    }
}

#[component]
fn TopicView(topic: Topic) -> impl IntoView {
    set_title(&format!("Uppföljning: {}", topic.title));
    // The result text renders as part of the report: anchors and figures point there.
    let report_doc = Arc::new(Document {
        schema_version: topic.schema_version,
        id: "rapport-2023".into(),
        title: topic.report_source.title.clone(),
        source: topic.report_source.clone(),
        tags: Vec::new(),
        mends: Vec::new(),
        blocks: Vec::new(),
        discrepancies: Vec::new(),
        see_also: Vec::new(),
    });
    let mut cx = DocContext::new(REPORT, report_doc);
    cx.figures = Arc::new(
        topic.figures.figures.iter().filter_map(|f| Some((f.source.anchor.clone()?, f.clone(), topic.figures.cite(&f.source)))).collect(),
    );
    let charts = topic.figures.charts.iter().map(|def| view! { <ChartFigure chart=bar_chart(&topic.figures, def) place=Place::page(2, key_figure_path(&topic.figures, &def.id))/> }).collect_view();
    let promised_2023 = topic.report.iter().map(|p| promises_view(p, REPORT, true)).collect_view();
    let promised_2025 = topic.plan.iter().map(|p| promises_view(p, PLAN, false)).collect_view();
    let results = topic
        .report
        .iter()
        .zip(&topic.results)
        .map(|(part, blocks)| {
            let link = href(&format!("{REPORT}#{}", part.result_anchor.as_deref().unwrap_or(&part.anchor)));
            view! {
                <section class="result-part">
                    <h3><a href=link>{part.title.clone()}</a></h3>
                    {if blocks.is_empty() { Some(view! { <p>"Verksamhetsberättelsen har inget resultatavsnitt för detta fokusområde."</p> }) } else { None }}
                    <div class="document">{blocks_view(blocks, &cx.quoted_under(3, blocks))}</div>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1>{format!("Uppföljning: {}", topic.title)}</h1>
        {lead(&format!("{}: vad förbundet lovade för 2023, vad verksamhetsberättelsen säger om resultatet, och vad verksamhetsplanen lovar för 2025.", topic.title))}
        <div class="charts">{charts}</div>
        <div class="followup-grid">
            <section class="followup-col" aria-labelledby="lofte-2023">
                <h2 id="lofte-2023">"Löften 2023"</h2>
                {promised_2023}
            </section>
            <section class="followup-col followup-results" aria-labelledby="resultat-2023" tabindex="0">
                <h2 id="resultat-2023">"Resultat 2023"</h2>
                {results}
            </section>
            <section class="followup-col" aria-labelledby="lofte-2025">
                <h2 id="lofte-2025">"Löften 2025"</h2>
                {promised_2025}
            </section>
        </div>
        <p class="source">
            "Källor: " {format!("{}, {}; {}, {}.", topic.report_source.publisher, topic.report_source.title, topic.plan_source.publisher, topic.plan_source.title)}
        </p>
    }
}

/// One document section's promises, each linked to its place (and, in the
/// report, to the result sub-heading that reports on it).
fn promises_view(part: &Part, path: &'static str, report: bool) -> impl IntoView {
    let items = part
        .promises
        .iter()
        .map(|p| {
            let result = p.result_anchor.as_ref().map(|a| view! { " " <a class="result-link" href=href(&format!("{path}#{a}"))>"Resultat"</a> });
            view! {
                <li>
                    <a href=href(&format!("{path}#{}", p.id))>{p.text.clone()}</a>
                    {result}
                </li>
            }
        })
        .collect_view();
    let place = if report { "Verksamhetsberättelse 2023" } else { "Verksamhetsplan 2025" };
    view! {
        <h3><a href=href(&format!("{path}#{}", part.anchor))>{part.title.clone()}</a></h3>
        <p class="crumbs">{place}</p>
        <ul class="promises">{items}</ul>
    }
}
