//! Operating policies: how an organisation notices a degraded model and replaces it, day
//! by day, on the shared world. Each policy is a small state machine stepped once a day:
//!
//! 1. labels of a weekly cohort mature `label_delay_days` after its score; where labels are
//!    joined to predictions (the manual retrain and the loop), the matured F1 of the model
//!    that scored the cohort becomes known;
//! 2. the policy's trigger may fire: the loop's alert rule, the weekly dashboard read, or
//!    the monthly business review;
//! 3. scheduled steps run: retrain, validation gate, canary, promotion, rollback.
//!
//! Every step is recorded as an `Event`: the day, the role that acts, the artifact that
//! passes between the roles, and the numbers it carries. The daily metrics then read which
//! model served each day.
//!
//! Bad decisions (`config.bad`) apply to the automated loop only; the other two policies
//! are the fixed baselines it is compared with.
//!
//! Why it is longer than ~400 lines: the three policies are one day-by-day state machine
//! whose steps they share (trigger, retrain, gate, canary, promotion, rollback), about 450
//! lines, and its tests.

use super::config::{BadDecisions, Config, DriftKind, PolicyKind};
use super::cost;
use super::events::{Artifact, Diagnosis, Event, EventKind, Role, RollbackReason};
use super::lab::Lab;
use super::outcome::{DayMetrics, ModelId, PolicyRun, TrainingData};

/// The next step of a fix in progress.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Retrain,
    Canary(ModelId),
    Promote(ModelId),
}

#[derive(Clone, Copy, Debug)]
struct Fix {
    day: u32,
    step: Step,
    /// For the manual policies, the release day fixed when the ticket was opened.
    release_day: u32,
}

/// A promoted model under watch until its first matured week.
#[derive(Clone, Copy, Debug)]
struct Watch {
    model: ModelId,
    champion: ModelId,
    from_day: u32,
}

struct Machine<'c> {
    kind: PolicyKind,
    config: &'c Config,
    bad: BadDecisions,
    events: Vec<Event>,
    serving: ModelId,
    previous: Option<ModelId>,
    first_alert_day: Option<u32>,
    first_promotion_day: Option<u32>,
}

