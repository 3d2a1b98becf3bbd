//! Pure logic of the site: the published data model, Swedish number formats,
//! chart series, text summaries and SVG. No web dependencies: everything here
//! runs and is tested natively, and the site only wires it to the DOM.
//!
//! ```
//! use kfkl_core::format::format_number;
//! assert_eq!(format_number(34946.0), "34\u{a0}946");
//! ```

pub mod accessibility;
pub mod budget;
pub mod chart;
pub mod compare;
pub mod csv;
pub mod document;
pub mod embed;
pub mod explorer;
pub mod followup;
pub mod format;
pub mod kommunrapport;
pub mod map;
pub mod mapchart;
pub mod model;
pub mod palette;
pub mod plan;
pub mod publications;
pub mod query;
pub mod search;
pub mod sort;
pub mod statchart;
pub mod stats;
pub mod svgframe;
pub mod trend;
