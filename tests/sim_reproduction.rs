//! The article's figures, reproduced with the default configuration: over seeds 1-20, and
//! over forty seeds drawn afresh on every run (so no test picks the worlds it passes on;
//! a failure names its seed, which `cargo run --example scenario -- --seed N` replays).
//! The assertions are claims about the typical world, each of which may miss in one world
//! in twenty and names the seeds that missed, and averages over the worlds.

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

/// Whether the loop's first alert read a week scored before the change: noise in a small
/// week can cross the drop rule, and the loop then retrains on data from before the drift.
fn false_alarm_first(o: &Outcome) -> bool {
    o.policy(PolicyKind::AutomatedLoop)
        .events
        .iter()
        .find_map(|e| match e.kind {
            EventKind::AlertFired { week, .. } => Some(7 * (week + 1) <= o.config.onset_day),
            _ => None,
        })
        .unwrap_or(false)
}

/// The claims a world can miss, by name, with the seeds that missed each.
#[derive(Default)]
struct Misses(std::collections::BTreeMap<&'static str, Vec<String>>);

impl Misses {
    /// Records `world` under `claim` unless `holds`.
    fn check(&mut self, claim: &'static str, holds: bool, world: impl FnOnce() -> String) {
        if !holds {
            self.0.entry(claim).or_default().push(world());
        }
    }

    /// Every claim holds in all but one world in twenty.
    fn assert_rare(&self, worlds: usize) {
        for (claim, missed) in &self.0 {
            assert!(
                missed.len() * 20 <= worlds,
                "{claim}: missed in {} of {worlds} worlds: {missed:?}",
                missed.len()
            );
        }
    }
}

/// The article's figures, and how the loop gets there, in nearly every world. Each is a
/// claim about the typical world: noise in a week of 1,500 customers makes a few worlds
/// miss one (a false alarm before the change, a challenger that serves below what its
/// holdout measured, a canary that needs more days, a healthy F1 a hair over 0.87), so
/// each claim may miss in one world in twenty, never more, and a miss names its seed.
#[test]
fn the_article_figures_hold_in_nearly_every_world() {
    let runs: Vec<&(u64, Outcome)> = all().collect();
    let mut misses = Misses::default();
    for &(seed, ref o) in runs.iter().copied() {
        let h: &Headline = &o.headline;
        let world = || format!("seed {seed}: {h:?}");
        misses.check(
            "F1 before the drift 0.80-0.87",
            (0.80..=0.87).contains(&h.f1_before_drift),
            world,
        );
        misses.check(
            "stale F1 0.66-0.78",
            (0.66..=0.78).contains(&h.f1_stale_two_weeks_after_deploy),
            world,
        );
        misses.check(
            "churn reduction of a healthy model 13-17 %",
            (0.13..=0.17).contains(&h.churn_reduction_healthy),
            world,
        );
        misses.check("the loop saves money", h.saving_nis > 0.0, world);
        misses.check(
            "fewer degraded days with the loop",
            h.degraded_days_without_loop > h.degraded_days_with_loop,
            world,
        );
        // A first alert on a week before the change retrains on the old world: nothing
        // after it is the article's fix.
        let false_alarm = false_alarm_first(o);
        misses.check("the first alert reads a changed week", !false_alarm, world);
        if false_alarm {
            continue;
        }
        let Some(fixed) = h.f1_after_fix else {
            misses.check("the loop promotes a fix", false, world);
            continue;
        };
        // The gate's floor is 0.80 on its holdout.
        misses.check("the fix serves at F1 0.80 or more", fixed >= 0.80, world);
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
        misses.check(
            "alert to fix: 2 days, the canary's and a week per blocked challenger",
            h.days_alert_to_fix_with_loop == Some(2 + canary + 7 * blocked),
            world,
        );
        // Three weeks fewer degraded days in a world whose gate passes the first
        // challenger; each blocked challenger costs the loop a week of that lead.
        misses.check(
            "three weeks' lead, less a week per blocked challenger",
            h.degraded_days_without_loop + 7 * blocked >= h.degraded_days_with_loop + 21,
            world,
        );
    }
    misses.assert_rare(runs.len());
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
    // In nearly every world both processes beat no loop. The loop beats the manual
    // retrain in nearly every world, not all: in about one in a hundred the gate blocks its first
    // challengers (a noisy holdout) and its fix takes two weeks or more, longer than the
    // manual release train's (seed 11149608597197996819 takes 16 days).
    let runs: Vec<&(u64, Outcome)> = all().collect();
    let mut loop_ahead = 0;
    let mut misses = Misses::default();
    for (seed, o) in runs.iter().map(|r| (r.0, &r.1)) {
        let h = &o.headline;
        let world = || format!("seed {seed}: {h:?}");
        misses.check(
            "both processes have fewer degraded days than no loop",
            h.degraded_days_with_loop < h.degraded_days_without_loop
                && h.degraded_days_manual < h.degraded_days_without_loop,
            world,
        );
        // A manual retrain can promote a worse model in a noisy world and end below no
        // loop (seed 11370004873666685553).
        misses.check(
            "the manual retrain is worth more than no loop",
            h.saving_over_manual_nis < h.saving_nis,
            world,
        );
        if h.degraded_days_with_loop < h.degraded_days_manual && h.saving_over_manual_nis > 0.0 {
            loop_ahead += 1;
        } else {
            misses.check(
                "a loop behind the manual retrain took ten days or more to fix",
                h.days_alert_to_fix_with_loop.is_none_or(|d| d >= 10),
                world,
            );
        }
    }
    misses.assert_rare(runs.len());
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
