//! Who does what in each production incident at the automated level (the lab's swimlane),
//! with the tool of the tool map that takes each step and the artifact that passes between
//! the roles; and, the other way round, the incident in which a Roles task or a tool acts,
//! for the links from those sections into the lab. Locale keys:
//! `scenario.ops.step.<incident>.<n>` for each step's text.

use crate::sim::ops::IncidentKind;
use crate::sim::{Artifact, Role};

/// When in the incident a step happens, as the run times it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// When it begins.
    Start,
    /// When a canary's check ends (a release's `CANARY_MINUTES` after it starts).
    CanaryDone,
    /// When a monitor notices it.
    Detected,
    /// When it is over.
    Recovered,
}

/// One step of a response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Who takes it.
    pub role: Role,
    /// The tool map's tool that takes it (`teach::tools`).
    pub tool: &'static str,
    /// What passes to the other role, if anything.
    pub artifact: Option<Artifact>,
    /// When it happens.
    pub at: Moment,
}

const fn step(role: Role, tool: &'static str, artifact: Option<Artifact>, at: Moment) -> Step {
    Step {
        role,
        tool,
        artifact,
        at,
    }
}

use Moment::{CanaryDone, Detected, Recovered, Start};
use Role::{MlDeveloper as Dev, MlopsEngineer as Ops};

const PEAK: [Step; 4] = [
    step(Ops, "kserve", None, Start),
    step(Ops, "grafana", Some(Artifact::Alert), Detected),
    step(Ops, "grafana", Some(Artifact::MonitoringReport), Recovered),
    step(Dev, "mlflow", None, Recovered),
];

const SLOW_RELEASE: [Step; 4] = [
    step(Dev, "mlflow_registry", Some(Artifact::ModelVersion), Start),
    step(Ops, "kserve", Some(Artifact::DeploymentRecord), Start),
    step(Ops, "kserve", Some(Artifact::DeploymentRecord), Detected),
    step(Dev, "jupyter", Some(Artifact::IncidentTicket), Recovered),
];

/// A slower release the canary let through, caught under the full load.
const SLOW_RELEASE_MISSED: [Step; 6] = [
    step(Dev, "mlflow_registry", Some(Artifact::ModelVersion), Start),
    step(Ops, "kserve", Some(Artifact::DeploymentRecord), Start),
    step(Ops, "kserve", Some(Artifact::DeploymentRecord), CanaryDone),
    step(Ops, "grafana", Some(Artifact::Alert), Detected),
    step(Ops, "kserve", Some(Artifact::DeploymentRecord), Recovered),
    step(Dev, "jupyter", Some(Artifact::IncidentTicket), Recovered),
];

/// A slower release the canary let through and the full load bears.
const SLOW_RELEASE_KEPT: [Step; 4] = [
    step(Dev, "mlflow_registry", Some(Artifact::ModelVersion), Start),
    step(Ops, "kserve", Some(Artifact::DeploymentRecord), Start),
    step(Ops, "kserve", Some(Artifact::DeploymentRecord), CanaryDone),
    step(Ops, "grafana", Some(Artifact::MonitoringReport), CanaryDone),
];

const UNIT_CHANGE: [Step; 4] = [
    // The change itself happens upstream; the first step is the batch that reads it.
    step(Ops, "airflow", None, Detected),
    step(Ops, "evidently", Some(Artifact::Alert), Detected),
    step(Ops, "feast", Some(Artifact::IncidentTicket), Detected),
    step(Dev, "pandas", Some(Artifact::ValidationReport), Recovered),
];

const LATE_PIPELINE: [Step; 3] = [
    step(Ops, "airflow", None, Start),
    step(Ops, "airflow", Some(Artifact::Alert), Detected),
    step(Ops, "airflow", None, Recovered),
];

const LOST_REPLICA: [Step; 2] = [
    step(Ops, "kubernetes", Some(Artifact::DeploymentRecord), Start),
    step(Ops, "grafana", Some(Artifact::MonitoringReport), Recovered),
];

/// The automated level's response to `kind`, step by step.
pub fn steps(kind: IncidentKind) -> &'static [Step] {
    match kind {
        IncidentKind::TrafficPeak => &PEAK,
        IncidentKind::SlowRelease => &SLOW_RELEASE,
        IncidentKind::UnitChange => &UNIT_CHANGE,
        IncidentKind::LatePipeline => &LATE_PIPELINE,
        IncidentKind::LostReplica => &LOST_REPLICA,
    }
}

/// How the automated level met an incident, as far as its lanes differ: for a slower
/// release, whether the canary caught it, and if not whether the full load showed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Course {
    /// As planned: the canary stops a slower release; any other incident.
    Planned,
    /// The canary let a slower release through and an alert caught it under load.
    Missed,
    /// The canary let a slower release through and nothing broke.
    Kept,
}

