//! `/statistik/andts` and `/statistik/lupp` (and the top of `/statistik/av-play`):
//! the statistics explorer. The URL is the state (`kfkl_core::explorer::ExplorerState`);
//! the controls only rewrite it, and chart, table, summary and downloads are read from it.
//! A control is shown only for a dimension the data has (AV-Play has no grades or genders).

use std::sync::Arc;

use kfkl_core::explorer::{choice_line, example_scope, select, ExplorerState};
use kfkl_core::stats::StatTable;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::base::href;
use crate::components::statfigure::{parsed_state, ExampleBanner, StatFigure};
use crate::components::status::Loaded;
use crate::head::{lead, set_title};

mod controls;
use controls::Controls;

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
                    "Värden för grupper med färre än {} svarande visas inte, utan som ”..”, så att ingen enskild elevs svar kan pekas ut. Av samma skäl döljs ett värde som annars kunde räknas fram ur dem som visas, till exempel en kommun ur länet och de andra kommunerna. Värdena tas bort redan när webbplatsens data byggs.",
                    table.threshold
                )}</p>
            })}
            <p><A href=href("/om-data")>"Om data och källor, och hur kommunerna lämnar in sina resultat"</A></p>
        </section>
    }
}
