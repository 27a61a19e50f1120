//! Operating policies: how an organisation notices a degraded model and replaces it, day
//! by day, on the shared world. Each day of a run:
//!
//! 1. labels of a weekly cohort mature `label_delay_days` after its score; where labels are
//!    joined to predictions (the manual retrain and the loop), the matured F1 of the model
//!    that scored the cohort becomes known;
//! 2. the policy's trigger may fire: the loop's alert rule, the weekly dashboard read, or
//!    the monthly business review;
//! 3. scheduled steps run: retrain, validation gate, canary, promotion (`steps`).
//!
//! The day loop and the steps are shared (`run_policy`, `steps`); what makes a policy
//! itself, its trigger and where a passed challenger goes next, is one type per file
//! implementing `Operating`: `no_loop`, `manual`, `automated`. A new policy is a new file
//! and a new arm in `simulate`.
//!
//! Every step is recorded as an `Event`: the day, the role that acts, the artifact that
//! passes between the roles, and the numbers it carries. The daily metrics then read which
//! model served each day (`metrics`).
//!
//! Bad decisions (`config.bad`) apply to the automated loop only; the other two policies
//! are the fixed baselines it is compared with.

mod automated;
mod manual;
mod metrics;
mod no_loop;
mod steps;
#[cfg(test)]
mod tests;

use super::config::{BadDecisions, Config, DriftKind, PolicyKind};
use super::events::{Artifact, Event, EventKind, Role};
use super::lab::Lab;
use super::outcome::{ModelId, PolicyRun};

/// The next step of a fix in progress.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Retrain,
    Canary(ModelId),
    Promote(ModelId),
}

/// A fix in progress: its next step and the day it runs.
#[derive(Clone, Copy, Debug)]
struct Fix {
    day: u32,
    step: Step,
    /// For the manual policies, the release day fixed when the ticket was opened.
    release_day: u32,
}

impl Fix {
    /// A retrain on `day`, released no earlier than `release_day`.
    fn retrain(day: u32, release_day: u32) -> Fix {
        Fix {
            day,
            step: Step::Retrain,
            release_day,
        }
    }
}

/// What a policy knows on a day: the week whose labels matured last (and the F1 of the
/// model that scored it), and whether today's matured week breaks the alert rule.
#[derive(Clone, Copy, Debug, Default)]
struct Known {
    /// `(week, f1, model)` of the latest matured week, once one has.
    matured: Option<(u32, f64, ModelId)>,
    /// `(week, f1)` when a week maturing today, scored by the serving model, is below the
    /// alert rule.
    alert: Option<(u32, f64)>,
}

/// What one operating policy decides; `run_policy` does the rest.
trait Operating {
    /// Which policy this is.
    const KIND: PolicyKind;
    /// Whether the team joins matured labels to the predictions, and so learns the F1.
    const READS_LABELS: bool = true;

    /// The bad decisions this policy makes: none, unless it says otherwise.
    fn bad_decisions(_config: &Config) -> BadDecisions {
        BadDecisions::default()
    }

    /// A week's labels matured today: the F1 of the model `served` that scored it.
    fn labels_matured(&mut self, _ops: &mut Ops<'_>, _lab: &mut Lab<'_>, _matured: Matured) {}

    /// The policy's trigger, once a day while no fix is under way: the fix it starts.
    fn trigger(
        &mut self,
        ops: &mut Ops<'_>,
        lab: &mut Lab<'_>,
        day: u32,
        known: Known,
    ) -> Option<Fix>;

    /// Where a challenger that passed the gate on `day` goes next.
    fn after_gate(&self, challenger: ModelId, day: u32, fix: Fix) -> Fix;

    /// A challenger was promoted on `day`, replacing `replaced`.
    fn promoted(&mut self, _ops: &mut Ops<'_>, _day: u32, _model: ModelId, _replaced: ModelId) {}

    /// Whatever the policy does last on `day`.
    fn end_of_day(&mut self, _ops: &mut Ops<'_>, _day: u32) {}
}

/// A week whose labels matured today.
#[derive(Clone, Copy, Debug)]
struct Matured {
    day: u32,
    week: u32,
    f1: f64,
    cbpe_f1: f64,
    served: ModelId,
}

/// The operation a policy runs: which model serves, the model it replaced, the events so
/// far, and the bad decisions in force.
struct Ops<'c> {
    kind: PolicyKind,
    config: &'c Config,
    bad: BadDecisions,
    events: Vec<Event>,
    serving: ModelId,
    previous: Option<ModelId>,
    first_alert_day: Option<u32>,
    first_promotion_day: Option<u32>,
    /// The fix in progress.
    fix: Option<Fix>,
    /// Whether a stale snapshot was already used (the bad decision happens once).
    stale_used: bool,
    /// The model that served each day so far, whose campaign shaped that day's labels.
    served: Vec<ModelId>,
}

impl Ops<'_> {
    fn log(&mut self, day: u32, role: Option<Role>, artifact: Option<Artifact>, kind: EventKind) {
        self.events.push(Event {
            day,
            policy: self.kind,
            role,
            artifact,
            kind,
        });
    }

