//! `sources/kalmar-lan-kommuner.geojson` → `CountyMap`: the municipalities'
//! outlines, checked against the municipality codes: exactly one closed
//! polygon for each municipality, under its official code and name, inside
//! the county. The file is one line of JSON, so a problem names its feature.

use std::path::Path;

use kfkl_core::map::{CountyMap, Shape};
use kfkl_core::model::{Areas, SCHEMA_VERSION};
use serde::Deserialize;

use crate::diag::Diagnostic;

/// Where the build finds it, under the data folder.
pub const FILE: &str = "sources/kalmar-lan-kommuner.geojson";

/// The source line under every map.
pub const SOURCE: &str =
    "Kommungränser: okfse/sweden-geojson, förenklade från Valmyndighetens kommungränser (grova, för en översiktskarta)";

/// Longitudes and latitudes a point of Kalmar län can have, with room to spare.
const WEST_EAST: (f64, f64) = (14.5, 18.0);
const SOUTH_NORTH: (f64, f64) = (55.8, 58.6);

#[derive(Deserialize)]
struct Collection {
    #[serde(rename = "type")]
    kind: String,
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    kod: String,
    namn: String,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    coordinates: Vec<Vec<Vec<f64>>>,
}

pub fn load(path: &Path, text: &str, areas: &Areas) -> Result<CountyMap, Vec<Diagnostic>> {
    let error = |line: usize, reason: String| Diagnostic {
        file: path.to_path_buf(),
        line,
        reason,
    };
    let collection: Collection =
        serde_json::from_str(text).map_err(|e| vec![error(e.line(), format!("not the expected GeoJSON: {e}"))])?;
    let mut errors = Vec::new();
    if collection.kind != "FeatureCollection" {
        errors.push(error(
            1,
            format!("expected a FeatureCollection, found '{}'", collection.kind),
        ));
    }
    let mut shapes: Vec<Shape> = Vec::new();
    for (i, f) in collection.features.iter().enumerate() {
        let (code, name) = (&f.properties.kod, &f.properties.namn);
        let mut fail = |reason: String| errors.push(error(1, format!("feature {} ({code} {name}): {reason}", i + 1)));
        let Some(m) = areas.municipalities.iter().find(|m| &m.code == code) else {
            fail("not a municipality code of sources/municipalities.csv".into());
            continue;
        };
        if &m.name != name {
            fail(format!("code {code} is {}, not {name}", m.name));
        }
        if shapes.iter().any(|s| &s.code == code) {
            fail("a second outline for the same municipality".into());
        }
        if f.geometry.kind != "Polygon" {
            fail(format!("expected a Polygon, found a {}", f.geometry.kind));
            continue;
        }
        let [ring] = f.geometry.coordinates.as_slice() else {
            fail(format!(
                "expected one ring (no holes), found {}",
                f.geometry.coordinates.len()
            ));
            continue;
        };
        if ring.len() < 4 {
            fail(format!("a ring needs at least 4 points, found {}", ring.len()));
            continue;
        }
        if ring.first() != ring.last() {
            fail("the ring is not closed (its last point is not its first)".into());
        }
        let mut flat = Vec::with_capacity(ring.len() * 2);
        for (j, p) in ring.iter().enumerate() {
            match p.as_slice() {
                [lon, lat]
                    if (WEST_EAST.0..=WEST_EAST.1).contains(lon) && (SOUTH_NORTH.0..=SOUTH_NORTH.1).contains(lat) =>
                {
                    flat.extend([*lon, *lat])
                }
                [lon, lat] => fail(format!("point {} ({lon}, {lat}) is outside Kalmar län", j + 1)),
                _ => fail(format!("point {} is not a longitude and a latitude", j + 1)),
            }
        }
        shapes.push(Shape {
            code: code.clone(),
            name: m.name.clone(),
            slug: m.slug.clone(),
            ring: flat,
        });
    }
    for m in &areas.municipalities {
        if !collection.features.iter().any(|f| f.properties.kod == m.code) {
            errors.push(error(1, format!("no outline for {} ({})", m.name, m.code)));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // In the order of the municipality codes, whatever the file's.
    shapes.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(CountyMap {
        schema_version: SCHEMA_VERSION,
        source: SOURCE.into(),
        shapes,
    })
}
