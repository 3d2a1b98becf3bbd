//! One key indicator of a municipality's report as a card: its value against
//! the county and the nation in words, its trend, table, source and
//! downloads. The report page and its embeds (`/embed/kommun-<slug>`) show it.

use std::sync::Arc;

use kfkl_core::compare::Difference;
use kfkl_core::explorer::format_value;
use kfkl_core::format::{and_list, format_number};
use kfkl_core::kommunrapport::{
    card_csv, change_text, grade_key, Comparison, KeyIndicator, Kommunrapport, Reading, SurveyPart,
};
use kfkl_core::stats::{beside_county, COUNTY_NAME};
use kfkl_core::svgframe::captioned;
use kfkl_core::trend::{render_svg, Line, Role, Trend, HEIGHT as TREND_HEIGHT, WIDTH as TREND_WIDTH};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base::href;
use crate::components::figure::{part_id, svg_drawing, Downloads, Figure, Place};

/// A reading's value: ".." where suppressed, "–" where there is no row.
pub(crate) fn value(r: &Option<Reading>, k: &KeyIndicator) -> String {
    match r {
        None => "–".into(),
        Some(r) => format_value(r.value, r.approx, k.unit),
    }
}

pub(crate) fn respondents(r: &Option<Reading>) -> String {
    r.as_ref()
        .and_then(|r| r.n)
        .map(|n| format_number(f64::from(n)))
        .unwrap_or_else(|| "–".into())
}

/// What may be said, in words; the reason where nothing may.
pub(crate) fn verdict(c: Comparison, than: &str, why_unknown: &str) -> String {
    match c.difference() {
        Difference::Unknown => format!("Kan inte jämföras med {than}: {why_unknown}."),
        d => {
            let text = d.text(than);
            let mut first = text.chars();
            first
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + first.as_str() + ".")
                .unwrap_or_default()
        }
    }
}

