//! The plan page's state: which commitments to show. One typed struct that
//! lives in the URL (`?omrade=…&malgrupp=…`), canonical order, defaults left out.

use crate::document::{Commitment, Document};
use crate::query::query_of;

/// Filter on commitments; `None` shows all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFilter {
    /// Id of a level-2 heading (verksamhetsområde).
    pub area: Option<String>,
    /// Id of a target-group tag.
    pub tag: Option<String>,
}

const AREA: &str = "omrade";
const TAG: &str = "malgrupp";

/// What parsing a query string found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub filter: PlanFilter,
    /// False if anything was unknown, invalid, repeated or out of order:
    /// the page then rewrites the URL to `filter.to_query()` and says so.
    pub canonical: bool,
}

impl PlanFilter {
    /// Reads query pairs; values not in the document fall back to "all".
    pub fn parse(pairs: &[(String, String)], doc: &Document) -> Parsed {
        let mut filter = PlanFilter::default();
        let mut ok = true;
        for (key, value) in pairs {
            match key.as_str() {
                AREA if filter.area.is_none() && area_options(doc).iter().any(|o| o.id == *value) => {
                    filter.area = Some(value.clone())
                }
                TAG if filter.tag.is_none() && doc.tags.iter().any(|t| t.id == *value) => {
                    filter.tag = Some(value.clone())
                }
                _ => ok = false,
            }
        }
        let canonical = ok && filter.to_query() == query_of(pairs);
        Parsed { filter, canonical }
    }

    /// "" or "?omrade=…&malgrupp=…", always in that order.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(a) = &self.area {
            parts.push(format!("{AREA}={a}"));
        }
        if let Some(t) = &self.tag {
            parts.push(format!("{TAG}={t}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    pub fn is_active(&self) -> bool {
        self.area.is_some() || self.tag.is_some()
    }

    pub fn matches(&self, c: &Commitment) -> bool {
        self.area.as_ref().is_none_or(|a| &c.area == a) && self.tag.as_ref().is_none_or(|t| c.tags.contains(t))
    }

    pub fn apply<'d>(&self, doc: &'d Document) -> Vec<&'d Commitment> {
        doc.commitments().filter(|c| self.matches(c)).collect()
    }
}

/// One choice in a filter, with how many commitments it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterOption {
    pub id: String,
    pub label: String,
    pub count: usize,
}

/// The verksamhetsområden that hold commitments, in document order.
pub fn area_options(doc: &Document) -> Vec<FilterOption> {
    doc.headings()
        .filter(|h| h.level == 2)
        .map(|h| FilterOption {
            id: h.id.clone(),
            label: h.text.clone(),
            count: doc.commitments().filter(|c| c.area == h.id).count(),
        })
        .filter(|o| o.count > 0)
        .collect()
}

/// Every target group, with its count under the current area (zero stays visible).
pub fn tag_options(doc: &Document, area: Option<&str>) -> Vec<FilterOption> {
    doc.tags
        .iter()
        .map(|t| FilterOption {
            id: t.id.clone(),
            label: t.label.clone(),
            count: doc
                .commitments()
                .filter(|c| c.tags.contains(&t.id) && area.is_none_or(|a| c.area == a))
                .count(),
        })
        .collect()
}

