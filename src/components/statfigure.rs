//! The explorer's view in the site's one figure (`components::figure`):
//! summary, chart or map, the same numbers as a sortable table, the source
//! line, downloads and embed. The page and its embed both use it.

use std::sync::Arc;

use kfkl_core::compare::versus_county;
use kfkl_core::embed::Display;
use kfkl_core::explorer::{
    against_county, county_rows, file_name, format_value, gender_label, key_notes, select, sort_rows, source_line,
    summary, to_csv, ExplorerState, Parsed, SortKey,
};
use kfkl_core::stat::{build, render_svg, Frame, StatChart};
use kfkl_core::stats::{Observation, StatTable};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::base::href;
use crate::components::countymap::StatMap;
use crate::components::figure::{for_screen, svg_drawing, Downloads, Figure, Place};

/// The explorer's state from the current URL's query (the page and its embed).
pub fn parsed_state(table: Arc<StatTable>) -> Memo<Parsed> {
    let query = use_query_map();
    Memo::new(move |_| {
        let pairs: Vec<(String, String)> = query.get().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        ExplorerState::parse(&pairs, &table)
    })
}

/// Says, before anything else, that the numbers are not real; `scope` is the
/// sentence that says what in the view is example data and what is real.
#[component]
pub fn ExampleBanner(#[prop(into)] scope: Signal<String>) -> impl IntoView {
    view! {
        <div class="example-banner" role="note">
            <p class="example-banner-title">"Exempeldata – inte verkliga resultat"</p>
            <p>"Kommunernas resultat finns inte här ännu: exempeldata är påhittade siffror som visar hur sidan fungerar. "{scope}</p>
        </div>
    }
}

/// Drawing widths in SVG units: the page scales the drawing to its column (`figure::for_screen`).
const WIDE: u32 = 640;
const NARROW: u32 = 380;

fn drawing(chart: &StatChart) -> String {
    for_screen(|width| render_svg(chart, &Frame { width, caption: None }), WIDE, NARROW)
}

/// Everything the figure shows, derived from the state in one step: one
/// memo rather than one per part keeps the wasm smaller (each memo type is
/// compiled anew), and the parts can never disagree.
#[derive(Clone, PartialEq)]
struct Shown {
    rows: Vec<Observation>,
    chart: StatChart,
    sentence: String,
    source_line: String,
}

fn shown(table: &StatTable, s: &ExplorerState) -> Shown {
    let rows = select(table, s);
    let chart = build(table, s, &rows);
    Shown {
        sentence: summary(table, s, &rows),
        source_line: source_line(table, &rows),
        rows,
        chart,
    }
}

/// `embed`: in an embed, how it shows; `None` on the explorer's page.
#[component]
pub fn StatFigure(table: Arc<StatTable>, state: Memo<ExplorerState>, embed: Option<Display>) -> impl IntoView {
    let view_of = {
        let table = table.clone();
        Memo::new(move |_| shown(&table, &state.read()))
    };
    // Its own memo: the drawing is swapped only when the view changes, not on every control.
    let map_view = Memo::new(move |_| state.read().map);
    let example = Signal::derive(move || view_of.read().chart.example);
    let key_note = {
        let table = table.clone();
        move || {
            let v = view_of.read();
            let notes = key_notes(&table, &state.read(), &v.chart, &v.rows);
            (!notes.is_empty()).then(|| view! { <p class="legend">{notes.join(" ")}</p> })
        }
    };
    let title = Signal::derive(move || view_of.read().chart.title.clone());
    let table_view = view! { <ShownTable table=table.clone() state view_of title example/> }.into_any();
    let table_notes = table.has_respondents().then(|| {
        view! {
            <p class="legend">"Jämfört med länet: ”högre” eller ”lägre” bara där skillnaden är större än vad slumpen förklarar, med hänsyn till antalet svarande. "<a href=href("/om-data#jamforelser")>"Så jämförs kommunerna med länet"</a></p>
        }
        .into_any()
    });
    let downloads = embed
        .is_none()
        .then(|| downloads(table.clone(), state, view_of, map_view));
    let place = place(table.clone(), state, embed);
    let drawing = view! {
        {move || if map_view.get() {
            view! { <StatMap table=table.clone() rows=Signal::derive(move || view_of.read().rows.clone())/> }.into_any()
        } else {
            // Drawn here, not in `Shown`: only the chart reads the screen's width (`for_screen`),
            // so turning a phone in the map view draws nothing.
            svg_drawing("statfigur", "stat-svg", Signal::derive(move || drawing(&view_of.read().chart)))
        }}
    }
    .into_any();
    view! {
        <Figure key="statfigur" title summary=Signal::derive(move || view_of.read().sentence.clone()) live=true drawing
            key_notes=Some(key_note.into_any()) table=table_view table_notes source=Signal::derive(move || view_of.read().source_line.clone())
            example downloads place class="stat-figure" summary_below=true/>
    }
}

