//! One file per page. Pages compose components and read strings by key; the numbers they
//! show come from `content` (the article's figures) or, for the scenario, the simulation.

pub mod glossary;
pub mod home;
pub mod lesson;
pub mod lifecycle;
pub mod not_found;
#[cfg(feature = "shell-only")]
pub mod placeholder;
pub mod roles;
pub mod scenario;
pub mod tools;
