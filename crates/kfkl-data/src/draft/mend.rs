//! Extraction artefacts the word-for-word check must be told about: words
//! hyphenated at a line break, a heading repeated at the head of its paragraph,
//! bullets the check does not read as bullets. Each becomes a `[[mend]]` with
//! the count the check will find.

use crate::quote::normalize;

#[derive(Debug, Clone, PartialEq)]
pub struct Mend {
    pub from: String,
    pub to: String,
    pub count: u32,
    pub why: String,
    /// 1-based source lines where it was made, for the review.
    pub lines: Vec<usize>,
}

pub const WHY_HYPHEN: &str = "Ordet var avstavat vid radbrytning i PDF:en.";
pub const WHY_HEADING: &str = "Rubriken upprepas i början av stycket i den extraherade texten.";
pub const WHY_BULLET: &str = "Punkttecknet läses som \"-\".";

/// Text as the check compares it (`document::comparable`): white space
/// collapsed, emphasis stars dropped, "•" read as "-".
pub fn comparable(text: &str) -> String {
    normalize(&text.replace('*', "").replace('•', "-"))
}

/// Words that follow a hyphen that is meant: "hälso- och sjukvård".
const CONJUNCTIONS: [&str; 6] = ["och", "eller", "samt", "till", "resp", "respektive"];

fn word_end(c: char) -> bool {
    !(c.is_alphanumeric() || c == '-')
}

/// A word broken at the end of `line` and continued on `next`, as the check
/// sees it ("HR- specialist") and as it should read ("HR-specialist"). An
/// abbreviation or a capital after the break keeps the hyphen; a
/// conjunction after it means the hyphen is real and nothing is mended.
pub fn line_break(line: &str, next: &str) -> Option<(String, String)> {
    let last = line.split_whitespace().next_back()?.replace('*', "");
    let stem = last.strip_suffix('-')?;
    let tail: String = next
        .split_whitespace()
        .next()?
        .replace('*', "")
        .chars()
        .take_while(|&c| !word_end(c))
        .collect();
    if stem.is_empty() || !stem.chars().next_back()?.is_alphabetic() || !tail.starts_with(char::is_alphabetic) {
        return None;
    }
    if CONJUNCTIONS.contains(&tail.to_lowercase().as_str()) {
        return None;
    }
    let letters: String = stem.chars().filter(|c| c.is_alphabetic()).collect();
    let keep =
        letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase) || tail.starts_with(char::is_uppercase);
    let to = if keep {
        format!("{last}{tail}")
    } else {
        format!("{stem}{tail}")
    };
    Some((format!("{last} {tail}"), to))
}

/// Words hyphenated inside a line ("Läns-gemensam") whose joined form stands
/// elsewhere in the same text: the extraction kept a soft hyphen.
pub fn inline_hyphens(text: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = text.split(word_end).filter(|w| !w.is_empty()).collect();
    let mut out: Vec<(String, String)> = Vec::new();
    for w in &words {
        let Some((a, b)) = w.split_once('-') else { continue };
        if a.chars().count() < 2
            || !b.starts_with(char::is_lowercase)
            || b.contains('-')
            || a.chars().all(char::is_uppercase)
        {
            continue;
        }
        let joined = format!("{a}{b}");
        if words.contains(&joined.as_str()) && !out.iter().any(|(f, _)| f == w) {
            out.push((w.to_string(), joined));
        }
    }
    out
}

/// Turns candidate mends into the list the check accepts: in order, each
/// counted in the source text as the earlier ones left it; merged when the
/// same, dropped when not found.
pub fn finalize(source: &str, candidates: Vec<Mend>) -> Vec<Mend> {
    let mut text = comparable(source);
    let mut out: Vec<Mend> = Vec::new();
    for c in candidates {
        if let Some(m) = out.iter_mut().find(|m| m.from == c.from) {
            m.lines.extend(c.lines);
            continue;
        }
        let count = text.matches(&c.from).count() as u32;
        if count == 0 || c.from == c.to {
            continue;
        }
        text = text.replace(&c.from, &c.to);
        out.push(Mend { count, ..c });
    }
    out
}

/// A stretch of source text as the body writes it: white space collapsed and
/// the mends applied in order (emphasis stars are kept; the check ignores them).
pub fn apply(text: &str, mends: &[Mend]) -> String {
    let mut out = normalize(text);
    for m in mends {
        out = out.replace(&m.from, &m.to);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_broken_at_line_ends_are_joined() {
        for (line, next, mend) in [
            (
                "inom Läns-",
                "gemensam ledning",
                Some(("Läns- gemensam", "Länsgemensam")),
            ),
            (
                "tillsammans med HR- ",
                "specialist och",
                Some(("HR- specialist", "HR-specialist")),
            ),
            ("informerat om AV-", "Medias utbud", Some(("AV- Medias", "AV-Medias"))),
            ("på LSS-", "boenden.", Some(("LSS- boenden", "LSS-boenden"))),
            ("inom hälso- ", "och sjukvård", None),
            ("år 2023 -", "2024", None),
            ("slutet.", "Nästa", None),
        ] {
            let got = line_break(line, next);
            assert_eq!(
                got.as_ref().map(|(f, t)| (f.as_str(), t.as_str())),
                mend,
                "{line:?} / {next:?}"
            );
        }
    }

    #[test]
    fn inline_hyphens_need_the_joined_word_elsewhere() {
        let text = "inom Läns-gemensam ledning och Länsgemensam plan; hälso-och sjukvård; e-post";
        assert_eq!(
            inline_hyphens(text),
            vec![("Läns-gemensam".to_string(), "Länsgemensam".to_string())]
        );
    }

    #[test]
    fn mends_are_counted_in_order_and_merged() {
        let m = |from: &str, to: &str, line: usize| Mend {
            from: from.into(),
            to: to.into(),
            count: 0,
            why: WHY_HYPHEN.into(),
            lines: vec![line],
        };
        let source = "a HR- \nspecialist b HR- specialist c *Läns-gemensam*";
        let got = finalize(
            source,
            vec![
                m("HR- specialist", "HR-specialist", 1),
                m("HR- specialist", "HR-specialist", 3),
                m("Läns-gemensam", "Länsgemensam", 4),
                m("saknas", "x", 5),
            ],
        );
        assert_eq!(
            got.iter()
                .map(|m| (m.from.as_str(), m.count, m.lines.clone()))
                .collect::<Vec<_>>(),
            [("HR- specialist", 2, vec![1, 3]), ("Läns-gemensam", 1, vec![4])]
        );
        assert_eq!(
            apply("HR- \n specialist och *Läns-gemensam*", &got),
            "HR-specialist och *Länsgemensam*"
        );
    }
}
