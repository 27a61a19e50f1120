//! The churn-scenario page's own logic, kept pure so it is tested natively: the story's
//! scenes (`scenes`) and the page state that lives in the URL (`url`). The simulation
//! itself is `crate::sim`; this module only decides what to show of it.

pub mod describe;
pub mod guide;
pub mod report;
pub mod scenes;
pub mod story;
pub mod url;
