//! The one figure every chart of the site stands in, whatever its kind:
//! heading, summary, drawing, key notes, table, source line, and then either
//! the downloads and the "Bädda in" dialog (on a page of the site) or the
//! example banner and a link to the full view (in an embed). So every chart
//! is embeddable, downloadable and printable in the same way; the chart
//! kinds (`chart.rs`, `statfigure.rs`, the report's cards) only fill it.

use std::sync::Arc;

use kfkl_core::csv::CsvFlavour;
use kfkl_core::embed::Display;
use kfkl_core::palette::to_dark;
use leptos::prelude::*;

use crate::components::embed_dialog::EmbedDialog;

/// What a figure offers to download.
#[derive(Clone)]
pub struct Downloads {
    /// The files' name without extension ("andts-rokning-gy2-0880").
    pub name: Signal<String>,
    /// The table as CSV, exactly the rows shown.
    pub csv: Arc<dyn Fn(CsvFlavour) -> String + Send + Sync>,
    /// The drawing as a file, with title and source in it; `None` where
    /// the view has no drawing to give (the explorer's map view).
    pub picture: Arc<dyn Fn() -> Option<String> + Send + Sync>,
    pub has_picture: Signal<bool>,
}

/// Where a figure stands.
#[derive(Clone)]
pub enum Place {
    /// On a page of the site, its heading at `level`; `embed` is the path of
    /// its embed ("/embed/budget-intakter"), for the "Bädda in" dialog, and
    /// `embed_title` the embed's title where it says more than the page's
    /// heading (a report's card names its municipality).
    Page {
        level: u8,
        embed: Option<Signal<String>>,
        embed_title: Option<String>,
    },
    /// The embed itself, a page of its own in another site's frame: the
    /// chart's title is its `h1`, and `link` leads to the full view.
    Embed {
        display: Display,
        link: Signal<String>,
        link_text: Signal<String>,
    },
}

impl Place {
    /// On a page, with the "Bädda in" dialog for the embed at `embed`.
    pub fn page(level: u8, embed: impl Into<String>) -> Place {
        Place::Page {
            level,
            embed: Some(Signal::stored(embed.into())),
            embed_title: None,
        }
    }

    /// The embed's title, where it says more than the page's heading.
    pub fn with_embed_title(self, title: String) -> Place {
        match self {
            Place::Page { level, embed, .. } => Place::Page {
                level,
                embed,
                embed_title: Some(title),
            },
            embedded => embedded,
        }
    }

    /// In an embed, linking to the full view at `link` (a path of the site).
    pub fn embed(display: Display, link: &str, link_text: impl Into<String>) -> Place {
        Place::Embed {
            display,
            link: Signal::stored(crate::base::href(link)),
            link_text: Signal::stored(link_text.into()),
        }
    }
}

/// The ids a figure's parts have, from its key: the drawing is labelled by
/// `"{key}-rubrik {key}-sammanfattning"`, the table's caption is `"{key}-tabell"`.
pub fn part_id(key: &str, part: &str) -> String {
    format!("{key}-{part}")
}

/// A drawing for the screen: a screen narrower than 640 px gets the one drawn
/// `narrow` units wide, so that its text stays legible when scaled to a phone's
/// column; a wider one gets `wide` (the same where they are equal). The app draws the one its screen needs,
/// and draws again where the screen crosses the breakpoint (`screen::narrow`, read in a
/// reactive scope). A prerendered page cannot know the screen, so it carries both and
/// style.css shows one by the same breakpoint: the drawing keeps its size when the app takes over.
pub fn for_screen(draw: impl Fn(u32) -> String, wide: u32, narrow: u32) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        draw(if crate::screen::narrow() { narrow } else { wide })
    }
    #[cfg(not(target_arch = "wasm32"))]
    if wide == narrow {
        draw(wide)
    } else {
        format!(
            "<div class=\"svg-wide\">{}</div><div class=\"svg-narrow\">{}</div>",
            draw(wide),
            draw(narrow)
        )
    }
}

