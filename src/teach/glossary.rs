//! The glossary's terms, by id. Each id has `term.<id>.name` (the term as written in that
//! language) and `term.<id>.def` (a short definition) in both locale files; the glossary
//! shows the name in both languages, and the anchor `term-<id>` lets other sections link
//! to an entry.

/// Every term, grouped by theme (the page sorts them alphabetically per language).
pub const TERMS: [&str; 67] = [
    // Roles and the craft
    "mlops",
    "ml_developer",
    "mlops_engineer",
    "model",
    "pipeline",
    "maturity_level",
    "artifact",
    "lineage",
    "on_call",
    "sre",
    "blameless_review",
    // Agreements handed over
    "problem_statement",
    "baseline",
    "data_contract",
    "feature",
    "feature_store",
    "experiment_tracking",
    "model_registry",
    "model_card",
    "model_package",
    "inference_api",
    "validation_gate",
    "sla_slo",
    "monitoring_dashboard",
    "retraining_trigger",
    // Delivery and infrastructure
    "ci_cd",
    "container",
    "docker",
    "kubernetes",
    "orchestration",
    "canary",
    "shadow",
    "rollback",
    "champion_challenger",
    "latency",
    "scalability",
    "autoscaling",
    // Drift and monitoring
    "data_drift",
    "concept_drift",
    "prior_drift",
    "covariate_shift",
    "label_delay",
    "training_serving_skew",
    "psi",
    "ks_test",
    "js_distance",
    "wasserstein",
    "chi_square",
    "cbpe",
    "retraining",
    // Model quality
    "hyperparameters",
    "data_leakage",
    "holdout",
    "precision",
    "recall",
    "f1",
    "roc_auc",
    "confusion_matrix",
    "threshold",
    "shap",
    // Business and regulation
    "churn",
    "control_group",
    "cohort",
    "seed",
    "arpu",
    "business_kpi",
    "gdpr",
];

/// The anchor id of a term's entry.
pub fn anchor(id: &str) -> String {
    format!("term-{id}")
}

/// Whether `id` is a glossary term.
pub fn is_term(id: &str) -> bool {
    TERMS.contains(&id)
}

/// Whether an entry matches a search query: every word of the query appears in one of
/// the texts, ignoring case as `lowercase` folds it. An empty query matches everything.
pub fn matches_query(query: &str, texts: &[&str], lowercase: impl Fn(&str) -> String) -> bool {
    let haystack = lowercase(&texts.join(" "));
    lowercase(query)
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, catalog};
    use crate::teach::{lifecycle, roles, tools};

    #[test]
    fn term_ids_are_unique() {
        let mut ids = TERMS.to_vec();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TERMS.len());
    }

    #[test]
    fn every_term_has_a_name_and_a_definition_in_both_languages() {
        for lang in Lang::ALL {
            for id in TERMS {
                for part in ["name", "def"] {
                    let key = format!("term.{id}.{part}");
                    assert!(catalog(lang).get(&key).is_some(), "{}: {key}", lang.code());
                }
            }
        }
    }

    #[test]
    fn every_term_the_other_sections_link_to_is_in_the_glossary() {
        let mut linked: Vec<&str> = Vec::new();
        for stage in lifecycle::STAGES {
            linked.extend(stage.artifacts);
            linked.extend(stage.terms);
        }
        linked.extend(lifecycle::MATURITY_TERMS);
        lifecycle::OVERLAPS
            .iter()
            .chain(&lifecycle::RITUALS)
            .for_each(|card| linked.extend(*card));
        linked.extend(roles::TABLE_TERMS);
        linked.extend(roles::SOLO_TERMS);
        linked.extend(roles::TASK_TERMS);
        linked.extend(tools::CATEGORIES.iter().filter_map(|c| c.term));
        linked.extend(tools::MAP_TERMS);
        linked.extend(tools::LINEAGE_TERMS);
        for step in tools::LINEAGE {
            linked.extend(step.terms);
        }
        for term in linked {
            assert!(is_term(term), "{term}");
        }
    }

    /// The comparison table, the tasks, the lineage and the cards of the overlap areas and
    /// rituals name these terms; each must be one click from the section that uses it.
    #[test]
    fn the_terms_a_section_uses_are_linked_from_it() {
        let roles: Vec<&str> = [
            &roles::TABLE_TERMS[..],
            &roles::SOLO_TERMS,
            &roles::TASK_TERMS,
        ]
        .concat();
        for term in [
            "roc_auc",
            "sla_slo",
            "latency",
            "sre",
            "psi",
            "data_drift",
            "feature_store",
        ] {
            assert!(roles.contains(&term), "roles: {term}");
        }
        let mut lifecycle: Vec<&str> = lifecycle::MATURITY_TERMS.to_vec();
        for stage in lifecycle::STAGES {
            lifecycle.extend(stage.artifacts);
            lifecycle.extend(stage.terms);
        }
        lifecycle::OVERLAPS
            .iter()
            .chain(&lifecycle::RITUALS)
            .for_each(|card| lifecycle.extend(*card));
        for term in [
            "maturity_level",
            "training_serving_skew",
            "baseline",
            "data_leakage",
            "shap",
            "blameless_review",
            "autoscaling",
        ] {
            assert!(lifecycle.contains(&term), "lifecycle: {term}");
        }
        assert!(lifecycle::OVERLAPS.iter().all(|card| !card.is_empty()));
        assert!(lifecycle::RITUALS.iter().all(|card| !card.is_empty()));
        assert!(tools::LINEAGE.iter().all(|step| !step.terms.is_empty()));
        assert!(tools::MAP_TERMS.contains(&"lineage") && tools::LINEAGE_TERMS.contains(&"lineage"));
    }

    #[test]
    fn search_matches_every_word_in_any_language_and_case() {
        let lower = str::to_lowercase;
        assert!(matches_query("", &["anything"], lower));
        assert!(matches_query(
            "DATA drift",
            &["Data drift", "the inputs change"],
            lower
        ));
        assert!(matches_query("סחף", &["סחף נתונים"], lower));
        assert!(!matches_query("drift kubernetes", &["Data drift"], lower));
    }
}
