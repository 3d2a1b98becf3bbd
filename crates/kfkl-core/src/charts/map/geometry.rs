//! The county map's geometry: each municipality's outline as published
//! (longitude and latitude, WGS84), and what turns it into a drawing: the
//! projection, a place for a label, and hatching lines inside a shape.

use serde::{Deserialize, Serialize};

/// `kommuner-karta.json`: the municipalities' outlines.
#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct CountyMap {
    pub schema_version: u32,
    /// Where the outlines come from, as the map's source line says it.
    pub source: String,
    pub shapes: Vec<Shape>,
}

#[derive(Serialize, Deserialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Shape {
    /// SCB's municipality code, e.g. "0880".
    pub code: String,
    pub name: String,
    pub slug: String,
    /// The outer ring, closed, as longitude, latitude, longitude, latitude …
    /// (flat: miniserde reads no tuples).
    pub ring: Vec<f64>,
}

impl Shape {
    /// The ring's points as (longitude, latitude).
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.ring.chunks_exact(2).map(|p| (p[0], p[1]))
    }
}

/// Longitude and latitude onto a drawing, north up. Equirectangular around
/// the county's middle latitude: a degree of longitude is cos(latitude) of a
/// degree of latitude, which across Kalmar län (56,2–58,1° N) is off by under
/// 3 %, invisible at the size of an overview map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    west: f64,
    north: f64,
    /// Drawing units per degree of latitude.
    scale: f64,
    /// cos(middle latitude).
    shrink: f64,
    left: f64,
    top: f64,
}

impl Projection {
    /// Fits every shape into `width` × `height` less `margin` on each side,
    /// centred, keeping the shapes' proportions.
    pub fn fit(shapes: &[Shape], width: f64, height: f64, margin: f64) -> Projection {
        let (mut west, mut east, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for (lon, lat) in shapes.iter().flat_map(Shape::points) {
            west = west.min(lon);
            east = east.max(lon);
            south = south.min(lat);
            north = north.max(lat);
        }
        if west > east {
            (west, east, south, north) = (0.0, 1.0, 0.0, 1.0);
        }
        let shrink = ((south + north) / 2.0).to_radians().cos();
        let (w, h) = (((east - west) * shrink).max(1e-9), (north - south).max(1e-9));
        let scale = ((width - 2.0 * margin) / w).min((height - 2.0 * margin) / h);
        Projection {
            west,
            north,
            scale,
            shrink,
            left: (width - w * scale) / 2.0,
            top: (height - h * scale) / 2.0,
        }
    }

    /// The drawing's (x, y) of a place, y downwards.
    pub fn point(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.left + (lon - self.west) * self.shrink * self.scale,
            self.top + (self.north - lat) * self.scale,
        )
    }

    /// A shape's ring in drawing units.
    pub fn ring(&self, shape: &Shape) -> Vec<(f64, f64)> {
        shape.points().map(|(lon, lat)| self.point(lon, lat)).collect()
    }
}

/// Where a label goes: the area-weighted centre of a ring (the centroid), or
/// its first point for a ring without area.
pub fn centroid(ring: &[(f64, f64)]) -> (f64, f64) {
    let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if area.abs() < 1e-12 {
        return ring.first().copied().unwrap_or_default();
    }
    (cx / (3.0 * area), cy / (3.0 * area))
}

/// Whether a point lies inside a closed ring (even-odd rule).
pub fn contains(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        if (y0 > y) != (y1 > y) && x < x0 + (y - y0) * (x1 - x0) / (y1 - y0) {
            inside = !inside;
        }
    }
    inside
}

/// Hatching: the pieces of the diagonal lines y = x + c (c = k · `gap`) that
/// lie inside a closed ring, as segments. Colour is never the only cue on the
/// map: a municipality without a value is hatched.
pub fn hatch(ring: &[(f64, f64)], gap: f64) -> Vec<((f64, f64), (f64, f64))> {
    if ring.len() < 4 || gap <= 0.0 {
        return Vec::new();
    }
    // In the coordinates u = y − x the lines are u = c; v = x runs along them.
    let (lo, hi) = ring
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &(x, y)| (lo.min(y - x), hi.max(y - x)));
    let mut out = Vec::new();
    let mut c = (lo / gap).ceil() * gap;
    while c <= hi {
        let mut xs: Vec<f64> = ring
            .windows(2)
            .filter_map(|w| {
                let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                let (u0, u1) = (y0 - x0, y1 - x1);
                ((u0 > c) != (u1 > c)).then(|| x0 + (c - u0) / (u1 - u0) * (x1 - x0))
            })
            .collect();
        crate::sort::sort_by(&mut xs, f64::total_cmp);
        // A line through a corner only touches the shape: no piece.
        for pair in xs.chunks_exact(2).filter(|p| p[1] - p[0] > 1e-9) {
            out.push(((pair[0], pair[0] + c), (pair[1], pair[1] + c)));
        }
        c += gap;
    }
    out
}

#[cfg(test)]
mod tests;
