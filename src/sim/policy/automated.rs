//! The automated loop: matured labels are joined to the predictions as they arrive; the
//! alert rule fires, triage reads the drift report and the errors by segment, and the fix
//! runs on its own: retrain and gate `loop_retrain_after` days later (1), a canary the day
//! after, promotion once the canary's traffic tells the two models apart and no sooner than
//! `canary_days` (1; `CanaryPlan`). A promoted model is watched until its first matured
//! week and rolled back if it did worse than the model it replaced.
//!
//! The bad decisions of `config.bad` are this policy's: an ignored alert, a stale
//! snapshot, a skipped gate, a forced rollback.

use super::steps::roll_back_to;
use super::{Fix, Known, Matured, Operating, Ops, Step};
use crate::sim::config::{BadDecisions, Config, PolicyKind};
use crate::sim::events::{Artifact, EventKind, Role, RollbackReason};
use crate::sim::lab::Lab;
use crate::sim::outcome::ModelId;
use crate::sim::triage;

/// The policy with a monitoring-and-retraining loop.
#[derive(Default)]
pub(super) struct AutomatedLoop {
    /// A promoted model under watch until its first matured week.
    watch: Option<Watch>,
    /// Whether an alert was already ignored (the bad decision happens once).
    ignored: bool,
    /// The day a forced rollback undoes the promotion, and whether it has happened.
    forced_rollback_day: Option<u32>,
    forced_done: bool,
}

/// A promoted model, and the champion it replaced, from the day of its promotion.
#[derive(Clone, Copy, Debug)]
struct Watch {
    model: ModelId,
    champion: ModelId,
    from_day: u32,
}

impl Operating for AutomatedLoop {
    const KIND: PolicyKind = PolicyKind::AutomatedLoop;

    /// The bad decisions of `config.bad` are this policy's.
    fn bad_decisions(config: &Config) -> BadDecisions {
        config.bad
    }

    /// The monitoring report of the week, and the verdict on a model under watch.
    fn labels_matured(&mut self, ops: &mut Ops<'_>, lab: &mut Lab<'_>, m: Matured) {
        ops.log(
            m.day,
            Some(Role::MlopsEngineer),
            Some(Artifact::MonitoringReport),
            EventKind::LabelsMatured {
                week: m.week,
                model: m.served,
                f1: m.f1,
                cbpe_f1: m.cbpe_f1,
            },
        );
        let Some(watch) = self.watch else { return };
        if watch.model != m.served || 7 * m.week < watch.from_day {
            return;
        }
        self.watch = None;
        // The replaced model's F1 on the week, as measured had it driven the campaign.
        let champion_f1 = lab.eval(watch.champion, m.week as usize).seen.f1();
        if m.f1 < champion_f1 && ops.serving == watch.model {
            roll_back_to(
                ops,
                m.day,
                watch.champion,
                RollbackReason::WorseThanChampion,
            );
        }
    }

    /// The alert, then triage and a retrain (unless the alert is ignored).
    fn trigger(
        &mut self,
        ops: &mut Ops<'_>,
        lab: &mut Lab<'_>,
        d: u32,
        known: Known,
    ) -> Option<Fix> {
        let (week, f1) = known.alert?;
        ops.first_alert_day.get_or_insert(d);
        let reference_f1 = lab.models[ops.serving.0 as usize].reference_f1;
        ops.log(
            d,
            Some(Role::Both),
            Some(Artifact::Alert),
            EventKind::AlertFired {
                week,
                f1,
                threshold: ops.config.alert_f1,
                reference_f1,
            },
        );
        if ops.bad.ignore_alert && !self.ignored {
            self.ignored = true;
            ops.log(
                d,
                Some(Role::Both),
                Some(Artifact::Alert),
                EventKind::AlertIgnored,
            );
            return None;
        }
        let (max_input_psi, drifted_share, score_psi) = lab.week_drift(week as usize);
        // The errors by segment, against the validation weeks the champion has; a model
        // promoted since has none, and is triaged on the drift report alone.
        let worst = (ops.serving == ModelId(0))
            .then(|| {
                let week_segments = lab.eval(ops.serving, week as usize).seen_segments;
                triage::worst_fall(&lab.reference_segments, &week_segments)
            })
            .flatten();
        ops.log(
            d,
            Some(Role::Both),
            Some(Artifact::IncidentTicket),
            EventKind::Triage {
                diagnosis: triage::diagnose(max_input_psi, worst.as_ref()),
                max_input_psi,
                drifted_share,
                score_psi,
                worst,
            },
        );
        Some(Fix::retrain(d + ops.config.timings.loop_retrain_after, 0))
    }

    /// A canary the next day.
    fn after_gate(&self, challenger: ModelId, d: u32, fix: Fix) -> Fix {
        Fix {
            day: d + 1,
            step: Step::Canary(challenger),
            ..fix
        }
    }

    /// Watch the new model; a forced rollback is set for the next day.
    fn promoted(&mut self, ops: &mut Ops<'_>, d: u32, model: ModelId, replaced: ModelId) {
        self.watch = Some(Watch {
            model,
            champion: replaced,
            from_day: d,
        });
        if ops.bad.force_rollback && !self.forced_done {
            self.forced_done = true;
            self.forced_rollback_day = Some(d + 1);
        }
    }

    fn end_of_day(&mut self, ops: &mut Ops<'_>, d: u32) {
        if self.forced_rollback_day == Some(d)
            && let Some(previous) = ops.previous
        {
            self.watch = None;
            roll_back_to(ops, d, previous, RollbackReason::Forced);
        }
    }
}
