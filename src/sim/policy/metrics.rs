//! A policy's daily metrics, read from which model served each day.

use super::Ops;
use crate::sim::cost;
use crate::sim::lab::Lab;
use crate::sim::outcome::{DayMetrics, PolicyRun};

/// The run of a policy: its events, and each day's F1, confusion, value and whether the
/// model was degraded (under `degrade_line`).
pub(super) fn policy_run(
    lab: &mut Lab<'_>,
    ops: Ops<'_>,
    matured_by_day: &[Option<f64>],
    degrade_line: f64,
) -> PolicyRun {
    let config = lab.config;
    let serving_by_day = &ops.served;
    let mut days = Vec::with_capacity(serving_by_day.len());
    let (mut degraded_days, mut value) = (0u32, 0.0);
    for (d, (&model, &matured_f1)) in serving_by_day.iter().zip(matured_by_day).enumerate() {
        let week = d / 7;
        let e = lab.eval(model, week);
        let c = e.confusion;
        let f1 = c.f1();
        let since = d - 7 * week;
        let (mut churned, mut caught) = (0u32, 0u32);
        for k in 1..=since.min(7) {
            churned += e.churn_by_day[k];
            caught += e.caught_by_day[k];
        }
        let value_nis = cost::value_per_week(&e.offers.offered, &config.business) / 7.0;
        let degraded = f1 < degrade_line;
        degraded_days += u32::from(degraded);
        value += value_nis;
        days.push(DayMetrics {
            day: d as u32,
            model,
            f1,
            precision: c.precision(),
            recall: c.recall(),
            auc: e.auc,
            confusion: c,
            contract_f1: e.segments.contract.map(|k| k.f1()),
            cbpe_f1: e.cbpe_f1,
            matured_f1,
            recall_to_date: (churned > 0).then(|| caught as f64 / churned as f64),
            value_nis,
            degraded,
        });
    }
    PolicyRun {
        kind: ops.kind,
        events: ops.events,
        days,
        degraded_days,
        value_nis: value,
        first_alert_day: ops.first_alert_day,
        first_promotion_day: ops.first_promotion_day,
    }
}
