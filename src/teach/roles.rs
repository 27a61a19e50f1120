//! The sorting exercise of the Roles section: real tasks and the role that owns each one.
//! The locale keys are `roles.task.<id>` (the task) and `roles.task.<id>.why` (why it
//! belongs where it does).

use super::Owner;

/// One task to sort.
#[derive(Clone, Copy, Debug)]
pub struct Task {
    /// The id in the locale keys.
    pub id: &'static str,
    /// The role that owns it.
    pub owner: Owner,
}

/// The tasks, in the order shown. Mixed on purpose, so the answer is never the position.
pub const TASKS: [Task; 12] = [
    Task {
        id: "auc",
        owner: Owner::Dev,
    },
    Task {
        id: "dockerfile",
        owner: Owner::Ops,
    },
    Task {
        id: "latency_alert",
        owner: Owner::Ops,
    },
    Task {
        id: "features",
        owner: Owner::Dev,
    },
    Task {
        id: "feature_store",
        owner: Owner::Ops,
    },
    Task {
        id: "drift_threshold",
        owner: Owner::Both,
    },
    Task {
        id: "metric",
        owner: Owner::Dev,
    },
    Task {
        id: "autoscaling",
        owner: Owner::Ops,
    },
    Task {
        id: "api_contract",
        owner: Owner::Both,
    },
    Task {
        id: "ci_pipeline",
        owner: Owner::Ops,
    },
    Task {
        id: "error_analysis",
        owner: Owner::Dev,
    },
    Task {
        id: "release_review",
        owner: Owner::Both,
    },
];

/// The aspects of the article's comparison table, in its order: `roles.aspect.<id>`,
/// `roles.aspect.<id>.dev`, `roles.aspect.<id>.ops`.
pub const ASPECTS: [&str; 4] = ["focus", "skills", "questions", "sla"];

/// The glossary terms the comparison table uses (its cells are plain text, so the terms are
/// linked under it).
pub const TABLE_TERMS: [&str; 7] = [
    "roc_auc",
    "latency",
    "sla_slo",
    "scalability",
    "docker",
    "kubernetes",
    "orchestration",
];

/// The glossary terms of "why one data scientist is not enough".
pub const SOLO_TERMS: [&str; 3] = ["sre", "on_call", "latency"];

/// The glossary terms the tasks of the exercise use, in the order of the tasks.
pub const TASK_TERMS: [&str; 13] = [
    "roc_auc",
    "hyperparameters",
    "docker",
    "latency",
    "feature",
    "feature_store",
    "data_drift",
    "psi",
    "threshold",
    "autoscaling",
    "inference_api",
    "ci_cd",
    "champion_challenger",
];

/// How many of `answers` (one per task, in `TASKS` order) are right.
pub fn score(answers: &[Option<Owner>]) -> usize {
    TASKS
        .iter()
        .zip(answers)
        .filter(|(task, answer)| **answer == Some(task.owner))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_owner_has_tasks_and_ids_are_unique() {
        for owner in Owner::ALL {
            assert!(TASKS.iter().filter(|t| t.owner == owner).count() >= 3);
        }
        let mut ids: Vec<_> = TASKS.iter().map(|t| t.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TASKS.len());
    }

    #[test]
    fn the_score_counts_only_right_answers() {
        let mut answers: Vec<Option<Owner>> = TASKS.iter().map(|t| Some(t.owner)).collect();
        assert_eq!(score(&answers), 12);
        answers[0] = Some(Owner::Ops);
        answers[1] = None;
        assert_eq!(score(&answers), 10);
        assert_eq!(score(&[]), 0);
    }

    #[test]
    fn owners_round_trip_through_their_index() {
        for owner in Owner::ALL {
            assert_eq!(Owner::from_index(owner.index()), Some(owner));
        }
        assert_eq!(Owner::from_index(3), None);
    }
}
