//! The report of one municipality under its heading (`/kommun/<slug>`): a
//! section per survey with its overview table and cards, what the documents
//! say of the municipality, the county-wide figures, downloads and method.

use std::sync::Arc;

use kfkl_core::compare::versus_county;
use kfkl_core::kommunrapport::{
    card_query, change_number, overview_cell, overview_mixed, overview_notes, respondents_text, KeyIndicator,
    Kommunrapport, Reading, SurveyPart,
};
use kfkl_core::model::Status;
use kfkl_core::publications::Kind;
use kfkl_core::stats::{beside_county, COUNTY_NAME};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;
use crate::components::figure::Place;
use crate::components::report_card::indicator_card;
use crate::components::statfigure::ExampleBanner;
use crate::head::describe;
use crate::registry::latest;

/// A link within the report's page: with `<base>`, a bare "#x" would lead to the site's root.
fn here(slug: &str, fragment: &str) -> String {
    href(&format!("/kommun/{slug}#{fragment}"))
}

/// The way back to the contents, at the end of every section.
fn back_up(slug: &str) -> impl IntoView {
    view! { <p class="back-up"><a href=here(slug, "innehall")>"Till innehållet"</a></p> }
}

/// The report under its heading: actions, banner, contents, one section per
/// survey and per document, then the county-wide figures, the downloads and
/// how the comparisons are made.
pub(super) fn report(r: Arc<Kommunrapport>) -> impl IntoView {
    let rounds: Vec<String> = r
        .surveys
        .iter()
        .filter(|s| s.absent.is_none())
        .map(|s| s.rounds.clone())
        .collect();
    describe(&format!("Kommunrapport för {}: {}.", r.name, rounds.join(", ")));
    let example = r.status == Status::Exempeldata;
    let real = r.real_sentence();
    let surveys = r.surveys.iter().map(|s| survey_part(&r, s)).collect_view();
    let documents = documents(&r);
    let contents = contents(&r, &documents);
    let documents = documents.into_iter().map(|(_, _, section)| section).collect_view();
    let (slug, name) = (r.slug.clone(), r.name.clone());
    let xlsx = href(&format!("/data/kommun-{slug}.xlsx"));
    view! {
        <p class="report-data">{format!("Uppgifterna: {}.", rounds.join(" · "))}</p>
        <p class="report-actions">
            <button type="button" class="print-button" disabled=crate::PRERENDERING on:click=|_| { let _ = window().print(); }>"Skriv ut / spara som PDF"</button>
            <noscript><span class="no-js-note">" Skriv ut med webbläsarens utskrift (Ctrl+P)."</span></noscript>
            <a class="download-all" href=xlsx download=format!("{slug}-kommunrapport.xlsx")>{format!("Ladda ner alla uppgifter för {name}")}</a>
        </p>
        {example.then(|| view! { <ExampleBanner scope=real.clone().unwrap_or_else(|| "Inga av siffrorna här är verkliga.".to_string())/> })}
        <nav class="report-contents" aria-labelledby="innehall">
            <h2 id="innehall" tabindex="-1">"Innehåll"</h2>
            <ul>{contents}</ul>
        </nav>
        {surveys}
        {documents}
        {county_wide(&r)}
        {downloads(&r)}
        {how_compared(&r)}
    }
}

/// The contents: each survey, each document that names the municipality, then the rest.
fn contents(r: &Kommunrapport, documents: &[(String, String, AnyView)]) -> impl IntoView {
    let mut contents: Vec<(String, String)> = r
        .surveys
        .iter()
        .map(|s| (format!("del-{}", s.id), s.title.clone()))
        .collect();
    contents.extend(documents.iter().map(|(id, title, _)| (id.clone(), title.clone())));
    contents.push(("hela-lanet".into(), "AV-Media i hela länet".into()));
    contents.push(("ladda-ner".into(), "Ladda ner uppgifterna".into()));
    contents.push(("om-jamforelser".into(), "Så jämförs kommunen".into()));
    let slug = r.slug.clone();
    contents
        .into_iter()
        .map(|(id, title)| view! { <li><a href=here(&slug, &id)>{title}</a></li> })
        .collect_view()
}

