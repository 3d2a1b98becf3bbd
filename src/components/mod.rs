//! Components shared by pages: loading and error states, charts, figure cards,
//! the report card, the search box and the municipality links.

pub mod chart;
pub mod countymap;
pub mod document;
pub mod embed_dialog;
pub mod figure;
pub mod figures;
pub mod municipalities;
pub mod report_card;
pub mod search_form;
pub mod statfigure;
pub mod status;
