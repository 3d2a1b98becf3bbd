//! `/uppfoljning` and `/uppfoljning/:amne`: for one topic, what a report's
//! year promised, what the report says came of it, and what the plan it is
//! read against promises, side by side, each linked to its place in the
//! documents. The pairs come from the publications index; the newest pair
//! has the short addresses, an older one `/uppfoljning/<report year>/…`.

use std::sync::Arc;

use kfkl_core::bar::bar_chart;
use kfkl_core::document::Document;
use kfkl_core::embed::key_figure_path;
use kfkl_core::followup::{pair_path, topic_file, FollowUpIndex as Pairs, Part, Topic};
use kfkl_core::format::count;
use kfkl_core::publications::Publication;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::base::href;
use crate::components::chart::ChartFigure;
use crate::components::document::{blocks_view, DocContext};
use crate::components::figure::Place;
use crate::components::status::Loaded;
use crate::head::{lead, set_title};
use crate::pages::not_found::NotFound;
use crate::registry::index;

/// A pair by its report's year (`None`: the newest), with its two documents and whether it is the newest.
fn pair_of(year: Option<u16>) -> Option<(&'static Publication, &'static Publication, bool)> {
    let pair = index().pair(year)?;
    let newest = index().pair(None) == Some(pair);
    Some((index().by_id(&pair.rapport)?, index().by_id(&pair.plan)?, newest))
}

#[component]
pub fn FollowUpIndex() -> impl IntoView {
    view! { <PairIndex year=None/> }
}

/// One pair's topics, and the other pairs to choose from.
#[component]
fn PairIndex(year: Option<u16>) -> impl IntoView {
    let Some((report, plan, _)) = pair_of(year) else {
        return view! { <NotFound/> }.into_any();
    };
    set_title(&format!("Uppföljning {}", report.ar));
    let data = api::fetch(|| vec!["uppfoljning.json".into()]);
    let (r, p) = (report.ar, plan.ar);
    view! {
        <div class="wrap">
            <h1>{format!("Uppföljning {r}: löften, resultat och nya löften")}</h1>
            {lead(&format!(
                "För varje ämne som finns i både verksamhetsberättelsen {r} och verksamhetsplanen {p}: vad förbundet lovade för {r}, vad som blev gjort, och vad planen lovar för {p}. Texterna är dokumentens egna, med länkar till sitt sammanhang."
            ))}
            <Loaded data what="ämnena" render=move |f| {
                let pairs: Pairs = f.decode(0, api::json)?;
                let choose = pairs.pairs.len() > 1;
                let (mine, others): (Vec<_>, Vec<_>) = pairs.pairs.into_iter().partition(|x| x.report_year == r);
                let Some(pair) = mine.into_iter().next() else { return Ok(().into_any()) };
                let path = pair.path;
                let items = pair.topics.into_iter().map(|t| view! {
                    <li>
                        <A href=href(&format!("{path}/{}", t.id))>{t.title}</A>
                        <span class="topic-counts">{format!(" – {} {r}, {} {p}", count(t.report_promises as usize, "löfte", "löften"), count(t.plan_promises as usize, "åtagande", "åtaganden"))}</span>
                    </li>
                }).collect_view();
                let others = others.into_iter().map(|x| view! {
                    <li><A href=href(&x.path)>{format!("Verksamhetsberättelse {} bredvid verksamhetsplan {}", x.report_year, x.plan_year)}</A></li>
                }).collect_view();
                let choose = choose.then(|| view! {
                    <nav class="pair-choice" aria-labelledby="andra-uppfoljningar"><h2 id="andra-uppfoljningar">"Andra uppföljningar"</h2><ul>{others}</ul></nav>
                });
                Ok(view! { <ul class="topic-list">{items}</ul>{choose} }.into_any())
            }/>
        </div>
    }
    .into_any()
}

/// `/uppfoljning/:amne` (a topic of the newest pair, or an older pair's index
/// when it is a year) and `/uppfoljning/:ar/:amne`.
#[component]
pub fn FollowUpTopic() -> impl IntoView {
    let params = use_params_map();
    move || {
        let (year, topic) = {
            let p = params.read();
            (p.get("ar"), p.get("amne").unwrap_or_default())
        };
        match (year, topic.parse::<u16>()) {
            (None, Ok(y)) => view! { <PairIndex year=Some(y)/> }.into_any(),
            (None, Err(_)) => view! { <TopicPage year=None topic/> }.into_any(),
            (Some(y), _) => match y.parse::<u16>() {
                Ok(y) => view! { <TopicPage year=Some(y) topic/> }.into_any(),
                Err(_) => view! { <NotFound/> }.into_any(),
            },
        }
    }
}

