//! Sentences about a simulated run, in a language: events (the swimlanes and the lab's
//! event list), the story's scene texts, and the answers to its predictions. The numbers
//! come from the run; the words from the locale files (`scenario.*`).
//!
//! Over ~400 lines with its tests; the code itself is about 160 lines.

use super::scenes::{Prediction, Scene};
use crate::i18n::numbers::{grouped, percent, score};
use crate::i18n::{Lang, tr, tr_args};
use crate::sim::drift::PSI_WARN;
use crate::sim::{Artifact, Event, EventKind, Outcome, PolicyKind, TrainingData};

/// The version number people see for a model id.
fn version(outcome: &Outcome, model: crate::sim::ModelId) -> String {
    outcome
        .models
        .iter()
        .find(|m| m.id == model)
        .map(|m| m.version)
        .unwrap_or(1)
        .to_string()
}

/// The locale key of a policy's name (its maturity level).
pub fn policy_key(policy: PolicyKind) -> String {
    format!("scenario.policy.{}", policy.slug())
}

/// The locale key of an artifact's name.
pub fn artifact_key(artifact: Artifact) -> &'static str {
    match artifact {
        Artifact::MonitoringReport => "scenario.artifact.monitoringreport",
        Artifact::Alert => "scenario.artifact.alert",
        Artifact::IncidentTicket => "scenario.artifact.incidentticket",
        Artifact::TrainingDataSnapshot => "scenario.artifact.trainingdatasnapshot",
        Artifact::ModelVersion => "scenario.artifact.modelversion",
        Artifact::ValidationReport => "scenario.artifact.validationreport",
        Artifact::DeploymentRecord => "scenario.artifact.deploymentrecord",
    }
}

/// One sentence describing `event`.
pub fn describe(lang: Lang, event: &Event, outcome: &Outcome) -> String {
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, key, args);
    match event.kind {
        EventKind::Deployed {
            model,
            validation_f1,
        } => t(
            "scenario.event.deployed",
            &[
                ("version", &version(outcome, model)),
                ("f1", &score(validation_f1)),
            ],
        ),
        EventKind::DriftBegins { kind, .. } => {
            let name = tr(lang, &format!("scenario.drift.{}", kind.slug()));
            t("scenario.event.drift", &[("kind", name)])
        }
        EventKind::LabelsMatured {
            week, f1, cbpe_f1, ..
        } => t(
            "scenario.event.matured",
            &[
                ("week", &week.to_string()),
                ("f1", &score(f1)),
                ("cbpe", &score(cbpe_f1)),
            ],
        ),
        EventKind::AlertFired { f1, threshold, .. } => t(
            "scenario.event.alert",
            &[("f1", &score(f1)), ("threshold", &score(threshold))],
        ),
        EventKind::AlertIgnored => t("scenario.event.alert_ignored", &[]),
        EventKind::Triage {
            diagnosis,
            max_input_psi,
            ..
        } => {
            let key = match diagnosis {
                crate::sim::Diagnosis::ConceptDrift => "scenario.event.triage_concept",
                crate::sim::Diagnosis::InputDrift => "scenario.event.triage_input",
            };
            t(key, &[("psi", &format!("{max_input_psi:.3}"))])
        }
        EventKind::DashboardReviewed { week, f1 } => t(
            "scenario.event.dashboard",
            &[("week", &week.to_string()), ("f1", &score(f1))],
        ),
        EventKind::BusinessReview {
            churn_before,
            churn_recent,
            ..
        } => t(
            "scenario.event.review",
            &[
                ("before", &percent(churn_before)),
                ("recent", &percent(churn_recent)),
            ],
        ),
        EventKind::TicketOpened => t("scenario.event.ticket", &[]),
        EventKind::SnapshotTaken { data } => match data {
            TrainingData::FreshWeek(week) => t(
                "scenario.event.snapshot_fresh",
                &[("week", &week.to_string())],
            ),
            TrainingData::StaleHistory => t("scenario.event.snapshot_stale", &[]),
            TrainingData::History => t("scenario.event.snapshot_history", &[]),
        },
        EventKind::ChallengerTrained { model, holdout_f1 } => t(
            "scenario.event.trained",
            &[
                ("version", &version(outcome, model)),
                ("f1", &score(holdout_f1)),
            ],
        ),
        EventKind::GateEvaluated {
            report, enforced, ..
        } => {
            let key = match (report.passed, enforced) {
                (true, true) => "scenario.event.gate_pass",
                // Skipping the gate shows even when the model would have passed: nothing
                // checked it, and the next one may not be so lucky.
                (true, false) => "scenario.event.gate_unchecked",
                (false, true) => "scenario.event.gate_fail",
                (false, false) => "scenario.event.gate_skipped",
            };
            t(
                key,
                &[
                    ("challenger", &score(report.challenger_f1)),
                    ("champion", &score(report.champion_f1)),
                ],
            )
        }
        EventKind::CanaryStarted {
            challenger_rate,
            observed_churn,
            ..
        } => t(
            "scenario.event.canary",
            &[
                ("rate", &percent(challenger_rate)),
                ("churn", &percent(observed_churn)),
            ],
        ),
        EventKind::Promoted { model, .. } => t(
            "scenario.event.promoted",
            &[("version", &version(outcome, model))],
        ),
        EventKind::RolledBack { to, .. } => t(
            "scenario.event.rollback",
            &[("version", &version(outcome, to))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Config, PolicyKind, Preset, run};

    #[test]
    fn every_event_of_every_preset_reads_as_a_sentence_in_both_languages() {
        for preset in Preset::ALL {
            let mut config = Config::preset(preset);
            config.cohort_size = 1000;
            config.bad.skip_gate = true;
            config.bad.retrain_on_stale_data = preset == Preset::Article;
            let outcome = run(&config).unwrap();
            for policy in PolicyKind::ALL {
                for event in &outcome.policy(policy).events {
                    for lang in Lang::ALL {
                        let text = describe(lang, event, &outcome);
                        assert!(!text.contains('{') && !text.contains("scenario."), "{text}");
                        assert!(!text.is_empty());
                    }
                    if let Some(artifact) = event.artifact {
                        assert!(!tr(Lang::He, artifact_key(artifact)).starts_with("scenario."));
                    }
                }
            }
        }
    }

    #[test]
    fn skipping_the_gate_shows_even_when_the_challenger_would_have_passed() {
        let mut config = Config::default();
        config.bad.skip_gate = true;
        let outcome = run(&config).unwrap();
        let gates: Vec<_> = outcome
            .policy(PolicyKind::AutomatedLoop)
            .events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::GateEvaluated { .. }))
            .collect();
        assert!(!gates.is_empty());
        for event in gates {
            let EventKind::GateEvaluated { report, .. } = &event.kind else {
                unreachable!()
            };
            assert!(
                report.passed,
                "the article's challenger passes on its merits"
            );
            let text = describe(Lang::En, event, &outcome);
            assert!(text.contains("not enforced"), "{text}");
        }
    }
}

