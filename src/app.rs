//! The shell (skip link, header, navigation, footer) and the route map.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use kfkl_core::publications::Kind;

use crate::base::{href, router_base};
use crate::components::search_form::SearchForm;
use crate::pages::{
    about, accessibility, av_play, budget, embed, explorer, followup, home, kommun, not_found, plan, report, search,
};
use crate::registry::latest;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=router_base()>
            <Shell/>
        </Router>
    }
}

/// Header and footer around every page except embeds, which show only the chart.
#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    let embedded = move || location.pathname.get().contains("/embed/");
    // After a client-side navigation the clicked link is gone and focus with it:
    // move focus to the new content, as a page load would put the reader at its top.
    Effect::new(move |first_run: Option<()>| {
        location.pathname.track();
        if first_run.is_some() {
            focus_main();
        }
    });
    view! {
        <Show when=move || !embedded()>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Hoppa till innehållet"</a>
            <Header/>
        </Show>
        <main id="main" tabindex="-1" class:embedded=embedded>
            <FlatRoutes fallback=not_found::NotFound>
                <Route path=path!("/") view=home::Home/>
                // The documents' years come from the publications index: `/plan` is the newest plan.
                <Route path=path!("/plan") view=plan::Plan/>
                <Route path=path!("/plan/:ar") view=plan::Plan/>
                <Route path=path!("/plan/:ar/budget") view=budget::Budget/>
                <Route path=path!("/rapport") view=report::Report/>
                <Route path=path!("/rapport/:ar") view=report::Report/>
                <Route path=path!("/uppfoljning") view=followup::FollowUpIndex/>
                // "/uppfoljning/2023" is an older pair's index, "/uppfoljning/av-media" a topic of the newest.
                <Route path=path!("/uppfoljning/:amne") view=followup::FollowUpTopic/>
                <Route path=path!("/uppfoljning/:ar/:amne") view=followup::FollowUpTopic/>
                <Route path=path!("/statistik/andts") view=explorer::Andts/>
                <Route path=path!("/statistik/lupp") view=explorer::Lupp/>
                <Route path=path!("/statistik/av-play") view=av_play::AvPlay/>
                <Route path=path!("/kommun") view=kommun::KommunIndex/>
                <Route path=path!("/kommun/:kommun") view=kommun::Kommun/>
                <Route path=path!("/embed/:chart") view=embed::Embed/>
                <Route path=path!("/sok") view=search::Search/>
                <Route path=path!("/om-data") view=about::About/>
                <Route path=path!("/tillganglighet") view=accessibility::Accessibility/>
            </FlatRoutes>
        </main>
        <Show when=move || !embedded()>
            <Footer/>
        </Show>
    }
}

/// The `<base>` element would send "#main" to the site root, so the skip link
/// moves focus itself.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_main();
}

fn focus_main() {
    use wasm_bindgen::JsCast;
    let main = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = main.focus_with_options(&options);
    }
}

/// The main menu's links, in the header on a wide screen and behind "Meny" on a phone.
fn menu_links() -> impl IntoView {
    view! {
        <ul>
            <li><A href=href(&latest(Kind::Plan).path())>{format!("Verksamhetsplan {}", latest(Kind::Plan).ar)}</A></li>
            <li><A href=href(&latest(Kind::Rapport).path())>{format!("Verksamhetsberättelse {}", latest(Kind::Rapport).ar)}</A></li>
            <li><A href=href("/uppfoljning")>"Uppföljning"</A></li>
            <li><A href=href("/statistik/andts")>"ANDTS"</A></li>
            <li><A href=href("/statistik/lupp")>"LUPP"</A></li>
            <li><A href=href("/statistik/av-play")>"AV-Play"</A></li>
            <li><A href=href("/kommun")>"Kommunerna"</A></li>
        </ul>
    }
}

/// On a wide screen the menu and the search box stand in the header; on a
/// phone they are behind "Meny", a `<details>` that opens without JavaScript,
/// so that the header stays one line high. One of the two is shown (CSS).
#[component]
fn Header() -> impl IntoView {
    let menu = NodeRef::<leptos::html::Details>::new();
    let location = use_location();
    // A link followed inside the app closes the menu, as a page load would.
    Effect::new(move |first_run: Option<()>| {
        location.pathname.track();
        if let (Some(_), Some(menu)) = (first_run, menu.get_untracked()) {
            let _ = menu.remove_attribute("open");
        }
    });
    view! {
        <header class="site-header">
            <div class="wrap">
                <A href=href("/") attr:class="site-name">"Kommunförbundet Kalmar län"</A>
                <nav class="menu-wide" aria-label="Huvudmeny">{menu_links()}</nav>
                <div class="search-wide"><SearchForm id="sok-sidhuvud" label="Sök på webbplatsen"/></div>
                <details class="site-menu" node_ref=menu>
                    <summary>"Meny"</summary>
                    <div class="site-menu-panel">
                        <nav aria-label="Huvudmeny">{menu_links()}</nav>
                        <SearchForm id="sok-meny" label="Sök på webbplatsen"/>
                    </div>
                </details>
            </div>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>"Kommunförbundet Kalmar län – ett samarbete mellan länets 12 kommuner."</p>
                <ul>
                    <li><A href=href("/tillganglighet")>"Tillgänglighet"</A></li>
                    <li><A href=href("/om-data")>"Om data och källor"</A></li>
                </ul>
            </div>
        </footer>
    }
}
