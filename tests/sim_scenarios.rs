//! The teaching variants behave as the app says they do: pure concept drift is invisible to
//! input monitoring and to CBPE; an acquisition promotion is data drift that raises F1 and
//! that CBPE follows; a ramp degrades gradually; a longer label delay slows the loop.

#![cfg(not(target_arch = "wasm32"))]

use mlops_lab::sim::drift::Column;
use mlops_lab::sim::{self, Config, Outcome, PolicyKind, Preset};

fn run(preset: Preset) -> Outcome {
    sim::run(&Config::preset(preset)).expect("presets are valid")
}

fn psi(o: &Outcome, week: usize, column: Column) -> f64 {
    let w = &o.weeks[week];
    w.drift
        .inputs
        .iter()
        .chain([&w.drift.score])
        .find(|c| c.column == column)
        .unwrap()
        .psi
}

#[test]
fn concept_drift_is_invisible_to_input_monitoring_and_to_cbpe() {
    let o = run(Preset::Article);
    let w = &o.weeks[2];
    assert!(
        w.drift.max_input_psi() < 0.02,
        "{}",
        w.drift.max_input_psi()
    );
    assert!(w.drift.score.psi < 0.02);
    assert!(!w.drift.dataset_drift);
    // The real F1 fell by more than 0.1; the label-free estimate barely moved.
    assert!(w.champion_f1 < o.weeks[0].champion_f1 - 0.1);
    assert!((w.champion_cbpe_f1 - o.weeks[0].champion_cbpe_f1).abs() < 0.02);
}

#[test]
fn an_acquisition_promotion_raises_f1_and_cbpe_follows_it() {
    let o = run(Preset::AcquisitionPromo);
    let (before, after) = (&o.weeks[0], &o.weeks[2]);
    assert!(
        psi(&o, 2, Column::Tenure) > 0.08,
        "{}",
        psi(&o, 2, Column::Tenure)
    );
    assert!(
        after.champion_f1 > before.champion_f1,
        "{} vs {}",
        after.champion_f1,
        before.champion_f1
    );
    assert!(after.champion_cbpe_f1 > before.champion_cbpe_f1);
    // Data drift without a performance drop: the loop raises no alert.
    assert_eq!(o.policy(PolicyKind::AutomatedLoop).first_alert_day, None);
}

#[test]
fn a_price_rise_shows_in_the_charges_column_only() {
    let o = run(Preset::PriceRise);
    assert!(
        psi(&o, 2, Column::Charges) > 0.15,
        "{}",
        psi(&o, 2, Column::Charges)
    );
    assert!(psi(&o, 2, Column::Tenure) < 0.02);
}

#[test]
fn the_side_signal_variant_moves_complaint_calls() {
    let o = run(Preset::ConceptWithSideSignal);
    assert!(
        psi(&o, 2, Column::Calls) > 0.1,
        "{}",
        psi(&o, 2, Column::Calls)
    );
}

#[test]
fn prior_drift_raises_churn_and_lowers_recall() {
    let o = run(Preset::PriorShift);
    assert!(o.weeks[2].churn_rate > o.weeks[0].churn_rate + 0.02);
    let d = &o.policy(PolicyKind::NoLoop).days;
    assert!(d[20].recall < d[0].recall);
}

#[test]
fn a_ramp_degrades_the_stale_model_gradually() {
    let o = run(Preset::GradualRamp);
    let f = |w: usize| o.weeks[w].champion_f1;
    assert!(f(0) > f(1) && f(1) > f(2), "{} {} {}", f(0), f(1), f(2));
    assert!((0.76..0.83).contains(&f(1)), "{}", f(1));
}

#[test]
fn a_long_label_delay_makes_the_loop_alert_later() {
    let fast = run(Preset::Article);
    let slow = run(Preset::LongLabelDelay);
    let day = |o: &Outcome| o.policy(PolicyKind::AutomatedLoop).first_alert_day.unwrap();
    assert_eq!(day(&fast), 14);
    assert_eq!(day(&slow), 28);
    assert!(slow.headline.degraded_days_with_loop > fast.headline.degraded_days_with_loop);
}

#[test]
fn without_labels_the_no_loop_policy_sees_no_matured_f1() {
    let o = run(Preset::Article);
    assert!(
        o.policy(PolicyKind::NoLoop)
            .days
            .iter()
            .all(|d| d.matured_f1.is_none())
    );
    assert!(
        o.policy(PolicyKind::AutomatedLoop).days[20]
            .matured_f1
            .is_some()
    );
}

#[test]
fn recall_to_date_is_known_from_the_first_churn_event_of_the_week() {
    let o = run(Preset::Article);
    let d = &o.policy(PolicyKind::AutomatedLoop).days;
    assert_eq!(d[0].recall_to_date, None);
    assert!(d[1].recall_to_date.is_some());
}

#[test]
fn the_loop_takes_the_days_its_assumptions_give() {
    // Retrain `loop_retrain_after` days after the alert, a day to start the canary, then
    // `canary_days` of canary: 1 + 1 + 1 by default.
    for (retrain, canary) in [(1, 1), (0, 1), (2, 4)] {
        let mut config = Config::default();
        config.timings.loop_retrain_after = retrain;
        config.timings.canary_days = canary;
        let o = sim::run(&config).unwrap();
        assert_eq!(
            o.headline.days_alert_to_fix_with_loop,
            Some(retrain + 1 + canary),
            "retrain {retrain}, canary {canary}"
        );
    }
}