/// The body of a story scene, with its numbers from the run. Scenes whose numbers live in
/// their swimlanes or their prediction have a fixed body.
pub fn scene_text(lang: Lang, scene: Scene, outcome: &Outcome) -> String {
    let h = &outcome.headline;
    let c = &outcome.config;
    let key = format!("scenario.scene.{}.body", scene.slug());
    let t = |args: &[(&str, &str)]| tr_args(lang, &key, args);
    let champion = outcome.models.first();
    match scene {
        Scene::Problem => t(&[]),
        Scene::Data => t(&[
            ("cohort", &grouped(c.cohort_size as f64)),
            (
                "churn",
                &percent(
                    outcome
                        .weeks
                        .first()
                        .map(|w| w.churn_rate)
                        .unwrap_or(f64::NAN),
                ),
            ),
        ]),
        Scene::Model => t(&[
            (
                "f1",
                &score(champion.map(|m| m.reference_f1).unwrap_or(f64::NAN)),
            ),
            (
                "auc",
                &score(champion.map(|m| m.reference_auc).unwrap_or(f64::NAN)),
            ),
        ]),
        Scene::Deployed => t(&[("f1", &score(h.f1_before_drift))]),
        Scene::Competitor => t(&[("day", &c.onset_day.to_string())]),
        Scene::Alert => match outcome.policy(PolicyKind::AutomatedLoop).first_alert_day {
            Some(day) => t(&[
                ("threshold", &score(c.alert_f1)),
                ("drop", &score(c.alert_drop)),
                ("day", &day.to_string()),
            ]),
            None => tr(lang, "scenario.scene.alert.none").to_string(),
        },
        Scene::Impact => {
            let loop_run = outcome.policy(PolicyKind::AutomatedLoop);
            let no_loop = outcome.policy(PolicyKind::NoLoop);
            t(&[
                (
                    "fix_days",
                    &h.days_alert_to_fix_with_loop
                        .map(|d| d.to_string())
                        .unwrap_or_else(|| "—".into()),
                ),
                ("loop_days", &loop_run.degraded_days.to_string()),
                ("noloop_days", &no_loop.degraded_days.to_string()),
                ("per_day", &grouped(h.loss_per_degraded_day_nis)),
                ("saving", &grouped(h.saving_nis)),
            ])
        }
        _ => t(&[]),
    }
}

/// A paragraph after a scene's body that sets the simulation's figure against the
/// article's: the opening scene's goal and what a healthy model achieves in this run.
pub fn scene_figure(lang: Lang, scene: Scene, outcome: &Outcome) -> Option<String> {
    let h = &outcome.headline;
    (scene == Scene::Problem).then(|| {
        tr_args(
            lang,
            "scenario.scene.problem.figure",
            &[
                ("reduction", &percent(h.churn_reduction_healthy)),
                (
                    "goal",
                    &format!("{}%", crate::content::CHURN_REDUCTION_GOAL_PERCENT),
                ),
            ],
        )
    })
}

