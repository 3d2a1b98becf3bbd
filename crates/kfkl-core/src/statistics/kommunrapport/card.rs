//! What a report's card says and offers: the change in words, the values,
//! the verdicts against the county and the nation, the notes, the summary,
//! the card's CSV, and the query that names it in an embed.

use super::*;
use crate::csv::CsvFlavour;
use crate::stats::StatUnit;

/// The change since the previous round, in percentage points or the unit:
/// "+2,5 procentenheter sedan 2021", or `None` where either is missing.
pub fn change_text(k: &KeyIndicator) -> Option<String> {
    let before = k.previous.as_ref()?;
    let amount = change_number(k)?;
    let unit = match k.unit {
        StatUnit::Percent => "procentenheter",
        StatUnit::Litres => "liter",
        StatUnit::Count => "",
    };
    Some(format!("{amount}\u{a0}{unit} sedan {}", before.year).replace("\u{a0} ", " "))
}

/// The change since the previous round as a signed number in the unit: "+2,5", "−0,4", "±0,0".
pub fn change_number(k: &KeyIndicator) -> Option<String> {
    let (now, before) = (k.latest.as_ref()?, k.previous.as_ref()?);
    let d = now.value? - before.value?;
    let sign = if d > 0.0 {
        "+"
    } else if d < 0.0 {
        "\u{2212}"
    } else {
        "±"
    };
    Some(format!("{sign}{}", crate::format::format_fixed(d.abs(), 1)))
}

/// A card's grade as a query value: "åk 9" → "ak9", "gy 2" → "gy2" (the explorer's `arskurs`).
pub fn grade_key(grade: &str) -> String {
    grade
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == 'å' { 'a' } else { c })
        .collect()
}

/// The query that names a card in the report's embed ("?indikator=rokning&arskurs=ak9").
pub fn card_query(k: &KeyIndicator) -> String {
    format!("?indikator={}&arskurs={}", k.id, grade_key(&k.grade))
}

impl Kommunrapport {
    /// The card an embed's query names by `indikator` and `arskurs`; the
    /// first card where it names none or one the report does not have.
    pub fn card(&self, pairs: &[(String, String)]) -> Option<(&SurveyPart, &KeyIndicator)> {
        let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        let cards = || {
            self.surveys
                .iter()
                .flat_map(|s| s.indicators.iter().map(move |k| (s, k)))
        };
        cards()
            .find(|(_, k)| {
                Some(k.id.as_str()) == value("indikator") && Some(grade_key(&k.grade).as_str()) == value("arskurs")
            })
            .or_else(|| cards().next())
    }
}

/// A card's numbers as CSV: the trend of the municipality and the county,
/// and the latest value of each place with its n.
pub fn card_csv(name: &str, k: &KeyIndicator, flavour: CsvFlavour) -> String {
    let mut out = String::from("\u{feff}");
    let example = [&k.latest, &k.county, &k.nation]
        .iter()
        .any(|r| r.as_ref().is_some_and(|r| r.example));
    if example {
        out.push_str("# EXEMPELDATA – INTE VERKLIGA RESULTAT\n");
    }
    out.push_str(&format!(
        "# {}, {}: {name}, Kalmar län och riket\n# Källa: {}.\n",
        k.label,
        k.grade,
        k.sources.join("; ")
    ));
    out.push_str(&flavour.line(&["område".into(), "år".into(), "värde".into(), "n".into()]));
    let number = |v: Option<f64>| v.map_or("..".to_string(), |v| flavour.number(v));
    for (area, trend, latest) in [
        (name, &k.trend_municipality, &k.latest),
        ("Kalmar län", &k.trend_county, &k.county),
    ] {
        for (year, v) in k.years.iter().zip(trend.iter()) {
            // A round without a row stays out; a suppressed one is "..".
            let n = latest
                .as_ref()
                .filter(|r| r.year == *year)
                .and_then(|r| r.n)
                .map(|n| n.to_string())
                .unwrap_or_default();
            let known = v.is_some() || latest.as_ref().is_some_and(|r| r.year == *year);
            if known {
                out.push_str(&flavour.line(&[area.to_string(), year.to_string(), number(*v), n]));
            }
        }
    }
    if let Some(r) = &k.nation {
        out.push_str(&flavour.line(&["Riket".into(), r.year.to_string(), number(r.value), String::new()]));
    }
    out
}

/// A reading's value: ".." where suppressed, "–" where there is no row.
pub fn value_text(r: &Option<Reading>, unit: StatUnit) -> String {
    match r {
        None => "–".into(),
        Some(r) => crate::explorer::format_value(r.value, r.approx, unit),
    }
}

/// A reading's number of respondents, "–" where it is not known.
pub fn respondents_text(r: &Option<Reading>) -> String {
    r.as_ref()
        .and_then(|r| r.n)
        .map(|n| crate::format::format_number(f64::from(n)))
        .unwrap_or_else(|| "–".into())
}