/// One key indicator in the site's one figure: the latest value, the honest
/// verdicts, the change, the trend beside the county's and the three places'
/// values. The report's page and the card's embed show it alike.
pub fn indicator_card(r: &Kommunrapport, part: &SurveyPart, k: &KeyIndicator, place: Place) -> impl IntoView {
    let name = r.name.as_str();
    let key = format!("kort-{}-{}-{}", part.id, k.id, grade_key(&k.grade));
    let title = format!("{}, {}", k.label, k.grade);
    // Off the report's page the card names its municipality.
    let titled = format!("{title}: {name}");
    let (title, place) = match place {
        Place::Embed { .. } => (titled, place),
        page => (title, page.with_embed_title(titled)),
    };
    let year = k.latest.as_ref().map(|r| r.year);
    let headline = value(&k.latest, k);
    let suppressed = [&k.latest, &k.county]
        .iter()
        .any(|r| r.as_ref().is_some_and(|r| r.value.is_none()));
    let change = change_text(k);
    let why_county = if k.latest.as_ref().is_some_and(|r| r.value.is_none()) {
        "kommunens värde visas inte"
    } else {
        "uppgift saknas"
    };
    let vs_county = verdict(k.vs_county, "länet", why_county);
    // Riket's n is not published, so this is said once for the page (`Så jämförs`), not on every card.
    let vs_nation = (k.vs_nation != Comparison::Unknown).then(|| verdict(k.vs_nation, "riket", ""));
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
    if part.has_nation && !k.nation_years.is_empty() {
        lines.push(Line {
            name: "Riket",
            role: Role::Nation,
            years: &k.nation_years,
            values: &k.trend_nation,
            real: &k.real_nation,
        });
    }
    // A trend mixing real values and example data marks them apart (filled and hollow).
    let drawn: Vec<bool> = lines
        .iter()
        .flat_map(|l| {
            l.values
                .iter()
                .zip(l.real)
                .filter(|(v, _)| v.is_some())
                .map(|(_, r)| *r)
        })
        .collect();
    let trend_mixed = drawn.contains(&true) && drawn.contains(&false);
    let svg = (!k.years.is_empty()).then(|| {
        render_svg(&Trend {
            unit: k.unit,
            lines,
            breaks: &k.breaks,
        })
    });
    // Only the places the survey has: LUPP publishes no national figures.
    let mut places = vec![(own.clone(), &k.latest), (COUNTY_NAME.to_string(), &k.county)];
    if part.has_nation {
        places.push(("Riket".to_string(), &k.nation));
    }
    // Where real figures stand beside example data, the card says which are real.
    let real: Vec<&str> = places
        .iter()
        .filter(|(_, r)| r.as_ref().is_some_and(|r| !r.example))
        .map(|(a, _)| a.as_str())
        .collect();
    let example = places.iter().any(|(_, r)| r.as_ref().is_some_and(|r| r.example));
    let mixed = !real.is_empty() && example;
    let mut notes: Vec<String> = Vec::new();
    if suppressed {
        notes.push(format!("..: färre än {} svarande, värdet visas inte.", part.threshold));
    }
    if mixed {
        notes.push(format!("Verklig uppgift: {}. Övriga är exempeldata.", real.join(", ")));
    }
    if trend_mixed {
        notes.push("I diagrammet: fylld punkt är ett verkligt värde, ofylld exempeldata.".to_string());
    }
    if places.iter().any(|(_, r)| r.is_none()) {
        notes.push("–: uppgift saknas.".to_string());
    }
    let notes = (!notes.is_empty()).then(|| view! { <p class="table-note">{notes.join(" ")}</p> }.into_any());
    let rows = places
        .iter()
        .map(|(area, r)| view! { <tr><th scope="row">{area.clone()}</th><td class="num">{value(r, k)}</td><td class="num">{respondents(r)}</td></tr> })
        .collect_view();
    let values: Vec<String> = places
        .iter()
        .map(|(area, r)| format!("{area} {}", value(r, k)))
        .collect();
    let summary = format!(
        "{}: {}.",
        year.map(|y| y.to_string()).unwrap_or_else(|| "Senaste året".into()),
        values.join(", ")
    );
    let lead = view! {
        <p class="card-value">{headline}<span class="card-year">{year.map(|y| format!(" {y}")).unwrap_or_default()}</span></p>
        <p class="verdict"><strong>{vs_county}</strong>{vs_nation.map(|v| format!(" {v}"))}</p>
        {change.map(|c| view! { <p class="change">{format!("Förändring: {c}.")}</p> })}
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
    let source = format!("Källa: {}.", k.sources.join("; "));
    let (csv_report, csv_k) = (r.name.clone(), k.clone());
    let compared: Vec<&str> = places.iter().map(|(area, _)| area.as_str()).collect();
    let (picture_title, picture_source) = (
        format!("{}, {}: {}", k.label, k.grade, and_list(&compared)),
        source.clone(),
    );
    let downloads = Downloads {
        name: Signal::stored(format!("kommun-{}-{}-{}", r.slug, k.id, grade_key(&k.grade))),
        csv: Arc::new(move |flavour| card_csv(&csv_report, &csv_k, flavour)),
        picture: Arc::new(move || {
            svg.as_ref()
                .map(|svg| captioned(svg, TREND_WIDTH, TREND_HEIGHT, &picture_title, &picture_source))
        }),
        has_picture: Signal::stored(!k.years.is_empty()),
    };
    let links = matches!(place, Place::Page { .. }).then(|| {
        let places = if part.has_nation { format!("{name}, länet och riket") } else { format!("{name} och länet") };
        view! { <p class="card-link"><A href=href(&k.explorer)>{format!("{}: {places} i statistikverktyget", k.label)}</A></p> }.into_any()
    });
    view! {
        <Figure key title summary lead=Some(lead) drawing table table_notes=notes source example downloads=Some(downloads) links place class="indicator-card" compact=true/>
    }
}