/// A drawing of plotters' SVG, read as one image by its title and summary.
/// plotters escapes every text it writes into the SVG (tested in kfkl-core),
/// so its output is safe to insert as markup.
pub fn svg_drawing(key: &str, class: &'static str, svg: Signal<String>) -> AnyView {
    let labels = format!("{} {}", part_id(key, "rubrik"), part_id(key, "sammanfattning"));
    view! { <div class=format!("chart-svg {class}") role="img" aria-labelledby=labels inner_html=move || svg.get()></div> }.into_any()
}

#[component]
pub fn Figure(
    /// The prefix of the figure's ids: "statfigur", "diagram-budget-intakter".
    #[prop(into)]
    key: String,
    #[prop(into)] title: Signal<String>,
    /// One sentence that says what the drawing shows.
    #[prop(into)]
    summary: Signal<String>,
    /// The summary is announced when it changes (the explorer's view changes under its controls).
    #[prop(optional)]
    live: bool,
    /// Between the heading and the summary: a key figure's value and verdict.
    #[prop(default = None)]
    lead: Option<AnyView>,
    /// The drawing, labelled by the figure's title and summary (`svg_drawing`).
    drawing: AnyView,
    /// Under the drawing: what its lines, fills and marks mean.
    #[prop(default = None)]
    key_notes: Option<AnyView>,
    /// The same numbers as a `<table>` whose caption has the id `"{key}-tabell"`.
    table: AnyView,
    /// Under the table: what its signs and columns mean.
    #[prop(default = None)]
    table_notes: Option<AnyView>,
    #[prop(into)] source: Signal<String>,
    /// After the source: where to read more (a page's link into the explorer).
    #[prop(default = None)]
    links: Option<AnyView>,
    #[prop(into, optional)] example: Signal<bool>,
    #[prop(default = None)] downloads: Option<Downloads>,
    place: Place,
    /// The kind's own class beside `chart` ("stat-figure", "indicator-card").
    #[prop(optional)]
    class: &'static str,
    /// Downloads and embedding behind one disclosure, for small figures.
    #[prop(optional)]
    compact: bool,
    /// The summary under the drawing rather than over it (the explorer: its chart
    /// first on a phone). In the DOM too, not by CSS order: a page painted while
    /// still being parsed would otherwise move the summary when the drawing arrives.
    #[prop(optional)]
    summary_below: bool,
) -> impl IntoView {
    let id = |part: &str| part_id(&key, part);
    let (heading_id, summary_id, table_id) = (id("rubrik"), id("sammanfattning"), id("tabell"));
    let embedded = matches!(place, Place::Embed { .. });
    let display = match &place {
        Place::Embed { display, .. } => *display,
        Place::Page { .. } => Display {
            table: true,
            title: true,
            theme: Default::default(),
        },
    };
    let heading = heading(&place, heading_id.clone(), title, display.title);
    let banner = move || {
        (embedded && example.get()).then(
            || view! { <p class="example-banner example-banner-title">"Exempeldata – inte verkliga resultat"</p> },
        )
    };
    let summary = if live {
        view! { <p class="chart-summary" id=summary_id aria-live="polite">{summary}</p> }.into_any()
    } else {
        view! { <p class="chart-summary" id=summary_id>{summary}</p> }.into_any()
    };
    let (above, below) = if summary_below {
        (None, Some(summary))
    } else {
        (Some(summary), None)
    };
    let tools = tools(place, key.clone(), title, downloads, example, compact);
    view! {
        // The caption first (HTML lets a figure's caption stand first or last, and
        // nothing after the last): its title, and in an embed the banner over it.
        <figure class=format!("chart {class}") aria-labelledby=heading_id>
            <figcaption class="figure-title">{banner}{heading}</figcaption>
            {lead}
            {above}
            {drawing}
            {below}
            {key_notes}
            // Scrolls sideways on a phone when it must; focusable so keyboards can too.
            // An embed shows it when asked to (tabell=1); the page always does.
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby=table_id hidden=!display.table>{table}</div>
            {display.table.then_some(table_notes)}
            <p class="source">{source}</p>
            {links}
            {tools}
        </figure>
    }
}

