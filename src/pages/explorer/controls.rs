//! The explorer's controls: one small component per dimension, each drawn
//! only where the data has that dimension. A control only calls the state's
//! rule for it (`ExplorerState::choose_*`, in kfkl-core) and rewrites the URL.

use std::sync::Arc;

use kfkl_core::explorer::{
    areas_with_rows, filter_note, grade_label, indicator_matches, themes, years_of, ExplorerState, YearEnd,
};
use kfkl_core::stats::{StatTable, GRADES};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;

/// Applies a change to the state in force and rewrites the URL with the result.
pub type Update = Arc<dyn Fn(&dyn Fn(&mut ExplorerState)) + Send + Sync>;

/// Every control is native and labelled; each change rewrites the URL.
#[component]
pub fn Controls(table: Arc<StatTable>, state: Memo<ExplorerState>, update: Update) -> impl IntoView {
    let has_map = table.has_municipal_rows();
    let several_areas = table.areas_with_data().len() > 1;
    let map_view = move || state.read().map;
    view! {
        <form class="explorer-controls" aria-label="Val för diagram och tabell" on:submit=|ev| ev.prevent_default()>
            <noscript>
                <p class="no-js-note">"Valen, sorteringen och nedladdningarna behöver JavaScript. Utan JavaScript visas standardvalet. Alla uppgifter finns som öppna data: se Om data och källor."</p>
            </noscript>
            <fieldset class="control-group" disabled=crate::PRERENDERING>
            <IndicatorControl table=table.clone() state update=update.clone()/>
            <AnswerControl table=table.clone() state update=update.clone()/>
            {has_map.then(|| view! {
                <fieldset class="control">
                    <legend>"Visning"</legend>
                    <ViewChoice table=table.clone() state update=update.clone()/>
                </fieldset>
            })}
            {several_areas.then(|| view! {
                <fieldset class="control" hidden=map_view>
                    <legend>"Områden"</legend>
                    <div class="check-grid"><AreaBoxes table=table.clone() state update=update.clone() references=false/></div>
                    <p class="check-group-title">"Jämförelser"</p>
                    <div class="check-grid"><AreaBoxes table=table.clone() state update=update.clone() references=true/></div>
                </fieldset>
            })}
            <YearControl table=table.clone() state update=update.clone()/>
            {table.by_grade().then(|| view! {
                <fieldset class="control">
                    <legend>"Årskurs"</legend>
                    <GradeChoice table=table.clone() state update=update.clone()/>
                </fieldset>
            })}
            {table.by_gender().then(|| view! {
                <fieldset class="control">
                    <legend>"Kön"</legend>
                    <GenderChoice state update=update.clone()/>
                </fieldset>
            })}
            </fieldset>
            <p><A href=href(&table.survey.route)>"Återställ alla val"</A></p>
        </form>
    }
}

/// The indicator filter, the indicator list grouped by theme, and what the chosen one is.
#[component]
fn IndicatorControl(table: Arc<StatTable>, state: Memo<ExplorerState>, update: Update) -> impl IntoView {
    let indicators = table.survey.indicators.clone();
    let (filter, set_filter) = signal(String::new());
    let themes = themes(&indicators);
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
        move || filter_note(&indicators, &filter.get())
    };
    let on_indicator = move |ev: leptos::ev::Event| {
        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
            update(&|s| s.choose_indicator(i));
        }
    };
    let about = move || {
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
    };
    view! {
        <div class="control">
            <label for="indikator-sok">"Sök indikator"</label>
            <input type="search" id="indikator-sok" autocomplete="off" aria-describedby="indikator-traffar"
                prop:value=move || filter.get() on:input=move |ev| set_filter.set(event_target_value(&ev))/>
            <p id="indikator-traffar" class="muted" aria-live="polite">{matching}</p>
            <label for="indikator">"Indikator"</label>
            <select id="indikator" on:change=on_indicator prop:value=move || state.read().indicator.to_string()>{options}</select>
            <div class="indicator-about">{about}</div>
        </div>
    }
}

