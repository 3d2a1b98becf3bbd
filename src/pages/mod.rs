//! One module per route.

pub mod about;
pub mod accessibility;
pub mod av_play;
pub mod budget;
pub mod embed;
pub mod explorer;
pub mod followup;
pub mod home;
pub mod kommun;
pub mod not_found;
pub mod plan;
pub mod report;
pub mod search;
