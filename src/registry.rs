//! What the site publishes, in one place that the app's routes, the embeds
//! and the prerender's route list all read: the publications index the build
//! embedded (`build.rs` from `data/dokument.toml`, checked by the data build),
//! so that every page, route and link that names a plan or a report asks here
//! and a new year is a data change; the surveys that have an explorer; and
//! the files a plan's budget is drawn from.

use std::sync::OnceLock;

use kfkl_core::publications::{Index, Kind, Publication};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;

/// The surveys with an explorer (`/statistik/<id>`, `/embed/<id>`), by their catalogue's id.
pub const SURVEYS: [&str; 3] = ["andts", "lupp", "av-play"];

/// The files a plan's budget page and embeds draw from: only its tables (a file
/// the data build derives), not its whole text, and its staff figures.
pub fn budget_files(plan: &Publication) -> Vec<String> {
    vec![
        format!("{}-tabeller.json", plan.id),
        format!("{}.json", plan.personal.as_deref().unwrap_or_default()),
    ]
}

/// The key-figure file (dataset id) a survey shows as its data, as its catalogue
/// names it (build.rs): AV-Play's cards.
pub fn survey_figures(survey: &str) -> Option<&'static str> {
    static FIGURES: OnceLock<std::collections::BTreeMap<String, String>> = OnceLock::new();
    let figures = FIGURES.get_or_init(|| {
        miniserde::json::from_str(include_str!(concat!(env!("OUT_DIR"), "/nyckeltal.json")))
            .expect("build.rs writes a map of strings")
    });
    figures.get(survey).map(String::as_str)
}

pub fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        miniserde::json::from_str(include_str!(concat!(env!("OUT_DIR"), "/dokument.json")))
            .expect("the data build checked dokument.toml")
    })
}

/// A document's page ("/plan/2025") as a `'static` string, for closures that outlive the view.
pub fn page(doc: &Publication) -> &'static str {
    static PATHS: OnceLock<Vec<String>> = OnceLock::new();
    let paths = PATHS.get_or_init(|| index().dokument.iter().map(Publication::path).collect());
    let at = index()
        .dokument
        .iter()
        .position(|d| d.id == doc.id)
        .expect("a document of the index");
    &paths[at]
}

/// The document a page shows: its year's (`/plan/2025`), or the newest (`/plan`);
/// `None` for a year with no published document.
pub fn shown(kind: Kind, year: Option<&str>) -> Option<&'static Publication> {
    index().shown(kind, year)
}

/// The newest published document of a kind (the data build refuses an index without one).
pub fn latest(kind: Kind) -> &'static Publication {
    index()
        .latest(kind)
        .expect("the data build requires a current document of each kind")
}

/// "Det finns en nyare verksamhetsplan: 2026", on a document that is not the newest.
#[component]
pub fn NewerNotice(doc: &'static Publication) -> impl IntoView {
    let newer = index().newer(doc)?;
    let kind = doc.kind()?;
    Some(view! {
        <p class="notice newer-notice" role="note">
            {format!("Det finns en nyare {}: ", kind.noun())}
            <A href=href(&newer.path())>{newer.titel.clone()}</A>
        </p>
    })
}
