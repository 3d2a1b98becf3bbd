//! Checks that tie a number to its source text: the quoted sentence must stand
//! in the document, the number must stand in the sentence, and a hedge word
//! ("drygt", "cirka" …) in front of it must be kept.

use kfkl_core::model::Approx;

/// Collapses every run of white space to one space, so that a quote matches
/// the document across the PDF's line breaks.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The ways a document may write a number: `16 000`, `16000`, `2,5`.
fn spellings(value: f64) -> Vec<String> {
    let plain = kfkl_core::format::format_number(value)
        .replace('\u{a0}', " ")
        .replace('\u{2212}', "-");
    let tight = plain.replace(' ', "");
    let mut out = if plain == tight {
        vec![plain]
    } else {
        vec![plain, tight]
    };
    // Whole numbers may be written with one decimal: "5,0 årsarbetare".
    if value.fract() == 0.0 {
        out.push(
            kfkl_core::format::format_fixed(value, 1)
                .replace('\u{a0}', " ")
                .replace('\u{2212}', "-"),
        );
    }
    out
}

/// Byte offsets where `value` stands in `text` as a whole number (not as part of a larger one).
pub fn find_number(text: &str, value: f64) -> Vec<usize> {
    let mut hits = Vec::new();
    for spelling in spellings(value) {
        for (at, _) in text.match_indices(&spelling) {
            let before = text[..at].chars().next_back();
            let after = &text[at + spelling.len()..];
            let digit_before = before.is_some_and(|c| c.is_ascii_digit() || c == ',');
            let mut rest = after.chars();
            let digit_after = match rest.next() {
                Some(c) if c.is_ascii_digit() => true,
                // "16 000" must not match the start of "16 000 000", nor "2" of "2,5".
                Some(' ') | Some(',') => {
                    let next3: String = rest.take(3).collect();
                    next3.len() == 3 && next3.chars().all(|c| c.is_ascii_digit()) && after.starts_with(' ')
                        || after.starts_with(',') && after[1..].starts_with(|c: char| c.is_ascii_digit())
                }
                _ => false,
            };
            if !digit_before && !digit_after {
                hits.push(at);
            }
        }
    }
    hits
}

/// The hedge word that stands right before the number at `at`, if any.
pub fn hedge_before(text: &str, at: usize) -> Option<Approx> {
    let word = text[..at].trim_end().rsplit(' ').next()?.to_lowercase();
    Approx::ALL.into_iter().find(|a| a.word() == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_numbers_only() {
        let cases: &[(&str, f64, usize)] = &[
            ("drygt 16 000 filmer", 16000.0, 1),
            ("drygt 16 000 filmer", 6000.0, 0),
            ("öppningsgrad på cirka 33%.", 33.0, 1),
            ("till 722 utlån från förra årets 698.", 698.0, 1),
            ("16 000 000 kronor", 16000.0, 0),
            ("2,5 liter", 2.0, 0),
            ("2,5 liter", 2.5, 1),
            ("mellan 1 500 och 2 000", 1500.0, 1),
            ("21 500", 1500.0, 0),
            ("16000 filmer", 16000.0, 1),
            ("arbetar 5,0 årsarbetare", 5.0, 1),
            ("arbetar 5,5 årsarbetare", 5.0, 0),
        ];
        for (text, value, count) in cases {
            assert_eq!(find_number(text, *value).len(), *count, "{value} in {text:?}");
        }
    }

    #[test]
    fn hedge_words_are_read_before_the_number() {
        let text = "landade nära 270 000, vilket";
        let at = find_number(text, 270000.0)[0];
        assert_eq!(hedge_before(text, at), Some(Approx::Nara));
        let text = "Cirka 33%";
        assert_eq!(hedge_before(text, find_number(text, 33.0)[0]), Some(Approx::Cirka));
        assert_eq!(hedge_before("till 722", 5), None);
    }

    #[test]
    fn normalize_joins_line_breaks() {
        assert_eq!(normalize(" a \n b\t\tc "), "a b c");
    }
}