/// The numbers shown, as a table sortable by area, year, value and n, with each
/// municipality against its county where the figures are shares of respondents.
#[component]
fn ShownTable(
    table: Arc<StatTable>,
    state: Memo<ExplorerState>,
    view_of: Memo<Shown>,
    title: Signal<String>,
    example: Signal<bool>,
) -> impl IntoView {
    let mixed = move || view_of.read().chart.mixed;
    let (sort, set_sort) = signal((SortKey::Shown, true));
    let head = move |key: SortKey, label: &'static str, numeric: bool| {
        let aria = move || match sort.get() {
            (k, true) if k == key => "ascending",
            (k, false) if k == key => "descending",
            _ => "none",
        };
        let on_click = move |_| {
            set_sort.update(|(k, asc)| {
                *asc = if *k == key { !*asc } else { true };
                *k = key;
            })
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=aria>
                <button type="button" class="sort" on:click=on_click>{label}<span aria-hidden="true">{move || match aria() { "ascending" => " ▲", "descending" => " ▼", _ => " ↕" }}</span></button>
            </th>
        }
    };
    let compare = move || state.read().gender.is_none();
    // Usage figures (AV-Play) have no respondents: no n column.
    let respondents = table.has_respondents();
    let distribution = {
        let table = table.clone();
        move || {
            let s = state.read();
            s.answer.is_none() && !table.survey.indicators[s.indicator].answers.is_empty()
        }
    };
    let body = {
        let distribution = distribution.clone();
        move || {
            let ind = &table.survey.indicators[state.read().indicator];
            let (compare, distribution, mixed) = (compare(), distribution(), mixed());
            let county = county_rows(&table, &state.read());
            let (key, ascending) = sort.get();
            sort_rows(&view_of.read().rows, key, ascending)
                .into_iter()
                .map(|o| {
                    let gender = compare.then(|| view! { <td>{gender_label(o.gender)}</td> });
                    let answer = distribution.then(|| view! { <td class="words">{o.answer.map(|a| ind.answers[a].clone()).unwrap_or_default()}</td> });
                    let status = mixed.then(|| view! { <td>{if o.example { "Exempeldata" } else { "Verklig" }}</td> });
                    let value = format_value(o.value, o.approx, ind.unit);
                    let n = respondents.then(|| view! {
                        <td class="num">{o.n.map(|n| kfkl_core::format::format_number(f64::from(n))).unwrap_or_else(|| "–".into())}</td>
                    });
                    let reference = table.is_reference(o.area);
                    let versus = respondents.then(|| view! { <td class="words">{versus_county(against_county(&table, &o, &county))}</td> });
                    view! {
                        <tr class:reference=reference>
                            <th scope="row">{table.areas[o.area].name.clone()}</th>
                            // Beside the area, which stays put on a phone: never scrolled out of sight.
                            {status}
                            <td class="num">{o.year.to_string()}</td>
                            {gender}
                            {answer}
                            <td class="num">{value}</td>
                            {n}
                            {versus}
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <table class="data-table stat-table">
            <caption id="statfigur-tabell">
                {move || format!("{} – tabell", title.get())}
                <Show when=move || example.get()>
                    <span class="example-tag">" Exempeldata – inte verkliga resultat"</span>
                </Show>
            </caption>
            <thead>
                <tr>
                    {head(SortKey::Area, "Område", false)}
                    <Show when=mixed><th scope="col">"Uppgift"</th></Show>
                    {head(SortKey::Year, "År", true)}
                    <Show when=compare><th scope="col">"Kön"</th></Show>
                    <Show when=distribution.clone()><th scope="col">"Svar"</th></Show>
                    {head(SortKey::Value, "Värde", true)}
                    {respondents.then(|| head(SortKey::N, "Antal svarande (n)", true))}
                    {respondents.then(|| view! { <th scope="col">"Jämfört med länet"</th> })}
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// The CSV of exactly the rows shown, and the chart as a picture (the map
/// view's numbers are in the CSV), named after the view.
fn downloads(
    table: Arc<StatTable>,
    state: Memo<ExplorerState>,
    view_of: Memo<Shown>,
    map_view: Memo<bool>,
) -> Downloads {
    let csv_table = table.clone();
    Downloads {
        name: Signal::derive(move || {
            file_name(&table, &state.read(), "csv")
                .trim_end_matches(".csv")
                .to_string()
        }),
        csv: Arc::new(move |flavour| {
            to_csv(
                &csv_table,
                &state.get_untracked(),
                &view_of.read_untracked().rows,
                flavour,
            )
        }),
        picture: Arc::new(move || {
            let v = view_of.read_untracked();
            let frame = Frame {
                width: WIDE,
                caption: Some((v.chart.title.clone(), v.source_line.clone())),
            };
            (!state.get_untracked().map).then(|| render_svg(&v.chart, &frame))
        }),
        has_picture: Signal::derive(move || !map_view.get()),
    }
}

/// On the page: a section with its embed code for the view; in an embed: a
/// link to the same view in the full explorer.
fn place(table: Arc<StatTable>, state: Memo<ExplorerState>, embed: Option<Display>) -> Place {
    match embed {
        Some(display) => Place::Embed {
            display,
            link: Signal::derive(move || format!("{}{}", href(&table.survey.route), state.read().to_query(&table))),
            link_text: Signal::stored("Öppna i statistikverktyget: välj andra områden och ladda ner".into()),
        },
        None => Place::Page {
            level: 2,
            embed: Some(Signal::derive(move || {
                format!("/embed/{}{}", table.survey.id, state.read().to_query(&table))
            })),
            embed_title: None,
        },
    }
}
