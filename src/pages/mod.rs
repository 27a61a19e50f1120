//! One file per page. Pages compose components and read strings by key; the numbers they
//! show come from `content` (the article's figures) or, for the scenario, the simulation.

pub mod home;
pub mod not_found;
pub mod section_stub;
