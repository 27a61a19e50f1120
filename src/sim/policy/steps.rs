//! The steps of a fix that every policy takes the same way: retrain and gate, canary,
//! promote. Each records its events; what comes after it is the policy's to say.

use super::{Fix, Ops, Step, latest_matured};
use crate::sim::config::CanaryPlan;
use crate::sim::events::{Artifact, EventKind, Role, RollbackReason};
use crate::sim::lab::Lab;
use crate::sim::outcome::{ModelId, TrainingData};

/// Takes a training snapshot, trains a challenger on it and, when a matured week can
/// judge it, runs the validation gate. Returns the challenger and the fix it belongs to
/// when it may go on (the gate passed, or is skipped); a stale snapshot the gate caught is
/// rebuilt from the fresh week and retrained the next day.
pub(super) fn retrain_and_gate(
    ops: &mut Ops<'_>,
    lab: &mut Lab<'_>,
    fix: Fix,
) -> Option<(ModelId, Fix)> {
    let d = fix.day;
    let fresh = latest_matured(ops.config, lab.world.weeks.len(), d);
    let stale = ops.bad.retrain_on_stale_data && !ops.stale_used;
    let data = match (stale, fresh) {
        (false, Some(w)) => TrainingData::FreshWeek(w),
        _ => TrainingData::StaleHistory,
    };
    ops.stale_used |= stale;
    ops.log(
        d,
        Some(Role::MlopsEngineer),
        Some(Artifact::TrainingDataSnapshot),
        EventKind::SnapshotTaken { data },
    );
    // The fresh week's labels are the ones the campaign of the model serving it left.
    let labels_from = match data {
        TrainingData::FreshWeek(w) => Some(ops.served[(7 * w) as usize]),
        _ => None,
    };
    let challenger = lab.train(data, labels_from);
    let tuning_f1 = lab.models[challenger.0 as usize].reference_f1;
    ops.log(
        d,
        Some(Role::MlDeveloper),
        Some(Artifact::ModelVersion),
        EventKind::ChallengerTrained {
            model: challenger,
            tuning_f1,
        },
    );
    let week = fresh?;
    let report = lab.gate(
        challenger,
        ops.serving,
        week,
        ops.served[(7 * week) as usize],
    );
    let enforced = !ops.bad.skip_gate;
    ops.log(
        d,
        Some(Role::Both),
        Some(Artifact::ValidationReport),
        EventKind::GateEvaluated {
            model: challenger,
            report,
            enforced,
        },
    );
    if report.passed || !enforced {
        Some((challenger, fix))
    } else {
        if stale {
            // The gate caught the stale snapshot: the ML developer rebuilds it from the
            // fresh week and retrains the next day.
            ops.fix = Some(Fix::retrain(d + 1, fix.release_day + 1));
        }
        None
    }
}

/// Sends a share of the traffic to the challenger and compares its positive rate with the
/// churn last observed; promotes it once the day's traffic has decided that check
/// (`CanaryPlan`), or rolls the canary back.
pub(super) fn canary(ops: &mut Ops<'_>, lab: &mut Lab<'_>, fix: Fix, challenger: ModelId) {
    let d = fix.day;
    let week = (d / 7) as usize;
    let champion_rate = lab.eval(ops.serving, week).confusion.positive_rate();
    let challenger_rate = lab.eval(challenger, week).confusion.positive_rate();
    // The churn last measured, on the labels the campaign left.
    let observed_churn = latest_matured(ops.config, lab.world.weeks.len(), d)
        .map(|w| {
            let served = ops.served[(7 * w) as usize];
            lab.eval(served, w as usize).seen.churn_rate()
        })
        .unwrap_or(0.0);
    let plan = CanaryPlan::new(
        ops.config.cohort_size,
        challenger_rate,
        observed_churn,
        ops.config.timings.canary_days,
    );
    let passed = ops.bad.skip_gate || (observed_churn > 0.0 && plan.within());
    ops.log(
        d,
        Some(Role::MlopsEngineer),
        Some(Artifact::DeploymentRecord),
        EventKind::CanaryStarted {
            model: challenger,
            champion_rate,
            challenger_rate,
            observed_churn,
            passed,
            plan,
        },
    );
    if passed {
        ops.fix = Some(Fix {
            day: d + plan.days,
            step: Step::Promote(challenger),
            ..fix
        });
    } else {
        rollback(ops, d, challenger, RollbackReason::CanaryPositiveRate);
    }
}

/// Makes the challenger the serving model; returns the model it replaced.
pub(super) fn promote(ops: &mut Ops<'_>, d: u32, challenger: ModelId) -> ModelId {
    let replaced = ops.serving;
    ops.previous = Some(replaced);
    ops.serving = challenger;
    ops.first_promotion_day.get_or_insert(d);
    ops.log(
        d,
        Some(Role::MlopsEngineer),
        Some(Artifact::DeploymentRecord),
        EventKind::Promoted {
            model: challenger,
            replaced,
        },
    );
    replaced
}

/// Records a rollback from `from` to the serving model (a canary that never took over).
fn rollback(ops: &mut Ops<'_>, d: u32, from: ModelId, reason: RollbackReason) {
    let to = ops.serving;
    ops.log(
        d,
        Some(Role::MlopsEngineer),
        Some(Artifact::DeploymentRecord),
        EventKind::RolledBack { to, from, reason },
    );
}

/// Puts `to` back in service in place of the serving model.
pub(super) fn roll_back_to(ops: &mut Ops<'_>, d: u32, to: ModelId, reason: RollbackReason) {
    let from = ops.serving;
    ops.serving = to;
    ops.previous = None;
    ops.log(
        d,
        Some(Role::MlopsEngineer),
        Some(Artifact::DeploymentRecord),
        EventKind::RolledBack { to, from, reason },
    );
}
