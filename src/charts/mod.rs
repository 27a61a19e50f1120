//! Charts: data in, SVG out. `spec` is what a chart shows, as serde data the page builds
//! with its labels translated; `draw` (the engine's, so only in the simulation's worker and
//! natively) draws it with plotters. The page places the returned SVG and lays its moving
//! parts (the day line) over it.

#[cfg(feature = "engine")]
pub mod draw;
pub mod spec;
