//! The story: the scenes an instructor pages through, in order, from the business problem
//! to the business impact. Each scene names the event of the automated loop it shows (so
//! its day, role and artifact come from the simulation) and whether it asks the student
//! to predict before it reveals.

use crate::sim::{Artifact, EventKind, Role};

/// A scene of the story, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scene {
    /// The business problem: a weekly risk score per customer, 15% less churn.
    Problem,
    /// The data: weekly cohorts and their features.
    Data,
    /// The model trained on history and validated.
    Model,
    /// Day 0: deployed.
    Deployed,
    /// A competitor launches a cheaper plan.
    Competitor,
    /// Predict, then reveal: F1 falls two weeks after deployment.
    Drop,
    /// Predict, then reveal: input monitors and the label-free estimate stay quiet.
    Monitors,
    /// The alert on matured labels.
    Alert,
    /// Same-day triage.
    Triage,
    /// Retrain on fresh labelled data.
    Retrain,
    /// The validation gate.
    Gate,
    /// Shadow, canary and promotion.
    Canary,
    /// The business impact: days instead of weeks, and the money.
    Impact,
}

/// The glossary terms the lab uses, linked under it.
pub const LAB_TERMS: [&str; 18] = [
    "concept_drift",
    "data_drift",
    "prior_drift",
    "label_delay",
    "f1",
    "cbpe",
    "psi",
    "ks_test",
    "chi_square",
    "js_distance",
    "wasserstein",
    "validation_gate",
    "canary",
    "rollback",
    "champion_challenger",
    "confusion_matrix",
    "seed",
    "arpu",
];

/// A prediction the student makes before a scene reveals its outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prediction {
    /// What happens to F1 after the competitor's launch.
    F1AfterDrift,
    /// Whether the input-drift monitors catch the change.
    MonitorsCatchIt,
}

impl Prediction {
    /// Every prediction, in the story's order.
    pub const ALL: [Prediction; 2] = [Prediction::F1AfterDrift, Prediction::MonitorsCatchIt];

    /// Its position in `Prediction::ALL` (and in the saved guesses).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl Scene {
    /// Every scene, in order.
    pub const ALL: [Scene; 13] = [
        Scene::Problem,
        Scene::Data,
        Scene::Model,
        Scene::Deployed,
        Scene::Competitor,
        Scene::Drop,
        Scene::Monitors,
        Scene::Alert,
        Scene::Triage,
        Scene::Retrain,
        Scene::Gate,
        Scene::Canary,
        Scene::Impact,
    ];

