//! "Något gick fel" (wasm only): after a panic the app can do nothing more,
//! so the reader is told so at once, with a link that reloads the page and
//! what to report. Built with plain DOM calls and text nodes: the app's own
//! machinery may be what failed, and the message is never markup.

use wasm_bindgen::JsCast;

/// The panel's id: there is one panel, and once it is shown the app is dead.
pub const ID: &str = "fel-panel";

/// Whether a panic has stopped the app (its panel is shown).
pub fn shown() -> bool {
    leptos::prelude::document().get_element_by_id(ID).is_some()
}

/// Shows the panel once, over the page, and makes the dead page inert.
pub fn show(error: &str) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    if shown() {
        return;
    }
    let address = window.location().href().unwrap_or_default();
    let element = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let Some(panel) = element("div", "") else { return };
    panel.set_id(ID);
    let _ = panel.set_attribute("class", "panic-panel");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("tabindex", "-1");
    let reload = element("a", "Ladda om sidan");
    if let Some(a) = &reload {
        let _ = a.set_attribute("href", &address);
    }
    let report = format!(
        "Sida: {address}\nTid: {}\nFel: {error}",
        js_sys::Date::new_0().to_iso_string()
    );
    let parts = [
        element("h2", "Något gick fel"),
        element("p", "Ett fel i webbplatsen stoppade sidan. Det som visas kan vara inaktuellt, och knappar och val fungerar inte längre."),
        element("p", "").inspect(|p| {
            if let Some(a) = &reload {
                let _ = p.append_child(a);
            }
        }),
        element("p", "Kommer felet tillbaka? Berätta för Kommunförbundet Kalmar län vad du gjorde, och skicka med uppgifterna här:"),
        element("pre", &report),
    ];
    for part in parts.into_iter().flatten() {
        let _ = panel.append_child(&part);
    }
    // The page under the panel no longer works: no control of it should take focus.
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("inert", "");
    }
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&panel);
    }
    if let Ok(panel) = panel.dyn_into::<web_sys::HtmlElement>() {
        let _ = panel.focus();
    }
}
