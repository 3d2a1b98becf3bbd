//! `/kommun`: the county's municipalities on a map and in a list.
//! `/kommun/:kommun` (by name, "kalmar", or by code, "0880"): the
//! municipality's report: its key indicators against the county and the
//! nation with honest wording, what the plan and the report say about it,
//! and a print layout of a few A4 pages.

use std::sync::Arc;

use kfkl_core::kommunrapport::{card_query, change_number, KeyIndicator, Kommunrapport, Reading, SurveyPart};
use kfkl_core::map::CountyMap;
use kfkl_core::mapchart::Fill;
use kfkl_core::model::{Areas, Municipality, Status};
use kfkl_core::stats::{beside_county, StatUnit, COUNTY_NAME};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::base::href;
use crate::components::countymap::county_map;
use crate::components::figure::Place;
use crate::components::municipalities::municipality_links;
use crate::components::report_card::{indicator_card, respondents, value};
use crate::components::statfigure::ExampleBanner;
use crate::components::status::Loaded;
use crate::head::{canonical, describe, lead, no_index, set_title};
use crate::registry::latest;
use kfkl_core::compare::versus_county;
use kfkl_core::publications::Kind;

#[component]
pub fn KommunIndex() -> impl IntoView {
    set_title("Länets kommuner");
    let data = api::fetch(|| vec!["kommuner-karta.json".into()]);
    let render = |f: &api::Fetched| {
        let map: CountyMap = f.decode(0, api::json)?;
        let fills = vec![Fill::Plain; map.shapes.len()];
        let labels = map.shapes.iter().map(|s| vec![s.name.clone()]).collect();
        let list = municipality_links(map.shapes.iter().map(|s| (s.slug.as_str(), s.name.as_str())));
        Ok(view! {
            <div class="county-layout">
                <figure class="chart map-figure">
                    {county_map(&map, fills, labels, Vec::new(), true, "Karta över Kalmar län med länets tolv kommuner. Varje kommun är en länk till kommunens rapport.".into())}
                    <figcaption class="source">{format!("Källa: {}.", map.source)}</figcaption>
                </figure>
                <nav aria-label="Kommunerna i Kalmar län">
                    <h2>"Kommunerna"</h2>
                    <ul class="municipality-list">{list}</ul>
                </nav>
            </div>
        }
        .into_any())
    };
    view! {
        <div class="wrap">
            <h1>"Länets kommuner"</h1>
            {lead("Kalmar läns tolv kommuner. Välj en kommun på kartan eller i listan för kommunens rapport: ungas levnadsvillkor och vanor jämförda med länet och riket, och vad förbundets plan och verksamhetsberättelse säger om kommunen.")}
            <Loaded data what="kartan" render/>
        </div>
    }
}

#[component]
pub fn Kommun() -> impl IntoView {
    let params = use_params_map();
    let key = move || params.read().get("kommun").unwrap_or_default();
    let data = api::fetch(|| vec!["areas.json".into()]);
    let render = move |f: &api::Fetched| {
        let key = key();
        let areas: Areas = f.decode(0, api::json)?;
        Ok(match areas.find(&key).cloned() {
            Some(m) => {
                set_title(&format!("{} kommun – kommunrapport", m.name));
                // By code or by name it is one page; search engines list it by name.
                canonical(&format!("/kommun/{}", m.slug));
                view! { <Report m/> }.into_any()
            }
            None => unknown(&key, &areas).into_any(),
        })
    };
    view! {
        <div class="wrap">
            <Loaded data what="kommunlistan" render/>
        </div>
    }
}

/// Not one of the county's municipalities: the not-found page, with the list.
fn unknown(key: &str, areas: &Areas) -> impl IntoView {
    set_title("Sidan finns inte");
    no_index();
    let links = municipality_links(areas.municipalities.iter().map(|m| (m.slug.as_str(), m.name.as_str())));
    view! {
        <h1>"Sidan finns inte"</h1>
        {lead(&format!("”{key}” är inte en av Kalmar läns kommuner. Välj en kommun:"))}
        <ul class="columns">{links}</ul>
    }
}

