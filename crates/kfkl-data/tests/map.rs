//! The county map's outlines: the real file passes, and each kind of bad
//! outline stops the build with the file and what is wrong.

mod common;

use std::path::Path;

use kfkl_data::map::{load, FILE};

fn areas() -> &'static kfkl_core::model::Areas {
    &common::built().areas
}

/// The real file with its text changed by `edit`; the problems found, as "file:line: reason".
fn problems(edit: impl Fn(String) -> String) -> Vec<String> {
    let text = edit(std::fs::read_to_string(common::data_dir().join(FILE)).unwrap());
    match load(Path::new("karta.geojson"), &text, areas()) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|d| d.to_string()).collect(),
    }
}

#[test]
fn the_real_outlines_are_twelve_closed_polygons_under_the_official_codes() {
    let map = common::built().map.as_ref().unwrap();
    assert_eq!(map.shapes.len(), 12);
    let codes: Vec<&str> = map.shapes.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(
        codes,
        ["0821", "0834", "0840", "0860", "0861", "0862", "0880", "0881", "0882", "0883", "0884", "0885"]
    );
    let kalmar = map.shapes.iter().find(|s| s.code == "0880").unwrap();
    assert_eq!((kalmar.name.as_str(), kalmar.slug.as_str()), ("Kalmar", "kalmar"));
    for s in &map.shapes {
        assert_eq!(s.ring[..2], s.ring[s.ring.len() - 2..], "{} is closed", s.name);
    }
}

#[test]
fn bad_outlines_stop_the_build_and_say_which() {
    let cases: &[(&str, &str, &str)] = &[
        // (replace, with, the problem reported)
        (
            "\"kod\":\"0821\"",
            "\"kod\":\"0999\"",
            "karta.geojson:1: feature 1 (0999 Högsby): not a municipality code of sources/municipalities.csv",
        ),
        (
            "\"namn\":\"Högsby\"",
            "\"namn\":\"Högsbo\"",
            "karta.geojson:1: feature 1 (0821 Högsbo): code 0821 is Högsby, not Högsbo",
        ),
        (
            "\"kod\":\"0834\"",
            "\"kod\":\"0821\"",
            "karta.geojson:1: feature 2 (0821 Torsås): code 0821 is Högsby, not Torsås",
        ),
        (
            "\"kod\":\"0834\"",
            "\"kod\":\"0821\"",
            "karta.geojson:1: no outline for Torsås (0834)",
        ),
        (
            "\"type\":\"Polygon\"",
            "\"type\":\"LineString\"",
            "karta.geojson:1: feature 1 (0821 Högsby): expected a Polygon, found a LineString",
        ),
        (
            "[[[16.1656,57.2326]",
            "[[[26.1656,57.2326]",
            "karta.geojson:1: feature 1 (0821 Högsby): point 1 (26.1656, 57.2326) is outside Kalmar län",
        ),
        (
            "[[[16.1656,57.2326]",
            "[[[26.1656,57.2326]",
            "karta.geojson:1: feature 1 (0821 Högsby): the ring is not closed (its last point is not its first)",
        ),
        (
            "{\"type\":\"FeatureCollection\"",
            "{\"type\":\"Collection\"",
            "karta.geojson:1: expected a FeatureCollection, found 'Collection'",
        ),
        (
            "\"features\":",
            "\"feature\":",
            "karta.geojson:1: not the expected GeoJSON: missing field `features`",
        ),
    ];
    for (from, to, want) in cases {
        let found = problems(|t| t.replacen(from, to, 1));
        assert!(
            found.iter().any(|p| p.starts_with(want)),
            "{from} → {to}: expected {want}, found {found:?}"
        );
    }
    assert_eq!(problems(|t| t), Vec::<String>::new());
}