/// The automated level's steps for `kind` run as `course`, with the locale key stem of
/// their texts (`scenario.ops.step.<stem>.<n>`).
pub fn response_steps(kind: IncidentKind, course: Course) -> (&'static [Step], &'static str) {
    match (kind, course) {
        (IncidentKind::SlowRelease, Course::Missed) => {
            (&SLOW_RELEASE_MISSED, "slow-release-missed")
        }
        (IncidentKind::SlowRelease, Course::Kept) => (&SLOW_RELEASE_KEPT, "slow-release-kept"),
        _ => (steps(kind), kind.slug()),
    }
}

/// The incidents in which `tool` takes a step, however they run.
pub fn incidents_of_tool(tool: &str) -> Vec<IncidentKind> {
    IncidentKind::ALL
        .into_iter()
        .filter(|&k| {
            [Course::Planned, Course::Missed, Course::Kept]
                .into_iter()
                .any(|c| response_steps(k, c).0.iter().any(|s| s.tool == tool))
        })
        .collect()
}

/// The incident in which a Roles task (`teach::roles::TASKS`) is at work.
pub fn incident_of_task(task: &str) -> Option<IncidentKind> {
    match task {
        "latency_alert" | "autoscaling" => Some(IncidentKind::TrafficPeak),
        "release_review" => Some(IncidentKind::SlowRelease),
        "feature_store" | "api_contract" | "drift_threshold" => Some(IncidentKind::UnitChange),
        "ci_pipeline" => Some(IncidentKind::LatePipeline),
        "dockerfile" => Some(IncidentKind::LostReplica),
        _ => None,
    }
}

/// The locale key of an incident's name, in the core strings (every section may name it).
pub fn name_key(kind: IncidentKind) -> String {
    format!("incident.{}.name", kind.slug())
}

/// The lab's query that runs `kind` alone, on its first day.
pub fn lab_query(kind: IncidentKind) -> String {
    format!("mode=lab&incidents={}:{}", kind.slug(), kind.default_day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teach::roles::TASKS;
    use crate::teach::tools::CATEGORIES;

    #[test]
    fn every_step_names_a_tool_of_the_tool_map() {
        let tools: Vec<&str> = CATEGORIES
            .iter()
            .flat_map(|c| c.tools.iter().copied())
            .collect();
        for kind in IncidentKind::ALL {
            assert!(!steps(kind).is_empty());
            assert!(
                steps(kind)
                    .iter()
                    .any(|s| s.at == Moment::Detected || kind == IncidentKind::LostReplica)
            );
            for course in [Course::Planned, Course::Missed, Course::Kept] {
                let (steps, stem) = response_steps(kind, course);
                for (n, s) in steps.iter().enumerate() {
                    assert!(tools.contains(&s.tool), "{kind:?}: {}", s.tool);
                    // Each step has its text in every language.
                    for lang in crate::i18n::Lang::ALL {
                        let key = format!("scenario.ops.step.{stem}.{n}");
                        assert!(crate::i18n::store::lookup(lang, &key).is_some(), "{key}");
                    }
                }
            }
        }
        // A canary that lets a slower release through changes its lanes.
        assert_ne!(
            response_steps(IncidentKind::SlowRelease, Course::Missed).1,
            response_steps(IncidentKind::SlowRelease, Course::Planned).1
        );
    }

    #[test]
    fn the_linked_tasks_are_tasks_of_the_roles_exercise() {
        let tasks: Vec<&str> = TASKS.iter().map(|t| t.id).collect();
        for task in [
            "latency_alert",
            "autoscaling",
            "release_review",
            "feature_store",
            "api_contract",
            "drift_threshold",
            "ci_pipeline",
            "dockerfile",
        ] {
            assert!(tasks.contains(&task), "{task}");
            assert!(incident_of_task(task).is_some());
        }
        // Every incident is reached from some task, and some tool.
        for kind in IncidentKind::ALL {
            assert!(
                tasks.iter().any(|t| incident_of_task(t) == Some(kind)),
                "{kind:?}"
            );
            assert!(
                CATEGORIES
                    .iter()
                    .flat_map(|c| c.tools.iter())
                    .any(|t| incidents_of_tool(t).contains(&kind))
            );
        }
    }

    #[test]
    fn a_lab_query_reads_back_as_that_incident_alone() {
        for kind in IncidentKind::ALL {
            let (state, problems) = crate::scenario::url::parse(&lab_query(kind));
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(
                state.config.incidents.on().collect::<Vec<_>>(),
                [(kind, kind.default_day())]
            );
        }
    }
}
