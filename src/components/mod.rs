//! Components shared by pages: loading and error states, charts, figure cards.

pub mod chart;
pub mod countymap;
pub mod document;
pub mod embed_dialog;
pub mod figure;
pub mod figures;
pub mod statfigure;
pub mod status;
