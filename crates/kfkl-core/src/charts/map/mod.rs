//! The county map: the municipalities' outlines and the geometry that turns
//! them into a drawing (`geometry`), and the map drawn with plotters, filled
//! by class and labelled (`chart`, `kfkl_core::map::chart`).

pub mod chart;
mod geometry;

pub use geometry::{centroid, contains, hatch, CountyMap, Projection, Shape};
