//! The same seed gives the same run. The digest of the default run is pinned in
//! `fixtures/sim_default_digest.txt`, and `sim_wasm_digest.rs` checks the same value in
//! WebAssembly, so both platforms are held to one number.

#![cfg(not(target_arch = "wasm32"))]

use mlops_lab::sim::{self, Config};

const EXPECTED: &str = include_str!("fixtures/sim_default_digest.txt");

#[test]
fn the_default_run_matches_the_pinned_digest() {
    let expected = u64::from_str_radix(EXPECTED.trim(), 16).expect("a hex digest");
    let outcome = sim::run(&Config::default()).expect("default config is valid");
    assert_eq!(
        outcome.digest(),
        expected,
        "digest {:016x} differs from the fixture",
        outcome.digest()
    );
}

#[test]
fn running_twice_with_one_seed_gives_identical_outcomes() {
    let config = Config {
        seed: 7,
        cohort_size: 1500,
        ..Config::default()
    };
    let a = sim::run(&config).unwrap();
    let b = sim::run(&config).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.digest(), b.digest());
}

#[test]
fn different_seeds_give_different_worlds() {
    let a = sim::run(&Config {
        seed: 1,
        cohort_size: 1000,
        ..Config::default()
    })
    .unwrap();
    let b = sim::run(&Config {
        seed: 2,
        cohort_size: 1000,
        ..Config::default()
    })
    .unwrap();
    assert_ne!(a.digest(), b.digest());
}
