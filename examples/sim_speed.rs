//! The default scenario end to end (generate, train, score every week, monitor, run the
//! three policies), timed natively and in WebAssembly by `.ci/bench-wasm.mjs`.
//!
//! Natively it is a program that times `runs` runs and prints one JSON line:
//! `cargo run --profile bench --example sim_speed -- [runs]`.
//! Built for wasm32 as a `cdylib` it exports `run_default`, which the script calls from
//! Node; the module imports nothing, because the simulation needs no browser.

use mlops_lab::sim::{self, Config};

/// Runs the default scenario and returns its digest (0 if the configuration were invalid),
/// so the work cannot be optimised away and both targets can be checked to agree.
#[unsafe(no_mangle)]
pub extern "C" fn run_default() -> u64 {
    sim::run(&Config::default()).map_or(0, |o| o.digest())
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::Instant;
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(40)
        .max(1);
    // Warm-up: caches, the allocator's pools, the CPU's clock.
    let mut digest = 0;
    for _ in 0..5 {
        digest = run_default();
    }
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(run_default());
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!(
        "{{\"median_ms\":{:.3},\"min_ms\":{:.3},\"runs\":{runs},\"digest\":\"{digest:016x}\"}}",
        ms[runs / 2],
        ms[0]
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
