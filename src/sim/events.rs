//! The timeline's vocabulary: who acts, what passes between the roles, and what happened
//! on a day of a policy's run.

use serde::{Deserialize, Serialize};

use super::config::{CanaryPlan, DriftKind, PolicyKind};
use super::outcome::{GateReport, ModelId, TrainingData};
use super::triage::SegmentFall;

/// Who acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Owns the model: data, features, training, the quality bar.
    MlDeveloper,
    /// Owns the system: pipelines, monitoring, deployment, rollback.
    MlopsEngineer,
    /// Both roles together (paging, triage, the gate's criteria).
    Both,
    /// The business side (the retention-KPI review).
    Business,
}

/// What passes between the roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Artifact {
    /// Matured-label performance report.
    MonitoringReport,
    /// The alert that pages the team.
    Alert,
    /// The incident ticket with the diagnosis.
    IncidentTicket,
    /// The exact data a model is trained on.
    TrainingDataSnapshot,
    /// A registered model version.
    ModelVersion,
    /// The validation gate's report.
    ValidationReport,
    /// A deployment, canary, promotion or rollback record.
    DeploymentRecord,
}

/// What the triage concludes from the drift report and the errors by segment
/// (`triage::diagnose`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Diagnosis {
    /// Inputs stable, errors grew inside segments: the relation changed.
    ConceptDrift,
    /// Inputs moved (PSI at warning level or above), each segment scored about as before.
    InputDrift,
    /// Inputs moved and errors grew inside segments.
    ConceptAndInput,
    /// Neither signal is clear.
    Unclear,
}

/// Why a model was rolled back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RollbackReason {
    /// The canary's positive rate moved more than 30 % from the observed churn rate.
    CanaryPositiveRate,
    /// The first matured week of the new model scored below the champion kept warm.
    WorseThanChampion,
    /// An operator forced it (a simulated bad decision).
    Forced,
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum EventKind {
    /// A model went live.
    Deployed {
        /// The model.
        model: ModelId,
        /// Its validation F1.
        validation_f1: f64,
    },
    /// The world changed (no role acts: it happens to the business).
    DriftBegins {
        /// The kind of drift.
        kind: DriftKind,
        /// Its configured strength.
        strength: f64,
    },
    /// A week's labels matured and were joined to its scores.
    LabelsMatured {
        /// The cohort.
        week: u32,
        /// The model that scored it.
        model: ModelId,
        /// Its F1 on the matured labels.
        f1: f64,
        /// What CBPE had estimated without labels.
        cbpe_f1: f64,
    },
    /// The alert rule fired: matured F1 below the threshold or dropped too far.
    AlertFired {
        /// The cohort.
        week: u32,
        /// Matured F1.
        f1: f64,
        /// The F1 threshold.
        threshold: f64,
        /// The serving model's validation F1 (the drop is measured from it).
        reference_f1: f64,
    },
    /// The alert was acknowledged and dismissed (bad decision).
    AlertIgnored,
    /// Same-day triage: data checks and the drift report.
    Triage {
        /// The conclusion.
        diagnosis: Diagnosis,
        /// Largest input PSI this week.
        max_input_psi: f64,
        /// Share of drifted input columns.
        drifted_share: f64,
        /// PSI of the score distribution.
        score_psi: f64,
        /// The segment whose F1 fell most against the validation weeks, if the serving
        /// model has validation weeks to compare with (the champion).
        worst: Option<SegmentFall>,
    },
    /// Someone read the weekly dashboard and saw the drop.
    DashboardReviewed {
        /// The cohort.
        week: u32,
        /// Matured F1.
        f1: f64,
    },
    /// The monthly retention-KPI review.
    BusinessReview {
        /// Churn rate before deployment.
        churn_before: f64,
        /// Mean churn rate of the recent matured weeks.
        churn_recent: f64,
        /// Whether the review saw a rise (more than 10 %).
        noticed: bool,
    },
    /// A ticket was opened (manual policies).
    TicketOpened,
    /// A training data snapshot was taken.
    SnapshotTaken {
        /// Which data.
        data: TrainingData,
    },
    /// A challenger was trained and registered.
    ChallengerTrained {
        /// The new model.
        model: ModelId,
        /// Its F1 on the rows its threshold was tuned on (not the gate's holdout).
        tuning_f1: f64,
    },
    /// The validation gate ran.
    GateEvaluated {
        /// The challenger.
        model: ModelId,
        /// Measurements and verdicts.
        report: GateReport,
        /// False when the gate was skipped (its verdict was ignored).
        enforced: bool,
    },
    /// Shadow on 100 % plus canary on 10 % of the current list.
    CanaryStarted {
        /// The challenger.
        model: ModelId,
        /// Champion's positive rate on the current list.
        champion_rate: f64,
        /// Challenger's positive rate on the current list.
        challenger_rate: f64,
        /// Churn rate of the latest matured week.
        observed_churn: f64,
        /// Whether the positive rate stayed within 30 % of the observed churn.
        passed: bool,
        /// How long it runs, from the day's traffic.
        plan: CanaryPlan,
    },
    /// The challenger replaced the champion for everyone.
    Promoted {
        /// The new model.
        model: ModelId,
        /// The model it replaced (kept warm for rollback).
        replaced: ModelId,
    },
    /// A model was replaced by the previous one.
    RolledBack {
        /// The model now serving.
        to: ModelId,
        /// The model withdrawn.
        from: ModelId,
        /// Why.
        reason: RollbackReason,
    },
}

impl EventKind {
    /// A small stable number per variant (used by the run's digest).
    pub fn code(&self) -> u8 {
        match self {
            EventKind::Deployed { .. } => 0,
            EventKind::DriftBegins { .. } => 1,
            EventKind::LabelsMatured { .. } => 2,
            EventKind::AlertFired { .. } => 3,
            EventKind::AlertIgnored => 4,
            EventKind::Triage { .. } => 5,
            EventKind::DashboardReviewed { .. } => 6,
            EventKind::BusinessReview { .. } => 7,
            EventKind::TicketOpened => 8,
            EventKind::SnapshotTaken { .. } => 9,
            EventKind::ChallengerTrained { .. } => 10,
            EventKind::GateEvaluated { .. } => 11,
            EventKind::CanaryStarted { .. } => 12,
            EventKind::Promoted { .. } => 13,
            EventKind::RolledBack { .. } => 14,
        }
    }
}

/// One entry of a policy's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Day since the first deployment.
    pub day: u32,
    /// The policy it belongs to.
    pub policy: PolicyKind,
    /// Who acts (none for changes in the world).
    pub role: Option<Role>,
    /// What passes between the roles.
    pub artifact: Option<Artifact>,
    /// What happened, with its numbers.
    pub kind: EventKind,
}
