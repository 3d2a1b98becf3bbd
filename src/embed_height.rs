//! An embed tells the page that frames it how tall it is, so `embed.js` on
//! that page can size the iframe to its content: one message of one exact
//! shape, `{type: "kfkl-embed:height", height: <integer>}`, on load and on
//! every change of the content's height. Nothing else is ever posted.

use wasm_bindgen::prelude::*;

pub const MESSAGE_TYPE: &str = "kfkl-embed:height";

/// Starts reporting; does nothing outside a frame.
pub fn report() {
    let Some(window) = web_sys::window() else { return };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if parent == window {
        return;
    }
    // The content's height is `<main>`'s, looked up each time: the takeover replaces it.
    // The body (whose height follows the content in an embed, see style.css) is observed.
    let main = || {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
    };
    let Some(root) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let mut last = 0;
    let post = move || {
        let Some(main) = main() else { return };
        let height = main.get_bounding_client_rect().height().ceil() as i32;
        if height == last {
            return;
        }
        last = height;
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The height is no secret: any page may frame an embed, and embed.js checks who sent it.
        let _ = parent.post_message(&message, "*");
    };
    let mut post = post;
    post();
    let observed = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(observed.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    observed.forget();
}
