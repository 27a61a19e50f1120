//! The default run's digest in WebAssembly must equal the native one pinned in
//! `fixtures/sim_default_digest.txt` (checked natively by `sim_determinism.rs`).
//! Run with `cargo test --target wasm32-unknown-unknown --test sim_wasm_digest`
//! (wasm-bindgen-test-runner, in Node).

#![cfg(target_arch = "wasm32")]

use mlops_lab::sim::{self, Config};
use wasm_bindgen_test::wasm_bindgen_test;

const EXPECTED: &str = include_str!("fixtures/sim_default_digest.txt");

#[wasm_bindgen_test]
fn the_default_run_in_webassembly_matches_the_native_digest() {
    let expected = u64::from_str_radix(EXPECTED.trim(), 16).expect("a hex digest");
    let outcome = sim::run(&Config::default()).expect("default config is valid");
    assert_eq!(outcome.digest(), expected);
}

#[wasm_bindgen_test]
fn the_headline_figures_in_webassembly_are_the_article_s() {
    let h = sim::run(&Config::default()).unwrap().headline;
    assert_eq!(h.days_alert_to_fix_with_loop, Some(3));
    assert!((0.70..=0.75).contains(&h.f1_stale_two_weeks_after_deploy));
}