impl Machine<'_> {
    fn log(&mut self, day: u32, role: Option<Role>, artifact: Option<Artifact>, kind: EventKind) {
        self.events.push(Event {
            day,
            policy: self.kind,
            role,
            artifact,
            kind,
        });
    }

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
    let config = lab.config;
    let horizon = config.horizon_days;
    let n_weeks = lab.world.weeks.len();
    let delay = config.label_delay_days;
    let t = config.timings;
    let champion = ModelId(0);
    let mut m = Machine {
        kind,
        config,
        bad: if kind == PolicyKind::AutomatedLoop {
            config.bad
        } else {
            BadDecisions::default()
        },
        events: Vec::new(),
        serving: champion,
        previous: None,
        first_alert_day: None,
        first_promotion_day: None,
    };
    let card = lab.models[0];
    m.log(
        0,
        Some(Role::MlopsEngineer),
        Some(Artifact::DeploymentRecord),
        EventKind::Deployed {
            model: champion,
            validation_f1: card.reference_f1,
        },
    );
    let degrade_line = config.alert_f1.max(card.reference_f1 - config.alert_drop);

    let mut serving_by_day: Vec<ModelId> = Vec::with_capacity(horizon as usize);
    let mut matured_by_day: Vec<Option<f64>> = Vec::with_capacity(horizon as usize);
    let mut matured: Option<(u32, f64, ModelId)> = None;
    let mut fix: Option<Fix> = None;
    let mut watch: Option<Watch> = None;
    let mut forced_rollback_day: Option<u32> = None;
    let (mut ignored, mut stale_used, mut forced_done) = (false, false, false);
    let mut drift_logged = false;

    for d in 0..horizon {
        if !drift_logged
            && config.drift != DriftKind::None
            && config.strength > 0.0
            && d >= config.onset_day
        {
            drift_logged = true;
            m.log(
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
        let mut alert: Option<(u32, f64)> = None;
        if kind != PolicyKind::NoLoop {
            for w in 0..n_weeks as u32 {
                if 7 * w + delay != d {
                    continue;
                }
                let served = serving_by_day[(7 * w) as usize];
                let (f1, cbpe) = {
                    let e = lab.eval(served, w as usize);
                    (e.confusion.f1(), e.cbpe_f1)
                };
                matured = Some((w, f1, served));
                if kind == PolicyKind::AutomatedLoop {
                    m.log(
                        d,
                        Some(Role::MlopsEngineer),
                        Some(Artifact::MonitoringReport),
                        EventKind::LabelsMatured {
                            week: w,
                            model: served,
                            f1,
                            cbpe_f1: cbpe,
                        },
                    );
                    if let Some(wt) = watch
                        && wt.model == served
                        && 7 * w >= wt.from_day
                    {
                        watch = None;
                        let champ_f1 = lab.eval(wt.champion, w as usize).confusion.f1();
                        if f1 < champ_f1 && m.serving == wt.model {
                            m.serving = wt.champion;
                            m.previous = None;
                            m.log(
                                d,
                                Some(Role::MlopsEngineer),
                                Some(Artifact::DeploymentRecord),
                                EventKind::RolledBack {
                                    to: wt.champion,
                                    from: wt.model,
                                    reason: RollbackReason::WorseThanChampion,
                                },
                            );
                        }
                    }
                }
                let reference = lab.models[served.0 as usize].reference_f1;
                if served == m.serving && m.alerting(f1, reference) {
                    alert = Some((w, f1));
                }
            }
        }

        // 2. The policy's trigger.
        match kind {
            PolicyKind::AutomatedLoop => {
                if let Some((w, f1)) = alert
                    && fix.is_none()
                {
                    m.first_alert_day.get_or_insert(d);
                    let reference_f1 = lab.models[m.serving.0 as usize].reference_f1;
                    m.log(
                        d,
                        Some(Role::Both),
                        Some(Artifact::Alert),
                        EventKind::AlertFired {
                            week: w,
                            f1,
                            threshold: config.alert_f1,
                            reference_f1,
                        },
                    );
                    if m.bad.ignore_alert && !ignored {
                        ignored = true;
                        m.log(
                            d,
                            Some(Role::Both),
                            Some(Artifact::Alert),
                            EventKind::AlertIgnored,
                        );
                    } else {
                        let report = lab.week_drift(w as usize);
                        m.log(
                            d,
                            Some(Role::Both),
                            Some(Artifact::IncidentTicket),
                            EventKind::Triage {
                                diagnosis: if report.0 < 0.1 {
                                    Diagnosis::ConceptDrift
                                } else {
                                    Diagnosis::InputDrift
                                },
                                max_input_psi: report.0,
                                drifted_share: report.1,
                                score_psi: report.2,
                            },
                        );
                        fix = Some(Fix {
                            day: d + 1,
                            step: Step::Retrain,
                            release_day: 0,
                        });
                    }
                }
            }
            PolicyKind::ManualRetrain => {
                if d % 7 == t.dashboard_weekday
                    && fix.is_none()
                    && let Some((w, f1, served)) = matured
                    && served == m.serving
                    && m.alerting(f1, lab.models[served.0 as usize].reference_f1)
                {
                    m.first_alert_day.get_or_insert(d);
                    m.log(
                        d,
                        Some(Role::MlDeveloper),
                        Some(Artifact::MonitoringReport),
                        EventKind::DashboardReviewed { week: w, f1 },
                    );
                    m.log(
                        d,
                        Some(Role::MlDeveloper),
                        Some(Artifact::IncidentTicket),
                        EventKind::TicketOpened,
                    );
                    fix = Some(Fix {
                        day: d + t.manual_retrain_after,
                        step: Step::Retrain,
                        release_day: d + t.manual_release_after,
                    });
                }
            }
            PolicyKind::NoLoop => {
                if d == t.business_review_day && fix.is_none() {
                    let before = lab.world.history[6..]
                        .iter()
                        .map(|c| c.churn_rate())
                        .sum::<f64>()
                        / 2.0;
                    let recent: Vec<f64> = (0..n_weeks as u32)
                        .filter(|w| 7 * w + delay <= d)
                        .map(|w| lab.world.weeks[w as usize].churn_rate())
                        .collect();
                    let recent = &recent[recent.len().saturating_sub(4)..];
                    let churn_recent = if recent.is_empty() {
                        before
                    } else {
                        recent.iter().sum::<f64>() / recent.len() as f64
                    };
                    let noticed = churn_recent > before * 1.10;
                    m.log(
                        d,
                        Some(Role::Business),
                        Some(Artifact::MonitoringReport),
                        EventKind::BusinessReview {
                            churn_before: before,
                            churn_recent,
                            noticed,
                        },
                    );
                    if noticed {
                        m.first_alert_day.get_or_insert(d);
                        m.log(
                            d,
                            Some(Role::Business),
                            Some(Artifact::IncidentTicket),
                            EventKind::TicketOpened,
                        );
                        fix = Some(Fix {
                            day: t.no_loop_retrain_day,
                            step: Step::Retrain,
                            release_day: t.no_loop_deploy_day,
                        });
                    }
                }
            }
        }

        // 3. Scheduled steps. A retrain and its gate run the same day.
        if let Some(f) = fix
            && f.day == d
        {
            fix = None;
            match f.step {
                Step::Retrain => {
                    let fresh = latest_matured(config, n_weeks, d);
                    let stale = m.bad.retrain_on_stale_data && !stale_used;
                    let data = match (stale, fresh) {
                        (false, Some(w)) => TrainingData::FreshWeek(w),
                        _ => TrainingData::StaleHistory,
                    };
                    stale_used |= stale;
                    m.log(
                        d,
                        Some(Role::MlopsEngineer),
                        Some(Artifact::TrainingDataSnapshot),
                        EventKind::SnapshotTaken { data },
                    );
                    let challenger = lab.train(data);
                    let holdout_f1 = lab.models[challenger.0 as usize].reference_f1;
                    m.log(
                        d,
                        Some(Role::MlDeveloper),
                        Some(Artifact::ModelVersion),
                        EventKind::ChallengerTrained {
                            model: challenger,
                            holdout_f1,
                        },
                    );
                    if let Some(hw) = fresh {
                        let report = lab.gate(challenger, m.serving, hw);
                        let enforced = !m.bad.skip_gate;
                        m.log(
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
                            let next = if kind == PolicyKind::AutomatedLoop {
                                Step::Canary(challenger)
                            } else {
                                Step::Promote(challenger)
                            };
                            let day = if kind == PolicyKind::AutomatedLoop {
                                d + 1
                            } else {
                                f.release_day.max(d + 1)
                            };
                            fix = Some(Fix {
                                day,
                                step: next,
                                ..f
                            });
                        } else if stale {
                            // The gate caught the stale snapshot: the ML developer rebuilds
                            // it from the fresh week and retrains the next day.
                            fix = Some(Fix {
                                day: d + 1,
                                step: Step::Retrain,
                                release_day: f.release_day + 1,
                            });
                        }
                    }
                }
                Step::Canary(challenger) => {
                    let week = (d / 7) as usize;
                    let champion_rate = lab.eval(m.serving, week).confusion.positive_rate();
                    let challenger_rate = lab.eval(challenger, week).confusion.positive_rate();
                    let observed_churn = latest_matured(config, n_weeks, d)
                        .map(|w| lab.world.weeks[w as usize].churn_rate())
                        .unwrap_or(0.0);
                    let passed = m.bad.skip_gate
                        || (observed_churn > 0.0
                            && (challenger_rate - observed_churn).abs() <= 0.30 * observed_churn);
                    m.log(
                        d,
                        Some(Role::MlopsEngineer),
                        Some(Artifact::DeploymentRecord),
                        EventKind::CanaryStarted {
                            model: challenger,
                            champion_rate,
                            challenger_rate,
                            observed_churn,
                            passed,
                        },
                    );
                    if passed {
                        fix = Some(Fix {
                            day: d + 1,
                            step: Step::Promote(challenger),
                            ..f
                        });
                    } else {
                        m.log(
                            d,
                            Some(Role::MlopsEngineer),
                            Some(Artifact::DeploymentRecord),
                            EventKind::RolledBack {
                                to: m.serving,
                                from: challenger,
                                reason: RollbackReason::CanaryPositiveRate,
                            },
                        );
                    }
                }
                Step::Promote(challenger) => {
                    let replaced = m.serving;
                    m.previous = Some(replaced);
                    m.serving = challenger;
                    m.first_promotion_day.get_or_insert(d);
                    m.log(
                        d,
                        Some(Role::MlopsEngineer),
                        Some(Artifact::DeploymentRecord),
                        EventKind::Promoted {
                            model: challenger,
                            replaced,
                        },
                    );
                    if kind == PolicyKind::AutomatedLoop {
                        watch = Some(Watch {
                            model: challenger,
                            champion: replaced,
                            from_day: d,
                        });
                        if m.bad.force_rollback && !forced_done {
                            forced_done = true;
                            forced_rollback_day = Some(d + 1);
                        }
                    }
                }
            }
        }
        if forced_rollback_day == Some(d)
            && let Some(prev) = m.previous
        {
            let from = m.serving;
            m.serving = prev;
            m.previous = None;
            watch = None;
            m.log(
                d,
                Some(Role::MlopsEngineer),
                Some(Artifact::DeploymentRecord),
                EventKind::RolledBack {
                    to: prev,
                    from,
                    reason: RollbackReason::Forced,
                },
            );
        }
        serving_by_day.push(m.serving);
        matured_by_day.push(matured.map(|x| x.1));
    }

    // Daily metrics from the serving history.
    let mut days = Vec::with_capacity(horizon as usize);
    let (mut degraded_days, mut value) = (0u32, 0.0);
    for d in 0..horizon {
        let model = serving_by_day[d as usize];
        let week = (d / 7) as usize;
        let e = lab.eval(model, week);
        let c = e.confusion;
        let f1 = c.f1();
        let since = (d - 7 * week as u32) as usize;
        let (mut churned, mut caught) = (0u32, 0u32);
        for k in 1..=since.min(7) {
            churned += e.churn_by_day[k];
            caught += e.caught_by_day[k];
        }
        let value_nis = cost::value_per_week(&c, &config.business) / 7.0;
        let degraded = f1 < degrade_line;
        degraded_days += u32::from(degraded);
        value += value_nis;
        days.push(DayMetrics {
            day: d,
            model,
            f1,
            precision: c.precision(),
            recall: c.recall(),
            auc: e.auc,
            confusion: c,
            contract_f1: e.by_contract.map(|k| k.f1()),
            cbpe_f1: e.cbpe_f1,
            matured_f1: matured_by_day[d as usize],
            recall_to_date: (churned > 0).then(|| caught as f64 / churned as f64),
            value_nis,
            degraded,
        });
    }

    PolicyRun {
        kind,
        events: m.events,
        days,
        degraded_days,
        value_nis: value,
        first_alert_day: m.first_alert_day,
        first_promotion_day: m.first_promotion_day,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::config::{Config, Preset};
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
    fn a_run_without_drift_raises_no_alert() {
        let o = run(&small(Preset::NoDrift)).unwrap();
        for p in &o.policies {
            assert_eq!(p.first_alert_day, None, "{:?}", p.kind);
            assert_eq!(p.degraded_days, 0, "{:?}", p.kind);
        }
    }
}
