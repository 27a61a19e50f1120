//! The bad decisions that changed nothing in a run, said as such: a switch that leaves
//! every figure as it was would otherwise look broken. Each is judged from the automated
//! loop's events, the only policy the bad decisions act on.

use super::loop_events;
use crate::i18n::{Lang, tr};
use crate::sim::events::RollbackReason;
use crate::sim::{EventKind, Outcome, TrainingData};

/// A sentence for each bad decision switched on that had nothing to act on in this run.
pub fn idle_bad_decisions(lang: Lang, outcome: &Outcome) -> Vec<String> {
    let bad = &outcome.config.bad;
    let events = loop_events(outcome);
    let any = |f: &dyn Fn(&EventKind) -> bool| events.iter().any(|e| f(&e.kind));
    let mut idle = Vec::new();
    if bad.ignore_alert && !any(&|k| matches!(k, EventKind::AlertIgnored)) {
        idle.push("scenario.bad.idle.ignore");
    }
    if bad.retrain_on_stale_data
        && !any(&|k| {
            matches!(
                k,
                EventKind::SnapshotTaken {
                    data: TrainingData::StaleHistory
                }
            )
        })
    {
        idle.push("scenario.bad.idle.stale");
    }
    if bad.skip_gate {
        let gated = any(&|k| matches!(k, EventKind::GateEvaluated { .. }));
        let blocked_one = any(
            &|k| matches!(k, EventKind::GateEvaluated { report, enforced: false, .. } if !report.passed),
        );
        if !gated {
            idle.push("scenario.bad.idle.skipgate_none");
        } else if !blocked_one {
            idle.push("scenario.bad.idle.skipgate_passed");
        }
    }
    if bad.force_rollback
        && !any(&|k| {
            matches!(
                k,
                EventKind::RolledBack {
                    reason: RollbackReason::Forced,
                    ..
                }
            )
        })
    {
        idle.push("scenario.bad.idle.rollback");
    }
    idle.into_iter()
        .map(|key| tr(lang, key).to_string())
        .collect()
}
