//! `/sok?q=…[&dokument=plan-2025]`: full-text search over the plans, the
//! reports (newest first), the key figures and the statistics' indicators,
//! or within one document.
//! The data build made the index; the page looks words up and groups the hits
//! by document, each with its section, a snippet and a deep link.

use kfkl_core::search::{snippet, SearchIndex};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api;
use crate::base::href;
use crate::components::search_form::SearchForm;
use crate::components::status::Loaded;
use crate::head::{lead, set_title};
use crate::registry::index as publications;

/// Hits shown per document before "visar N av M".
const PER_DOC: usize = 25;

/// The query from the URL (`?q=`), trimmed.
pub fn query_param() -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("q").unwrap_or_default().trim().to_string())
}

/// A document's key in `?dokument=`: its path as one word ("/plan/2025" → "plan-2025").
fn doc_key(path: &str) -> String {
    path.trim_start_matches('/').replace('/', "-")
}

// `data` is Copy in the browser (a LocalResource), not at build time.
#[allow(clippy::clone_on_copy)]
#[component]
pub fn Search() -> impl IntoView {
    set_title("Sök");
    let q = query_param();
    // The index is fetched only once there is something to look for (the memo
    // turns true once and stays so, so the index is fetched once).
    let wanted = Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || !q.get().is_empty());
    let data = api::fetch(move || {
        if wanted.get() {
            vec!["sok.json".into()]
        } else {
            Vec::new()
        }
    });
    let show = move |f: &api::Fetched| {
        if f.is_empty() {
            return Ok(().into_any());
        }
        f.decode(0, api::json::<SearchIndex>)
            .map(|index| view! { <Results index q/> }.into_any())
    };
    // The index is decoded once it has arrived, not again for every query:
    // the results follow `q` themselves.
    let empty = Memo::new(move |_| q.read().is_empty());
    view! {
        <div class="wrap">
            <h1>"Sök"</h1>
            {lead("Sök i förbundets verksamhetsplaner och verksamhetsberättelser, nyckeltalen och statistikens indikatorer. Skriv ett eller flera ord; början av ett ord räcker.")}
            <SearchForm id="sok-sida" label="Sökord" value=q.get_untracked()/>
            <DocumentChoice q/>
            <noscript>
                <div class="notice">
                    <h2>"Sökningen behöver JavaScript"</h2>
                    <p>"Utan JavaScript hittar du texterna genom dokumentens innehållsförteckningar, med en länk till varje avsnitt:"</p>
                    <ul>
                        {publications().published().into_iter().map(|d| view! { <li><a href=href(&d.path())>{d.titel.clone()}</a></li> }).collect_view()}
                        <li><a href=href("/uppfoljning")>"Uppföljning: löften, resultat och nya löften"</a></li>
                        <li><a href=href("/om-data")>"Om data och källor"</a>" – statistiken som öppna data"</li>
                    </ul>
                </div>
            </noscript>
            {move || {
                if empty.get() {
                    return view! { <p>"Skriv något i sökrutan."</p> }.into_any();
                }
                view! { <Loaded data=data.clone() what="sökindexet" render=show/> }.into_any()
            }}
        </div>
    }
}

#[component]
fn Results(index: SearchIndex, q: Memo<String>) -> impl IntoView {
    let only = use_query_map();
    move || {
        let query = q.get();
        // An unknown document is no limit: the search covers everything.
        let only = only
            .read()
            .get("dokument")
            .filter(|k| index.docs.iter().any(|d| doc_key(&d.path) == *k));
        let in_doc = |d: usize| only.as_ref().is_none_or(|k| doc_key(&index.docs[d].path) == *k);
        let hits: Vec<u32> = index
            .query(&query)
            .into_iter()
            .filter(|&h| in_doc(index.section_of(h).doc as usize))
            .collect();
        let groups = index.docs.iter().enumerate().filter_map(|(d, doc)| {
            let mine: Vec<u32> = hits.iter().copied().filter(|&h| index.section_of(h).doc as usize == d).collect();
            if mine.is_empty() {
                return None;
            }
            let total = mine.len();
            let items = mine.into_iter().take(PER_DOC).map(|h| {
                let entry = &index.entries[h as usize];
                let section = index.section_of(h);
                let anchor = entry.anchor.as_deref().unwrap_or(&section.anchor);
                let link = match anchor {
                    "" => href(&doc.path),
                    query if query.starts_with('?') => href(&format!("{}{query}", doc.path)),
                    fragment => href(&format!("{}#{fragment}", doc.path)),
                };
                let runs = snippet(&entry.text, &query, 180)
                    .into_iter()
                    .map(|(text, hit)| if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
                    .collect_view();
                view! {
                    <li>
                        <a href=link>{section.title.clone()}</a>
                        <p class="snippet">{runs}</p>
                    </li>
                }
            }).collect_view();
            let more = (total > PER_DOC).then(|| view! { <p class="quiet-notice">{format!("Visar {PER_DOC} av {total} träffar. Skriv fler ord för att smalna av.")}</p> });
            Some(view! {
                <section class="search-group">
                    <h2>{format!("{} ({})", doc.title, total)}</h2>
                    <ol class="search-hits">{items}</ol>
                    {more}
                </section>
            })
        }).collect_view();
        let count = match hits.len() {
            0 => format!("Inga träffar för ”{query}”."),
            1 => format!("1 träff för ”{query}”."),
            n => format!("{n} träffar för ”{query}”."),
        };
        view! {
            <p class="filter-count" role="status">{count}</p>
            {groups}
        }
    }
}

/// "Sök i": every published plan and report, to search one of them only.
#[component]
fn DocumentChoice(q: Memo<String>) -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let chosen = Memo::new(move |_| query.read().get("dokument").unwrap_or_default());
    let on_change = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        let text = String::from(js_sys::encode_uri_component(&q.get_untracked()));
        let limit = if key.is_empty() {
            String::new()
        } else {
            format!("&dokument={key}")
        };
        navigate(
            &format!("{}?q={text}{limit}", href("/sok")),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    };
    let options = publications()
        .published()
        .into_iter()
        .map(|d| {
            let key = doc_key(&d.path());
            let selected = {
                let key = key.clone();
                move || chosen.get() == key
            };
            view! { <option value=key selected=selected>{d.titel.clone()}</option> }
        })
        .collect_view();
    view! {
        <div class="search-scope">
            <label for="sok-dokument">"Sök i"</label>
            <select id="sok-dokument" on:change=on_change disabled=crate::PRERENDERING>
                <option value="" selected=move || chosen.get().is_empty()>"Alla dokument och all statistik"</option>
                {options}
            </select>
        </div>
    }
}
