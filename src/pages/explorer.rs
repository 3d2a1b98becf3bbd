//! `/statistik/andts` and `/statistik/lupp` (and the top of `/statistik/av-play`):
//! the statistics explorer. The URL is the state (`kfkl_core::explorer::ExplorerState`);
//! the controls only rewrite it, and chart, table, summary and downloads are read from it.
//! A control is shown only for a dimension the data has (AV-Play has no grades or genders).

use std::sync::Arc;

use kfkl_core::explorer::{
    areas_with_rows, choice_line, example_scope, indicator_matches, select, years_of, ExplorerState,
};
use kfkl_core::stats::{StatTable, GRADES};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::base::href;
use crate::components::statfigure::{parsed_state, ExampleBanner, StatFigure};
use crate::components::status::Loaded;
use crate::head::{lead, set_title};

/// The published tables the explorer shows (`statistik-<id>.json`), also embeddable as `/embed/<id>`.

#[component]
pub fn Andts() -> impl IntoView {
    view! {
        <Explorer id="andts" title="ANDTS – CAN:s skolundersökning"
            text="Elevers vanor kring alkohol, narkotika, dopning, tobak och spel i årskurs 9 och gymnasiet år 2. Jämför din kommun med länet och riket, för flickor och pojkar och över tid."/>
    }
}

#[component]
pub fn Lupp() -> impl IntoView {
    view! {
        <Explorer id="lupp" title="LUPP – ungas levnadsvillkor"
            text="Ungdomsenkäten LUPP i årskurs 8 och gymnasiet år 2: fritid, skola, inflytande, trygghet, hälsa, arbete och framtid. Jämför din kommun med länet, för flickor och pojkar och över tid."/>
    }
}

#[component]
fn Explorer(id: &'static str, title: &'static str, text: &'static str) -> impl IntoView {
    set_title(title);
    view! {
        <div class="wrap">
            <h1>{title}</h1>
            {lead(text)}
            <StatExplorer id/>
        </div>
    }
}

/// The explorer of one published table (`statistik-<id>.json`), with its loading and error states.
#[component]
pub fn StatExplorer(id: &'static str) -> impl IntoView {
    let data = api::fetch(move || vec![format!("statistik-{id}.json")]);
    let render = |f: &api::Fetched| {
        f.stat_table(0)
            .map(|table| view! { <ExplorerContent table=Arc::new(table)/> }.into_any())
    };
    view! { <Loaded data what="statistiken" render/> }
}

#[component]
fn ExplorerContent(table: Arc<StatTable>) -> impl IntoView {
    let replace = crate::address::use_replace();
    let path = table.survey.route.clone();
    let parsed = parsed_state(table.clone());
    let state = Memo::new(move |_| parsed.read().state.clone());
    // An unknown, invalid or misordered query is rewritten to its canonical form, quietly.
    let (rewritten, set_rewritten) = signal(false);
    {
        let (replace, table, path) = (replace.clone(), table.clone(), path.clone());
        Effect::new(move |_| {
            let p = parsed.get();
            if !p.canonical {
                set_rewritten.set(true);
                replace(&format!("{}{}", href(&path), p.state.to_query(&table)));
            }
        });
    }
    let set_state = {
        let (table, path) = (table.clone(), path.clone());
        move |next: ExplorerState| {
            replace(&format!("{}{}", href(&path), next.to_query(&table)));
        }
    };
    let update = move |change: &dyn Fn(&mut ExplorerState)| {
        let mut next = state.get_untracked();
        change(&mut next);
        set_state(next);
    };
    let update = Arc::new(update);
    let example = table.status == kfkl_core::model::Status::Exempeldata;

    let line = {
        let table = table.clone();
        move || choice_line(&table, &state.read())
    };
    let scope = {
        let table = table.clone();
        Signal::derive(move || example_scope(&table, &select(&table, &state.read())))
    };
    view! {
        {example.then(|| view! { <ExampleBanner scope/> })}
        <div class="explorer">
            // On a phone the choices in force are one line, the controls folded behind
            // "Ändra urval" so that the chart is on the first screen; from 62rem they
            // stand beside the chart (style.css shows a closed <details>' content there,
            // and the app opens it as well).
            <div class="explorer-side">
                <p class="choice-line"><span class="visually-hidden">"Valt: "</span>{line}</p>
                <details class="explorer-choices" open=wide_screen()>
                    <summary>"Ändra urval"</summary>
                    <Controls table=table.clone() state update=update.clone()/>
                </details>
            </div>
            <div class="explorer-output">
                <Show when=move || rewritten.get()>
                    <p class="quiet-notice">"Adressen innehöll val som inte finns för den här statistiken. Standardvalen används i stället."</p>
                </Show>
                <StatFigure table=table.clone() state embed=None/>
            </div>
        </div>
        <Method table=table.clone()/>
    }
}

