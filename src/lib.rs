//! MLOps Lab: how an ML model gets to production and stays there, taught in the browser.
//!
//! The crate builds two WebAssembly binaries and a native library. The pure layer (`sim`'s
//! data, `i18n`, `sections`, `route`, `scenario`, `teach`) compiles everywhere. The engine
//! (`sim`'s computation, `charts`; feature `engine`) runs in the simulation's worker
//! (`worker`, `src/bin/sim_worker.rs`) and natively for the tests. The UI layer (`app`,
//! `components`, `pages`, `platform`, `sim_client`; feature `ui`) is Leptos and compiles
//! only for the browser's page, which is built without the engine.

pub mod charts;
pub mod content;
pub mod display;
pub mod i18n;
pub mod lesson;
pub mod route;
pub mod saved;
pub mod scenario;
pub mod sections;
pub mod sim;
pub mod teach;
pub mod worker;

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod components;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod intl;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod pages;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod platform;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod routes;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod sim_client;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod strings;

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub use app::{App, Pages, start};
