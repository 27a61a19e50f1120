//! The operating policies' tests: the order of a fix's steps, its days, and what each bad
//! decision does to it.

use super::*;
use crate::sim::config::{Config, Preset};
use crate::sim::events::EventKind;
use crate::sim::outcome::ModelId;
use crate::sim::run::run;

fn small(preset: Preset) -> Config {
    Config {
        cohort_size: 3000,
        ..Config::preset(preset)
    }
}

fn kinds(run: &PolicyRun) -> Vec<u8> {
    run.events.iter().map(|e| e.kind.code()).collect()
}

#[test]
fn the_loop_alerts_triages_retrains_gates_canaries_and_promotes_in_order() {
    let o = run(&small(Preset::Article)).unwrap();
    let l = o.policy(PolicyKind::AutomatedLoop);
    let codes = kinds(l);
    let pos = |c: u8| codes.iter().position(|&k| k == c).unwrap();
    assert!(pos(3) < pos(5) && pos(5) < pos(9) && pos(9) < pos(11));
    assert!(pos(11) < pos(12) && pos(12) < pos(13));
    assert_eq!(l.first_alert_day, Some(14));
    assert_eq!(l.first_promotion_day, Some(17));
}

#[test]
fn without_a_loop_the_fix_waits_for_the_release_window() {
    let o = run(&small(Preset::Article)).unwrap();
    let n = o.policy(PolicyKind::NoLoop);
    assert_eq!(n.first_alert_day, Some(35));
    assert_eq!(n.first_promotion_day, Some(52));
    assert!(
        n.events
            .iter()
            .all(|e| !matches!(e.kind, EventKind::LabelsMatured { .. }))
    );
}

#[test]
fn ignoring_the_alert_delays_the_fix_by_a_week() {
    let mut c = small(Preset::Article);
    c.bad.ignore_alert = true;
    let o = run(&c).unwrap();
    let l = o.policy(PolicyKind::AutomatedLoop);
    assert_eq!(l.first_promotion_day, Some(24));
    assert!(l.degraded_days >= 17);
}

#[test]
fn a_stale_retrain_is_blocked_by_the_gate_then_redone_on_fresh_data() {
    let mut c = small(Preset::Article);
    c.bad.retrain_on_stale_data = true;
    let o = run(&c).unwrap();
    let l = o.policy(PolicyKind::AutomatedLoop);
    let gates: Vec<bool> = l
        .events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::GateEvaluated { report, .. } => Some(report.passed),
            _ => None,
        })
        .collect();
    assert_eq!(gates, vec![false, true]);
    assert_eq!(l.first_promotion_day, Some(18));
}

#[test]
fn skipping_the_gate_with_stale_data_deploys_a_model_that_should_have_failed() {
    let mut c = small(Preset::Article);
    c.bad.retrain_on_stale_data = true;
    c.bad.skip_gate = true;
    let o = run(&c).unwrap();
    let l = o.policy(PolicyKind::AutomatedLoop);
    let promoted_failed = l.events.iter().any(|e| {
        matches!(e.kind, EventKind::GateEvaluated { report, enforced: false, .. } if !report.passed)
    });
    assert!(promoted_failed);
    // The stale challenger serves and stays degraded on the day after promotion.
    let day = l.first_promotion_day.unwrap() as usize;
    assert!(l.days[day].degraded);
    assert!(l.degraded_days > o.headline.degraded_days_with_loop.min(10) + 5);
}

#[test]
fn a_forced_rollback_returns_to_the_previous_model() {
    let mut c = small(Preset::Article);
    c.bad.force_rollback = true;
    let o = run(&c).unwrap();
    let l = o.policy(PolicyKind::AutomatedLoop);
    let p = l.first_promotion_day.unwrap() as usize;
    assert_ne!(l.days[p].model, ModelId(0));
    assert_eq!(l.days[p + 1].model, ModelId(0));
    assert!(l.days[p + 1].degraded);
}

#[test]
fn a_run_without_drift_and_a_large_control_group_raises_no_alert() {
    // A control group's measurement is noisy; half the customers make it precise.
    let mut c = small(Preset::NoDrift);
    c.business.control_share = 0.5;
    let o = run(&c).unwrap();
    for p in &o.policies {
        assert_eq!(p.first_alert_day, None, "{:?}", p.kind);
        assert_eq!(p.degraded_days, 0, "{:?}", p.kind);
    }
}

#[test]
fn without_a_control_group_the_campaign_itself_raises_the_alert() {
    // Nothing drifts, but the churners the offers kept read as false alarms: the first
    // labels already break the alert rule, and the loop retrains a healthy model.
    let mut c = small(Preset::NoDrift);
    c.business.control_share = 0.0;
    let o = run(&c).unwrap();
    let l = o.policy(PolicyKind::AutomatedLoop);
    assert_eq!(l.first_alert_day, Some(c.label_delay_days));
    let week0 = &o.weeks[0];
    assert!(
        week0.champion_seen_f1 < week0.champion_f1 - 0.05,
        "{week0:?}"
    );
    assert!(week0.champion_kept > 0);
}
