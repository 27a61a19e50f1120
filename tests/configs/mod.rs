//! Valid simulation configurations over the whole configuration space, as proptest
//! strategies, for the native tests that run many of them. Cohorts are mostly small so the
//! suites stay fast on two cores; one case in sixteen draws a cohort anywhere up to the
//! largest allowed. The business inputs and the manual processes' timings vary too, over
//! their whole valid ranges, the control group off in about one case in four, and each
//! production incident on in about one case in four, a slower release at any slowdown.

use mlops_lab::sim::ops::Incidents;
use mlops_lab::sim::{BadDecisions, Business, Config, DriftKind, DriftShape, PolicyKind, Timings};
use proptest::prelude::*;

pub fn config() -> impl Strategy<Value = Config> {
    (
        (
            any::<u64>(),
            prop_oneof![15 => 500u32..=1500, 1 => 1501u32..=20_000],
            -6.5f64..=-3.5,
            0usize..6,
            0.0f64..=2.0,
        ),
        (
            0u32..=40,
            any::<bool>(),
            1u32..=56,
            7u32..=35,
            0.5f64..=0.95,
            0.01f64..=0.3,
        ),
        (0usize..3, any::<[bool; 4]>(), 28u32..=126),
        (business(), timings(), incidents()),
    )
        .prop_map(
            |(
                (seed, cohort_size, base_intercept, drift, strength),
                (onset_day, ramp, ramp_days, label_delay_days, alert_f1, alert_drop),
                (policy, bad, horizon_days),
                (business, timings, (incident_days, slowdown)),
            )| {
                Config {
                    seed,
                    cohort_size,
                    base_intercept,
                    drift: DriftKind::ALL[drift],
                    strength,
                    onset_day: onset_day.min(horizon_days),
                    shape: if ramp {
                        DriftShape::Ramp
                    } else {
                        DriftShape::Step
                    },
                    ramp_days,
                    label_delay_days,
                    alert_f1,
                    alert_drop,
                    policy: PolicyKind::ALL[policy],
                    bad: BadDecisions {
                        ignore_alert: bad[0],
                        retrain_on_stale_data: bad[1],
                        skip_gate: bad[2],
                        force_rollback: bad[3],
                    },
                    horizon_days,
                    business,
                    timings,
                    incidents: Incidents {
                        days: incident_days.map(|d| d.map(|d| d.min(horizon_days - 1))),
                        slowdown,
                    },
                }
            },
        )
}

/// Each production incident on in about one case in four, on any day, and a slower
/// release anywhere in the lab's range of slowdowns.
pub fn incidents() -> impl Strategy<Value = ([Option<u32>; 5], f64)> {
    (
        prop::array::uniform5(prop::option::weighted(0.25, 0u32..126)),
        mlops_lab::sim::ops::SLOWDOWN_RANGE.0..=mlops_lab::sim::ops::SLOWDOWN_RANGE.1,
    )
}

pub fn business() -> impl Strategy<Value = Business> {
    (
        1.0f64..=1000.0,
        0.0f64..=1000.0,
        0.0f64..=1.0,
        0.0f64..=1.0,
        1.0f64..=60.0,
        prop_oneof![1 => Just(0.0), 3 => 0.0f64..=0.5],
    )
        .prop_map(
            |(arpu_nis, offer_cost_nis, save_rate, fp_accept_rate, months_retained, control)| {
                Business {
                    arpu_nis,
                    offer_cost_nis,
                    save_rate,
                    fp_accept_rate,
                    months_retained,
                    control_share: control,
                }
            },
        )
}

/// Timings in their valid ranges: each step of a manual process after the one before.
pub fn timings() -> impl Strategy<Value = Timings> {
    (
        0u32..=6,
        1u32..=30,
        1u32..=30,
        1u32..=150,
        1u32..=60,
        1u32..=60,
        (0u32..=14, 1u32..=14),
    )
        .prop_map(
            |(
                dashboard_weekday,
                retrain,
                release_gap,
                review,
                retrain_gap,
                deploy_gap,
                (loop_retrain_after, canary_days),
            )| Timings {
                loop_retrain_after,
                canary_days,
                dashboard_weekday,
                manual_retrain_after: retrain,
                manual_release_after: retrain + release_gap,
                business_review_day: review,
                no_loop_retrain_day: review + retrain_gap,
                no_loop_deploy_day: review + retrain_gap + deploy_gap,
            },
        )
}
