//! The browser app takes over a prerendered page. It renders the same route
//! into a detached element, waits until every view there has its data
//! (`Hold`), and then puts it in place of the prerendered DOM in one step,
//! keeping the scroll position, the focus, typed text and opened `<details>`.
//! Until then the reader has the prerendered page: no loading state, no
//! blank moment, and, since both come from the same components, no shift.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use leptos::prelude::{document, request_animation_frame, set_timeout, window};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// The id of the element whose prerendered content the app adopts (`adopt_document`), if any.
static ADOPTED: std::sync::Mutex<Option<&'static str>> = std::sync::Mutex::new(None);

/// Views still waiting for their data before the takeover.
static WAITING: AtomicUsize = AtomicUsize::new(0);
/// True while the prerendered page is still the one shown.
static TAKING_OVER: AtomicBool = AtomicBool::new(false);

pub fn in_progress() -> bool {
    TAKING_OVER.load(Ordering::Relaxed)
}

/// One view's claim that the takeover must wait for it; released once, when
/// its data has been decoded and its view described, or when it is gone. A
/// no-op after the takeover. Suspense builds the view's DOM in the same chain
/// of microtasks as the release, so the next frame's check sees it built.
#[derive(Clone)]
pub struct Hold(Option<Arc<AtomicBool>>);

impl Hold {
    pub fn new() -> Hold {
        if !in_progress() {
            return Hold(None);
        }
        WAITING.fetch_add(1, Ordering::Relaxed);
        Hold(Some(Arc::new(AtomicBool::new(false))))
    }

    /// Whether this view holds a takeover back (the page was prerendered).
    pub fn holds(&self) -> bool {
        self.0
            .as_ref()
            .is_some_and(|released| !released.load(Ordering::Relaxed))
    }

    pub fn release(&self) {
        if let Some(released) = &self.0 {
            if !released.swap(true, Ordering::Relaxed) {
                WAITING.fetch_sub(1, Ordering::Relaxed);
            }
        }
    }
}

/// Whether the app may leave the element `id` (a document's text) empty
/// because the page it takes over has it prerendered: the swap moves the
/// prerendered content in.
pub fn adopt_document(id: &'static str) -> bool {
    let prerendered = in_progress() && document().get_element_by_id(id).is_some();
    *ADOPTED.lock().expect("one thread") = prerendered.then_some(id);
    prerendered
}

/// Moves the prerendered text into the app's empty container. Its print
/// URLs were written without the origin unless one was configured; the page
/// knows its own.
fn move_adopted(live: &Element) {
    let Some(id) = ADOPTED.lock().expect("one thread").take() else {
        return;
    };
    let (Some(from), Ok(Some(to))) = (document().get_element_by_id(id), live.query_selector(&format!("#{id}"))) else {
        return;
    };
    while let Some(child) = from.first_child() {
        let _ = to.append_child(&child);
    }
    let origin = crate::base::origin();
    if let Ok(relative) = to.query_selector_all("[data-url^='/']") {
        for el in (0..relative.length()).filter_map(|i| relative.item(i)?.dyn_into::<Element>().ok()) {
            let _ = el.set_attribute(
                "data-url",
                &format!("{origin}{}", el.get_attribute("data-url").unwrap_or_default()),
            );
        }
    }
}

/// Takes the page over with `app` (the crate's `App`, passed in so that this
/// module imports no page or component).
pub fn start<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: leptos::prelude::IntoView + 'static,
{
    drop_trailing_slash();
    let root = document().get_element_by_id("app");
    let prerendered = root.clone().filter(|p| p.first_element_child().is_some());
    let live = match &prerendered {
        Some(_) => document().create_element("div").ok().inspect(|div| div.set_id("app")),
        // Nothing prerendered (a host that serves a bare page): render in place.
        None => root,
    };
    let live: HtmlElement = live
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| document().body().expect("a page has a body"));
    let Some(old) = prerendered else {
        leptos::mount::mount_to(live, app).forget();
        mark_live();
        return;
    };
    TAKING_OVER.store(true, Ordering::Relaxed);
    leptos::mount::mount_to(live.clone(), app).forget();
    swap_when_ready(old, live, js_sys::Date::now());
}

/// Lets the browser paint and handle input before the rest of a long piece
/// of work (a task of its own, through a timeout): the takeover builds a long
/// page in more than one task.
pub fn yield_to_browser() -> impl std::future::Future<Output = ()> + Send {
    let mut waited = false;
    std::future::poll_fn(move |cx| {
        if waited {
            return std::task::Poll::Ready(());
        }
        waited = true;
        let waker = cx.waker().clone();
        set_timeout(move || waker.wake(), std::time::Duration::ZERO);
        std::task::Poll::Pending
    })
}

