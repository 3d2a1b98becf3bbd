//! One key indicator of a municipality's report as a card: its value against
//! the county and the nation in words, its trend, table, source and
//! downloads. The report page and its embeds (`/embed/kommun-<slug>`) show it.

use std::sync::Arc;

use kfkl_core::kommunrapport::{card_csv, card_text, draws_nation, grade_key, KeyIndicator, Kommunrapport, SurveyPart};
use kfkl_core::stats::{beside_county, COUNTY_NAME};
use kfkl_core::svgframe::captioned;
use kfkl_core::trend::{render_svg, Line, Role, Trend, HEIGHT as TREND_HEIGHT, WIDTH as TREND_WIDTH};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;
use crate::components::figure::{part_id, svg_drawing, Downloads, Figure, Place};

/// One key indicator in the site's one figure: the latest value, the honest
/// verdicts, the change, the trend beside the county's and the three places'
/// values, all worded by `kommunrapport::card_text`. The report's page and the
/// card's embed show it alike.
pub fn indicator_card(r: &Kommunrapport, part: &SurveyPart, k: &KeyIndicator, place: Place) -> impl IntoView {
    let c = card_text(&r.name, part, k);
    let key = format!("kort-{}-{}-{}", part.id, k.id, grade_key(&k.grade));
    // Off the report's page the card names its municipality.
    let (title, place) = match place {
        Place::Embed { .. } => (c.named_title.clone(), place),
        page => (c.title.clone(), page.with_embed_title(c.named_title.clone())),
    };
    let svg = trend(&r.name, part, k);
    let notes = (!c.notes.is_empty()).then(|| view! { <p class="table-note">{c.notes.join(" ")}</p> }.into_any());
    let rows = c
        .places
        .iter()
        .map(|p| view! { <tr><th scope="row">{p.name.clone()}</th><td class="num">{p.value.clone()}</td><td class="num">{p.respondents.clone()}</td></tr> })
        .collect_view();
    let lead = view! {
        <p class="card-value">{c.headline.clone()}<span class="card-year">{c.year.map(|y| format!(" {y}")).unwrap_or_default()}</span></p>
        <p class="verdict"><strong>{c.vs_county.clone()}</strong>{c.vs_nation.clone().map(|v| format!(" {v}"))}</p>
        {c.change.clone().map(|c| view! { <p class="change">{c}</p> })}
    }
    .into_any();
    let drawing = match &svg {
        Some(svg) => svg_drawing(&key, "trend-svg", Signal::stored(svg.clone())),
        None => ().into_any(),
    };
    let table = view! {
        <table class="data-table compact">
            <caption id=part_id(&key, "tabell") class="visually-hidden">{format!("{title}, senaste året")}</caption>
            <thead><tr><th scope="col">"Område"</th><th scope="col" class="num">"Värde"</th><th scope="col" class="num"><span class="screen-only">"Svarande "</span>"(n)"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any();
    let (csv_report, csv_k) = (r.name.clone(), k.clone());
    let (picture_title, picture_source) = (c.picture_title.clone(), c.source.clone());
    let downloads = Downloads {
        name: Signal::stored(format!("kommun-{}-{}-{}", r.slug, k.id, grade_key(&k.grade))),
        csv: Arc::new(move |flavour| card_csv(&csv_report, &csv_k, flavour)),
        picture: Arc::new(move || {
            svg.as_ref()
                .map(|svg| captioned(svg, TREND_WIDTH, TREND_HEIGHT, &picture_title, &picture_source))
        }),
        has_picture: Signal::stored(!k.years.is_empty()),
    };
    let links = matches!(place, Place::Page { .. })
        .then(|| view! { <p class="card-link"><A href=href(&k.explorer)>{c.explorer_link.clone()}</A></p> }.into_any());
    let (summary, source) = (c.summary, c.source);
    view! {
        <Figure key title summary lead=Some(lead) drawing table table_notes=notes source example=c.example downloads=Some(downloads) links place class="indicator-card" compact=true/>
    }
}

/// The trend of the municipality beside the county's (and the nation's, where
/// the survey has it); `None` where there are no years to draw.
fn trend(name: &str, part: &SurveyPart, k: &KeyIndicator) -> Option<String> {
    // Beside the county, Kalmar is "Kalmar kommun".
    let own = beside_county(name);
    let mut lines = vec![
        Line {
            name: &own,
            role: Role::Municipality,
            years: &k.years,
            values: &k.trend_municipality,
            real: &k.real_municipality,
        },
        Line {
            name: COUNTY_NAME,
            role: Role::County,
            years: &k.years,
            values: &k.trend_county,
            real: &k.real_county,
        },
    ];
    if draws_nation(part, k) {
        lines.push(Line {
            name: "Riket",
            role: Role::Nation,
            years: &k.nation_years,
            values: &k.trend_nation,
            real: &k.real_nation,
        });
    }
    (!k.years.is_empty()).then(|| {
        render_svg(&Trend {
            unit: k.unit,
            lines,
            breaks: &k.breaks,
        })
    })
}
