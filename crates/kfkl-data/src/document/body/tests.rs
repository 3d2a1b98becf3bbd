//! Tests of the body parser's pieces: emphasis, attributes, table cells and commitment ids.

use super::*;

#[test]
fn emphasis_needs_a_pair_of_stars() {
    assert_eq!(
        runs("a *b* c"),
        vec![
            Run::plain("a "),
            Run {
                text: "b".into(),
                em: true
            },
            Run::plain(" c")
        ]
    );
    assert_eq!(runs("*Fotnot utan slut."), vec![Run::plain("*Fotnot utan slut.")]);
}

#[test]
fn attributes_are_split_from_text() {
    let (text, attrs) = split_attrs("Fokusområden {#fokus-a}");
    assert_eq!((text.as_str(), attrs.id.as_deref()), ("Fokusområden", Some("fokus-a")));
    let (text, attrs) = split_attrs("film för undervisning {tags=skola,unga}");
    assert_eq!(
        (text.as_str(), attrs.tags),
        ("film för undervisning", vec!["skola".to_string(), "unga".to_string()])
    );
    assert_eq!(split_attrs("ingen {klammer} här").0, "ingen {klammer} här");
}

#[test]
fn table_cells_read_swedish_thousands() {
    for (cell, value) in [
        ("21 701", Some(21701.0)),
        ("-16 758", Some(-16758.0)),
        ("0", Some(0.0)),
        ("x", None),
        ("", None),
    ] {
        assert_eq!(parse_tkr(cell), value, "{cell:?}");
    }
}

#[test]
fn long_commitment_ids_are_cut_between_words() {
    let id =
        short_slug("samverka med Länsstyrelsen Kalmar län och Region Kalmar län i frågor som rör våld i nära relation");
    assert!(id.len() <= 60 && !id.ends_with('-'), "{id}");
    assert_eq!(id, "samverka-med-lansstyrelsen-kalmar-lan-och-region-kalmar-lan");
}