    /// The URL value and locale-key stem (`scenario.scene.<slug>.title`).
    pub fn slug(self) -> &'static str {
        match self {
            Scene::Problem => "problem",
            Scene::Data => "data",
            Scene::Model => "model",
            Scene::Deployed => "deployed",
            Scene::Competitor => "competitor",
            Scene::Drop => "drop",
            Scene::Monitors => "monitors",
            Scene::Alert => "alert",
            Scene::Triage => "triage",
            Scene::Retrain => "retrain",
            Scene::Gate => "gate",
            Scene::Canary => "canary",
            Scene::Impact => "impact",
        }
    }

    /// The scene with this slug, if any.
    pub fn from_slug(slug: &str) -> Option<Scene> {
        Scene::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// 0-based position.
    pub fn index(self) -> usize {
        Scene::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The next scene, if any.
    pub fn next(self) -> Option<Scene> {
        Scene::ALL.get(self.index() + 1).copied()
    }

    /// The previous scene, if any.
    pub fn prev(self) -> Option<Scene> {
        self.index().checked_sub(1).map(|i| Scene::ALL[i])
    }

    /// The prediction asked before this scene reveals its outcome, if any.
    pub fn prediction(self) -> Option<Prediction> {
        match self {
            Scene::Drop => Some(Prediction::F1AfterDrift),
            Scene::Monitors => Some(Prediction::MonitorsCatchIt),
            _ => None,
        }
    }

    /// The glossary terms (ids in `teach::glossary`) the scene uses, linked under it.
    pub fn terms(self) -> &'static [&'static str] {
        match self {
            Scene::Problem => &["churn", "model", "business_kpi"],
            Scene::Data => &["cohort", "feature", "churn"],
            Scene::Model => &["f1", "threshold", "roc_auc", "model_registry"],
            Scene::Deployed => &["pipeline", "latency"],
            Scene::Competitor => &["concept_drift"],
            Scene::Drop => &["f1", "precision", "recall", "label_delay"],
            Scene::Monitors => &["data_drift", "psi", "cbpe"],
            Scene::Alert => &["monitoring_dashboard", "on_call"],
            Scene::Triage => &["concept_drift", "psi"],
            Scene::Retrain => &["retraining", "champion_challenger"],
            Scene::Gate => &["validation_gate", "holdout", "roc_auc"],
            Scene::Canary => &["shadow", "canary", "rollback"],
            Scene::Impact => &["arpu", "business_kpi"],
        }
    }

    /// Who acts in a scene that no simulated event covers (the work before deployment, the
    /// weekly monitoring, the review after the incident), and what they hand over. The
    /// swimlanes show it with the sentence `scenario.lane.<slug>`.
    pub fn planned_work(self) -> Option<(Role, Option<Artifact>)> {
        match self {
            Scene::Problem => Some((Role::Both, None)),
            Scene::Data => Some((Role::Both, Some(Artifact::TrainingDataSnapshot))),
            Scene::Model => Some((Role::MlDeveloper, Some(Artifact::ModelVersion))),
            Scene::Monitors => Some((Role::MlopsEngineer, Some(Artifact::MonitoringReport))),
            Scene::Impact => Some((Role::Both, Some(Artifact::IncidentTicket))),
            _ => None,
        }
    }

    /// Whether an event of the automated loop belongs to this scene: the swimlanes show
    /// these events with their day, role and artifact.
    pub fn shows(self, kind: &EventKind) -> bool {
        matches!(
            (self, kind),
            (Scene::Deployed, EventKind::Deployed { .. })
                | (Scene::Competitor, EventKind::DriftBegins { .. })
                | (Scene::Drop, EventKind::LabelsMatured { .. })
                | (
                    Scene::Alert,
                    EventKind::AlertFired { .. } | EventKind::AlertIgnored
                )
                | (
                    Scene::Triage,
                    EventKind::Triage { .. } | EventKind::TicketOpened
                )
                | (
                    Scene::Retrain,
                    EventKind::SnapshotTaken { .. } | EventKind::ChallengerTrained { .. }
                )
                | (Scene::Gate, EventKind::GateEvaluated { .. })
                | (
                    Scene::Canary,
                    EventKind::CanaryStarted { .. }
                        | EventKind::Promoted { .. }
                        | EventKind::RolledBack { .. }
                )
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scene_slug_leads_back_to_its_scene() {
        for scene in Scene::ALL {
            assert_eq!(Scene::from_slug(scene.slug()), Some(scene));
        }
        assert_eq!(Scene::from_slug("<script>"), None);
    }

    #[test]
    fn the_story_runs_from_the_problem_to_the_impact() {
        assert_eq!(Scene::Problem.prev(), None);
        assert_eq!(Scene::Impact.next(), None);
        for pair in Scene::ALL.windows(2) {
            assert_eq!(pair[0].next(), Some(pair[1]));
        }
    }

    #[test]
    fn every_term_a_scene_links_is_in_the_glossary() {
        for scene in Scene::ALL {
            for term in scene.terms() {
                assert!(crate::teach::glossary::is_term(term), "{scene:?}: {term}");
            }
        }
        for term in LAB_TERMS {
            assert!(crate::teach::glossary::is_term(term), "lab: {term}");
        }
    }

    #[test]
    fn every_scene_shows_someone_at_work_or_a_simulated_event() {
        use crate::sim::{Config, PolicyKind, run};
        let outcome = run(&Config::default()).unwrap();
        let events = &outcome.policy(PolicyKind::AutomatedLoop).events;
        for scene in Scene::ALL {
            let has_event = events.iter().any(|e| scene.shows(&e.kind));
            assert!(
                has_event || scene.planned_work().is_some(),
                "{scene:?} has empty swimlanes"
            );
        }
    }

    #[test]
    fn the_drop_and_the_monitors_scenes_ask_for_a_prediction_first() {
        let asking: Vec<Scene> = Scene::ALL
            .into_iter()
            .filter(|s| s.prediction().is_some())
            .collect();
        assert_eq!(asking, [Scene::Drop, Scene::Monitors]);
    }
}
