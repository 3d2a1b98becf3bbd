//! A municipality's report (`kommun-<slug>.json`): for each key indicator and
//! grade, the municipality's latest value with its `n`, the county's and the
//! nation's, the change since the previous round, the trend beside the
//! county's, and what may honestly be said of the differences (`compare`).
//! The data build derives it from the published tables; the page only shows it.

use serde::{Deserialize, Serialize};

use crate::compare::{against_county, two_proportions, Difference, Share};
use crate::csv::CsvFlavour;
use crate::explorer::ExplorerState;
use crate::model::{Approx, Status};
use crate::stats::{StatTable, StatUnit, COUNTY, NATION};

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Kommunrapport {
    pub schema_version: u32,
    pub code: String,
    pub name: String,
    pub slug: String,
    /// "exempeldata" where any value shown is example data.
    pub status: Status,
    pub surveys: Vec<SurveyPart>,
    /// Passages of the plan and the report that name the municipality.
    pub passages: Vec<Passage>,
    /// What the documents state for the whole county, never the municipality's own figure.
    pub county_wide: Vec<CountyWide>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct SurveyPart {
    pub id: String,
    pub title: String,
    /// The explorer's page.
    pub route: String,
    /// Suppressed under this many respondents.
    pub threshold: u32,
    /// "ANDTS 2015–2023": the rounds the part draws on.
    pub rounds: String,
    /// Whether the survey publishes national figures at all: LUPP does not,
    /// so its cards neither name nor draw the nation.
    pub has_nation: bool,
    pub indicators: Vec<KeyIndicator>,
    /// Each source of the values shown, once.
    pub sources: Vec<String>,
    /// Where the municipality does not take part: the sentence that says so
    /// (the part then has no indicators), and its source in `sources`.
    pub absent: Option<String>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct KeyIndicator {
    pub id: String,
    pub label: String,
    pub unit: StatUnit,
    /// "åk 9"
    pub grade: String,
    /// The municipality's latest round with a row, and the round before it.
    pub latest: Option<Reading>,
    pub previous: Option<Reading>,
    /// The county's and the nation's value in the latest round.
    pub county: Option<Reading>,
    pub nation: Option<Reading>,
    pub vs_county: Comparison,
    pub vs_nation: Comparison,
    /// Rounds with a value for the municipality or the county, ascending.
    pub years: Vec<u16>,
    pub trend_municipality: Vec<Option<f64>>,
    pub trend_county: Vec<Option<f64>>,
    /// The nation's values in the years it has within `years`' span (its
    /// own years: CAN publishes the nation yearly, the county every other year).
    pub nation_years: Vec<u16>,
    pub trend_nation: Vec<Option<f64>>,
    /// The sources of exactly the values this card shows and draws, each once.
    pub sources: Vec<String>,
    /// Per value of the three trends: whether it is real (not example data), so
    /// that a trend mixing both marks them apart.
    pub real_municipality: Vec<bool>,
    pub real_county: Vec<bool>,
    pub real_nation: Vec<bool>,
    /// The first rounds asked another way: the trend breaks there, and the
    /// card compares no round with one before it.
    pub breaks: Vec<u16>,
    /// The explorer with this indicator, grade and the municipality beside the county and the nation.
    pub explorer: String,
    /// The explorer's map view of this indicator and grade: every municipality in the latest round.
    pub map: String,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Reading {
    pub year: u16,
    /// `None`: suppressed, too few respondents.
    pub value: Option<f64>,
    pub n: Option<u32>,
    pub approx: Option<Approx>,
    pub example: bool,
}

/// `compare::Difference`, as published.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    #[serde(rename = "hogre")]
    Higher,
    #[serde(rename = "lagre")]
    Lower,
    #[serde(rename = "ingen-saker-skillnad")]
    NoSureDifference,
    #[serde(rename = "okand")]
    Unknown,
}

impl From<Difference> for Comparison {
    fn from(d: Difference) -> Comparison {
        match d {
            Difference::Higher => Comparison::Higher,
            Difference::Lower => Comparison::Lower,
            Difference::NoSureDifference => Comparison::NoSureDifference,
            Difference::Unknown => Comparison::Unknown,
        }
    }
}

impl Comparison {
    pub fn difference(self) -> Difference {
        match self {
            Comparison::Higher => Difference::Higher,
            Comparison::Lower => Difference::Lower,
            Comparison::NoSureDifference => Difference::NoSureDifference,
            Comparison::Unknown => Difference::Unknown,
        }
    }
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Passage {
    /// "Verksamhetsplan och budget 2025"
    pub document: String,
    /// The heading the passage stands under.
    pub section: String,
    /// Path and fragment: "/plan/2025#aldre".
    pub link: String,
    pub text: String,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct CountyWide {
    /// "Aktiviteter i alla 12 kommuner"
    pub label: String,
    /// "12", "drygt 800" as the source states it.
    pub value: String,
    pub quote: String,
    /// Document and section.
    pub source: String,
}

/// One indicator of `table` for one municipality and grade (indices into the
/// table's areas, indicators and `GRADES`), everyone (not by gender).
pub fn key_indicator(table: &StatTable, indicator: usize, grade: usize, municipality: usize) -> KeyIndicator {
    let area = |code: &str| table.areas.iter().position(|a| a.code == code);
    let (county, nation) = (area(COUNTY), area(NATION));
    let rows: Vec<_> = table
        .rows_of(indicator)
        .map(|i| table.rows.get(i))
        .filter(|o| o.grade == grade && o.gender == 0 && o.answer.is_none())
        .collect();
    let reading = |area: Option<usize>, year: u16| -> Option<Reading> {
        let o = rows.iter().find(|o| Some(o.area) == area && o.year == year)?;
        Some(Reading {
            year,
            value: o.value,
            n: o.n,
            approx: o.approx,
            example: o.example,
        })
    };
    let mut own: Vec<u16> = rows.iter().filter(|o| o.area == municipality).map(|o| o.year).collect();
    crate::sort::sort_dedup(&mut own);
    let latest = own.last().and_then(|&y| reading(Some(municipality), y));
    // The round before, unless the question changed between the two.
    let ind = &table.survey.indicators[indicator];
    let previous = own
        .len()
        .checked_sub(2)
        .filter(|&i| !ind.across_break(own[i], own[i + 1]))
        .and_then(|i| reading(Some(municipality), own[i]));
    // Without a round of its own the municipality is compared in no year, but the
    // card still states the county's latest round, which its trend draws.
    let county_latest = rows.iter().filter(|o| Some(o.area) == county).map(|o| o.year).max();
    let year = latest.as_ref().map(|r| r.year).or(county_latest);
    let county_now = year.and_then(|y| reading(county, y));
    let nation_now = year.and_then(|y| reading(nation, y));
    let share = |r: &Option<Reading>| -> Option<Share> {
        let r = r.as_ref()?;
        (table.survey.indicators[indicator].unit == StatUnit::Percent).then_some(())?;
        Some(Share {
            percent: r.value?,
            n: r.n?,
        })
    };
    let mut years: Vec<u16> = rows
        .iter()
        .filter(|o| o.area == municipality || Some(o.area) == county)
        .map(|o| o.year)
        .collect();
    crate::sort::sort_dedup(&mut years);
    let trend = |area: Option<usize>| years.iter().map(|&y| reading(area, y).and_then(|r| r.value)).collect();
    let real = |area: Option<usize>, years: &[u16]| {
        years
            .iter()
            .map(|&y| reading(area, y).is_some_and(|r| !r.example))
            .collect::<Vec<bool>>()
    };
    let span = years.first().copied().unwrap_or(0)..=years.last().copied().unwrap_or(0);
    let mut nation_years: Vec<u16> = rows
        .iter()
        .filter(|o| Some(o.area) == nation && o.value.is_some() && span.contains(&o.year))
        .map(|o| o.year)
        .collect();
    crate::sort::sort_dedup(&mut nation_years);
    let trend_nation = nation_years
        .iter()
        .map(|&y| reading(nation, y).and_then(|r| r.value))
        .collect();
    let mut sources: Vec<String> = Vec::new();
    for o in &rows {
        let shown = if o.area == municipality || Some(o.area) == county {
            years.contains(&o.year)
        } else {
            Some(o.area) == nation && (nation_years.contains(&o.year) || Some(o.year) == year)
        };
        if shown && !sources.contains(&table.sources[o.source]) {
            sources.push(table.sources[o.source].clone());
        }
    }
    let state = ExplorerState {
        indicator,
        areas: [Some(municipality), county, nation].into_iter().flatten().collect(),
        from: None,
        to: None,
        grade,
        gender: Some(0),
        answer: None,
        map: false,
    };
    let answer = (!ind.answers.is_empty()).then_some(0);
    let map = ExplorerState {
        map: true,
        areas: ExplorerState::default_for(table).areas,
        answer,
        ..state.clone()
    };
    KeyIndicator {
        id: ind.id.clone(),
        label: ind.label.clone(),
        unit: ind.unit,
        grade: crate::explorer::grade_label(grade).to_string(),
        vs_county: against_county(share(&latest), share(&county_now)).into(),
        vs_nation: two_proportions(share(&latest), share(&nation_now)).into(),
        trend_municipality: trend(Some(municipality)),
        trend_county: trend(county),
        real_municipality: real(Some(municipality), &years),
        real_county: real(county, &years),
        real_nation: real(nation, &nation_years),
        years,
        nation_years,
        trend_nation,
        sources,
        breaks: ind.breaks.iter().map(|b| b.year).collect(),
        explorer: format!("{}{}", table.survey.route, state.to_query(table)),
        map: format!("{}{}", table.survey.route, map.to_query(table)),
        latest,
        previous,
        county: county_now,
        nation: nation_now,
    }
}

/// "ANDTS 2015–2023" from the rounds the indicators draw on.
pub fn rounds(name: &str, indicators: &[KeyIndicator]) -> String {
    let years = indicators.iter().flat_map(|k| k.years.iter().copied());
    match (years.clone().min(), years.max()) {
        (Some(a), Some(b)) if a != b => format!("{name} {a}–{b}"),
        (Some(a), _) => format!("{name} {a}"),
        _ => name.to_string(),
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::Rows;

    #[test]
    fn an_embed_query_names_a_card_or_falls_back_to_the_first() {
        let t = table(&[
            (0, 2021, Some(20.5), Some(300)),
            (0, 2023, None, Some(8)),
            (1, 2023, Some(21.0), Some(3000)),
            (2, 2023, Some(19.0), None),
        ]);
        let mut k = key_indicator(&t, 0, 1, 0);
        k.grade = "åk 9".into();
        let mut other = k.clone();
        other.grade = "gy 2".into();
        let part = SurveyPart {
            id: "andts".into(),
            title: "ANDTS".into(),
            route: "/statistik/andts".into(),
            threshold: 10,
            rounds: String::new(),
            has_nation: true,
            indicators: vec![k.clone(), other],
            sources: vec!["CAN".into()],
            absent: None,
        };
        let r = Kommunrapport {
            schema_version: 1,
            code: "0880".into(),
            name: "Kalmar".into(),
            slug: "kalmar".into(),
            status: Status::Exempeldata,
            surveys: vec![part],
            passages: vec![],
            county_wide: vec![],
        };
        let pairs = |q: &str| {
            q.trim_start_matches('?')
                .split('&')
                .filter_map(|p| p.split_once('='))
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        };
        // (query, the card's grade)
        for (query, grade) in [
            (card_query(&r.surveys[0].indicators[1]), "gy 2"),
            ("".into(), "åk 9"),
            ("?indikator=okand&arskurs=gy2".into(), "åk 9"),
        ] {
            assert_eq!(
                r.card(&pairs(&query)).map(|(_, k)| k.grade.as_str()),
                Some(grade),
                "{query}"
            );
        }
        assert_eq!(card_query(&k), format!("?indikator={}&arskurs=ak9", k.id));
        let csv = card_csv("Kalmar", &k, CsvFlavour::SwedishExcel);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].starts_with("\u{feff}# EXEMPELDATA"), "{csv}");
        assert_eq!(
            &lines[3..],
            [
                "område;år;värde;n",
                "Kalmar;2021;20,5;",
                "Kalmar;2023;..;8",
                "Kalmar län;2023;21;3000",
                "Riket;2023;19;"
            ],
            "{csv}"
        );
    }

    /// The explorer's test table (Kalmar, Kalmar län, Riket) with its percent
    /// indicator only and these åk 9 rows, as (area, year, value, n).
    fn table(rows: &[(usize, u16, Option<f64>, Option<u32>)]) -> StatTable {
        let mut t = crate::explorer::tests::table();
        t.survey.indicators.truncate(1);
        t.rows = Rows::default();
        for &(area, year, value, n) in rows {
            t.rows.push(&crate::stats::Observation {
                indicator: 0,
                year,
                area,
                grade: 1,
                gender: 0,
                answer: None,
                value,
                n,
                approx: None,
                example: area != 2,
                source: 0,
            });
        }
        t
    }

    #[test]
    fn a_key_indicator_has_the_latest_round_the_previous_the_references_and_the_trend() {
        let t = table(&[
            (0, 2021, Some(20.0), Some(300)),
            (0, 2023, Some(30.0), Some(300)),
            (1, 2021, Some(20.0), Some(3000)),
            (1, 2023, Some(21.0), Some(3000)),
            (2, 2023, Some(19.0), None),
            (1, 2019, Some(22.0), Some(2900)),
        ]);
        let k = key_indicator(&t, 0, 1, 0);
        assert_eq!(
            k.latest.as_ref().map(|r| (r.year, r.value, r.n)),
            Some((2023, Some(30.0), Some(300)))
        );
        assert_eq!(k.previous.as_ref().map(|r| r.year), Some(2021));
        // Where the question changed in 2023, 2023 is not compared with 2021, and the trend breaks there.
        let mut changed = t.clone();
        changed.survey.indicators[0].breaks = vec![crate::stats::Break {
            year: 2023,
            why: "Ny fråga.".into(),
        }];
        let k2 = key_indicator(&changed, 0, 1, 0);
        assert_eq!((k2.previous.is_none(), k2.breaks.as_slice()), (true, &[2023][..]));
        assert_eq!(k.county.as_ref().and_then(|r| r.value), Some(21.0));
        assert_eq!(k.nation.as_ref().and_then(|r| r.value), Some(19.0));
        // 30 % of 300 against the rest of the county (20 % of 2 700): surely higher.
        assert_eq!(k.vs_county, Comparison::Higher);
        // The nation's n is not published: no claim.
        assert_eq!(k.vs_nation, Comparison::Unknown);
        assert_eq!(k.years, [2019, 2021, 2023]);
        assert_eq!(k.trend_municipality, [None, Some(20.0), Some(30.0)]);
        assert_eq!(k.trend_county, [Some(22.0), Some(20.0), Some(21.0)]);
        // The nation in its own years within the trend's span.
        assert_eq!(
            (k.nation_years.as_slice(), k.trend_nation.as_slice()),
            (&[2023][..], &[Some(19.0)][..])
        );
        assert_eq!(k.explorer, "/statistik/andts?omrade=0880,08,00&arskurs=ak9");
        assert_eq!(change_text(&k).as_deref(), Some("+10,0\u{a0}procentenheter sedan 2021"));
        assert_eq!(change_number(&k).as_deref(), Some("+10,0"));
        assert_eq!(rounds("ANDTS", std::slice::from_ref(&k)), "ANDTS 2019–2023");
    }

    #[test]
    fn a_suppressed_round_is_kept_and_compared_with_nothing() {
        let t = table(&[
            (0, 2021, Some(20.0), Some(300)),
            (0, 2023, None, Some(8)),
            (1, 2023, Some(21.0), Some(3000)),
        ]);
        let k = key_indicator(&t, 0, 1, 0);
        assert_eq!(k.latest.as_ref().map(|r| (r.value, r.n)), Some((None, Some(8))));
        assert_eq!(k.vs_county, Comparison::Unknown);
        assert_eq!(change_text(&k), None);
        // No rows at all for the municipality: nothing to show, nothing claimed.
        let k = key_indicator(
            &table(&[(1, 2021, Some(20.0), Some(3000)), (1, 2023, Some(21.0), Some(3000))]),
            0,
            1,
            0,
        );
        assert_eq!((k.latest, k.vs_county), (None, Comparison::Unknown));
        // But the card still gives the county's latest round, which its trend draws.
        assert_eq!(k.county.as_ref().map(|r| (r.year, r.value)), Some((2023, Some(21.0))));
        assert_eq!(k.trend_county, [Some(20.0), Some(21.0)]);
    }
}
