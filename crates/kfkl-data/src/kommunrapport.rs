//! `data/kommunrapport.toml` → one report a municipality (`kommun-<slug>.json`):
//! the chosen key indicators of each survey for every grade (built by
//! `kfkl_core::kommunrapport`), the passages of the plan and the report that
//! name the municipality, and what the report states for the whole county.

use std::path::Path;

use kfkl_core::document::{Block, Document};
use kfkl_core::format::format_figure;
use kfkl_core::kommunrapport::{key_indicator, rounds, CountyWide, Kommunrapport, Passage, SurveyPart};
use kfkl_core::model::{Dataset, Municipality, Status, SCHEMA_VERSION};
use kfkl_core::publications::{Index, Kind};
use kfkl_core::stats::{StatTable, COUNTY, GRADES, NATION};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(rename = "survey")]
    surveys: Vec<Spanned<RawSurvey>>,
    #[serde(default)]
    county_wide: Vec<Spanned<RawCountyWide>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSurvey {
    id: String,
    indicators: Vec<String>,
    /// The report covers each of the survey's themes with one indicator.
    #[serde(default)]
    every_theme: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountyWide {
    dataset: String,
    figure: String,
}

/// What every municipality's report shows: per survey its indicators (indices), and the county-wide figures.
pub struct Selection {
    surveys: Vec<(usize, Vec<usize>)>,
    county_wide: Vec<CountyWide>,
}

/// Reads the selection against the published tables and datasets.
pub fn load(path: &Path, text: &str, tables: &[StatTable], datasets: &[Dataset]) -> Result<Selection, Vec<Diagnostic>> {
    let file = SourceFile { path, text };
    let raw: RawFile = toml::from_str(text)
        .map_err(|e| vec![file.error(e.span().map_or(0, |s| s.start), e.message().trim().to_string())])?;
    let mut errors = Vec::new();
    let mut selection = Selection {
        surveys: Vec::new(),
        county_wide: Vec::new(),
    };
    // In the order of the tables, so that the report's order never depends on the file's.
    let mut surveys: Vec<(usize, Vec<usize>)> = Vec::new();
    for spanned in &raw.surveys {
        let (at, survey) = (spanned.span().start, spanned.get_ref());
        let Some(t) = tables.iter().position(|t| t.survey.id == survey.id) else {
            errors.push(file.error(at, format!("no survey '{}' (statistik/*.toml)", survey.id)));
            continue;
        };
        let mut chosen = Vec::new();
        for id in &survey.indicators {
            match tables[t].survey.indicators.iter().position(|i| &i.id == id) {
                None => errors.push(file.error(at, format!("{}: no indicator '{id}'", survey.id))),
                Some(i) if !tables[t].survey.indicators[i].answers.is_empty() => errors.push(file.error(
                    at,
                    format!(
                        "{}: '{id}' is a distribution of answers, not a share that can be compared",
                        survey.id
                    ),
                )),
                Some(i) => chosen.push(i),
            }
        }
        if survey.every_theme {
            let catalogue = &tables[t].survey.indicators;
            let mut themes: Vec<&str> = Vec::new();
            for i in catalogue {
                if !themes.contains(&i.theme.as_str()) {
                    themes.push(&i.theme);
                }
            }
            for theme in themes {
                let n = chosen.iter().filter(|&&i| catalogue[i].theme == theme).count();
                if n != 1 {
                    errors.push(file.error(
                        at,
                        format!(
                            "{}: every_theme asks for one indicator of the theme '{theme}', not {n}",
                            survey.id
                        ),
                    ));
                }
            }
        }
        surveys.push((t, chosen));
    }
    for item in &raw.county_wide {
        let (at, c) = (item.span().start, item.get_ref());
        match datasets
            .iter()
            .find(|d| d.id == c.dataset)
            .and_then(|d| d.figure(&c.figure).map(|f| (d, f)))
        {
            None => errors.push(file.error(
                at,
                format!("no key figure '{}' in figures/{}.toml", c.figure, c.dataset),
            )),
            Some((d, f)) => selection.county_wide.push(CountyWide {
                label: f.label.clone(),
                value: format_figure(f),
                quote: f.source.quote.clone(),
                source: d.cite(&f.source),
            }),
        }
    }
    surveys.sort_by_key(|(t, _)| *t);
    selection.surveys = surveys;
    if errors.is_empty() {
        Ok(selection)
    } else {
        Err(errors)
    }
}

/// One municipality's report.
pub fn report(
    m: &Municipality,
    tables: &[StatTable],
    selection: &Selection,
    documents: &[Document],
    publications: &Index,
) -> Kommunrapport {
    let mut example = false;
    let surveys = selection
        .surveys
        .iter()
        .filter_map(|(t, chosen)| {
            let table = &tables[*t];
            let area = table.areas.iter().position(|a| a.code == m.code)?;
            let part = |indicators: Vec<kfkl_core::kommunrapport::KeyIndicator>,
                        sources: Vec<String>,
                        absent: Option<String>| SurveyPart {
                id: table.survey.id.clone(),
                title: table.survey.title.clone(),
                route: table.survey.route.clone(),
                threshold: table.threshold,
                has_nation: table
                    .areas
                    .iter()
                    .position(|a| a.code == NATION)
                    .is_some_and(|n| (0..table.rows.len()).any(|r| table.rows.get(r).area == n)),
                rounds: rounds(table.survey.title.split(' ').next().unwrap_or_default(), &indicators),
                indicators,
                sources,
                absent,
            };
            // Not taking part: one sentence, no cards.
            if let Some(a) = table.survey.absent.iter().find(|a| a.code == m.code) {
                return Some(part(Vec::new(), vec![a.source.clone()], Some(a.sentence.clone())));
            }
            let grades: Vec<usize> = table
                .survey
                .grades
                .iter()
                .filter_map(|g| GRADES.iter().position(|x| x == g))
                .collect();
            let indicators: Vec<_> = chosen
                .iter()
                .flat_map(|&i| grades.iter().map(move |&g| key_indicator(table, i, g, area)))
                .collect();
            example |= indicators
                .iter()
                .flat_map(|k| [&k.latest, &k.previous, &k.county, &k.nation])
                .flatten()
                .any(|r| r.example);
            // The sources of the values shown: the municipality's and the county's rounds, the nation's latest.
            let (county, nation) = (
                table.areas.iter().position(|a| a.code == COUNTY),
                table.areas.iter().position(|a| a.code == NATION),
            );
            let latest = |i: usize, g: usize| {
                indicators
                    .iter()
                    .find(|k| k.id == table.survey.indicators[i].id && k.grade == kfkl_core::explorer::grade_label(g))
                    .and_then(|k| k.latest.as_ref())
                    .map(|r| r.year)
            };
            let mut sources: Vec<String> = Vec::new();
            for r in 0..table.rows.len() {
                let o = table.rows.get(r);
                let place = o.area == area
                    || Some(o.area) == county
                    || (Some(o.area) == nation && latest(o.indicator, o.grade) == Some(o.year));
                let used = chosen.contains(&o.indicator)
                    && grades.contains(&o.grade)
                    && o.gender == 0
                    && o.answer.is_none()
                    && place;
                if used && !sources.contains(&table.sources[o.source]) {
                    sources.push(table.sources[o.source].clone());
                }
            }
            Some(part(indicators, sources, None))
        })
        .collect();
    Kommunrapport {
        schema_version: SCHEMA_VERSION,
        code: m.code.clone(),
        name: m.name.clone(),
        slug: m.slug.clone(),
        status: if example { Status::Exempeldata } else { Status::Official },
        surveys,
        passages: passages(&m.name, documents, publications),
        county_wide: selection.county_wide.clone(),
    }
}

/// Whether `text` names the municipality `name`: the name as a word (also in
/// the genitive, "Västerviks"), but not the county or its bodies, which share
/// Kalmar's name: "Kalmar län", "Region Kalmar", "Länsstyrelsen i Kalmar län",
/// "Kommunförbundet Kalmar län".
pub fn names(text: &str, name: &str) -> bool {
    first_naming(text, name).is_some()
}

/// Where `text` first names the municipality (a byte offset).
fn first_naming(text: &str, name: &str) -> Option<usize> {
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    text.match_indices(name).map(|(at, _)| at).find(|&at| {
        let before = &text[..at];
        let mut after = text[at + name.len()..].chars().peekable();
        if after.peek() == Some(&'s') {
            after.next();
        }
        let rest: String = after.clone().take(5).collect();
        !letter(before.chars().next_back())
            && !letter(after.peek().copied())
            && !rest.starts_with(" län")
            && !["Region ", "Kommunförbundet ", "Länsstyrelsen "]
                .iter()
                .any(|p| before.ends_with(p))
    })
}

/// At most about `chars` characters of `text` around byte offset `at`, cut
/// between words, with "…" where it was cut.
fn excerpt(text: &str, at: usize, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let before: Vec<(usize, char)> = text[..at].char_indices().collect();
    let start = before.len().saturating_sub(chars / 3);
    let mut from = before.get(start).map_or(0, |&(i, _)| i);
    if from > 0 {
        from = text[from..].find(' ').map_or(from, |s| from + s + 1);
    }
    let mut to = text[from..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| from + i);
    if to < text.len() {
        to = text[..to].rfind(' ').filter(|&s| s > at).unwrap_or(to);
    }
    format!(
        "{}{}{}",
        if from > 0 { "…" } else { "" },
        text[from..to].trim(),
        if to < text.len() { "…" } else { "" }
    )
}

/// The paragraphs, list items and commitments of the current plan and report
/// that name the municipality, each with the heading it stands under and a
/// link to its place.
pub fn passages(name: &str, documents: &[Document], publications: &Index) -> Vec<Passage> {
    let mut out = Vec::new();
    for p in Kind::ALL.into_iter().filter_map(|k| publications.latest(k)) {
        let Some(doc) = documents.iter().find(|d| d.id == p.id) else {
            continue;
        };
        let route = p.path();
        let mut heading = (String::new(), String::new());
        // Some headings are whole sentences (a commitment's text): a crumb needs only its start.
        let mut push = |text: String, anchor: &str, section: &str| {
            if let Some(at) = first_naming(&text, name) {
                out.push(Passage {
                    document: doc.title.clone(),
                    section: excerpt(section, 0, 90),
                    link: format!("{route}#{anchor}"),
                    text: excerpt(&text, at, 320),
                });
            }
        };
        for block in &doc.blocks {
            match block {
                Block::Heading(h) => heading = (h.id.clone(), h.text.clone()),
                Block::Commitment(c) => {
                    let mut text = c.text.clone();
                    for b in &c.body {
                        text.push(' ');
                        text.push_str(&block_text(b));
                    }
                    push(text, &c.id, &heading.1);
                }
                other => push(block_text(other), &heading.0, &heading.1),
            }
        }
    }
    out
}

fn block_text(block: &Block) -> String {
    let runs = kfkl_core::document::plain_text;
    match block {
        Block::Paragraph { runs: r } | Block::Quote { runs: r } => runs(r),
        Block::List { items } => items.iter().map(|i| runs(i)).collect::<Vec<_>>().join(" "),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_the_municipality_and_not_the_county() {
        let cases = [
            ("Oskarshamn och Kalmar har varit pilotkommuner.", "Kalmar", true),
            ("ett pilotprojekt i Kalmar kommun", "Kalmar", true),
            ("Kalmar.", "Kalmar", true),
            ("Kommunförbundet Kalmar län är en samverkansplattform", "Kalmar", false),
            ("Region Kalmar län och kommunerna", "Kalmar", false),
            ("Region Kalmar träffas ett par gånger per termin", "Kalmar", false),
            ("Länsstyrelsen Kalmar län", "Kalmar", false),
            ("i hela Kalmar läns kommuner", "Kalmar", false),
            ("Kalmarsunds gymnasieförbund", "Kalmar", false),
            ("Västerviks satsning", "Västervik", true),
            ("Borgholmskonferensen", "Borgholm", false),
            ("Borgholm och Mörbylånga", "Mörbylånga", true),
            ("Nybro-Emmaboda", "Nybro", false),
        ];
        for (text, name, want) in cases {
            assert_eq!(names(text, name), want, "{name} in {text:?}");
        }
    }

    #[test]
    fn a_long_passage_is_cut_around_the_name_between_words() {
        let text = format!("{} Torsås {}", "ord ".repeat(100), "mer ".repeat(100));
        let at = text.find("Torsås").unwrap();
        let cut = excerpt(&text, at, 60);
        assert!(
            cut.starts_with("…ord ") && cut.ends_with("mer…") && cut.contains("Torsås"),
            "{cut}"
        );
        assert!(cut.chars().count() <= 64, "{cut}");
        assert_eq!(excerpt("Kort om Torsås.", 8, 60), "Kort om Torsås.");
    }
}