#[component]
fn Report(m: Municipality) -> impl IntoView {
    let file = format!("kommun-{}.json", m.slug);
    let data = api::fetch(move || vec![file.clone()]);
    let name = m.name.clone();
    let render = |f: &api::Fetched| {
        f.decode(0, api::json::<Kommunrapport>)
            .map(|r| report(Arc::new(r)).into_any())
    };
    view! {
        <div class="kommunrapport">
        <header class="report-head">
            <h1>{format!("{name} kommun")}</h1>
            {lead(&format!("Kommunrapport för {name}: ungas levnadsvillkor och vanor jämförda med Kalmar län och riket, och vad förbundets plan och verksamhetsberättelse säger om kommunen."))}
        </header>
        <Loaded data what="kommunrapporten" render/>
        </div>
    }
}

/// A link within the report's page: with `<base>`, a bare "#x" would lead to the site's root.
fn here(slug: &str, fragment: &str) -> String {
    href(&format!("/kommun/{slug}#{fragment}"))
}

/// The way back to the contents, at the end of every section.
fn back_up(slug: &str) -> impl IntoView {
    view! { <p class="back-up"><a href=here(slug, "innehall")>"Till innehållet"</a></p> }
}

fn report(r: Arc<Kommunrapport>) -> impl IntoView {
    let rounds: Vec<String> = r
        .surveys
        .iter()
        .filter(|s| s.absent.is_none())
        .map(|s| s.rounds.clone())
        .collect();
    describe(&format!("Kommunrapport för {}: {}.", r.name, rounds.join(", ")));
    let example = r.status == Status::Exempeldata;
    // Which of the report's values are real: by survey, the places whose latest round is.
    let real: Vec<String> = r
        .surveys
        .iter()
        .filter_map(|s| {
            let is_real = |x: &Option<Reading>| x.as_ref().is_some_and(|x| !x.example);
            let mut places = Vec::new();
            for (all, some, readings) in [
                (
                    "riket",
                    "en del av rikets värden",
                    s.indicators.iter().map(|k| &k.nation).collect::<Vec<_>>(),
                ),
                (
                    "länet",
                    "en del av länets värden",
                    s.indicators.iter().map(|k| &k.county).collect(),
                ),
            ] {
                let known: Vec<_> = readings.into_iter().filter(|x| x.is_some()).collect();
                match known.iter().filter(|x| is_real(x)).count() {
                    0 => {}
                    n if n == known.len() => places.push(all),
                    _ => places.push(some),
                }
            }
            (!places.is_empty()).then(|| {
                format!(
                    "{} för {}",
                    s.title.split(' ').next().unwrap_or_default(),
                    places.join(" och ")
                )
            })
        })
        .collect();
    let real = (!real.is_empty()).then(|| {
        format!(
            "Verkliga värden finns i {}: de är märkta med * i översikterna och som verkliga i korten.",
            real.join(", ")
        )
    });
    let slug = r.slug.clone();
    let surveys = r.surveys.iter().map(|s| survey_part(&r, s)).collect_view();
    let documents = documents(&r);
    let county_wide = r
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
    // The contents: each survey, each document that names the municipality, then the rest.
    let mut contents: Vec<(String, String)> = r
        .surveys
        .iter()
        .map(|s| (format!("del-{}", s.id), s.title.clone()))
        .collect();
    contents.extend(documents.iter().map(|(id, title, _)| (id.clone(), title.clone())));
    contents.push(("hela-lanet".into(), "AV-Media i hela länet".into()));
    contents.push(("ladda-ner".into(), "Ladda ner uppgifterna".into()));
    contents.push(("om-jamforelser".into(), "Så jämförs kommunen".into()));
    let contents = contents
        .into_iter()
        .map(|(id, title)| view! { <li><a href=here(&slug, &id)>{title}</a></li> })
        .collect_view();
    let documents = documents.into_iter().map(|(_, _, section)| section).collect_view();
    let (csv, xlsx) = (
        href(&format!("/data/kommun-{slug}.csv")),
        href(&format!("/data/kommun-{slug}.xlsx")),
    );
    let name = r.name.clone();
    view! {
        <p class="report-data">{format!("Uppgifterna: {}.", rounds.join(" · "))}</p>
        <p class="report-actions">
            <button type="button" class="print-button" disabled=crate::PRERENDERING on:click=|_| { let _ = window().print(); }>"Skriv ut / spara som PDF"</button>
            <noscript><span class="no-js-note">" Skriv ut med webbläsarens utskrift (Ctrl+P)."</span></noscript>
            <a class="download-all" href=xlsx.clone() download=format!("{slug}-kommunrapport.xlsx")>{format!("Ladda ner alla uppgifter för {name}")}</a>
        </p>
        {example.then(|| view! { <ExampleBanner scope=real.clone().unwrap_or_else(|| "Inga av siffrorna här är verkliga.".to_string())/> })}
        <nav class="report-contents" aria-labelledby="innehall">
            <h2 id="innehall" tabindex="-1">"Innehåll"</h2>
            <ul>{contents}</ul>
        </nav>
        {surveys}
        {documents}
        <section class="report-section" aria-labelledby="hela-lanet">
            <h2 id="hela-lanet">"AV-Media i hela länet"</h2>
            <ul class="cards">{county_wide}</ul>
            {back_up(&r.slug)}
        </section>
        <section class="report-section report-downloads" aria-labelledby="ladda-ner">
            <h2 id="ladda-ner">"Ladda ner uppgifterna"</h2>
            <p>{format!("Alla värden som rapporten visar för {name}, länet och riket, varje år, med källa och uppgift om exempeldata eller verklig uppgift på varje rad.")}</p>
            <ul class="download-links">
                <li><a href=xlsx download=format!("{slug}-kommunrapport.xlsx")>{format!("Excel-arbetsbok för {name}")}</a>" (.xlsx, ett blad per undersökning)"</li>
                <li><a href=csv download=format!("{slug}-kommunrapport.csv")>{format!("CSV-fil för {name}")}</a>" (semikolon och decimalkomma, som Excel på svenska vill ha)"</li>
            </ul>
            {back_up(&r.slug)}
        </section>
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
    let real = |x: &Option<Reading>| x.as_ref().is_some_and(|x| !x.example && x.value.is_some());
    let example = |x: &Option<Reading>| x.as_ref().is_some_and(|x| x.example);
    let mixed = s
        .indicators
        .iter()
        .any(|k| [&k.latest, &k.county, &k.nation].iter().any(|x| real(x)))
        && s.indicators
            .iter()
            .any(|k| [&k.latest, &k.county, &k.nation].iter().any(|x| example(x)));
    // Where real figures stand among example data, each real one is starred.
    let cell = move |x: &Option<Reading>, k: &KeyIndicator| {
        format!("{}{}", value(x, k), if mixed && real(x) { "*" } else { "" })
    };
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
                    <td class="num">{respondents(&k.latest)}</td>
                    <td class="num">{cell(&k.county, k)}</td>
                    {s.has_nation.then(|| view! { <td class="num">{cell(&k.nation, k)}</td> })}
                    <td class="num">{change_number(k).unwrap_or_else(|| "–".into())}</td>
                    <td>{verdict}</td>
                </tr>
            }
        })
        .collect_view();
    let suppressed = s
        .indicators
        .iter()
        .any(|k| k.latest.as_ref().is_some_and(|x| x.value.is_none()));
    let mut notes = Vec::new();
    if suppressed {
        notes.push(format!("..: färre än {} svarande, värdet visas inte.", s.threshold));
    }
    let unit = if s.indicators.iter().all(|k| k.unit == StatUnit::Percent) {
        "i procentenheter"
    } else {
        "i indikatorns enhet"
    };
    notes.push(format!("Förändring: sedan kommunens förra omgång, {unit}."));
    if mixed {
        notes.push("*: verklig uppgift; övriga värden är exempeldata.".to_string());
    }
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
