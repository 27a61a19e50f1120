//! MLOps Lab: how an ML model gets to production and stays there, taught in the browser.
//!
//! The crate has two layers. The pure layer (`sim`, `i18n`, `sections`, `route`, `charts`)
//! compiles everywhere and is tested natively with `cargo test`. The UI layer (`app`,
//! `components`, `pages`, `platform`) is Leptos and compiles only for the browser.

pub mod charts;
pub mod content;
pub mod display;
pub mod i18n;
pub mod lesson;
pub mod route;
pub mod scenario;
pub mod sections;
pub mod sim;
pub mod sorting;
pub mod teach;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod nav;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod sim_worker;

#[cfg(target_arch = "wasm32")]
pub use app::{App, start};
