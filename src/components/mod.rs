//! Reusable parts of the shell. Each file holds one component (or one context and the
//! helpers around it) and no literal user-facing text: strings come from the locale files.

pub mod footer;
pub mod header;
pub mod i18n;
pub mod icons;
pub mod lang_switch;
pub mod pager;
pub mod skip_link;
pub mod theme_toggle;