/// Static hosts answer "/plan/2025/" and "/plan/2025/index.html" with the page
/// of "/plan/2025"; the route map knows only the latter.
fn drop_trailing_slash() {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let root = format!("{}/", crate::base::router_base());
    let trimmed = path.strip_suffix("index.html").unwrap_or(&path).trim_end_matches('/');
    let wanted = if trimmed.len() < root.len() {
        root.as_str()
    } else {
        trimmed
    };
    if wanted != path {
        let url = format!(
            "{wanted}{}{}",
            location.search().unwrap_or_default(),
            location.hash().unwrap_or_default()
        );
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// How long the prerendered page waits for the app's data. A data file that
/// never answers (a stalled connection) would otherwise keep the prerendered
/// page, with its controls disabled, for good. After this the app takes over
/// anyway: the reader keeps every view that is ready, and the one still
/// waiting shows its loading state ("Laddar …") and then its data, or, if
/// the file fails, its error message.
const PATIENCE_MS: f64 = 10_000.0;

/// Checked once a frame, so the swap lands between two paints.
fn swap_when_ready(old: Element, live: HtmlElement, started: f64) {
    request_animation_frame(move || {
        // A panic before the swap stopped the app: the prerendered page, made inert
        // under the panel, stays, rather than a dead app that looks alive.
        if crate::panic_panel::shown() {
            return;
        }
        // After the load event too: a reload's scroll position is restored by then,
        // on the prerendered page, and the swap holds it (`held_chapter`).
        let ready = WAITING.load(Ordering::Relaxed) == 0 && document().ready_state() == "complete";
        if !ready && js_sys::Date::now() - started < PATIENCE_MS {
            swap_when_ready(old, live, started);
            return;
        }
        swap(&old, &live);
        TAKING_OVER.store(false, Ordering::Relaxed);
    });
}

/// `html[data-app="live"]`: the app is the page now. Tests and the benchmark wait for it.
fn mark_live() {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-app", "live");
    }
}

fn swap(old: &Element, live: &HtmlElement) {
    let focused = document()
        .active_element()
        .filter(|a| old.contains(Some(a)) && a != old)
        .map(|a| locate(old, &a));
    carry_state(old, live);
    let held = held_chapter(old);
    move_adopted(live);
    // One step, and the same layout before and after: the scroll position stays
    // without being read (reading it now would force a layout of the whole page).
    let _ = old.replace_with_with_node_1(live);
    mark_live();
    // Except for the chapters off screen, which style.css lets the browser size by
    // estimate (content-visibility): moved, they are estimated anew, so the chapter
    // at the top of the view is held where the reader had it.
    if let Some((chapter, top)) = held {
        let moved = chapter.get_bounding_client_rect().top() - top;
        if moved.abs() >= 1.0 {
            window().scroll_by_with_x_and_y(0.0, moved);
        }
    }
    // Setting the carried text put the caret at its end, where typing goes on; the caret is not carried.
    if let Some(now) = focused
        .and_then(|place| find(live, &place))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = now.focus_with_options(&options);
    }
}

/// Sizes each chapter of the adopted document as the prerendered page laid it
/// out, so that the app's page, which skips the chapters off screen and sizes
/// them by this (content-visibility), has the same height above any point: the
/// scroll position, and a reload's restored one, mean the same place. Returns
/// the chapter at the top of the view and where it stands. Read while the old
/// page's layout is clean (the swap lands between two paints): no extra layout.
fn held_chapter(old: &Element) -> Option<(Element, f64)> {
    ADOPTED.lock().expect("one thread").as_ref()?;
    let chapters = old.query_selector_all(".doc-section").ok()?;
    let mut held = None;
    for chapter in (0..chapters.length()).filter_map(|i| chapters.item(i)?.dyn_into::<HtmlElement>().ok()) {
        let rect = chapter.get_bounding_client_rect();
        let _ = chapter
            .style()
            .set_property("contain-intrinsic-block-size", &format!("auto {}px", rect.height()));
        if held.is_none() && rect.bottom() > 0.0 {
            held = Some((chapter.into(), rect.top()));
        }
    }
    held
}

/// Where an element is: its id, or else its place among element children from the root.
enum Place {
    Id(String),
    Path(Vec<u32>),
}

fn locate(root: &Element, el: &Element) -> Place {
    if !el.id().is_empty() {
        return Place::Id(el.id());
    }
    let mut path = Vec::new();
    let mut node = el.clone();
    while &node != root {
        let Some(parent) = node.parent_element() else { break };
        let children = parent.children();
        let index = (0..children.length())
            .find(|&i| children.item(i).as_ref() == Some(&node))
            .unwrap_or(0);
        path.push(index);
        node = parent;
    }
    path.reverse();
    Place::Path(path)
}

/// In the live app, once it is in the document.
fn find(root: &Element, place: &Place) -> Option<Element> {
    match place {
        Place::Id(id) => document().get_element_by_id(id),
        Place::Path(path) => path.iter().try_fold(root.clone(), |node, &i| node.children().item(i)),
    }
}

/// What a reader may have done before the app was ready: typed a search,
/// opened a `<details>` (the contents list on a phone, a source). The app's
/// own controls are disabled until now (`PRERENDERING`). Each is found in the
/// app by its place, as focus is; the document's text is moved over whole,
/// with its state.
fn carry_state(old: &Element, live: &Element) {
    let Ok(touched) = old.query_selector_all("details[open], input[type=search]") else {
        return;
    };
    for was in (0..touched.length()).filter_map(|i| touched.item(i)?.dyn_into::<Element>().ok()) {
        let place = match locate(old, &was) {
            Place::Id(id) => live.query_selector(&format!("[id=\"{id}\"]")).ok().flatten(),
            path => find(live, &path),
        };
        let Some(now) = place else { continue };
        if let (Some(was), Some(now)) = (
            was.dyn_ref::<web_sys::HtmlDetailsElement>(),
            now.dyn_ref::<web_sys::HtmlDetailsElement>(),
        ) {
            now.set_open(was.open());
        }
        if let (Some(was), Some(now)) = (was.dyn_ref::<HtmlInputElement>(), now.dyn_ref::<HtmlInputElement>()) {
            if was.value() != was.default_value() {
                now.set_value(&was.value());
            }
        }
    }
}
