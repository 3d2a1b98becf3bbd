//! `data/kallor.toml` → the source catalogue: every source of the survey
//! results once, by id, with publisher, title, year, document and caveat.
//! Every result row names its source by id (or by a spelling the catalogue
//! lists, as CAN's published-figures file has them), and is published with
//! the source's one citation: the same report is never cited three ways.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, SourceFile};

pub const FILE: &str = "kallor.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(rename = "kalla")]
    sources: Vec<Spanned<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    utgivare: String,
    titel: String,
    ar: Option<u16>,
    /// Where it is: a URL, or the document or site as it is known (the publisher
    /// itself where nothing more is known: the citation then leaves it out).
    dokument: String,
    #[serde(default)]
    andrahand: bool,
    forbehall: Option<String>,
    #[serde(default)]
    stavningar: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub year: Option<u16>,
    pub document: String,
    /// Someone else's account of the result (a newspaper, another site).
    pub secondary: bool,
    pub caveat: Option<String>,
    pub spellings: Vec<String>,
}

/// The example data's source: its citation is the warning itself.
pub const EXAMPLE: &str = "exempeldata";

impl Source {
    /// The one way the site cites it: "CAN: Skolelevers drogvanor 2023 (rapport 223), can.se";
    /// a secondary source says so and gives its caveat.
    pub fn citation(&self) -> String {
        if self.id == EXAMPLE {
            return self.title.clone();
        }
        let place = if self.document == self.publisher {
            String::new()
        } else {
            format!(", {}", self.document)
        };
        let caveat = self.caveat.as_ref().map(|c| format!(" ({c})")).unwrap_or_default();
        if self.secondary {
            format!("Andrahandskälla: {}, {}{place}{caveat}", self.publisher, self.title)
        } else {
            format!("{}: {}{place}{caveat}", self.publisher, self.title)
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    pub sources: Vec<Source>,
}

impl Catalogue {
    /// The source a row names, by id or by one of its spellings.
    pub fn resolve(&self, name: &str) -> Option<&Source> {
        let name = name.trim();
        self.sources
            .iter()
            .find(|s| s.id == name || s.spellings.iter().any(|x| x == name))
    }
}

pub fn load(path: &Path, text: &str) -> Result<Catalogue, Vec<Diagnostic>> {
    let file = SourceFile { path, text };
    let raw: Raw = toml::from_str(text)
        .map_err(|e| vec![file.error(e.span().map_or(0, |s| s.start), e.message().trim().to_string())])?;
    let mut errors = Vec::new();
    let mut names = HashSet::new();
    let mut sources = Vec::new();
    for spanned in raw.sources {
        let at = spanned.span().start;
        let s = spanned.into_inner();
        if s.id.is_empty()
            || !s
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            errors.push(file.error(at, format!("id '{}' may hold only a–z, 0–9 and '-'", s.id)));
        }
        for name in std::iter::once(&s.id).chain(&s.stavningar) {
            if !names.insert(name.clone()) {
                errors.push(file.error(at, format!("'{name}' names two sources")));
            }
        }
        if s.utgivare.trim().is_empty() || s.titel.trim().is_empty() || s.dokument.trim().is_empty() {
            errors.push(file.error(at, format!("{}: give utgivare, titel and dokument", s.id)));
        }
        if s.andrahand && s.forbehall.is_none() {
            errors.push(file.error(
                at,
                format!("{}: a secondary source (andrahand) needs its caveat (forbehall)", s.id),
            ));
        }
        sources.push(Source {
            id: s.id,
            publisher: s.utgivare,
            title: s.titel,
            year: s.ar,
            document: s.dokument,
            secondary: s.andrahand,
            caveat: s.forbehall,
            spellings: s.stavningar,
        });
    }
    if errors.is_empty() {
        Ok(Catalogue { sources })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[kalla]]
id = "can-rapport-223"
utgivare = "CAN"
titel = "Skolelevers drogvanor 2023 (rapport 223)"
ar = 2023
dokument = "can.se"
stavningar = ["can.se rapport 223", "CAN 2023"]

[[kalla]]
id = "tidning"
utgivare = "24emmaboda.se"
titel = "om CAN:s undersökning 2017"
dokument = "24emmaboda.se"
andrahand = true
forbehall = "tidningens ord"
"#;

    #[test]
    fn one_source_many_spellings_one_citation() {
        let c = load(Path::new("k.toml"), GOOD).unwrap();
        // (what a row names, the citation published)
        for (name, citation) in [
            (
                "can-rapport-223",
                "CAN: Skolelevers drogvanor 2023 (rapport 223), can.se",
            ),
            (
                "can.se rapport 223",
                "CAN: Skolelevers drogvanor 2023 (rapport 223), can.se",
            ),
            (" CAN 2023", "CAN: Skolelevers drogvanor 2023 (rapport 223), can.se"),
            (
                "tidning",
                "Andrahandskälla: 24emmaboda.se, om CAN:s undersökning 2017 (tidningens ord)",
            ),
        ] {
            assert_eq!(
                c.resolve(name).map(Source::citation).as_deref(),
                Some(citation),
                "{name}"
            );
        }
        assert!(c.resolve("CAN").is_none());
    }

    #[test]
    fn a_catalogue_that_cannot_be_cited_from_stops_the_build() {
        let cases = [
            (
                "id = \"tidning\"",
                "id = \"Tidning\"",
                "k.toml:10: id 'Tidning' may hold only a–z, 0–9 and '-'",
            ),
            (
                "id = \"tidning\"",
                "id = \"tidning\"\nstavningar = [\"CAN 2023\"]",
                "k.toml:10: 'CAN 2023' names two sources",
            ),
            (
                "forbehall = \"tidningens ord\"",
                "",
                "k.toml:10: tidning: a secondary source (andrahand) needs its caveat (forbehall)",
            ),
        ];
        for (from, to, want) in cases {
            let errors = load(Path::new("k.toml"), &GOOD.replacen(from, to, 1)).expect_err(want);
            assert_eq!(errors.iter().map(ToString::to_string).collect::<Vec<_>>(), [want]);
        }
    }
}
