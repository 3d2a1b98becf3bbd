//! `/plan/:ar` (and `/plan`, the newest): a plan as a readable document with
//! a table of contents, deep links to every section and commitment, and
//! commitments filtered by verksamhetsområde and target group through the URL.

use std::sync::Arc;

use kfkl_core::document::{Commitment, Document};
use kfkl_core::plan::{area_options, count_text, tag_options, PlanFilter};
use kfkl_core::publications::{Kind, Publication};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use crate::api;
use crate::base::href;
use crate::components::document::{
    document_body, scroll_to_hash_when_rendered, toc_view, CommitmentView, DocContext, MendsNote,
};
use crate::components::status::Loaded;
use crate::head::{canonical, lead, set_title};
use crate::pages::not_found::NotFound;
use crate::registry::{page, shown, NewerNotice};

/// The plan of the address's year, or the newest; another year is not found.
#[component]
pub fn Plan() -> impl IntoView {
    let params = use_params_map();
    move || match shown(Kind::Plan, params.read().get("ar").as_deref()) {
        Some(plan) => view! { <PlanPage plan/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn PlanPage(plan: &'static Publication) -> impl IntoView {
    set_title(&plan.titel);
    // `/plan` shows the newest plan; search engines list it under its year.
    canonical(page(plan));
    let data = api::fetch(move || vec![plan.json()]);
    let render = move |f: &api::Fetched| {
        f.decode(0, api::document)
            .map(|doc| view! { <PlanContent doc=Arc::new(doc) plan/> }.into_any())
    };
    view! {
        <div class="wrap">
            <h1>{plan.titel.clone()}</h1>
            <NewerNotice doc=plan/>
            {lead(&format!("Kommunförbundet Kalmar läns plan för {}: uppdraget, verksamhetsområdena med sina fokusområden och åtaganden, och budgeten. Texten är planens egen, ord för ord.", plan.ar))}
            <Loaded data what="verksamhetsplanen" render/>
        </div>
    }
}

#[component]
fn PlanContent(doc: Arc<Document>, plan: &'static Publication) -> impl IntoView {
    let query = use_query_map();
    let path = page(plan);
    let cx = DocContext::new(path, doc.clone());

    let parsed = {
        let doc = doc.clone();
        Memo::new(move |_| {
            let pairs: Vec<(String, String)> = query.get().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            PlanFilter::parse(&pairs, &doc)
        })
    };
    let filter = Memo::new(move |_| parsed.read().filter.clone());
    // An unknown or misordered query is rewritten to its canonical form, quietly.
    let (rewritten, set_rewritten) = signal(false);
    {
        let replace = crate::address::use_replace();
        Effect::new(move |_| {
            let p = parsed.get();
            if !p.canonical {
                set_rewritten.set(true);
                replace(&format!("{}{}{}", href(path), p.filter.to_query(), current_hash()));
            }
        });
    }
    // A deep link's target exists only once the data has arrived and rendered.
    Effect::new(move |_| scroll_to_hash_when_rendered());
    // Applied once per filter change; the count and the list both read it.
    let matches = {
        let doc = doc.clone();
        Memo::new(move |_| filter.read().apply(&doc).into_iter().cloned().collect::<Vec<_>>())
    };
    let body = {
        let cx = cx.clone();
        move || {
            let active = filter.get().is_active();
            plan_body(&cx, path, active, if active { matches.get() } else { Vec::new() })
        }
    };

    view! {
        <p class="source">"Källa: " {format!("{}, {}.", doc.source.publisher, doc.source.title)}</p>
        {plan.budget.as_ref().map(|b| view! { <p><A href=href(&format!("{path}/budget"))>{format!("{} i diagram och tabeller", b.avsnitt)}</A></p> })}
        <div class="doc-layout">
            <aside class="toc-wide" aria-label="Innehåll">{toc_view(&doc, &cx, "Innehåll i planen")}</aside>
            <div class="doc-main">
                <details class="toc-narrow" id="innehall">
                    <summary>"Innehåll"</summary>
                    {toc_view(&doc, &cx, "Innehåll i planen")}
                </details>
                <PlanFilters doc=doc.clone() path filter matches rewritten/>
                {body}
                <MendsNote doc=doc.clone()/>
            </div>
        </div>
    }
}

/// The whole plan, or the commitments the filter matches, or what to do when none does.
fn plan_body(cx: &DocContext, path: &'static str, active: bool, matches: Vec<Commitment>) -> AnyView {
    if !active {
        return document_body(&cx.doc.blocks, cx).into_any();
    }
    if matches.is_empty() {
        return view! {
            <div class="empty-state">
                <h2>"Inga åtaganden matchar"</h2>
                <p>"Inget åtagande i planen har den kombinationen av verksamhetsområde och målgrupp. Välj ett annat område eller en annan målgrupp, eller visa hela planen."</p>
                <p><a href=href(path)>"Visa hela planen"</a></p>
            </div>
        }
        .into_any();
    }
    let items = matches
        .into_iter()
        .map(|c| view! { <CommitmentView commitment=c cx=cx.clone() crumbs=true/> })
        .collect_view();
    view! { <div class="commitment-list"><h2>"Åtaganden som matchar"</h2>{items}</div> }.into_any()
}

/// The commitments' filters, by area and by target group (the groups of the
/// chosen area), with the count; each choice is a new address.
#[component]
fn PlanFilters(
    doc: Arc<Document>,
    path: &'static str,
    filter: Memo<PlanFilter>,
    matches: Memo<Vec<Commitment>>,
    rewritten: ReadSignal<bool>,
) -> impl IntoView {
    let navigate = use_navigate();
    let set_filter = move |next: PlanFilter| {
        let url = format!("{}{}", href(path), next.to_query());
        navigate(
            &url,
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    };
    let total = doc.commitments().count();
    let tag_choices = {
        let doc = doc.clone();
        move || tag_options(&doc, filter.read().area.as_deref())
    };
    let on_area = {
        let set_filter = set_filter.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            set_filter(PlanFilter {
                area: (!value.is_empty()).then_some(value),
                tag: filter.get_untracked().tag,
            });
        }
    };
    let on_tag = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        set_filter(PlanFilter {
            area: filter.get_untracked().area,
            tag: (!value.is_empty()).then_some(value),
        });
    };
    let area_options_view = area_options(&doc)
        .into_iter()
        .map(|o| {
            let id = o.id.clone();
            let selected = move || filter.read().area.as_deref() == Some(id.as_str());
            view! { <option value=o.id.clone() selected=selected>{format!("{} ({})", o.label, o.count)}</option> }
        })
        .collect_view();
    view! {
        <form class="filters" aria-labelledby="filter-rubrik" on:submit=|ev| ev.prevent_default()>
            <h2 id="filter-rubrik">"Filtrera åtaganden"</h2>
            <noscript><p class="no-js-note">"Filtren behöver JavaScript. Hela planen visas nedan, med innehållsförteckning och länkar till varje avsnitt."</p></noscript>
            <fieldset class="filter-fields" disabled=crate::PRERENDERING>
                <div>
                    <label for="filter-omrade">"Verksamhetsområde"</label>
                    <select id="filter-omrade" on:change=on_area>
                        <option value="" selected=move || filter.read().area.is_none()>"Alla områden"</option>
                        {area_options_view}
                    </select>
                </div>
                <div>
                    <label for="filter-malgrupp">"Målgrupp"</label>
                    <select id="filter-malgrupp" on:change=on_tag>
                        <option value="" selected=move || filter.read().tag.is_none()>"Alla målgrupper"</option>
                        {move || tag_choices().into_iter().map(|o| {
                            let selected = filter.read().tag.as_deref() == Some(o.id.as_str());
                            view! { <option value=o.id selected=selected>{format!("{} ({})", o.label, o.count)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </fieldset>
            <p class="filter-count" role="status">
                {move || count_text(matches.read().len(), total)}
                {move || filter.read().is_active().then(|| view! { " · " <a href=href(path)>"Visa hela planen"</a> })}
            </p>
            <Show when=move || rewritten.get()>
                <p class="quiet-notice">"Adressen innehöll filterval som inte finns. De har tagits bort."</p>
            </Show>
        </form>
    }
}

fn current_hash() -> String {
    use_location().hash.get_untracked()
}