#[component]
fn TopicPage(year: Option<u16>, topic: String) -> impl IntoView {
    let Some((report, plan, newest)) = pair_of(year) else {
        return view! { <NotFound/> }.into_any();
    };
    let file = topic_file(report.ar, &topic);
    let data = api::fetch(move || vec![file.clone()]);
    let up = pair_path(report.ar, newest);
    view! {
        <div class="wrap">
            <p class="crumbs"><A href=href(&up)>"Uppföljning"</A></p>
            <Loaded data what="ämnet" render=move |f| f.decode(0, api::topic).map(|topic| view! { <TopicView topic report plan/> }.into_any())/>
        </div>
    }
    .into_any()
}

#[component]
fn TopicView(topic: Topic, report: &'static Publication, plan: &'static Publication) -> impl IntoView {
    let (report_path, plan_path) = (crate::registry::page(report), crate::registry::page(plan));
    let (r, p) = (topic.report_year, topic.plan_year);
    set_title(&format!("Uppföljning: {}", topic.title));
    // The result text renders as part of the report: anchors and figures point there.
    let report_doc = Arc::new(Document {
        schema_version: topic.schema_version,
        id: report.id.clone(),
        title: topic.report_source.title.clone(),
        source: topic.report_source.clone(),
        tags: Vec::new(),
        mends: Vec::new(),
        blocks: Vec::new(),
        discrepancies: Vec::new(),
        see_also: Vec::new(),
    });
    let mut cx = DocContext::new(report_path, report_doc);
    cx.figures = Arc::new(
        topic
            .figures
            .figures
            .iter()
            .filter_map(|f| Some((f.source.anchor.clone()?, f.clone(), topic.figures.cite(&f.source))))
            .collect(),
    );
    let charts = topic.figures.charts.iter().map(|def| view! { <ChartFigure chart=bar_chart(&topic.figures, def) place=Place::page(2, key_figure_path(&topic.figures, &def.id))/> }).collect_view();
    let promised_then = topic
        .report
        .iter()
        .map(|part| promises_view(part, report_path, &report.titel))
        .collect_view();
    let promised_now = topic
        .plan
        .iter()
        .map(|part| promises_view(part, plan_path, &plan.titel))
        .collect_view();
    let results = topic
        .report
        .iter()
        .zip(&topic.results)
        .map(|(part, blocks)| {
            let link = href(&format!("{report_path}#{}", part.result_anchor.as_deref().unwrap_or(&part.anchor)));
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
        {lead(&format!("{}: vad förbundet lovade för {r}, vad verksamhetsberättelsen säger om resultatet, och vad verksamhetsplanen lovar för {p}.", topic.title))}
        <div class="charts">{charts}</div>
        <div class="followup-grid">
            <section class="followup-col" aria-labelledby=format!("lofte-{r}")>
                <h2 id=format!("lofte-{r}")>{format!("Löften {r}")}</h2>
                {promised_then}
            </section>
            <section class="followup-col followup-results" aria-labelledby=format!("resultat-{r}") tabindex="0">
                <h2 id=format!("resultat-{r}")>{format!("Resultat {r}")}</h2>
                {results}
            </section>
            <section class="followup-col" aria-labelledby=format!("lofte-{p}")>
                <h2 id=format!("lofte-{p}")>{format!("Löften {p}")}</h2>
                {promised_now}
            </section>
        </div>
        <p class="source">
            "Källor: " {format!("{}, {}; {}, {}.", topic.report_source.publisher, topic.report_source.title, topic.plan_source.publisher, topic.plan_source.title)}
        </p>
    }
}

/// One document section's promises, each linked to its place (and, in the
/// report, to the result sub-heading that reports on it).
fn promises_view(part: &Part, path: &'static str, place: &str) -> impl IntoView {
    let items = part
        .promises
        .iter()
        .map(|p| {
            let result = p
                .result_anchor
                .as_ref()
                .map(|a| view! { " " <a class="result-link" href=href(&format!("{path}#{a}"))>"Resultat"</a> });
            view! {
                <li>
                    <a href=href(&format!("{path}#{}", p.id))>{p.text.clone()}</a>
                    {result}
                </li>
            }
        })
        .collect_view();
    let place = place.to_string();
    view! {
        <h3><a href=href(&format!("{path}#{}", part.anchor))>{part.title.clone()}</a></h3>
        <p class="crumbs">{place}</p>
        <ul class="promises">{items}</ul>
    }
}