    /// The alert rule: F1 under the threshold, or too far under the model's validation F1.
    fn alerting(&self, f1: f64, reference_f1: f64) -> bool {
        f1 < self.config.alert_f1 || reference_f1 - f1 > self.config.alert_drop
    }
}

/// Latest week whose labels have matured by `day`.
fn latest_matured(config: &Config, n_weeks: usize, day: u32) -> Option<u32> {
    (0..n_weeks as u32)
        .rev()
        .find(|w| 7 * w + config.label_delay_days <= day)
}

/// Simulates one policy over the horizon.
pub(crate) fn simulate(lab: &mut Lab<'_>, kind: PolicyKind) -> PolicyRun {
    match kind {
        PolicyKind::NoLoop => run_policy(lab, no_loop::NoLoop),
        PolicyKind::ManualRetrain => run_policy(lab, manual::ManualRetrain),
        PolicyKind::AutomatedLoop => run_policy(lab, automated::AutomatedLoop::default()),
    }
}

/// The day loop every policy shares.
fn run_policy<P: Operating>(lab: &mut Lab<'_>, mut policy: P) -> PolicyRun {
    let config = lab.config;
    let horizon = config.horizon_days;
    let n_weeks = lab.world.weeks.len();
    let champion = ModelId(0);
    let mut ops = Ops {
        kind: P::KIND,
        config,
        bad: P::bad_decisions(config),
        events: Vec::new(),
        serving: champion,
        previous: None,
        first_alert_day: None,
        first_promotion_day: None,
        fix: None,
        stale_used: false,
        served: Vec::with_capacity(horizon as usize),
    };
    ops.log(
        0,
        Some(Role::MlopsEngineer),
        Some(Artifact::DeploymentRecord),
        EventKind::Deployed {
            model: champion,
            validation_f1: lab.models[0].reference_f1,
        },
    );

    let mut matured_by_day: Vec<Option<f64>> = Vec::with_capacity(horizon as usize);
    let mut known = Known::default();
    let mut drift_logged = false;

    for d in 0..horizon {
        if !drift_logged
            && config.drift != DriftKind::None
            && config.strength > 0.0
            && d >= config.onset_day
        {
            drift_logged = true;
            ops.log(
                d,
                None,
                None,
                EventKind::DriftBegins {
                    kind: config.drift,
                    strength: config.strength,
                },
            );
        }

        // 1. Labels maturing today.
        known.alert = None;
        if P::READS_LABELS {
            for week in (0..n_weeks as u32).filter(|w| 7 * w + config.label_delay_days == d) {
                let served = ops.served[(7 * week) as usize];
                let e = lab.eval(served, week as usize);
                // The F1 as the team measures it, on the labels its campaign left.
                let (f1, cbpe_f1) = (e.seen.f1(), e.cbpe_f1);
                known.matured = Some((week, f1, served));
                let matured = Matured {
                    day: d,
                    week,
                    f1,
                    cbpe_f1,
                    served,
                };
                policy.labels_matured(&mut ops, lab, matured);
                let reference = lab.models[served.0 as usize].reference_f1;
                if served == ops.serving && ops.alerting(f1, reference) {
                    known.alert = Some((week, f1));
                }
            }
        }

        // 2. The policy's trigger.
        if ops.fix.is_none() {
            ops.fix = policy.trigger(&mut ops, lab, d, known);
        }

        // 3. Scheduled steps. A retrain and its gate run the same day.
        if let Some(fix) = ops.fix
            && fix.day == d
        {
            ops.fix = None;
            match fix.step {
                Step::Retrain => {
                    if let Some((challenger, next)) = steps::retrain_and_gate(&mut ops, lab, fix) {
                        ops.fix = Some(policy.after_gate(challenger, d, next));
                    }
                }
                Step::Canary(challenger) => steps::canary(&mut ops, lab, fix, challenger),
                Step::Promote(challenger) => {
                    let replaced = steps::promote(&mut ops, d, challenger);
                    policy.promoted(&mut ops, d, challenger, replaced);
                }
            }
        }
        policy.end_of_day(&mut ops, d);
        ops.served.push(ops.serving);
        matured_by_day.push(known.matured.map(|(_, f1, _)| f1));
    }

    let degrade_line = config
        .alert_f1
        .max(lab.models[0].reference_f1 - config.alert_drop);
    metrics::policy_run(lab, ops, &matured_by_day, degrade_line)
}
