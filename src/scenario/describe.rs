//! Sentences about the events of a simulated run, in a language (the swimlanes and the
//! lab's event list). The numbers come from the run; the words from the locale files
//! (`scenario.event.*`). The story's own sentences are in `story.rs`.

use crate::i18n::numbers::{percent, score};
use crate::i18n::{Lang, tr, tr_args};
use crate::sim::{Artifact, Event, EventKind, ModelId, Outcome, PolicyKind, TrainingData};

/// The version number people see for a model in a policy's story: v1 is the deployed
/// champion, and each challenger the policy trains is the next version, in the order it
/// trains them (the simulation's own ids count the models of every policy together).
pub fn version_in(outcome: &Outcome, policy: PolicyKind, model: ModelId) -> u32 {
    if outcome.models.first().is_none_or(|m| m.id == model) {
        return 1;
    }
    let mut trained: Vec<ModelId> = Vec::new();
    for event in &outcome.policy(policy).events {
        if let EventKind::ChallengerTrained { model, .. } = event.kind
            && !trained.contains(&model)
        {
            trained.push(model);
        }
    }
    trained
        .iter()
        .position(|&m| m == model)
        .map_or(1, |i| i as u32 + 2)
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
    let version = |model: ModelId| version_in(outcome, event.policy, model).to_string();
    match event.kind {
        EventKind::Deployed {
            model,
            validation_f1,
        } => t(
            "scenario.event.deployed",
            &[("version", &version(model)), ("f1", &score(validation_f1))],
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
                crate::sim::Diagnosis::ConceptAndInput => "scenario.event.triage_both",
                crate::sim::Diagnosis::Unclear => "scenario.event.triage_unclear",
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
        EventKind::ChallengerTrained { model, tuning_f1 } => t(
            "scenario.event.trained",
            &[("version", &version(model)), ("f1", &score(tuning_f1))],
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
            plan,
            ..
        } => t(
            "scenario.event.canary",
            &[
                ("rate", &percent(challenger_rate)),
                ("churn", &percent(observed_churn)),
                ("days", &plan.days.to_string()),
            ],
        ),
        EventKind::Promoted { model, .. } => {
            t("scenario.event.promoted", &[("version", &version(model))])
        }
        EventKind::RolledBack { to, .. } => {
            t("scenario.event.rollback", &[("version", &version(to))])
        }
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
