//! Pure logic of the site: the published data model, Swedish number formats,
//! chart series, text summaries and SVG. No web dependencies: everything here
//! runs and is tested natively, and the site only wires it to the DOM.
//!
//! ```
//! use kfkl_core::format::format_number;
//! assert_eq!(format_number(34946.0), "34\u{a0}946");
//! ```

// The stages of the data chain, one folder each; `format`, `model`,
// `palette` and `sort` serve them all.
pub mod format;
pub mod model;
pub mod palette;
pub mod sort;

/// Documents and what is cut from them: the plan and the report, the
/// publications index, the follow-up, search, the accessibility statement.
pub mod documents {
    pub mod accessibility;
    pub mod document;
    pub mod followup;
    pub mod plan;
    pub mod publications;
    pub mod search;
}

/// Survey results: the published tables, the explorer's state, selection and
/// wording, honest comparisons, and each municipality's report.
pub mod statistics {
    pub mod compare;
    pub mod explorer;
    pub mod kommunrapport;
    pub mod stats;
}

/// Chart series and their SVG: bars (key figures and the budget), the
/// explorer's charts, the report's trends, the county map, a picture's frame.
pub mod charts {
    pub mod bar;
    pub mod budget;
    pub mod colour;
    pub mod map;
    pub mod stat;
    pub mod svgframe;
    pub mod trend;
}

/// What leaves the site: CSV downloads, embed snippets, URL queries.
pub mod export {
    pub mod csv;
    pub mod embed;
    pub mod query;
}

// The modules' short paths, which the site and the data build use.
pub use charts::{bar, budget, map, stat, svgframe, trend};
pub use documents::{accessibility, document, followup, plan, publications, search};
pub use export::{csv, embed, query};
pub use statistics::{compare, explorer, kommunrapport, stats};