/// One answer of a distribution, or the whole of it; nothing for a share.
#[component]
fn AnswerControl(table: Arc<StatTable>, state: Memo<ExplorerState>, update: Update) -> impl IntoView {
    move || {
        let s = state.get();
        let ind = &table.survey.indicators[s.indicator];
        (!ind.answers.is_empty()).then(|| {
            let update = update.clone();
            let on_change = move |ev: leptos::ev::Event| {
                let a = event_target_value(&ev).parse::<usize>().ok();
                update(&|s| s.choose_answer(a));
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
}

/// The chart, or the map: every municipality in one year, one gender and one answer.
#[component]
fn ViewChoice(table: Arc<StatTable>, state: Memo<ExplorerState>, update: Update) -> impl IntoView {
    [(false, "Diagram", "visa-diagram"), (true, "Karta över kommunerna, ett år", "visa-karta")]
        .into_iter()
        .map(|(m, label, id)| {
            let (update, table) = (update.clone(), table.clone());
            let on_change = move |_| update(&|s| s.choose_map(m, table.survey.indicators[s.indicator].answers.len()));
            view! {
                <div class="check">
                    <input type="radio" name="visa" id=id checked=state.read_untracked().map == m prop:checked=move || state.read().map == m on:change=on_change/>
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view()
}

/// The municipalities in Swedish alphabetical order (the table's), or the county
/// and the nation apart (`references`); an area with no rows in the view says so.
#[component]
fn AreaBoxes(table: Arc<StatTable>, state: Memo<ExplorerState>, update: Update, references: bool) -> impl IntoView {
    let with_rows = {
        let table = table.clone();
        Memo::new(move |_| {
            let s = state.read();
            areas_with_rows(&table, s.indicator, s.grade)
        })
    };
    table
        .areas
        .iter()
        .enumerate()
        .filter(|(i, _)| table.is_reference(*i) == references)
        .map(|(i, area)| {
            let update = update.clone();
            let checked = move || state.read().areas.contains(&i);
            let empty = move || !with_rows.read()[i];
            let id = format!("omrade-{}", area.code);
            view! {
                <div class="check">
                    // The attribute is the state drawn first (the prerendered page has only
                    // attributes); the property follows the state.
                    <input type="checkbox" id=id.clone() checked=state.read_untracked().areas.contains(&i) prop:checked=checked
                        on:change=move |_| update(&|s| s.toggle_area(i))/>
                    <label for=id>{area.name.clone()} <Show when=empty><span class="muted">" (inga uppgifter)"</span></Show></label>
                </div>
            }
        })
        .collect_view()
}

/// From and to (only "to" in the map view), and the two shortcuts.
#[component]
fn YearControl(table: Arc<StatTable>, state: Memo<ExplorerState>, update: Update) -> impl IntoView {
    let years = Memo::new(move |_| {
        let s = state.read();
        years_of(&table, s.indicator, s.grade)
    });
    let map_view = move || state.read().map;
    let latest_only = {
        let update = update.clone();
        move |_| {
            let last = years.get_untracked().last().copied();
            update(&|s| s.only_year(last));
        }
    };
    let all_years = {
        let update = update.clone();
        move |_| update(&|s| s.only_year(None))
    };
    view! {
        <fieldset class="control">
            <legend>"År"</legend>
            <div class="year-fields">
                <div hidden=map_view><YearSelect end=YearEnd::From years state update=update.clone()/></div>
                <YearSelect end=YearEnd::To years state update/>
            </div>
            <p class="year-buttons">
                <button type="button" on:click=latest_only>"Bara senaste året"</button>
                " "
                <button type="button" on:click=all_years>"Alla år"</button>
            </p>
        </fieldset>
    }
}

#[component]
fn YearSelect(end: YearEnd, years: Memo<Vec<u16>>, state: Memo<ExplorerState>, update: Update) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let y = event_target_value(&ev).parse::<u16>().ok();
        update(&|s| s.choose_year(end, y));
    };
    let current = move || match end {
        YearEnd::From => state.read().from,
        YearEnd::To => state.read().to,
    };
    let current_untracked = move || untrack(current);
    let (id, label, none) = match end {
        YearEnd::From => ("ar-fran", "Från år", "Första"),
        YearEnd::To => ("ar-till", "Till år", "Senaste"),
    };
    view! {
        <div>
            <label for=id>{label}</label>
            // The options are drawn when the years change; the select's value follows the state.
            <select id=id on:change=on_change prop:value=move || current().map(|y| y.to_string()).unwrap_or_default()>
                <option value="" selected=current_untracked().is_none()>{none}</option>
                {move || years.get().into_iter().map(|y| view! { <option value=y.to_string() selected=current_untracked() == Some(y)>{y.to_string()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// The grades the survey has.
#[component]
fn GradeChoice(table: Arc<StatTable>, state: Memo<ExplorerState>, update: Update) -> impl IntoView {
    table
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
                    <label for=id>{grade_label(g)}</label>
                </div>
            }
        })
        .collect_view()
}

/// Everyone, girls, boys, or girls and boys side by side.
#[component]
fn GenderChoice(state: Memo<ExplorerState>, update: Update) -> impl IntoView {
    [(Some(0), "Alla", "kon-alla"), (Some(1), "Flickor", "kon-flickor"), (Some(2), "Pojkar", "kon-pojkar"), (None, "Flickor och pojkar", "kon-jamfor")]
        .into_iter()
        .map(|(g, label, id)| {
            let update = update.clone();
            view! {
                <div class="check">
                    <input type="radio" name="kon" id=id checked=state.read_untracked().gender == g prop:checked=move || state.read().gender == g on:change=move |_| update(&|s| s.choose_gender(g))/>
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view()
}