/// The answer options of a prediction, as locale keys, in display order.
pub fn prediction_options(prediction: Prediction) -> &'static [&'static str] {
    match prediction {
        Prediction::F1AfterDrift => &[
            "scenario.predict.f1.same",
            "scenario.predict.f1.little",
            "scenario.predict.f1.sharp",
            "scenario.predict.f1.up",
        ],
        Prediction::MonitorsCatchIt => &[
            "scenario.predict.monitors.yes",
            "scenario.predict.monitors.no",
        ],
    }
}

/// The locale key of a prediction's question.
pub fn prediction_question(prediction: Prediction) -> &'static str {
    match prediction {
        Prediction::F1AfterDrift => "scenario.predict.f1.question",
        Prediction::MonitorsCatchIt => "scenario.predict.monitors.question",
    }
}

/// The first week the drift acts on, as monitoring sees it.
pub fn first_drifted_week(outcome: &Outcome) -> Option<&crate::sim::WeekReport> {
    outcome.weeks.iter().find(|w| w.drift_strength > 0.0)
}

/// Which option is right for this run, and the explanation with the run's numbers.
pub fn prediction_answer(lang: Lang, prediction: Prediction, outcome: &Outcome) -> (usize, String) {
    let h = &outcome.headline;
    match prediction {
        Prediction::F1AfterDrift => {
            let change = h.f1_stale_two_weeks_after_deploy - h.f1_before_drift;
            let right = if change < -0.08 {
                2
            } else if change < -0.02 {
                1
            } else if change > 0.02 {
                3
            } else {
                0
            };
            let text = tr_args(
                lang,
                "scenario.predict.f1.answer",
                &[
                    ("before", &score(h.f1_before_drift)),
                    ("after", &score(h.f1_stale_two_weeks_after_deploy)),
                ],
            );
            (right, text)
        }
        Prediction::MonitorsCatchIt => {
            let week = first_drifted_week(outcome).or(outcome.weeks.last());
            let (psi, share, cbpe, f1) = week
                .map(|w| {
                    (
                        w.drift.max_input_psi(),
                        w.drift.drifted_share,
                        w.champion_cbpe_f1,
                        w.champion_f1,
                    )
                })
                .unwrap_or((0.0, 0.0, f64::NAN, f64::NAN));
            let loud = psi >= PSI_WARN || share > 0.0;
            let key = if loud {
                "scenario.predict.monitors.answer_loud"
            } else {
                "scenario.predict.monitors.answer_quiet"
            };
            let text = tr_args(
                lang,
                key,
                &[
                    ("psi", &format!("{psi:.3}")),
                    ("warn", &score(PSI_WARN)),
                    ("share", &percent(share)),
                    ("cbpe", &score(cbpe)),
                    ("f1", &score(f1)),
                ],
            );
            (if loud { 0 } else { 1 }, text)
        }
    }
}

#[cfg(test)]
mod story_tests {
    use super::*;
    use crate::sim::{Config, Preset, run};

    #[test]
    fn every_scene_of_every_preset_fills_all_its_numbers_in_both_languages() {
        for preset in Preset::ALL {
            let mut config = Config::preset(preset);
            config.cohort_size = 1000;
            let outcome = run(&config).unwrap();
            for lang in Lang::ALL {
                for scene in Scene::ALL {
                    let text = scene_text(lang, scene, &outcome);
                    assert!(
                        !text.contains('{') && !text.starts_with("scenario."),
                        "{preset:?} {scene:?}: {text}"
                    );
                    if let Some(figure) = scene_figure(lang, scene, &outcome) {
                        assert!(!figure.contains('{') && !figure.starts_with("scenario."));
                        assert!(
                            figure.contains(&percent(outcome.headline.churn_reduction_healthy))
                        );
                    }
                }
                for prediction in [Prediction::F1AfterDrift, Prediction::MonitorsCatchIt] {
                    let (right, text) = prediction_answer(lang, prediction, &outcome);
                    assert!(right < prediction_options(prediction).len());
                    assert!(!text.contains('{'), "{text}");
                }
            }
        }
    }

    #[test]
    fn in_the_article_f1_drops_sharply_and_the_input_monitors_stay_quiet() {
        let outcome = run(&Config::default()).unwrap();
        assert_eq!(
            prediction_answer(Lang::En, Prediction::F1AfterDrift, &outcome).0,
            2
        );
        assert_eq!(
            prediction_answer(Lang::En, Prediction::MonitorsCatchIt, &outcome).0,
            1
        );
        let impact = scene_text(Lang::En, Scene::Impact, &outcome);
        assert!(impact.contains(&format!(
            "took {} days",
            outcome.headline.days_alert_to_fix_with_loop.unwrap()
        )));
    }

    #[test]
    fn a_price_rise_is_seen_by_the_input_monitors() {
        let outcome = run(&Config::preset(Preset::PriceRise)).unwrap();
        assert_eq!(
            prediction_answer(Lang::En, Prediction::MonitorsCatchIt, &outcome).0,
            0
        );
    }
}
