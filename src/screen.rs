//! Whether the screen is a phone's (wasm only): narrower than 640 px, the
//! stylesheet's breakpoint for drawings, as a signal, so that a window narrowed
//! or a phone turned across it gets the drawings for its new width.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

const PHONE: &str = "(max-width: 639.98px)";

thread_local! {
    /// Reference-counted rather than owned by a component, so that it outlives every
    /// page. The media query list is kept with it: its listener lives as long as the page.
    static NARROW: (ArcRwSignal<bool>, Option<web_sys::MediaQueryList>) = {
        let query = window().match_media(PHONE).ok().flatten();
        let narrow = ArcRwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
        if let Some(query) = &query {
            let (signal, list) = (narrow.clone(), query.clone());
            // Only a real change draws again. (Chromium's full-page capture is one: it lays the
            // page out 1 px wide for a moment, and the drawings follow there and back.)
            let changed = Closure::<dyn Fn()>::new(move || {
                let now = list.matches();
                if signal.get_untracked() != now {
                    signal.set(now);
                }
            });
            query.set_onchange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        }
        (narrow, query)
    };
}

/// Whether the screen is a phone's now; read in a reactive scope, it redraws on a change.
pub fn narrow() -> bool {
    NARROW.with(|(narrow, _)| narrow.get())
}
