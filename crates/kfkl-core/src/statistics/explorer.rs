//! The statistics explorer's logic: its URL state (one typed struct), the
//! selection of rows it shows, the one-sentence summary and the CSV download.
//! The page only wires these to controls, chart and table.
//!
//! Query keys, in canonical order: `indikator`, `omrade` (area codes, comma-
//! separated), `fran`, `till` (years), `arskurs`, `kon`, `svar` (answer index of
//! a distribution). Defaults are left out; anything unknown falls back.

mod csv;
mod selection;
mod state;
mod summary;

pub use csv::*;
pub use selection::*;
pub use state::*;
pub use summary::*;

#[cfg(test)]
pub(crate) mod tests;
