//! The map geometry's tests: projection, label places, inside or not, hatching.

use super::*;

fn shape(ring: &[(f64, f64)]) -> Shape {
    Shape {
        code: "0000".into(),
        name: "Prov".into(),
        slug: "prov".into(),
        ring: ring.iter().flat_map(|&(a, b)| [a, b]).collect(),
    }
}

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6
}

#[test]
fn the_projection_fits_the_shapes_north_up_and_in_proportion() {
    // One degree square at 60° N: a degree of longitude is half a degree of latitude.
    let square = shape(&[(10.0, 59.5), (11.0, 59.5), (11.0, 60.5), (10.0, 60.5), (10.0, 59.5)]);
    let p = Projection::fit(std::slice::from_ref(&square), 200.0, 100.0, 0.0);
    // Height limits: 100 units a degree of latitude, 50 a degree of longitude, centred across.
    assert!(
        close(p.point(10.0, 60.5), (75.0, 0.0)),
        "north-west corner at the top: {:?}",
        p.point(10.0, 60.5)
    );
    assert!(
        close(p.point(11.0, 59.5), (125.0, 100.0)),
        "south-east corner at the bottom: {:?}",
        p.point(11.0, 59.5)
    );
    // A margin keeps the shape off the edges: 80 units high, so 40 wide, centred.
    let p = Projection::fit(&[square], 100.0, 100.0, 10.0);
    let ring = p.ring(&shape(&[(10.0, 60.5), (11.0, 59.5)]));
    assert!(close(ring[0], (30.0, 10.0)) && close(ring[1], (70.0, 90.0)), "{ring:?}");
}

#[test]
fn the_projection_of_nothing_is_finite() {
    let p = Projection::fit(&[], 100.0, 100.0, 5.0);
    let (x, y) = p.point(0.5, 0.5);
    assert!(x.is_finite() && y.is_finite());
}

#[test]
fn labels_go_to_the_centre_of_area() {
    let square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)];
    assert!(close(centroid(&square), (2.0, 2.0)));
    // An L shape (a 4 × 4 square less 3 × 3 at one corner): (16 · 2 − 9 · 2,5) / 7 across and up.
    let l = [
        (0.0, 0.0),
        (4.0, 0.0),
        (4.0, 1.0),
        (1.0, 1.0),
        (1.0, 4.0),
        (0.0, 4.0),
        (0.0, 0.0),
    ];
    assert!(close(centroid(&l), (9.5 / 7.0, 9.5 / 7.0)), "{:?}", centroid(&l));
    assert!(
        close(centroid(&[(3.0, 3.0), (3.0, 3.0)]), (3.0, 3.0)),
        "no area: the first point"
    );
    assert!(contains(&square, (1.0, 3.0)) && !contains(&square, (5.0, 1.0)));
}

#[test]
fn hatching_stays_inside_the_shape() {
    let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)];
    let lines = hatch(&square, 5.0);
    // The lines y = x + c for c = −5, 0, 5 cross the square (c = ±10 touch a corner only).
    assert_eq!(lines.len(), 3, "{lines:?}");
    for &((x0, y0), (x1, y1)) in &lines {
        let mid = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        assert!(contains(&square, mid), "{mid:?}");
        assert!((y0 - x0 - (y1 - x1)).abs() < 1e-9, "diagonal");
    }
    assert!(hatch(&square, 0.0).is_empty());
    // A concave ring gets two pieces on a line that crosses its notch.
    let u = [
        (0.0, 0.0),
        (10.0, 0.0),
        (10.0, 10.0),
        (7.0, 10.0),
        (7.0, 3.0),
        (3.0, 3.0),
        (3.0, 10.0),
        (0.0, 10.0),
        (0.0, 0.0),
    ];
    assert!(hatch(&u, 1.0)
        .iter()
        .all(|&((x0, y0), (x1, y1))| contains(&u, ((x0 + x1) / 2.0, (y0 + y1) / 2.0))));
}
