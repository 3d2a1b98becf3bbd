//! The table of contents: where it is, its entries, a guess at each entry's
//! heading level, and where each entry stands again in the body.

use crate::quote::normalize;

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub text: String,
    /// 1-based source line.
    pub line: usize,
}

/// A heading level and whether it rests on a rule the documents share (false)
/// or only on the entry's position (true: a person must look).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level {
    pub level: u8,
    pub guessed: bool,
}

/// "Inledning ........ 3", "Inledning\t3", "Inledning 3" → "Inledning".
pub fn entry(line: &str) -> Option<String> {
    let t = line.trim_end();
    let text = t.trim_end_matches(|c: char| c.is_ascii_digit());
    // A page number has at most three digits: "Budget 2025" alone is no entry.
    if text.len() == t.len() || t.len() - text.len() > 3 || !text.ends_with([' ', '\t', '.', '…']) {
        return None;
    }
    let text = normalize(text.trim_end_matches([' ', '\t', '.', '…']));
    (!text.is_empty()).then_some(text)
}

/// The entries and the first line of the body (1-based): the first line after
/// the last entry that is neither blank nor a bare page number.
pub fn find(lines: &[&str]) -> Option<(Vec<Entry>, usize)> {
    let head = lines
        .iter()
        .position(|l| matches!(l.trim().to_lowercase().as_str(), "innehåll" | "innehållsförteckning"))?;
    let mut entries = Vec::new();
    let mut last = head;
    for (i, line) in lines.iter().enumerate().skip(head + 1) {
        if line.trim().is_empty() {
            continue;
        }
        match entry(line) {
            Some(text) => {
                entries.push(Entry { text, line: i + 1 });
                last = i;
            }
            None => break,
        }
    }
    let body = (last + 1..lines.len()).find(|&i| !is_blank_or_page_number(lines[i]))?;
    Some((entries, body + 1))
}

pub fn is_blank_or_page_number(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || is_page_number(t)
}

/// A line holding only a number of at most three digits: page furniture, not a year.
pub fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_string)
        .collect()
}

/// Whether `text` names one of the verksamhetsområden (from the budget's
/// "Verksamhetsområde …" entries): the same words, or at least two of them.
fn names_area(text: &str, areas: &[Vec<String>]) -> bool {
    let own = words(text);
    areas
        .iter()
        .any(|a| *a == own || a.iter().filter(|w| own.contains(w)).count() >= 2)
}

/// Guesses levels from the entries' words, since the extracted text has lost
/// the indentation: "Fokusområde N: …" and "Verksamhetsområde …" are level 3;
/// an entry that names a verksamhetsområde, is followed by a fokusområde, or
/// starts "Budget"/"Inför" is level 2; after a plain "Fokusområden" the entries
/// are its level-4 children, after an area without one its level-3 children.
pub fn levels(entries: &[Entry]) -> Vec<Level> {
    let areas: Vec<Vec<String>> = entries
        .iter()
        .filter_map(|e| e.text.strip_prefix("Verksamhetsområde "))
        .map(words)
        .collect();
    #[derive(PartialEq)]
    enum Under {
        Nothing,
        Focus,
        Area,
    }
    let mut under = Under::Nothing;
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let lower = e.text.to_lowercase();
        let next_is_focus = entries
            .get(i + 1)
            .is_some_and(|n| n.text.to_lowercase().starts_with("fokusområde"));
        let area = names_area(&e.text, &areas);
        let level = if lower == "fokusområden" {
            under = Under::Focus;
            Level {
                level: 3,
                guessed: false,
            }
        } else if lower.starts_with("fokusområde ") || lower.starts_with("verksamhetsområde ") {
            Level {
                level: 3,
                guessed: false,
            }
        } else if i == 0 || area || next_is_focus || lower.starts_with("budget") || lower.starts_with("inför") {
            under = if area && !next_is_focus {
                Under::Area
            } else {
                Under::Nothing
            };
            Level {
                level: 2,
                guessed: !(i == 0 || area || next_is_focus),
            }
        } else {
            match under {
                Under::Focus => Level {
                    level: 4,
                    guessed: true,
                },
                Under::Area => Level {
                    level: 3,
                    guessed: true,
                },
                Under::Nothing => Level {
                    level: 2,
                    guessed: true,
                },
            }
        };
        out.push(level);
    }
    out
}