/// What the documents state for the whole county, never the municipality's own figure.
fn county_wide(r: &Kommunrapport) -> impl IntoView {
    let cards = r
        .county_wide
        .iter()
        .map(|c| {
            view! {
                <li class="card">
                    <p class="card-value">{c.value.clone()}</p>
                    <p class="card-label">{c.label.clone()}</p>
                    <p class="county-wide-note">{format!("Gäller hela länet, inte {} för sig.", r.name)}</p>
                    <blockquote>{format!("”{}”", c.quote)}</blockquote>
                    <p class="source">{format!("Källa: {}.", c.source)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="report-section" aria-labelledby="hela-lanet">
            <h2 id="hela-lanet">"AV-Media i hela länet"</h2>
            <ul class="cards">{cards}</ul>
            {back_up(&r.slug)}
        </section>
    }
}

/// Every value the report shows, as a workbook and as CSV.
fn downloads(r: &Kommunrapport) -> impl IntoView {
    let (slug, name) = (&r.slug, &r.name);
    let (csv, xlsx) = (
        href(&format!("/data/kommun-{slug}.csv")),
        href(&format!("/data/kommun-{slug}.xlsx")),
    );
    view! {
        <section class="report-section report-downloads" aria-labelledby="ladda-ner">
            <h2 id="ladda-ner">"Ladda ner uppgifterna"</h2>
            <p>{format!("Alla värden som rapporten visar för {name}, länet och riket, varje år, med källa och uppgift om exempeldata eller verklig uppgift på varje rad.")}</p>
            <ul class="download-links">
                <li><a href=xlsx download=format!("{slug}-kommunrapport.xlsx")>{format!("Excel-arbetsbok för {name}")}</a>" (.xlsx, ett blad per undersökning)"</li>
                <li><a href=csv download=format!("{slug}-kommunrapport.csv")>{format!("CSV-fil för {name}")}</a>" (semikolon och decimalkomma, som Excel på svenska vill ha)"</li>
            </ul>
            {back_up(slug)}
        </section>
    }
}

/// How the municipality is compared with the county, and why not with the nation.
fn how_compared(r: &Kommunrapport) -> impl IntoView {
    view! {
        <section class="report-section" aria-labelledby="om-jamforelser">
            <h2 id="om-jamforelser">"Så jämförs kommunen"</h2>
            <p>{format!(
                "”Högre än länet” eller ”lägre än länet” står bara där skillnaden är större än vad slumpen kan förklara, med hänsyn till hur många som svarat. {} jämförs då med resten av länet, utan kommunens egna svar. Annars står det ”ingen säker skillnad”. Där antalet svarande inte är känt görs ingen jämförelse: så är det för riket, vars antal svarande inte publiceras, och för grupper med för få svarande.",
                r.name
            )}</p>
            <p class="card-link"><A href=href("/om-data#jamforelser")>"Mer om hur jämförelserna görs"</A></p>
            {back_up(&r.slug)}
        </section>
    }
}

fn survey_part(r: &Kommunrapport, s: &SurveyPart) -> impl IntoView {
    let name = r.name.as_str();
    let (id, labelled) = (format!("del-{}", s.id), format!("del-{}", s.id));
    let nothing = s.indicators.iter().all(|k| k.latest.is_none());
    let cards = s
        .indicators
        .iter()
        .map(|k| {
            indicator_card(
                r,
                s,
                k,
                Place::page(3, format!("/embed/kommun-{}{}", r.slug, card_query(k))),
            )
        })
        .collect_view();
    let sources = s.sources.join("; ");
    let others = if s.has_nation { "länet och riket" } else { "länet" };
    if let Some(sentence) = &s.absent {
        // Not taking part: one clear sentence, the county and the nation in the explorer.
        return view! {
            <section class="report-section" aria-labelledby=labelled>
                <h2 id=id>{s.title.clone()}</h2>
                <p class="notice">{sentence.clone()}</p>
                <p class="source">{format!("Källa: {sources}.")}</p>
                <p class="card-link"><A href=href(&s.route)>{format!("Länets och rikets resultat i statistikverktyget för {}", s.title)}</A></p>
                {back_up(&r.slug)}
            </section>
        }
        .into_any();
    }
    view! {
        <section class="report-section" aria-labelledby=labelled>
            <h2 id=id>{s.title.clone()}</h2>
            <p class="muted">{s.rounds.clone()}</p>
            {nothing.then(|| view! { <p class="notice">{format!("Det finns inga uppgifter för {name} i {}. Kommunen visas med {others} i statistikverktyget.", s.title)}</p> })}
            {overview(r, s)}
            <div class="indicator-cards">{cards}</div>
            <p class="source">{format!("Källa: {sources}.")}</p>
            <p class="card-link"><A href=href(&s.route)>{format!("Alla indikatorer i statistikverktyget för {}", s.title)}</A></p>
            {s.indicators.first().map(|k| view! {
                <p class="card-link"><A href=href(&k.map)>{format!("Länets alla kommuner på karta: {}, {}", k.label, k.grade)}</A></p>
            })}
            {back_up(&r.slug)}
        </section>
    }
    .into_any()
}

/// Every card of a survey in one table: the latest round of each indicator
/// and grade for the municipality, the county and (where the survey has it)
/// the nation, and the verdict. On paper it stands for the cards' own tables.
fn overview(r: &Kommunrapport, s: &SurveyPart) -> impl IntoView {
    let own = beside_county(&r.name);
    let (id, labelled) = (format!("oversikt-{}", s.id), format!("oversikt-{}", s.id));
    let mixed = overview_mixed(s);
    let cell = move |x: &Option<Reading>, k: &KeyIndicator| overview_cell(x, k.unit, mixed);
    let rows = s
        .indicators
        .iter()
        .map(|k| {
            // The column's heading says "than the county": the explorer table's words.
            let verdict = versus_county(Some(k.vs_county.difference()));
            view! {
                <tr>
                    <th scope="row">{format!("{}, {}", k.label, k.grade)}</th>
                    <td class="num">{k.latest.as_ref().map(|x| x.year.to_string()).or(k.county.as_ref().map(|x| x.year.to_string())).unwrap_or_default()}</td>
                    <td class="num">{cell(&k.latest, k)}</td>
                    <td class="num">{respondents_text(&k.latest)}</td>
                    <td class="num">{cell(&k.county, k)}</td>
                    {s.has_nation.then(|| view! { <td class="num">{cell(&k.nation, k)}</td> })}
                    <td class="num">{change_number(k).unwrap_or_else(|| "–".into())}</td>
                    <td>{verdict}</td>
                </tr>
            }
        })
        .collect_view();
    let notes = overview_notes(s);
    view! {
        <div class="table-wrap overview" role="region" tabindex="0" aria-labelledby=labelled>
            <table class="data-table overview-table">
                <caption id=id>{format!("{} i korthet: senaste omgången", s.title)}</caption>
                <thead><tr>
                    <th scope="col">"Indikator"</th>
                    <th scope="col" class="num">"År"</th>
                    <th scope="col" class="num">{own}</th>
                    <th scope="col" class="num">"(n)"</th>
                    <th scope="col" class="num">{COUNTY_NAME}</th>
                    {s.has_nation.then(|| view! { <th scope="col" class="num">"Riket"</th> })}
                    <th scope="col" class="num">"Förändring"<span class="visually-hidden">" sedan förra omgången"</span></th>
                    <th scope="col">{format!("{} jämfört med länet", r.name)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(!notes.is_empty()).then(|| view! { <p class="table-note">{notes.join(" ")}</p> })}
    }
}

/// One section per document that names the municipality, in the documents'
/// order: (its id, its title for the contents, the section).
fn documents(r: &Kommunrapport) -> Vec<(String, String, AnyView)> {
    let mut names: Vec<&str> = Vec::new();
    for p in &r.passages {
        if !names.contains(&p.document.as_str()) {
            names.push(&p.document);
        }
    }
    if names.is_empty() {
        let none = view! {
            <section class="report-section passages" aria-labelledby="dokumenten">
                <h2 id="dokumenten">{format!("Vad dokumenten säger om {}", r.name)}</h2>
                <p>{format!(
                    "Varken {} {} eller {} {} nämner {} vid namn.",
                    Kind::Plan.definite(),
                    latest(Kind::Plan).ar,
                    Kind::Rapport.definite(),
                    latest(Kind::Rapport).ar,
                    r.name
                )}</p>
                {back_up(&r.slug)}
            </section>
        };
        return vec![("dokumenten".into(), "Vad dokumenten säger".into(), none.into_any())];
    }
    names
        .into_iter()
        .enumerate()
        .map(|(i, document)| {
            let id = format!("dokument-{}", i + 1);
            let items = r
                .passages
                .iter()
                .filter(|p| p.document == document)
                .map(|p| {
                    view! {
                        <li>
                            <p class="crumbs">{p.section.clone()}</p>
                            <p class="passage-text">{p.text.clone()}</p>
                            <p class="card-link"><a href=href(&p.link)>{format!("Läs i {}", p.document)}</a></p>
                        </li>
                    }
                })
                .collect_view();
            let section = view! {
                <section class="report-section passages" aria-labelledby=id.clone()>
                    <h2 id=id.clone()>{format!("{document} om {}", r.name)}</h2>
                    <p class="muted">"Stycken som nämner kommunen vid namn."</p>
                    <ul class="passage-list">{items}</ul>
                    {back_up(&r.slug)}
                </section>
            };
            (id, document.to_string(), section.into_any())
        })
        .collect()
}
