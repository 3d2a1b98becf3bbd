//! `data/tillganglighet.toml` → `tillganglighet.json`: the accessibility
//! statement, checked for what the law asks it to say.

use std::path::Path;

use kfkl_core::accessibility::{Conformance, Place, Shortcoming, Statement};
use kfkl_core::model::SCHEMA_VERSION;
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};

pub const FILE: &str = "tillganglighet.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    organisation: String,
    service: String,
    status: Spanned<String>,
    reviewed: Spanned<String>,
    evaluation: Vec<String>,
    report: Vec<String>,
    enforcement: String,
    enforcement_link: Spanned<String>,
    #[serde(default, rename = "shortcoming")]
    shortcomings: Vec<Spanned<RawShortcoming>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShortcoming {
    text: String,
    reason: String,
    places: Vec<RawPlace>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    route: String,
    selector: String,
}

pub fn load(path: &Path, text: &str) -> Result<Statement, Vec<Diagnostic>> {
    let file = SourceFile { path, text };
    let raw: RawFile = toml::from_str(text)
        .map_err(|e| vec![file.error(e.span().map_or(0, |s| s.start), e.message().trim().to_string())])?;
    let mut errors = Vec::new();
    let status = match raw.status.get_ref().as_str() {
        "helt" => Conformance::Full,
        "delvis" => Conformance::Partial,
        "inte" => Conformance::None,
        other => {
            errors.push(file.error(
                raw.status.span().start,
                format!("status '{other}' is not one of helt, delvis, inte"),
            ));
            Conformance::None
        }
    };
    let date = raw.reviewed.get_ref();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = date.split('-').collect();
    if !(parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| digits(p)))
    {
        errors.push(file.error(
            raw.reviewed.span().start,
            format!("reviewed '{date}' is not a date (YYYY-MM-DD)"),
        ));
    }
    if !raw.enforcement_link.get_ref().starts_with("https://") {
        errors.push(file.error(
            raw.enforcement_link.span().start,
            "enforcement_link must be an https:// address (Digg's form)",
        ));
    }
    if status != Conformance::Full && raw.shortcomings.is_empty() {
        errors.push(file.error(
            raw.status.span().start,
            "a site that is not fully conformant lists its shortcomings ([[shortcoming]])",
        ));
    }
    let mut shortcomings = Vec::new();
    for s in &raw.shortcomings {
        let (at, s) = (s.span().start, s.get_ref());
        if s.places.is_empty() {
            errors.push(file.error(
                at,
                "a shortcoming names where it is (places), so that a test can check it still exists",
            ));
        }
        if let Some(p) = s
            .places
            .iter()
            .find(|p| !p.route.starts_with('/') || p.selector.trim().is_empty())
        {
            errors.push(file.error(
                at,
                format!(
                    "place '{}' '{}': a route starts with '/' and a selector is not empty",
                    p.route, p.selector
                ),
            ));
        }
        let places = s
            .places
            .iter()
            .map(|p| Place {
                route: p.route.clone(),
                selector: p.selector.clone(),
            })
            .collect();
        shortcomings.push(Shortcoming {
            text: s.text.clone(),
            reason: s.reason.clone(),
            places,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Statement {
        schema_version: SCHEMA_VERSION,
        organisation: raw.organisation,
        service: raw.service,
        status,
        reviewed: date.clone(),
        evaluation: raw.evaluation,
        shortcomings,
        report: raw.report,
        enforcement: raw.enforcement,
        enforcement_link: raw.enforcement_link.into_inner(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "organisation = \"KFKL\"\nservice = \"webbplatsen\"\nstatus = \"delvis\"\nreviewed = \"2026-12-01\"\nevaluation = [\"axe\"]\nreport = [\"hör av dig\"]\nenforcement = \"Digg\"\nenforcement_link = \"https://www.digg.se/tdosanmalan\"\n[[shortcoming]]\ntext = \"t\"\nreason = \"r\"\nplaces = [{ route = \"/sok\", selector = \".search-form\" }]\n";

    #[test]
    fn a_statement_says_what_the_law_asks_or_the_build_fails_at_its_line() {
        let s = load(Path::new("tillganglighet.toml"), GOOD).unwrap();
        assert_eq!(
            (s.status, s.shortcomings[0].places[0].route.as_str()),
            (Conformance::Partial, "/sok")
        );
        // (change, error)
        let cases = [
            ("status = \"delvis\"", "status = \"nästan\"", "tillganglighet.toml:3: status 'nästan' is not one of helt, delvis, inte"),
            ("2026-12-01", "1 december", "tillganglighet.toml:4: reviewed '1 december' is not a date (YYYY-MM-DD)"),
            ("https://www.digg.se", "http://www.digg.se", "tillganglighet.toml:8: enforcement_link must be an https:// address (Digg's form)"),
            ("route = \"/sok\"", "route = \"sok\"", "tillganglighet.toml:9: place 'sok' '.search-form': a route starts with '/' and a selector is not empty"),
        ];
        for (from, to, error) in cases {
            let errors = load(Path::new("tillganglighet.toml"), &GOOD.replace(from, to)).unwrap_err();
            assert_eq!(errors[0].to_string(), error);
        }
        let none = GOOD[..GOOD.find("[[shortcoming]]").unwrap()].to_string();
        assert!(load(Path::new("tillganglighet.toml"), &none).unwrap_err()[0]
            .reason
            .contains("lists its shortcomings"));
    }
}