/// The figure's heading: h2 or h3 on a page; in an embed h1, hidden (not left
/// out) when the host page has its own title, so the frame keeps its heading.
fn heading(place: &Place, id: String, title: Signal<String>, shown: bool) -> AnyView {
    match place {
        Place::Embed { .. } => view! { <h1 id=id class:visually-hidden=!shown>{title}</h1> }.into_any(),
        Place::Page { level: 2, .. } => view! { <h2 id=id>{title}</h2> }.into_any(),
        Place::Page { .. } => view! { <h3 id=id>{title}</h3> }.into_any(),
    }
}

/// After the source: on a page, the downloads and the embed dialog (behind one
/// disclosure when `compact`); in an embed, the link to the full view.
fn tools(
    place: Place,
    key: String,
    title: Signal<String>,
    downloads: Option<Downloads>,
    example: Signal<bool>,
    compact: bool,
) -> AnyView {
    match place {
        Place::Page { embed, embed_title, .. } => {
            let title = embed_title.map_or(title, Signal::stored);
            let parts = move || {
                let files = downloads.clone().map(|d| downloads_view(d, example));
                let dialog = embed.map(|path| view! { <EmbedDialog key=key.clone() path title/> });
                (files, dialog)
            };
            if compact {
                // Built when first opened: a report has 16 cards, and their buttons and dialogs
                // held the app's takeover back. Without JavaScript they could do nothing.
                let (opened, set_opened) = signal(false);
                let inside = move || {
                    if crate::PRERENDERING {
                        view! { <p class="muted">"Nedladdning och inbäddning behöver JavaScript."</p> }.into_any()
                    } else {
                        opened.get().then(&parts).into_any()
                    }
                };
                view! { <details class="downloads figure-tools" on:toggle=move |_| set_opened.set(true)><summary>"Ladda ner eller bädda in"</summary>{inside}</details> }.into_any()
            } else {
                view! { <div class="downloads figure-tools"><p class="downloads-title">"Ladda ner det som visas"</p>{parts()}</div> }.into_any()
            }
        }
        Place::Embed { link, link_text, .. } => {
            view! { <p class="embed-link"><a href=link target="_top">{link_text}</a></p> }.into_any()
        }
    }
}

/// CSV in both flavours, and the drawing as SVG and PNG where the view has one.
fn downloads_view(d: Downloads, example: Signal<bool>) -> impl IntoView {
    let Downloads {
        name,
        csv,
        picture,
        has_picture,
    } = d;
    let save_csv = move |flavour: CsvFlavour| {
        let csv = csv.clone();
        move |_| {
            let name = format!("{}{}.csv", name.get_untracked(), flavour.suffix());
            crate::download::text(&name, "text/csv;charset=utf-8", &csv(flavour));
        }
    };
    // The picture is of the theme in force, and its name says which.
    let save_picture = move |png: bool| {
        let picture = picture.clone();
        move |_| {
            let Some(svg) = picture() else { return };
            let (svg, name) = if crate::theme::dark() {
                (to_dark(&svg), format!("{}-morkt-tema", name.get_untracked()))
            } else {
                (svg, name.get_untracked())
            };
            if png {
                crate::download::png(&format!("{name}.png"), &svg);
            } else {
                crate::download::text(&format!("{name}.svg"), "image/svg+xml", &svg);
            }
        }
    };
    view! {
        <ul>
            <li><button type="button" disabled=crate::PRERENDERING on:click=save_csv(CsvFlavour::SwedishExcel)>"CSV för Excel (semikolon, decimalkomma)"</button></li>
            <li><button type="button" disabled=crate::PRERENDERING on:click=save_csv(CsvFlavour::Standard)>"CSV standard (komma, decimalpunkt)"</button></li>
            <Show when=move || has_picture.get()>
                <li><button type="button" disabled=crate::PRERENDERING on:click=save_picture(false)>"Diagrammet som SVG"</button></li>
                <li><button type="button" disabled=crate::PRERENDERING on:click=save_picture(true)>"Diagrammet som PNG"</button></li>
            </Show>
        </ul>
        <Show when=move || example.get()>
            <p class="muted">"Filerna är märkta ”EXEMPELDATA – INTE VERKLIGA RESULTAT”."</p>
        </Show>
    }
}