/// Whether the controls stand beside the chart (the stylesheet's 62rem); the
/// prerendered page cannot know, and folds them.
fn wide_screen() -> bool {
    #[cfg(target_arch = "wasm32")]
    return window()
        .match_media("(min-width: 62rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    #[cfg(not(target_arch = "wasm32"))]
    false
}

type Update = Arc<dyn Fn(&dyn Fn(&mut ExplorerState)) + Send + Sync>;

/// Every control is native and labelled; each change rewrites the URL.
#[component]
fn Controls(table: Arc<StatTable>, state: Memo<ExplorerState>, update: Update) -> impl IntoView {
    let indicators = table.survey.indicators.clone();
    let (filter, set_filter) = signal(String::new());
    let mut themes: Vec<String> = Vec::new();
    for ind in &indicators {
        if !themes.contains(&ind.theme) {
            themes.push(ind.theme.clone());
        }
    }
    // The indicator list, narrowed by the search field; the chosen one always stays.
    let options = {
        let indicators = indicators.clone();
        move || {
            let query = filter.get();
            // Read without tracking: the list is drawn again when the search changes, not on
            // every choice (the select's value follows the state by itself).
            let current = state.with_untracked(|s| s.indicator);
            themes
                .iter()
                .filter_map(|theme| {
                    let items: Vec<_> = indicators
                        .iter()
                        .enumerate()
                        .filter(|(i, ind)| ind.theme == *theme && (*i == current || indicator_matches(ind, &query)))
                        .map(|(i, ind)| view! { <option value=i.to_string() selected=i == current>{ind.label.clone()}</option> })
                        .collect();
                    (!items.is_empty()).then(|| view! { <optgroup label=theme.clone()>{items}</optgroup> })
                })
                .collect_view()
        }
    };
    let matching = {
        let indicators = indicators.clone();
        move || {
            let query = filter.get();
            if query.trim().is_empty() {
                return String::new();
            }
            let n = indicators.iter().filter(|ind| indicator_matches(ind, &query)).count();
            format!("{n} av {} indikatorer matchar.", indicators.len())
        }
    };
    let on_indicator = {
        let update = update.clone();
        move |ev: leptos::ev::Event| {
            if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                update(&|s| {
                    s.indicator = i;
                    s.answer = None;
                });
            }
        }
    };
    let about = {
        let indicators = indicators.clone();
        move || {
            let ind = indicators[state.read().indicator].clone();
            let question = ind.question.map(|q| view! { <p><strong>"Fråga: "</strong>{q}</p> });
            let answers = (!ind.answers.is_empty())
                .then(|| view! { <p><strong>"Svarsalternativ: "</strong>{ind.answers.join(" · ")}</p> });
            view! {
                {question}
                {answers}
                <p><strong>"Definition: "</strong>{ind.definition}</p>
                <p class="source">"Källa för definitionen: " {ind.source}</p>
            }
        }
    };

    // Areas: the municipalities, then the county and the nation; no choice where only one has data.
    let several_areas = table.areas_with_data().len() > 1;
    let with_rows = {
        let table = table.clone();
        Memo::new(move |_| {
            let s = state.read();
            areas_with_rows(&table, s.indicator, s.grade)
        })
    };
    // The municipalities in Swedish alphabetical order (the table's), then the county and the nation apart.
    let area_box = |references: bool| {
        let update = update.clone();
        let table = table.clone();
        table
        .areas
        .iter()
        .enumerate()
        .filter(|(i, _)| table.is_reference(*i) == references)
        .map(|(i, area)| {
            let update = update.clone();
            let checked = move || state.read().areas.contains(&i);
            let empty = move || !with_rows.read()[i];
            let on_change = move |_| {
                update(&|s| {
                    if let Some(p) = s.areas.iter().position(|&a| a == i) {
                        // The last area stays: a view needs at least one.
                        if s.areas.len() > 1 {
                            s.areas.remove(p);
                        }
                    } else {
                        s.areas.push(i);
                        kfkl_core::sort::sort_dedup(&mut s.areas);
                    }
                });
            };
            let id = format!("omrade-{}", area.code);
            view! {
                <div class="check">
                    // The attribute is the state drawn first (the prerendered page has only
                    // attributes); the property follows the state.
                    <input type="checkbox" id=id.clone() checked=state.read_untracked().areas.contains(&i) prop:checked=checked on:change=on_change/>
                    <label for=id>{area.name.clone()} <Show when=empty><span class="muted">" (inga uppgifter)"</span></Show></label>
                </div>
            }
        })
        .collect_view()
    };
    let (area_boxes, reference_boxes) = (area_box(false), area_box(true));

    let years = {
        let table = table.clone();
        Memo::new(move |_| {
            let s = state.read();
            years_of(&table, s.indicator, s.grade)
        })
    };
    let year_update = update.clone();
    let year_select = move |which: &'static str| {
        let update = year_update.clone();
        let on_change = move |ev: leptos::ev::Event| {
            let y = event_target_value(&ev).parse::<u16>().ok();
            update(&|s| {
                if which == "fran" {
                    s.from = y;
                } else {
                    s.to = y;
                }
                if let (Some(f), Some(t)) = (s.from, s.to) {
                    if f > t {
                        (s.from, s.to) = (Some(t), Some(f));
                    }
                }
            });
        };
        let current = move || {
            if which == "fran" {
                state.read().from
            } else {
                state.read().to
            }
        };
        let current_untracked = move || untrack(current);
        let id = format!("ar-{which}");
        view! {
            <div>
                <label for=id.clone()>{if which == "fran" { "Från år" } else { "Till år" }}</label>
                // The options are drawn when the years change; the select's value follows the state.
                <select id=id on:change=on_change prop:value=move || current().map(|y| y.to_string()).unwrap_or_default()>
                    <option value="" selected=current_untracked().is_none()>{if which == "fran" { "Första" } else { "Senaste" }}</option>
                    {move || years.get().into_iter().map(|y| view! { <option value=y.to_string() selected=current_untracked() == Some(y)>{y.to_string()}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let latest_only = {
        let update = update.clone();
        move |_| {
            let last = years.get_untracked().last().copied();
            update(&|s| {
                s.from = last;
                s.to = last;
            });
        }
    };
    let all_years = {
        let update = update.clone();
        move |_| {
            update(&|s| {
                s.from = None;
                s.to = None;
            })
        }
    };

    // The map view: every municipality in one year, one gender and one answer.
    let has_map = table.has_municipal_rows();
    let view_choice = {
        let indicators = indicators.clone();
        [(false, "Diagram", "visa-diagram"), (true, "Karta över kommunerna, ett år", "visa-karta")]
            .into_iter()
            .map(|(m, label, id)| {
                let (update, indicators) = (update.clone(), indicators.clone());
                let on_change = move |_| {
                    update(&|s| {
                        s.map = m;
                        if m {
                            s.gender = s.gender.or(Some(0));
                            if !indicators[s.indicator].answers.is_empty() {
                                s.answer = s.answer.or(Some(0));
                            }
                        }
                    })
                };
                view! {
                    <div class="check">
                        <input type="radio" name="visa" id=id checked=state.read_untracked().map == m prop:checked=move || state.read().map == m on:change=on_change/>
                        <label for=id>{label}</label>
                    </div>
                }
            })
            .collect_view()
    };
    let map_view = move || state.read().map;

    let by_grade = table.by_grade();
    let by_gender = table.by_gender();
    let grades = table
        .survey
        .grades
        .iter()
        .filter_map(|g| GRADES.iter().position(|x| x == g))
        .map(|g| {
            let update = update.clone();
            let id = format!("arskurs-{}", GRADES[g]);
            view! {
                <div class="check">
                    <input type="radio" name="arskurs" id=id.clone() checked=state.read_untracked().grade == g prop:checked=move || state.read().grade == g on:change=move |_| update(&|s| s.grade = g)/>
                    <label for=id>{kfkl_core::explorer::grade_label(g)}</label>
                </div>
            }
        })
        .collect_view();
    let genders = [(Some(0), "Alla", "kon-alla"), (Some(1), "Flickor", "kon-flickor"), (Some(2), "Pojkar", "kon-pojkar"), (None, "Flickor och pojkar", "kon-jamfor")]
        .into_iter()
        .map(|(g, label, id)| {
            let update = update.clone();
            view! {
                <div class="check">
                    <input type="radio" name="kon" id=id checked=state.read_untracked().gender == g prop:checked=move || state.read().gender == g on:change=move |_| update(&|s| {
                        s.gender = g;
                        // Girls and boys side by side is a chart, not a map.
                        s.map &= g.is_some();
                    })/>
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let answers = {
        let indicators = indicators.clone();
        let update = update.clone();
        move || {
            let s = state.get();
            let ind = &indicators[s.indicator];
            (!ind.answers.is_empty()).then(|| {
                let update = update.clone();
                let on_change = move |ev: leptos::ev::Event| {
                    let a = event_target_value(&ev).parse::<usize>().ok();
                    update(&|s| {
                        s.answer = a;
                        // A whole distribution is stacked bars, not a map.
                        s.map &= a.is_some();
                    });
                };
                let items = ind
                    .answers
                    .iter()
                    .enumerate()
                    .map(|(a, text)| view! { <option value=a.to_string() selected=s.answer == Some(a)>{text.clone()}</option> })
                    .collect_view();
                view! {
                    <div class="control">
                        <label for="svar">"Svar"</label>
                        <select id="svar" on:change=on_change>
                            <option value="" selected=s.answer.is_none()>"Hela fördelningen"</option>
                            {items}
                        </select>
                    </div>
                }
            })
        }
    };

    view! {
        <form class="explorer-controls" aria-label="Val för diagram och tabell" on:submit=|ev| ev.prevent_default()>
            <noscript>
                <p class="no-js-note">"Valen, sorteringen och nedladdningarna behöver JavaScript. Utan JavaScript visas standardvalet. Alla uppgifter finns som öppna data: se Om data och källor."</p>
            </noscript>
            <fieldset class="control-group" disabled=crate::PRERENDERING>
            <div class="control">
                <label for="indikator-sok">"Sök indikator"</label>
                <input type="search" id="indikator-sok" autocomplete="off" aria-describedby="indikator-traffar"
                    prop:value=move || filter.get() on:input=move |ev| set_filter.set(event_target_value(&ev))/>
                <p id="indikator-traffar" class="muted" aria-live="polite">{matching}</p>
                <label for="indikator">"Indikator"</label>
                <select id="indikator" on:change=on_indicator prop:value=move || state.read().indicator.to_string()>{options}</select>
                <div class="indicator-about">{about}</div>
            </div>
            {answers}
            {has_map.then(|| view! {
                <fieldset class="control">
                    <legend>"Visning"</legend>
                    {view_choice}
                </fieldset>
            })}
            {several_areas.then(|| view! {
                <fieldset class="control" hidden=map_view>
                    <legend>"Områden"</legend>
                    <div class="check-grid">{area_boxes}</div>
                    <p class="check-group-title">"Jämförelser"</p>
                    <div class="check-grid">{reference_boxes}</div>
                </fieldset>
            })}
            <fieldset class="control">
                <legend>"År"</legend>
                <div class="year-fields">
                    <div hidden=map_view>{year_select("fran")}</div>
                    {year_select("till")}
                </div>
                <p class="year-buttons">
                    <button type="button" on:click=latest_only>"Bara senaste året"</button>
                    " "
                    <button type="button" on:click=all_years>"Alla år"</button>
                </p>
            </fieldset>
            {by_grade.then(|| view! {
                <fieldset class="control">
                    <legend>"Årskurs"</legend>
                    {grades}
                </fieldset>
            })}
            {by_gender.then(|| view! {
                <fieldset class="control">
                    <legend>"Kön"</legend>
                    {genders}
                </fieldset>
            })}
            </fieldset>
            <p><A href=href(&table.survey.route)>"Återställ alla val"</A></p>
        </form>
    }
}

/// How the survey is done, and what suppression means.
#[component]
fn Method(table: Arc<StatTable>) -> impl IntoView {
    view! {
        <section class="method">
            <h2>"Om uppgifterna"</h2>
            <p>{table.survey.method.clone()}</p>
            <p class="source">"Källa: " {table.survey.method_source.clone()} "."</p>
            {table.has_respondents().then(|| view! {
                <p>{format!(
                    "Värden för grupper med färre än {} svarande visas inte, utan som ”..”, så att ingen enskild elevs svar kan pekas ut. De tas bort redan när webbplatsens data byggs.",
                    table.threshold
                )}</p>
            })}
            <p><A href=href("/om-data")>"Om data och källor, och hur kommunerna lämnar in sina resultat"</A></p>
        </section>
    }
}
