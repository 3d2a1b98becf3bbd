//! The explorer's figure: summary, chart, the same numbers as a sortable
//! table, the source line and downloads. The page and its embed both use it.

use std::sync::Arc;

use kfkl_core::explorer::{file_name, format_value, gender_label, select, summary, to_csv, CsvFlavour, ExplorerState};
use kfkl_core::statchart::{build, render_svg, Frame, View};
use kfkl_core::stats::{Observation, StatTable};
use leptos::prelude::*;

use crate::base::href;
use crate::download;

/// Says, before anything else, that the numbers are not real.
#[component]
pub fn ExampleBanner() -> impl IntoView {
    view! {
        <div class="example-banner" role="note">
            <p class="example-banner-title">"Exempeldata – inte verkliga resultat"</p>
            <p>"Kommunernas resultat finns inte här ännu. Siffrorna nedan är påhittade av ett program, för att visa hur sidan fungerar. Använd dem inte. Verkliga värden (CAN:s riksresultat och två länssiffror) är märkta som verkliga i tabellen."</p>
        </div>
    }
}

/// Drawing widths in SVG units: the page scales the drawing to its column;
/// a narrow screen gets a narrow drawing, so that its text stays legible.
fn drawing_width() -> u32 {
    let px = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(1024.0);
    if px < 640.0 {
        380
    } else {
        640
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Shown,
    Area,
    Year,
    Value,
    N,
}

#[component]
pub fn StatFigure(table: Arc<StatTable>, state: Memo<ExplorerState>, embed: bool) -> impl IntoView {
    let rows = {
        let table = table.clone();
        Memo::new(move |_| select(&table, &state.read()))
    };
    let chart = {
        let table = table.clone();
        Memo::new(move |_| build(&table, &state.read(), &rows.read()))
    };
    let width = drawing_width();
    // plotters escapes every text it writes into the SVG (tested in kfkl-core),
    // so its output is safe to insert as markup.
    let svg = Memo::new(move |_| render_svg(&chart.read(), &Frame { width, caption: None }));
    let sentence = {
        let table = table.clone();
        Memo::new(move |_| summary(&table, &state.read(), &rows.read()))
    };
    let source_line = {
        let table = table.clone();
        Memo::new(move |_| {
            let mut cited: Vec<&str> = Vec::new();
            for o in rows.read().iter() {
                let s = table.sources[o.source].as_str();
                if !cited.contains(&s) {
                    cited.push(s);
                }
            }
            if cited.is_empty() {
                format!("Källa: {}.", table.survey.publisher)
            } else {
                format!("Källa: {}.", cited.join("; "))
            }
        })
    };
    let example = Memo::new(move |_| chart.read().example);
    let mixed = Memo::new(move |_| chart.read().mixed);
    let key_note = move || {
        let c = chart.read();
        let mut notes: Vec<&str> = Vec::new();
        if c.mixed && c.view == View::Line {
            notes.push("* och ofylld punkt: exempeldata. Övriga värden är verkliga.");
        } else if c.mixed {
            notes.push("*: exempeldata. Övriga värden är verkliga.");
        }
        if c.view == View::Bars && c.series.len() > 1 {
            notes.push("Fylld stapel: flickor, ofylld stapel: pojkar.");
        }
        if c.view == View::Stacked {
            notes.push("Svaren står i samma ordning från vänster som i förklaringen överst. Fördelningen visas för ett år, det senaste i valet: välj ”Till år” för ett tidigare år.");
        }
        if rows.read().iter().any(|o| o.value.is_none()) {
            notes.push("..: för få svarande för att visa värdet.");
        }
        (!notes.is_empty()).then(|| view! { <p class="legend">{notes.join(" ")}</p> })
    };

    let title = move || chart.read().title.clone();
    let (sort, set_sort) = signal((SortKey::Shown, true));
    let sorted = move || {
        let mut list: Vec<Observation> = rows.get();
        let (key, ascending) = sort.get();
        let flip = |o: std::cmp::Ordering| if ascending { o } else { o.reverse() };
        match key {
            SortKey::Shown => {}
            SortKey::Area => list.sort_by(|a, b| flip(a.area.cmp(&b.area))),
            SortKey::Year => list.sort_by(|a, b| flip(a.year.cmp(&b.year))),
            // Suppressed values and unknown n sort last either way.
            SortKey::Value => list.sort_by(|a, b| match (a.value, b.value) {
                (Some(x), Some(y)) => flip(x.total_cmp(&y)),
                (x, y) => x.is_none().cmp(&y.is_none()),
            }),
            SortKey::N => list.sort_by(|a, b| match (a.n, b.n) {
                (Some(x), Some(y)) => flip(x.cmp(&y)),
                (x, y) => x.is_none().cmp(&y.is_none()),
            }),
        }
        list
    };
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
    let distribution = {
        let table = table.clone();
        move || {
            let s = state.read();
            s.answer.is_none() && !table.survey.indicators[s.indicator].answers.is_empty()
        }
    };
    let body = {
        let table = table.clone();
        let distribution = distribution.clone();
        move || {
            let ind = &table.survey.indicators[state.read().indicator];
            let (compare, distribution, mixed) = (compare(), distribution(), mixed.get());
            sorted()
                .into_iter()
                .map(|o| {
                    let gender = compare.then(|| view! { <td>{gender_label(o.gender)}</td> });
                    let answer = distribution.then(|| view! { <td>{o.answer.map(|a| ind.answers[a].clone()).unwrap_or_default()}</td> });
                    let status = mixed.then(|| view! { <td>{if o.example { "Exempeldata" } else { "Verklig" }}</td> });
                    let value = format_value(o.value, ind.unit);
                    view! {
                        <tr>
                            <th scope="row">{table.areas[o.area].name.clone()}</th>
                            <td class="num">{o.year.to_string()}</td>
                            {gender}
                            {answer}
                            <td class="num">{value}</td>
                            <td class="num">{o.n.map(|n| kfkl_core::format::format_number(f64::from(n))).unwrap_or_else(|| "–".into())}</td>
                            {status}
                        </tr>
                    }
                })
                .collect_view()
        }
    };

    let csv = {
        let table = table.clone();
        move |flavour: CsvFlavour| {
            let table = table.clone();
            move |_| {
                let s = state.get_untracked();
                let text = to_csv(&table, &s, &rows.get_untracked(), flavour);
                let suffix = if flavour == CsvFlavour::SwedishExcel { "" } else { "-standard" };
                let name = file_name(&table, &s, "csv").replace(".csv", &format!("{suffix}.csv"));
                download::text(&name, "text/csv;charset=utf-8", &text);
            }
        }
    };
    let picture = {
        let table = table.clone();
        move |png: bool| {
            let table = table.clone();
            let source_line = source_line;
            move |_| {
                let s = state.get_untracked();
                let c = chart.get_untracked();
                let frame = Frame { width: 640, caption: Some((c.title.clone(), source_line.get_untracked())) };
                let svg = render_svg(&c, &frame);
                if png {
                    download::png(&file_name(&table, &s, "png"), &svg);
                } else {
                    download::text(&file_name(&table, &s, "svg"), "image/svg+xml", &svg);
                }
            }
        }
    };
    let full_view = {
        let table = table.clone();
        move || format!("{}{}", href(&table.survey.route), state.read().to_query(&table))
    };
    let embed_link = embed.then(|| {
        view! { <p class="embed-link"><a href=full_view target="_top">"Öppna i statistikverktyget: välj andra områden och ladda ner"</a></p> }
    });
    let embed_code = {
        let table = table.clone();
        move || {
            let origin = window().location().origin().unwrap_or_default();
            let id = &table.survey.id;
            format!(
                "<iframe src=\"{origin}{}{}\" title=\"{}\" width=\"100%\" height=\"900\" loading=\"lazy\"></iframe>",
                href(&format!("/embed/{id}")),
                state.read().to_query(&table).replace('&', "&amp;"),
                chart.read().title.replace('"', "&quot;")
            )
        }
    };
    let downloads = (!embed).then(|| {
        view! {
            <div class="downloads">
                <h3>"Ladda ner det som visas"</h3>
                <ul>
                    <li><button type="button" on:click=csv(CsvFlavour::SwedishExcel)>"CSV för Excel (semikolon, decimalkomma)"</button></li>
                    <li><button type="button" on:click=csv(CsvFlavour::Standard)>"CSV standard (komma, decimalpunkt)"</button></li>
                    <li><button type="button" on:click=picture(false)>"Diagrammet som SVG"</button></li>
                    <li><button type="button" on:click=picture(true)>"Diagrammet som PNG"</button></li>
                </ul>
                <Show when=move || example.get()>
                    <p class="muted">"Filerna är märkta ”EXEMPELDATA – INTE VERKLIGA RESULTAT”."</p>
                </Show>
                <details class="embed-code">
                    <summary>"Bädda in diagrammet på en annan webbplats"</summary>
                    <label for="inbaddningskod">"Kod att klistra in (visar samma val som nu)"</label>
                    <textarea id="inbaddningskod" readonly rows="4" prop:value=embed_code></textarea>
                </details>
            </div>
        }
    });
    let status_banner = move || {
        (example.get() && embed).then(|| view! { <p class="example-banner example-banner-title">"Exempeldata – inte verkliga resultat"</p> })
    };

    // An embed is a page of its own: its chart's title is the page's heading.
    let heading = if embed {
        view! { <h1 id="statfigur-rubrik">{title}</h1> }.into_any()
    } else {
        view! { <h2 id="statfigur-rubrik">{title}</h2> }.into_any()
    };
    view! {
        <figure class="chart stat-figure" aria-labelledby="statfigur-rubrik">
            {status_banner}
            {heading}
            <p class="chart-summary" id="statfigur-sammanfattning" aria-live="polite">{move || sentence.get()}</p>
            <div class="chart-svg stat-svg" role="img" aria-labelledby="statfigur-rubrik statfigur-sammanfattning" inner_html=move || svg.get()></div>
            {key_note}
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby="statfigur-tabell">
                <table class="data-table stat-table">
                    <caption id="statfigur-tabell">
                        {move || format!("{} – tabell", title())}
                        <Show when=move || example.get()>
                            <span class="example-tag">" Exempeldata – inte verkliga resultat"</span>
                        </Show>
                    </caption>
                    <thead>
                        <tr>
                            {head(SortKey::Area, "Område", false)}
                            {head(SortKey::Year, "År", true)}
                            <Show when=compare><th scope="col">"Kön"</th></Show>
                            <Show when=distribution.clone()><th scope="col">"Svar"</th></Show>
                            {head(SortKey::Value, "Värde", true)}
                            {head(SortKey::N, "Antal svarande (n)", true)}
                            <Show when=move || mixed.get()><th scope="col">"Uppgift"</th></Show>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <figcaption class="source">{move || source_line.get()}</figcaption>
            {downloads}
            {embed_link}
        </figure>
    }
}