/// Where each entry stands in the body: the (first, last) 0-based line of a
/// heading that reads as the entry, on one line or two. Of several, the last
/// one before the next entry's first is taken (an area's name may open an
/// earlier paragraph). `None` for an entry not found.
pub fn locate(
    entries: &[Entry],
    lines: &[&str],
    from: usize,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<Option<(usize, usize)>> {
    let matches = |text: &str, start: usize| -> Vec<(usize, usize)> {
        let want = normalize(text).to_lowercase();
        let mut out = Vec::new();
        for i in start..lines.len() {
            if skip(i) || lines[i].trim().is_empty() {
                continue;
            }
            let one = normalize(lines[i]).to_lowercase();
            if one == want {
                out.push((i, i));
            } else if want.starts_with(&one)
                && i + 1 < lines.len()
                && normalize(&format!("{} {}", lines[i], lines[i + 1])).to_lowercase() == want
            {
                out.push((i, i + 1));
            }
        }
        out
    };
    let mut start = from;
    let mut out = Vec::new();
    for (k, e) in entries.iter().enumerate() {
        let found = matches(&e.text, start);
        let limit = entries.get(k + 1).and_then(|n| {
            matches(&n.text, start)
                .into_iter()
                .find(|m| found.first().is_some_and(|f| m.0 > f.1))
        });
        let pick = found
            .iter()
            .rev()
            .find(|m| limit.is_none_or(|l| m.1 < l.0))
            .or(found.first())
            .copied();
        if let Some((_, end)) = pick {
            start = end + 1;
        }
        out.push(pick);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_have_a_page_number() {
        for (line, text) in [
            ("Inledning\t3", Some("Inledning")),
            ("Målbild.....\t3", Some("Målbild")),
            (
                "Fokusområde 2: Administration ........................ 4 ",
                Some("Fokusområde 2: Administration"),
            ),
            ("Inför 2026\t23", Some("Inför 2026")),
            ("Budget 2025", None),
            ("3 ", None),
            ("Inledning", None),
        ] {
            assert_eq!(entry(line).as_deref(), text, "{line:?}");
        }
    }

    #[test]
    fn the_body_starts_after_the_contents_and_page_furniture() {
        let lines = [
            "Titel",
            "",
            "Innehåll ",
            "",
            "Inledning ..... 3",
            "Budget\t4",
            "",
            "3 ",
            " ",
            "Inledning",
            "Text.",
        ];
        let (entries, body) = find(&lines).expect("a toc");
        assert_eq!(
            entries.iter().map(|e| (e.text.as_str(), e.line)).collect::<Vec<_>>(),
            [("Inledning", 5), ("Budget", 6)]
        );
        assert_eq!(body, 10);
    }

    #[test]
    fn levels_follow_the_words_of_the_entries() {
        let names = [
            "Inledning",
            "Hälsa, vård och omsorg",
            "Fokusområden",
            "Äldre",
            "Folkhälsa",
            "Livsmedel-, miljö- och hälsoskydd",
            "Miljöprojekt",
            "Budget 2025",
            "Verksamhetsområde Miljö och Livsmedel",
            "Inför 2026",
        ];
        let entries: Vec<Entry> = names
            .iter()
            .map(|t| Entry {
                text: t.to_string(),
                line: 1,
            })
            .collect();
        let got: Vec<(u8, bool)> = levels(&entries).iter().map(|l| (l.level, l.guessed)).collect();
        assert_eq!(
            got,
            [
                (2, false),
                (2, false),
                (3, false),
                (4, true),
                (4, true),
                (2, false),
                (3, true),
                (2, true),
                (3, false),
                (2, true)
            ]
        );
    }

    #[test]
    fn an_entry_is_found_again_before_the_next_one() {
        let lines = [
            "Kurs och administration",
            "Text.",
            "",
            "Kurs och administration ",
            "",
            "Fokusområde 1: Kurser och",
            "utbildningar",
            "Text.",
        ];
        let entries = [
            Entry {
                text: "Kurs och administration".into(),
                line: 1,
            },
            Entry {
                text: "Fokusområde 1: Kurser och utbildningar".into(),
                line: 2,
            },
        ];
        assert_eq!(
            locate(&entries, &lines, 0, &|_| false),
            vec![Some((3, 3)), Some((5, 6))]
        );
    }
}
