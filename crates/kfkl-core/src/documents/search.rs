//! Full-text search over the documents and key figures: the index the data
//! build writes (`sok.json`) and the query the browser runs against it.
//!
//! Words are folded the same way on both sides (`fold`): case does not count,
//! but å, ä and ö stay letters of their own, as in Swedish ("ar" never finds
//! "år"). A query word matches every indexed word it is the start of, and an
//! entry must match all query words.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct SearchIndex {
    pub schema_version: u32,
    /// Searched documents, in the order results are grouped.
    pub docs: Vec<SearchDoc>,
    pub sections: Vec<Section>,
    pub entries: Vec<Entry>,
    /// Every folded word, sorted, so a prefix is a range found by binary search.
    pub terms: Vec<String>,
    /// For each term, the entries that hold it, ascending and delta-encoded
    /// (each number is the distance from the one before): smaller to ship.
    pub postings: Vec<Vec<u32>>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct SearchDoc {
    pub title: String,
    /// Route of the page that shows it: "/plan/2025".
    pub path: String,
}

/// A heading: where a hit stands and where its link goes.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Section {
    pub doc: u32,
    pub anchor: String,
    pub title: String,
}

/// One searchable stretch of text: a paragraph, list item, commitment or key figure.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Entry {
    pub section: u32,
    /// Its own anchor where it has one (a commitment), else the section's.
    pub anchor: Option<String>,
    pub text: String,
}

/// Lower-cases ASCII and the Swedish capitals; every other character stays as it is.
/// Hand-written so the browser needs no Unicode case tables.
pub fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'Å' => 'å',
        'Ä' => 'ä',
        'Ö' => 'ö',
        'É' => 'é',
        'Ü' => 'ü',
        _ => c,
    }
}

/// ASCII letters and digits and the Latin-1 letters (å, ä, ö, é, ü …). Written
/// out rather than `char::is_alphanumeric`, whose Unicode tables cost the wasm.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (matches!(c, 'À'..='ÿ') && c != '×' && c != '÷')
}

/// The words of `text` as byte ranges, so hits can be marked in the original.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// The folded words of `text`: "Lupp-portalen" → ["lupp", "portalen"].
pub fn words(text: &str) -> Vec<String> {
    word_spans(text)
        .into_iter()
        .map(|(s, e)| text[s..e].chars().map(fold).collect())
        .collect()
}

/// One result: the entry and its place.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub entry: u32,
}

impl SearchIndex {
    /// Builds the index from entries; the data build calls this.
    pub fn build(
        schema_version: u32,
        docs: Vec<SearchDoc>,
        sections: Vec<Section>,
        entries: Vec<Entry>,
    ) -> SearchIndex {
        let mut pairs: Vec<(String, u32)> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let mut ws = words(&e.text);
            ws.sort();
            ws.dedup();
            pairs.extend(ws.into_iter().map(|w| (w, i as u32)));
        }
        pairs.sort();
        let mut terms: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        for (w, i) in pairs {
            if terms.last() != Some(&w) {
                terms.push(w);
                postings.push(Vec::new());
            }
            postings.last_mut().expect("pushed above").push(i);
        }
        for p in &mut postings {
            for k in (1..p.len()).rev() {
                p[k] -= p[k - 1];
            }
        }
        SearchIndex {
            schema_version,
            docs,
            sections,
            entries,
            terms,
            postings,
        }
    }

    /// Entries holding every word of `query` (each as the start of a word),
    /// in reading order. An empty query finds nothing.
    pub fn query(&self, query: &str) -> Vec<u32> {
        let mut result: Option<Vec<u32>> = None;
        for word in words(query) {
            let start = self.terms.partition_point(|t| t.as_str() < word.as_str());
            let mut found: Vec<u32> = self.terms[start..]
                .iter()
                .zip(&self.postings[start..])
                .take_while(|(t, _)| t.starts_with(&word))
                .flat_map(|(_, p)| {
                    p.iter().scan(0, |at, d| {
                        *at += d;
                        Some(*at)
                    })
                })
                .collect();
            crate::sort::sort_dedup(&mut found);
            result = Some(match result {
                None => found,
                Some(prev) => prev.into_iter().filter(|i| found.binary_search(i).is_ok()).collect(),
            });
        }
        result.unwrap_or_default()
    }

    pub fn section_of(&self, entry: u32) -> &Section {
        &self.sections[self.entries[entry as usize].section as usize]
    }
}

