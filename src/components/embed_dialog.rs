//! "Bädda in diagrammet": beside every embeddable chart, a native dialog with
//! the snippet for the view shown (`kfkl_core::embed::snippet`), the display
//! options previewed live, and a copy button that says what it did. Focus
//! returns to the button that opened it. Its content is built when it is
//! first opened.

use kfkl_core::embed::{Display, Theme};
use leptos::prelude::*;

use crate::base::href;

/// `key` makes the ids unique where a page has several charts; `path` is the
/// embed's path and query ("/embed/andts?omrade=0880"), `title` the chart's.
#[component]
pub fn EmbedDialog(
    #[prop(into)] key: String,
    #[prop(into)] path: Signal<String>,
    #[prop(into)] title: Signal<String>,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = NodeRef::<leptos::html::Button>::new();
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let (open, set_open) = signal(false);
    // A report has 16 dialogs: drawing them all held the app's takeover back (Lighthouse's blocking time).
    let (built, set_built) = signal(false);
    let (copied, set_copied) = signal(String::new());
    let (options, set_options) = signal(Display::default());
    // The snippet's first height: the figure as an embed shows it (without its table and
    // downloads), measured when the dialog opens; embed.js fits it to the content after that.
    let (height, set_height) = signal(600_u32);
    let embed_path = move || options.get().apply(&path.get());
    let code = move || kfkl_core::embed::snippet(&crate::base::site_url(), &embed_path(), &title.get(), height.get());
    let show = move |_| {
        if let Some(h) = shown_height(opener) {
            set_height.set(h);
        }
        set_copied.set(String::new());
        set_open.set(true);
        // Built on the first opening: the view is drawn in a microtask, and the dialog opens
        // after it, so that it puts focus on its first control as a drawn dialog does.
        set_built.set(true);
        request_animation_frame(move || {
            if let Some(d) = dialog.get_untracked() {
                let _ = d.show_modal();
            }
        });
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let on_close = move |_| {
        set_open.set(false);
        if let Some(b) = opener.get() {
            let _ = b.focus();
        }
    };
    let copy = move |_| {
        let Some(area) = textarea.get() else { return };
        area.select();
        #[cfg(target_arch = "wasm32")]
        {
            let promise = window().navigator().clipboard().write_text(&code());
            leptos::task::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                set_copied.set(if done {
                    "Kopierat".into()
                } else {
                    "Koden är markerad: kopiera med Ctrl+C (Cmd+C på Mac).".into()
                });
            });
        }
    };
    let id = {
        let key = key.clone();
        move |what: &str| field_id(&key, what)
    };
    let (dialog_id, heading_id) = (id("dialog"), id("rubrik"));
    let content = move || {
        built.get().then(|| view! {
            <h3 id=id("rubrik")>"Bädda in diagrammet"</h3>
            <p>"Klistra in koden på en annan webbplats. Diagrammet visar samma val som nu och anpassar sin höjd efter innehållet."</p>
            <DisplayOptions key=key.clone() options set_options/>
            <label class="code-label" for=id("kod")>"Kod att klistra in"</label>
            <textarea id=id("kod") class="embed-snippet" node_ref=textarea readonly rows="5" prop:value=code></textarea>
            <p class="embed-actions">
                <button type="button" on:click=copy>"Kopiera koden"</button>
                " "
                <button type="button" on:click=close>"Stäng"</button>
                " "
                <span class="copied" role="status">{move || copied.get()}</span>
            </p>
            <h4>"Förhandsvisning"</h4>
            // Only while open: a closed dialog loads no second page. Out of the tab order: a
            // preview to look at, and Escape inside a frame would not reach the dialog.
            <Show when=move || open.get()>
                <iframe class="embed-preview" tabindex="-1" src=move || href(&embed_path()) title="Förhandsvisning av det inbäddade diagrammet" width="100%" height="420"></iframe>
            </Show>
        })
    };
    view! {
        <button type="button" class="embed-open" node_ref=opener disabled=crate::PRERENDERING on:click=show>"Bädda in diagrammet"</button>
        <dialog class="embed-dialog" id=dialog_id node_ref=dialog aria-labelledby=heading_id on:close=on_close>{content}</dialog>
    }
}

/// "statfigur-inbaddning-kod": apart from the figure's own ids ("statfigur-tabell").
fn field_id(key: &str, what: &str) -> String {
    format!("{key}-inbaddning-{what}")
}

/// The snippet's first height: the figure as an embed shows it (without its
/// table and downloads), measured from the figure of the button that opens the dialog.
fn shown_height(opener: NodeRef<leptos::html::Button>) -> Option<u32> {
    let figure = opener.get().and_then(|b| b.closest("figure").ok().flatten())?;
    let part = |selector: &str| {
        figure
            .query_selector(selector)
            .ok()
            .flatten()
            .map_or(0.0, |e| e.get_bounding_client_rect().height())
    };
    let shown =
        figure.get_bounding_client_rect().height() - part(".table-wrap") - part(".downloads") - part(".embed-open");
    Some((shown.max(300.0) as u32 + 60).min(1600))
}

/// What the embed shows (its table, its title) and in which colours, previewed live.
#[component]
fn DisplayOptions(key: String, options: ReadSignal<Display>, set_options: WriteSignal<Display>) -> impl IntoView {
    let id = move |what: &str| field_id(&key, what);
    view! {
        <fieldset>
            <legend>"Visa"</legend>
            <div class="check">
                <input type="checkbox" id=id("tabell") prop:checked=move || options.get().table
                    on:change=move |ev| set_options.update(|o| o.table = event_target_checked(&ev))/>
                <label for=id("tabell")>"Tabellen under diagrammet"</label>
            </div>
            <div class="check">
                <input type="checkbox" id=id("utan-rubrik") prop:checked=move || !options.get().title
                    on:change=move |ev| set_options.update(|o| o.title = !event_target_checked(&ev))/>
                <label for=id("utan-rubrik")>"Utan rubrik (när sidan har en egen)"</label>
            </div>
        </fieldset>
        <fieldset>
            <legend>"Färger"</legend>
            {[(Theme::Auto, "auto", "Som läsarens inställning"), (Theme::Light, "ljust", "Ljusa"), (Theme::Dark, "morkt", "Mörka")].map(|(theme, word, label)| {
                let field = id(&format!("tema-{word}"));
                view! {
                    <div class="check">
                        <input type="radio" name=id("tema") id=field.clone() prop:checked=move || options.get().theme == theme
                            on:change=move |_| set_options.update(|o| o.theme = theme)/>
                        <label for=field>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
