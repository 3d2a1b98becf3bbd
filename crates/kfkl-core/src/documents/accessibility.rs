//! The accessibility statement as published (`tillganglighet.json`), from
//! `data/tillganglighet.toml`: what lag (2018:1937) and Digg's model ask a
//! public body to say about its site.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Statement {
    pub schema_version: u32,
    pub organisation: String,
    /// What the statement covers ("webbplatsen …").
    pub service: String,
    pub status: Conformance,
    /// When the site was last evaluated (YYYY-MM-DD).
    pub reviewed: String,
    /// How it was evaluated, paragraph by paragraph.
    pub evaluation: Vec<String>,
    pub shortcomings: Vec<Shortcoming>,
    /// How to report a problem, paragraph by paragraph.
    pub report: Vec<String>,
    pub enforcement: String,
    /// Digg's form for a complaint.
    pub enforcement_link: String,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conformance {
    #[serde(rename = "helt")]
    Full,
    #[serde(rename = "delvis")]
    Partial,
    #[serde(rename = "inte")]
    None,
}

impl Conformance {
    /// "delvis förenlig med …", as the statement says it.
    pub fn text(self) -> &'static str {
        match self {
            Conformance::Full => "helt förenlig",
            Conformance::Partial => "delvis förenlig",
            Conformance::None => "inte förenlig",
        }
    }
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Shortcoming {
    pub text: String,
    pub reason: String,
    /// Where it is: a route and an element on it (a CSS selector), which a
    /// browser test checks still exist, so that the statement stays true.
    pub places: Vec<Place>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Place {
    pub route: String,
    pub selector: String,
}
