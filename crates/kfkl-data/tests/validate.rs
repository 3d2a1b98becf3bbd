//! The data build on tiny fixtures: what it accepts, and the exact
//! `file:line: reason` it gives for each kind of bad input.

use std::path::Path;

use kfkl_data::figures::load;

const DOC: &str = "Utlåningen av utrustning har fortsatt öka till 722 utlån från förra\nårets 698. I AV-Play fanns drygt 16 000 filmer.";

fn read_doc(rel: &str) -> Result<String, String> {
    match rel {
        "doc.txt" => Ok(DOC.to_string()),
        other => Err(format!("no such file {other}")),
    }
}

const HEAD: &str = r#"[dataset]
id = "t"
title = "T"
status = "official"

[[source]]
id = "d"
title = "Doc"
publisher = "P"
file = "doc.txt"
"#;

/// A figure table with `field = value` lines replaced or added by `edits`.
fn fixture(edits: &[(&str, &str)]) -> String {
    let mut fields = vec![
        ("id", r#""utlan""#),
        ("label", r#""Utlån""#),
        ("value", "698"),
        ("unit", r#""count""#),
        ("year", "2022"),
        ("source", r#""d""#),
        ("section", r#""S""#),
        ("quote", r#""till 722 utlån från förra årets 698.""#),
    ];
    for (key, value) in edits {
        match fields.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => fields.push((key, value)),
        }
    }
    fields.retain(|(_, v)| !v.is_empty());
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k} = {v}")).collect();
    format!("{HEAD}\n[[figure]]\n{}\n", body.join("\n"))
}

fn errors_of(text: &str) -> Vec<String> {
    match load(Path::new("f.toml"), text, &read_doc, &[]) {
        Ok(_) => vec![],
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn a_good_figure_is_published_with_its_source() {
    let ds = load(Path::new("f.toml"), &fixture(&[]), &read_doc, &[]).expect("valid");
    assert_eq!(ds.figures.len(), 1);
    let f = &ds.figures[0];
    assert_eq!((f.value, f.year, f.approx), (698.0, 2022, None));
    assert_eq!(f.source.quote, "till 722 utlån från förra årets 698.");
    assert_eq!(ds.cite(&f.source), "P, Doc, avsnitt S");
}

#[test]
fn quotes_match_across_line_breaks_and_keep_hedges() {
    let text = fixture(&[
        ("value", "16000"),
        ("quote", r#""I AV-Play fanns   drygt 16 000 filmer.""#),
        ("approx", r#""drygt""#),
    ]);
    let ds = load(Path::new("f.toml"), &text, &read_doc, &[]).expect("valid");
    assert_eq!(ds.figures[0].source.quote, "I AV-Play fanns drygt 16 000 filmer.");
}

#[test]
fn bad_figures_fail_with_file_line_and_reason() {
    // `[[figure]]` is line 12; its fields follow from line 13 in fixture order.
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[("value", "699")],
            "f.toml:20: figure 'utlan': the quote does not state the value 699",
        ),
        (
            &[("quote", r#""till 723 utlån""#)],
            "f.toml:20: figure 'utlan': the quote is not in source 'd'",
        ),
        (&[("source", r#""x""#)], "f.toml:18: unknown source 'x'"),
        (&[("value", "-1")], "f.toml:15: value -1 must be a finite number ≥ 0"),
        (&[("year", "1999")], "f.toml:17: year 1999 is outside 2000–2100"),
        (
            &[("id", r#""Utlån""#)],
            "f.toml:13: id 'Utlån' may hold only a–z, 0–9, '-' and '_'",
        ),
        (
            &[("approx", r#""cirka""#)],
            "f.toml:20: figure 'utlan': approx = \"cirka\" but the quote has no such word",
        ),
        (
            &[("unit", r#""percent""#)],
            "f.toml:15: a percentage must lie between 0 and 100",
        ),
        (
            &[("value_high", "600")],
            "f.toml:21: value_high must be greater than value",
        ),
        (
            &[("unit", r#""liter""#)],
            "f.toml:16: unknown variant `liter`, expected `count` or `percent`",
        ),
        (&[("colour", r#""red""#)], "f.toml:21: unknown field `colour`"),
        (&[("label", "")], "f.toml:12: missing field `label`"),
    ];
    for (edits, expected) in cases {
        let errors = errors_of(&fixture(edits));
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "{edits:?}: expected {expected:?}, got {errors:?}"
        );
    }
}

#[test]
fn a_dropped_hedge_word_is_an_error() {
    let text = fixture(&[("value", "16000"), ("quote", r#""drygt 16 000 filmer""#)]);
    assert_eq!(
        errors_of(&text),
        vec![r#"f.toml:20: figure 'utlan': the source says "drygt …"; set approx = "drygt""#]
    );
}

#[test]
fn all_errors_are_reported_together() {
    let text = fixture(&[("value", "-1"), ("year", "1999")]);
    assert_eq!(errors_of(&text).len(), 3, "{:?}", errors_of(&text)); // value, year, and the quote no longer states it
}

#[test]
fn charts_must_reference_known_figures_of_one_unit() {
    let chart = "\n[[chart]]\nid = \"c\"\ntitle = \"C\"\nkind = \"change\"\nbars = [{ label = \"a\", figure = \"utlan\" }, { label = \"b\", figure = \"nope\" }]\n";
    let errors = errors_of(&(fixture(&[]) + chart));
    assert_eq!(errors, vec!["f.toml:22: chart 'c': unknown figure 'nope'"]);
    let one_bar =
        "\n[[chart]]\nid = \"c\"\ntitle = \"C\"\nkind = \"change\"\nbars = [{ label = \"a\", figure = \"utlan\" }]\n";
    assert_eq!(
        errors_of(&(fixture(&[]) + one_bar)),
        vec!["f.toml:22: chart 'c': a Change chart has exactly 2 bars, not 1"]
    );
}

#[test]
fn toml_syntax_errors_point_at_their_line() {
    let errors = errors_of(&format!("{HEAD}\n[[figure]]\nid = \"x\nlabel = 1\n"));
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("f.toml:13: "), "{errors:?}");
}

#[test]
fn a_missing_source_document_is_reported() {
    let text = fixture(&[]).replace("doc.txt", "gone.txt");
    assert_eq!(
        errors_of(&text),
        vec!["f.toml:6: source 'd': cannot read gone.txt: no such file gone.txt"]
    );
}