/// What may be said, as a sentence: "Högre än länet.", or why nothing may be.
pub fn verdict(c: Comparison, than: &str, why_unknown: &str) -> String {
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

/// One place of a card's table: its name, value and respondents.
#[derive(Clone, Debug, PartialEq)]
pub struct CardPlace {
    pub name: String,
    pub value: String,
    pub respondents: String,
}

/// Everything a card says, in words. The page lays it out and draws the trend.
#[derive(Clone, Debug, PartialEq)]
pub struct CardText {
    /// "Röker, åk 9"
    pub title: String,
    /// The title off the report's page, which names the municipality: "Röker, åk 9: Kalmar".
    pub named_title: String,
    /// The latest value, large: "21 %".
    pub headline: String,
    pub year: Option<u16>,
    /// "Högre än länet." or why it cannot be compared.
    pub vs_county: String,
    /// Against the nation, where there is anything to say.
    pub vs_nation: Option<String>,
    /// "Förändring: +2,5 procentenheter sedan 2021."
    pub change: Option<String>,
    /// The municipality, the county and (where the survey has it) the nation.
    pub places: Vec<CardPlace>,
    /// "2023: Kalmar 21 %, Kalmar län 19 %, Riket 21 %."
    pub summary: String,
    /// What "..", "–" and example data mean, where the card has them.
    pub notes: Vec<String>,
    /// Whether any value of the card's table is example data.
    pub example: bool,
    pub source: String,
    /// The picture's caption: "Röker, åk 9: Kalmar, Kalmar län och Riket".
    pub picture_title: String,
    /// The link to the explorer: "Röker: Kalmar, länet och riket i statistikverktyget".
    pub explorer_link: String,
}

/// The card of `k` in the report of the municipality `name`.
pub fn card_text(name: &str, part: &SurveyPart, k: &KeyIndicator) -> CardText {
    let title = format!("{}, {}", k.label, k.grade);
    // Beside the county, Kalmar is "Kalmar kommun".
    let own = crate::stats::beside_county(name);
    // Only the places the survey has: LUPP publishes no national figures.
    let mut readings = vec![(own, &k.latest), (crate::stats::COUNTY_NAME.to_string(), &k.county)];
    if part.has_nation {
        readings.push(("Riket".to_string(), &k.nation));
    }
    let places: Vec<CardPlace> = readings
        .iter()
        .map(|(area, r)| CardPlace {
            name: area.clone(),
            value: value_text(r, k.unit),
            respondents: respondents_text(r),
        })
        .collect();
    let year = k.latest.as_ref().map(|r| r.year);
    let values: Vec<String> = places.iter().map(|p| format!("{} {}", p.name, p.value)).collect();
    let names: Vec<&str> = places.iter().map(|p| p.name.as_str()).collect();
    let others = if part.has_nation {
        format!("{name}, länet och riket")
    } else {
        format!("{name} och länet")
    };
    CardText {
        named_title: format!("{title}: {name}"),
        headline: value_text(&k.latest, k.unit),
        year,
        vs_county: verdict(k.vs_county, "länet", why_not_compared(k)),
        // Riket's n is not published, so this is said once for the page (`Så jämförs`), not on every card.
        vs_nation: (k.vs_nation != Comparison::Unknown).then(|| verdict(k.vs_nation, "riket", "")),
        change: change_text(k).map(|c| format!("Förändring: {c}.")),
        summary: format!(
            "{}: {}.",
            year.map(|y| y.to_string()).unwrap_or_else(|| "Senaste året".into()),
            values.join(", ")
        ),
        notes: card_notes(part, k, &readings),
        example: readings.iter().any(|(_, r)| r.as_ref().is_some_and(|r| r.example)),
        source: format!("Källa: {}.", k.sources.join("; ")),
        picture_title: format!("{title}: {}", crate::format::and_list(&names)),
        explorer_link: format!("{}: {others} i statistikverktyget", k.label),
        title,
        places,
    }
}

/// Why the municipality cannot be set against the county, as precisely as the readings tell:
/// "uppgift saknas" said nothing where the county's number of respondents is simply unknown.
pub fn why_not_compared(k: &KeyIndicator) -> &'static str {
    match (&k.latest, &k.county) {
        (None, _) => "kommunens värde saknas",
        (Some(r), _) if r.value.is_none() => "kommunens värde visas inte",
        (_, None) => "länets värde saknas",
        (_, Some(c)) if c.value.is_none() => "länets värde visas inte",
        (Some(r), _) if r.n.is_none() => "kommunens antal svarande är inte känt",
        (_, Some(c)) if c.n.is_none() => "länets antal svarande är inte känt",
        _ => "uppgift saknas",
    }
}

/// What ".." means: a small group, or a value that could be worked out from those shown
/// (the county less the other municipalities, all less one gender: data/statistik/IMPORT.md).
fn hidden_note(threshold: u32) -> String {
    format!("..: värdet visas inte: färre än {threshold} svarande, eller så kunde det räknas fram ur värden som visas.")
}

