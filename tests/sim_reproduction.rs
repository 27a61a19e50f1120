//! The article's figures, reproduced with the default configuration over seeds 1-20. The
//! assertions are ranges that must hold for every seed, not one lucky run.

#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use mlops_lab::sim::{self, Config, Headline};

/// The twenty runs, computed once and shared by the tests.
fn headlines() -> &'static [(u64, Headline)] {
    static RUNS: OnceLock<Vec<(u64, Headline)>> = OnceLock::new();
    RUNS.get_or_init(|| {
        (1..=20)
            .map(|seed| {
                let config = Config {
                    seed,
                    ..Config::default()
                };
                (
                    seed,
                    sim::run(&config).expect("default config is valid").headline,
                )
            })
            .collect()
    })
}

#[test]
fn the_article_figures_hold_for_every_seed_from_1_to_20() {
    for &(seed, h) in headlines() {
        assert!(
            (0.82..=0.86).contains(&h.f1_before_drift),
            "seed {seed}: F1 before drift {}",
            h.f1_before_drift
        );
        assert!(
            (0.70..=0.75).contains(&h.f1_stale_two_weeks_after_deploy),
            "seed {seed}: stale F1 {}",
            h.f1_stale_two_weeks_after_deploy
        );
        let fixed = h.f1_after_fix.expect("the loop promotes a fix");
        assert!(fixed >= 0.83, "seed {seed}: F1 after the fix {fixed}");
        assert_eq!(h.days_alert_to_fix_with_loop, Some(3), "seed {seed}");
        assert!(
            h.degraded_days_without_loop >= h.degraded_days_with_loop + 28,
            "seed {seed}: degraded {} days without the loop vs {} with it",
            h.degraded_days_without_loop,
            h.degraded_days_with_loop
        );
        assert!(
            (150_000.0..=250_000.0).contains(&h.saving_nis),
            "seed {seed}: saving {} NIS",
            h.saving_nis
        );
        assert!(
            (0.13..=0.17).contains(&h.churn_reduction_healthy),
            "seed {seed}: churn reduction {}",
            h.churn_reduction_healthy
        );
    }
}

#[test]
fn stale_model_two_weeks_after_drift_scores_about_0_72_on_average() {
    let hs = headlines();
    let mean = hs
        .iter()
        .map(|(_, h)| h.f1_stale_two_weeks_after_deploy)
        .sum::<f64>()
        / 20.0;
    assert!((0.71..=0.73).contains(&mean), "mean stale F1 {mean}");
}

#[test]
fn the_loop_saves_about_200k_nis_on_average_and_the_manual_retrain_sits_between() {
    let hs = headlines();
    let mean = hs.iter().map(|(_, h)| h.saving_nis).sum::<f64>() / 20.0;
    assert!(
        (180_000.0..=220_000.0).contains(&mean),
        "mean saving {mean}"
    );
    for (seed, h) in hs {
        assert!(
            h.degraded_days_with_loop < h.degraded_days_manual
                && h.degraded_days_manual < h.degraded_days_without_loop,
            "seed {seed}: {h:?}"
        );
        assert!(h.saving_over_manual_nis > 0.0 && h.saving_over_manual_nis < h.saving_nis);
    }
}