/// `text` cut to about `width` characters around the first word that `query`
/// matches, as runs: (text, is_hit). "…" marks a cut.
pub fn snippet(text: &str, query: &str, width: usize) -> Vec<(String, bool)> {
    let wanted = words(query);
    let spans = word_spans(text);
    let is_hit = |(s, e): (usize, usize)| {
        let w: String = text[s..e].chars().map(fold).collect();
        wanted.iter().any(|q| w.starts_with(q.as_str()))
    };
    let first = spans.iter().copied().find(|&sp| is_hit(sp)).map_or(0, |(s, _)| s);
    // Start a little before the hit, at a word boundary, and end at one.
    let lead = width / 4;
    let from = spans
        .iter()
        .map(|&(s, _)| s)
        .filter(|&s| s <= first && char_count(&text[s..first]) <= lead)
        .min()
        .unwrap_or(first);
    let from = if char_count(&text[..first]) <= lead { 0 } else { from };
    let to = spans
        .iter()
        .map(|&(_, e)| e)
        .filter(|&e| e > from && char_count(&text[from..e]) <= width)
        .max()
        .unwrap_or(text.len());
    let to = if char_count(&text[from..]) <= width {
        text.len()
    } else {
        to
    };

    let mut runs = Vec::new();
    if from > 0 {
        runs.push(("…".to_string(), false));
    }
    let mut at = from;
    for sp in spans.iter().copied().filter(|&(s, e)| s >= from && e <= to) {
        if is_hit(sp) {
            if sp.0 > at {
                runs.push((text[at..sp.0].to_string(), false));
            }
            runs.push((text[sp.0..sp.1].to_string(), true));
            at = sp.1;
        }
    }
    if to > at {
        runs.push((text[at..to].to_string(), false));
    }
    if to < text.len() {
        runs.push(("…".to_string(), false));
    }
    runs
}

fn char_count(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[(&str, &str)]) -> SearchIndex {
        let docs = vec![SearchDoc {
            title: "Plan".into(),
            path: "/plan".into(),
        }];
        let mut sections = Vec::new();
        let mut entries = Vec::new();
        for (i, (title, text)) in texts.iter().enumerate() {
            sections.push(Section {
                doc: 0,
                anchor: format!("s{i}"),
                title: title.to_string(),
            });
            entries.push(Entry {
                section: i as u32,
                anchor: None,
                text: text.to_string(),
            });
        }
        SearchIndex::build(1, docs, sections, entries)
    }

    #[test]
    fn words_fold_case_but_keep_swedish_letters() {
        assert_eq!(
            words("LUPP-portalen, Årsrapport ÄLDRE"),
            vec!["lupp", "portalen", "årsrapport", "äldre"]
        );
        assert_eq!(words("37,5% av 584"), vec!["37", "5", "av", "584"]);
    }

    #[test]
    fn queries_match_word_starts_case_insensitively() {
        let ix = index(&[
            ("Ungas uppväxt", "Resultaten från LUPP presenteras."),
            ("Äldre", "Ensamhet bland äldre."),
            ("Arbete", "Arbetet med Lupp-portalen."),
            ("År", "Under året."),
        ]);
        let cases: &[(&str, &[u32])] = &[
            ("lupp", &[0, 2]),
            ("LUPP", &[0, 2]),
            ("lup", &[0, 2]),
            ("äldre", &[1]),
            ("ÄLDRE", &[1]),
            // å is its own letter: "ar" does not find "året", but finds "arbete".
            ("ar", &[2]),
            ("år", &[3]),
            // All words must match within one entry.
            ("lupp resultaten", &[0]),
            ("lupp uppväxt", &[]),
            ("lupp saknas", &[]),
            ("", &[]),
            ("  ,. ", &[]),
        ];
        for (q, want) in cases {
            assert_eq!(ix.query(q), want.to_vec(), "query {q:?}");
        }
    }

    #[test]
    fn snippets_mark_hits_and_cut_long_text() {
        let runs = snippet("Resultaten från LUPP presenteras.", "lupp", 100);
        assert_eq!(
            runs,
            vec![
                ("Resultaten från ".to_string(), false),
                ("LUPP".to_string(), true),
                (" presenteras.".to_string(), false)
            ]
        );
        let long = format!("{} LUPP {}", "ord ".repeat(50), "mer ".repeat(50));
        let runs = snippet(&long, "lupp", 60);
        assert_eq!(runs.first().map(|r| r.0.as_str()), Some("…"));
        assert_eq!(runs.last().map(|r| r.0.as_str()), Some("…"));
        assert!(runs.iter().any(|r| r.1 && r.0 == "LUPP"));
        let shown: usize = runs.iter().map(|r| r.0.chars().count()).sum();
        assert!(shown <= 64, "{shown}");
    }
}
