//! "Kopiera länk" under every heading of a document (wasm only). One click
//! listener serves the whole page, since a document's text is the
//! prerendered HTML the app adopts rather than builds (`document_body`), so
//! its buttons have no handlers of their own. Where the browser has the Web
//! Share API (most phones) the button opens the share sheet; elsewhere it
//! copies the section's address and says "Länken är kopierad". Until the app
//! has taken over, the stylesheet hides the buttons: they could do nothing.

use leptos::prelude::{document, window};
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::Element;

pub fn install() {
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Ok(Some(button)) = target.closest("button.share-link") else {
            return;
        };
        // The prerender writes the site's absolute URL where one is configured, else a path.
        let written = button.get_attribute("data-url").unwrap_or_default();
        let here = window().location().href().unwrap_or_default();
        let url = web_sys::Url::new_with_base(&written, &here)
            .map(|u| u.href())
            .unwrap_or(written);
        let title = button.get_attribute("data-title").unwrap_or_default();
        let status = button
            .next_element_sibling()
            .filter(|s| s.class_list().contains("share-status"));
        let say = move |text: &str| {
            if let Some(status) = &status {
                status.set_text_content(Some(text));
            }
        };
        let navigator = window().navigator();
        if js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false) {
            let data = web_sys::ShareData::new();
            data.set_title(&title);
            data.set_url(&url);
            // The share sheet says what happened; a cancelled share is no error to show.
            let _ = navigator.share_with_data(&data);
            return;
        }
        let promise = navigator.clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => say("Länken är kopierad"),
                Err(_) => say(&format!("Kopiera adressen: {url}")),
            }
        });
    });
    let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_click.forget();
}