/// "12 av 58 åtaganden" / "1 åtagande" — Swedish singular and plural.
pub fn count_text(shown: usize, total: usize) -> String {
    let all = crate::format::count(total, "åtagande", "åtaganden");
    if shown == total {
        all
    } else {
        format!("{shown} av {all}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Heading, Tag};
    use crate::model::{SourceDoc, SCHEMA_VERSION};

    fn doc() -> Document {
        let heading = |id: &str| {
            Block::Heading(Heading {
                level: 2,
                id: id.into(),
                text: id.to_uppercase(),
            })
        };
        let commitment = |id: &str, area: &str, tags: &[&str]| {
            Block::Commitment(Commitment {
                id: id.into(),
                text: id.into(),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                area: area.into(),
                focus: area.into(),
                body: vec![],
            })
        };
        Document {
            schema_version: SCHEMA_VERSION,
            id: "d".into(),
            title: "D".into(),
            source: SourceDoc {
                id: "s".into(),
                title: "S".into(),
                publisher: "P".into(),
            },
            tags: ["aldre", "unga", "miljo"]
                .iter()
                .map(|t| Tag {
                    id: t.to_string(),
                    label: t.to_string(),
                })
                .collect(),
            mends: vec![],
            blocks: vec![
                heading("inledning"),
                heading("halsa"),
                commitment("a", "halsa", &["aldre"]),
                commitment("b", "halsa", &["aldre", "unga"]),
                heading("unga"),
                commitment("c", "unga", &["unga"]),
            ],
            discrepancies: vec![],
            see_also: vec![],
        }
    }

    use crate::query::pairs_of as pairs;

    fn check(query: &str, area: Option<&str>, tag: Option<&str>, canonical: bool, shown: &[&str]) {
        let doc = doc();
        let parsed = PlanFilter::parse(&pairs(query), &doc);
        let expected = PlanFilter {
            area: area.map(str::to_string),
            tag: tag.map(str::to_string),
        };
        assert_eq!(
            parsed,
            Parsed {
                filter: expected.clone(),
                canonical
            },
            "{query}"
        );
        let ids: Vec<&str> = expected.apply(&doc).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, shown, "{query}");
    }

    #[test]
    fn queries_parse_to_filters_and_unknown_values_fall_back() {
        check("", None, None, true, &["a", "b", "c"]);
        check("?omrade=halsa", Some("halsa"), None, true, &["a", "b"]);
        check("?malgrupp=unga", None, Some("unga"), true, &["b", "c"]);
        check("?omrade=halsa&malgrupp=unga", Some("halsa"), Some("unga"), true, &["b"]);
        check("?malgrupp=miljo", None, Some("miljo"), true, &[]);
        // Not canonical: rewritten, with a notice.
        check(
            "?malgrupp=unga&omrade=halsa",
            Some("halsa"),
            Some("unga"),
            false,
            &["b"],
        );
        check("?omrade=okand", None, None, false, &["a", "b", "c"]);
        check("?omrade=inledning", None, None, false, &["a", "b", "c"]);
        check("?utm_source=x&malgrupp=aldre", None, Some("aldre"), false, &["a", "b"]);
        check("?malgrupp=aldre&malgrupp=unga", None, Some("aldre"), false, &["a", "b"]);
        check("?omrade", None, None, false, &["a", "b", "c"]);
    }

    #[test]
    fn canonical_queries_round_trip() {
        let doc = doc();
        for area in [None, Some("halsa"), Some("unga")] {
            for tag in [None, Some("aldre"), Some("unga"), Some("miljo")] {
                let filter = PlanFilter {
                    area: area.map(str::to_string),
                    tag: tag.map(str::to_string),
                };
                let parsed = PlanFilter::parse(&pairs(&filter.to_query()), &doc);
                assert_eq!(
                    parsed,
                    Parsed {
                        filter,
                        canonical: true
                    }
                );
            }
        }
    }

    #[test]
    fn options_count_commitments_and_keep_empty_groups() {
        let doc = doc();
        let areas: Vec<(String, usize)> = area_options(&doc).into_iter().map(|o| (o.id, o.count)).collect();
        assert_eq!(areas, [("halsa".to_string(), 2), ("unga".to_string(), 1)]);
        let tags: Vec<usize> = tag_options(&doc, Some("halsa")).iter().map(|o| o.count).collect();
        assert_eq!(tags, [2, 1, 0]);
    }

    #[test]
    fn counts_read_as_swedish() {
        assert_eq!(count_text(58, 58), "58 åtaganden");
        assert_eq!(count_text(3, 58), "3 av 58 åtaganden");
        assert_eq!(count_text(0, 58), "0 av 58 åtaganden");
        assert_eq!(count_text(1, 1), "1 åtagande");
    }
}
