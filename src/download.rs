//! Downloads made in the browser: a text file (CSV, SVG) through a Blob URL,
//! and a PNG drawn from the SVG on a canvas at twice its size.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

/// Saves `content` as a file named `name`.
pub fn text(name: &str, mime: &str, content: &str) {
    if let Some(url) = blob_url(mime, content) {
        click_link(name, &url);
        let _ = Url::revoke_object_url(&url);
    }
}

/// Saves the SVG drawing as a PNG at 2× resolution.
pub fn png(name: &str, svg: &str) {
    let (Some(url), Ok(img)) = (blob_url("image/svg+xml", svg), HtmlImageElement::new()) else {
        return;
    };
    let name = name.to_string();
    let image = img.clone();
    let source = url.clone();
    let onload = Closure::once_into_js(move || {
        let (w, h) = (image.natural_width() * 2, image.natural_height() * 2);
        let canvas: Option<HtmlCanvasElement> =
            document().create_element("canvas").ok().and_then(|c| c.dyn_into().ok());
        if let Some(canvas) = canvas {
            canvas.set_width(w);
            canvas.set_height(h);
            let context = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
            if let Some(context) = context {
                let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
                    &image,
                    0.0,
                    0.0,
                    f64::from(w),
                    f64::from(h),
                );
                if let Ok(data) = canvas.to_data_url() {
                    click_link(&name, &data);
                }
            }
        }
        let _ = Url::revoke_object_url(&source);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}

fn blob_url(mime: &str, content: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

fn click_link(name: &str, url: &str) {
    let link: Option<HtmlAnchorElement> = document().create_element("a").ok().and_then(|a| a.dyn_into().ok());
    if let Some(link) = link {
        link.set_href(url);
        link.set_download(name);
        link.click();
    }
}

fn document() -> web_sys::Document {
    leptos::prelude::document()
}
