//! The article's figures, reproduced with the default configuration: over seeds 1-20, and
//! over forty seeds drawn afresh on every run (so no test picks the worlds it passes on;
//! a failure names its seed, which `cargo run --example scenario -- --seed N` replays).
//! The assertions are ranges that must hold for every seed, and averages over them.

#![cfg(not(target_arch = "wasm32"))]

use std::hash::{BuildHasher, RandomState};
use std::sync::OnceLock;

use mlops_lab::sim::{self, Config, EventKind, Headline, Outcome, PolicyKind};

fn run(seed: u64) -> (u64, Outcome) {
    let config = Config {
        seed,
        ..Config::default()
    };
    (seed, sim::run(&config).expect("default config is valid"))
}

/// Seeds 1-20, computed once and shared by the tests.
fn numbered() -> &'static [(u64, Outcome)] {
    static RUNS: OnceLock<Vec<(u64, Outcome)>> = OnceLock::new();
    RUNS.get_or_init(|| (1..=20).map(run).collect())
}

/// Forty seeds from the process's random hasher keys: different on every run.
fn drawn() -> &'static [(u64, Outcome)] {
    static RUNS: OnceLock<Vec<(u64, Outcome)>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let keys = RandomState::new();
        (0..40u64).map(|i| run(keys.hash_one(i))).collect()
    })
}

fn all() -> impl Iterator<Item = &'static (u64, Outcome)> {
    numbered().iter().chain(drawn())
}

/// The loop's gate verdicts before its first promotion.
fn gates_before_fix(o: &Outcome) -> Vec<bool> {
    let lp = o.policy(PolicyKind::AutomatedLoop);
    let until = lp.first_promotion_day.unwrap_or(u32::MAX);
    lp.events
        .iter()
        .filter(|e| e.day <= until)
        .filter_map(|e| match e.kind {
            EventKind::GateEvaluated { report, .. } => Some(report.passed),
            _ => None,
        })
        .collect()
}

/// Days of the canary that led to the loop's first promotion.
fn fix_canary_days(o: &Outcome) -> Option<u32> {
    let lp = o.policy(PolicyKind::AutomatedLoop);
    let until = lp.first_promotion_day?;
    lp.events
        .iter()
        .rev()
        .filter(|e| e.day <= until)
        .find_map(|e| match e.kind {
            EventKind::CanaryStarted {
                passed: true, plan, ..
            } => Some(plan.days),
            _ => None,
        })
}

