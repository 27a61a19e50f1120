//! Reusable parts of the shell. Each file holds one component (or one context and the
//! helpers around it) and no literal user-facing text: strings come from the locale files.

pub mod chart;
pub mod display;
pub mod dot_grid;
pub mod footer;
pub mod header;
pub mod i18n;
pub mod icons;
pub mod incident_link;
pub mod journey;
pub mod lab;
pub mod lang_switch;
pub mod lesson;
pub mod page_frame;
pub mod pager;
pub mod quiz;
pub mod skip_link;
pub mod sort_exercise;
pub mod story;
pub mod term;
pub mod theme_toggle;
