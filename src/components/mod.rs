//! Components shared by pages: loading and error states, charts, figure cards.

pub mod chart;
pub mod figures;
pub mod status;