#[test]
fn the_article_figures_hold_for_every_seed() {
    for (seed, o) in all() {
        let h: &Headline = &o.headline;
        assert!(
            (0.80..=0.87).contains(&h.f1_before_drift),
            "seed {seed}: F1 before drift {}",
            h.f1_before_drift
        );
        assert!(
            (0.66..=0.78).contains(&h.f1_stale_two_weeks_after_deploy),
            "seed {seed}: stale F1 {}",
            h.f1_stale_two_weeks_after_deploy
        );
        let fixed = h.f1_after_fix.expect("the loop promotes a fix");
        // The gate's floor is 0.80 on its holdout; served weeks land near it in a few
        // worlds (0.815 is the lowest seen).
        assert!(fixed >= 0.80, "seed {seed}: F1 after the fix {fixed}");
        // A day to retrain and gate, a day to start the canary and the canary's days (one,
        // or more where its traffic needs them), and a week more for each challenger the
        // gate blocked: the next one comes with the next week's labels and their alert.
        let gates = gates_before_fix(o);
        let blocked = gates.iter().filter(|passed| !**passed).count() as u32;
        assert_eq!(gates.last(), Some(&true), "seed {seed}: {gates:?}");
        let canary = fix_canary_days(o).expect("a canary before the promotion");
        assert!(
            (1..=sim::CANARY_MAX_DAYS).contains(&canary),
            "seed {seed}: a canary of {canary} days"
        );
        assert_eq!(
            h.days_alert_to_fix_with_loop,
            Some(2 + canary + 7 * blocked),
            "seed {seed}: gates {gates:?}"
        );
        // Three weeks fewer degraded days in a world whose gate passes the first
        // challenger; each blocked challenger costs the loop a week of that lead.
        assert!(
            h.degraded_days_without_loop + 7 * blocked >= h.degraded_days_with_loop + 21,
            "seed {seed}: degraded {} days without the loop vs {} with it, {blocked} blocked",
            h.degraded_days_without_loop,
            h.degraded_days_with_loop
        );
        assert!(
            h.degraded_days_without_loop > h.degraded_days_with_loop,
            "seed {seed}: {h:?}"
        );
        // The loop saves money in every world; how much varies (the mean is below).
        assert!(
            h.saving_nis > 0.0,
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
fn the_loop_fixes_the_drop_in_three_days_in_most_worlds() {
    for runs in [numbered(), drawn()] {
        let three = runs
            .iter()
            .filter(|(_, o)| o.headline.days_alert_to_fix_with_loop == Some(3))
            .count();
        // About 87 % of worlds (261 of 300 seeds); in the rest a blocked first challenger,
        // or a challenger whose flag rate sits near an edge of the canary's band.
        let seeds: Vec<u64> = runs.iter().map(|(s, _)| *s).collect();
        assert!(three * 100 >= runs.len() * 70, "{three} of {seeds:?}");
    }
}

#[test]
fn stale_model_two_weeks_after_drift_scores_about_0_72_on_average() {
    for runs in [numbered(), drawn()] {
        let mean = runs
            .iter()
            .map(|(_, o)| o.headline.f1_stale_two_weeks_after_deploy)
            .sum::<f64>()
            / runs.len() as f64;
        // 0.725 over seeds 2000-2199, with a spread of 0.002 for a mean of forty: the band
        // holds the article's 0.72 and leaves five spreads above the mean.
        assert!((0.71..=0.735).contains(&mean), "mean stale F1 {mean}");
    }
}

#[test]
fn the_loop_saves_about_200k_nis_on_average_and_the_manual_retrain_sits_between() {
    // Over seeds 1-20 the mean is in the 150-250K. Forty fresh seeds average it with
    // a spread of about 5K (one world's saving varies by about 32K around a mean of 159K,
    // over seeds 2000-2199), so their band starts four spreads below 159K: a test that
    // fails only when the mean really moves, not one run in thirty by chance.
    for (runs, lowest) in [(numbered(), 150_000.0), (drawn(), 138_000.0)] {
        let mean = runs.iter().map(|(_, o)| o.headline.saving_nis).sum::<f64>() / runs.len() as f64;
        assert!((lowest..=250_000.0).contains(&mean), "mean saving {mean}");
    }
    // In every world both processes beat no loop. The loop beats the manual retrain in
    // nearly every world, not all: in about one in a hundred the gate blocks its first
    // challengers (a noisy holdout) and its fix takes two weeks or more, longer than the
    // manual release train's (seed 11149608597197996819 takes 16 days).
    let runs: Vec<&(u64, Outcome)> = all().collect();
    let mut loop_ahead = 0;
    for (seed, o) in runs.iter().map(|r| (r.0, &r.1)) {
        let h = &o.headline;
        assert!(
            h.degraded_days_with_loop < h.degraded_days_without_loop
                && h.degraded_days_manual < h.degraded_days_without_loop,
            "seed {seed}: {h:?}"
        );
        assert!(
            h.saving_over_manual_nis < h.saving_nis,
            "seed {seed}: {h:?}"
        );
        if h.degraded_days_with_loop < h.degraded_days_manual && h.saving_over_manual_nis > 0.0 {
            loop_ahead += 1;
        } else {
            assert!(
                h.days_alert_to_fix_with_loop.is_none_or(|d| d >= 10),
                "seed {seed}: the loop fell behind without a blocked gate: {h:?}"
            );
        }
    }
    assert!(
        loop_ahead as f64 >= 0.9 * runs.len() as f64,
        "the loop was ahead in {loop_ahead} of {} worlds",
        runs.len()
    );
    let over_manual = runs
        .iter()
        .map(|(_, o)| o.headline.saving_over_manual_nis)
        .sum::<f64>()
        / runs.len() as f64;
    assert!(over_manual > 0.0, "mean saving over manual {over_manual}");
}