/// What "..", "–" and example data mean on a card, where it has them.
fn card_notes(part: &SurveyPart, k: &KeyIndicator, readings: &[(String, &Option<Reading>)]) -> Vec<String> {
    let mut notes = Vec::new();
    let suppressed = [&k.latest, &k.county]
        .iter()
        .any(|r| r.as_ref().is_some_and(|r| r.value.is_none()));
    if suppressed {
        notes.push(hidden_note(part.threshold));
    }
    // Where real figures stand beside example data, the card says which are real.
    let real: Vec<&str> = readings
        .iter()
        .filter(|(_, r)| r.as_ref().is_some_and(|r| !r.example))
        .map(|(a, _)| a.as_str())
        .collect();
    let example = readings.iter().any(|(_, r)| r.as_ref().is_some_and(|r| r.example));
    if !real.is_empty() && example {
        notes.push(format!("Verklig uppgift: {}. Övriga är exempeldata.", real.join(", ")));
    }
    if trend_mixed(part, k) {
        notes.push("I diagrammet: fylld punkt är ett verkligt värde, ofylld exempeldata.".to_string());
    }
    if readings.iter().any(|(_, r)| r.is_none()) {
        notes.push("–: uppgift saknas.".to_string());
    }
    notes
}

/// Whether the trend draws real values and example data together, which it
/// then marks apart (filled and hollow points).
pub fn trend_mixed(part: &SurveyPart, k: &KeyIndicator) -> bool {
    let mut lines = vec![
        (&k.trend_municipality, &k.real_municipality),
        (&k.trend_county, &k.real_county),
    ];
    if draws_nation(part, k) {
        lines.push((&k.trend_nation, &k.real_nation));
    }
    let drawn: Vec<bool> = lines
        .iter()
        .flat_map(|(values, real)| {
            values
                .iter()
                .zip(real.iter())
                .filter(|(v, _)| v.is_some())
                .map(|(_, r)| *r)
        })
        .collect();
    drawn.contains(&true) && drawn.contains(&false)
}

/// Whether the trend has a line for the nation: where the survey has it and it has years.
pub fn draws_nation(part: &SurveyPart, k: &KeyIndicator) -> bool {
    part.has_nation && !k.nation_years.is_empty()
}

impl Kommunrapport {
    /// Which of the report's values are real, for the example-data banner:
    /// by survey, the places whose latest rounds are ("ANDTS för riket och en
    /// del av länets värden"); `None` where none is.
    pub fn real_sentence(&self) -> Option<String> {
        let real: Vec<String> = self.surveys.iter().filter_map(real_places).collect();
        (!real.is_empty()).then(|| {
            format!(
                "Verkliga värden finns i {}: de är märkta med * i översikterna och som verkliga i korten.",
                real.join(", ")
            )
        })
    }
}

/// "ANDTS för riket": the places of one survey whose latest rounds are real, all or some.
fn real_places(s: &SurveyPart) -> Option<String> {
    let is_real = |x: &Option<Reading>| x.as_ref().is_some_and(|x| !x.example);
    let mut places = Vec::new();
    let nation: Vec<_> = s.indicators.iter().map(|k| &k.nation).collect();
    let county: Vec<_> = s.indicators.iter().map(|k| &k.county).collect();
    for (all, some, readings) in [
        ("riket", "en del av rikets värden", nation),
        ("länet", "en del av länets värden", county),
    ] {
        let known: Vec<_> = readings.into_iter().filter(|x| x.is_some()).collect();
        match known.iter().filter(|x| is_real(x)).count() {
            0 => {}
            n if n == known.len() => places.push(all),
            _ => places.push(some),
        }
    }
    (!places.is_empty()).then(|| {
        format!(
            "{} för {}",
            s.title.split(' ').next().unwrap_or_default(),
            places.join(" och ")
        )
    })
}

/// Whether a survey's overview table mixes real values and example data:
/// then each real value is starred.
pub fn overview_mixed(s: &SurveyPart) -> bool {
    let real = |x: &Option<Reading>| x.as_ref().is_some_and(|x| !x.example && x.value.is_some());
    let example = |x: &Option<Reading>| x.as_ref().is_some_and(|x| x.example);
    let readings = || s.indicators.iter().flat_map(|k| [&k.latest, &k.county, &k.nation]);
    readings().any(real) && readings().any(example)
}

/// An overview cell: the value, starred where it is real among example data.
pub fn overview_cell(r: &Option<Reading>, unit: StatUnit, mixed: bool) -> String {
    let real = r.as_ref().is_some_and(|x| !x.example && x.value.is_some());
    format!("{}{}", value_text(r, unit), if mixed && real { "*" } else { "" })
}

/// The notes under a survey's overview table: "..", the change's unit, the stars.
pub fn overview_notes(s: &SurveyPart) -> Vec<String> {
    let mut notes = Vec::new();
    if s.indicators
        .iter()
        .any(|k| k.latest.as_ref().is_some_and(|x| x.value.is_none()))
    {
        notes.push(hidden_note(s.threshold));
    }
    let unit = if s.indicators.iter().all(|k| k.unit == StatUnit::Percent) {
        "i procentenheter"
    } else {
        "i indikatorns enhet"
    };
    notes.push(format!("Förändring: sedan kommunens förra omgång, {unit}."));
    if overview_mixed(s) {
        notes.push("*: verklig uppgift; övriga värden är exempeldata.".to_string());
    }
    notes
}
