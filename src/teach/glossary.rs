//! The glossary's terms, by id. Each id has `term.<id>.name` (the term as written in that
//! language) and `term.<id>.def` (a short definition) in both locale files; the glossary
//! shows the name in both languages, and the anchor `term-<id>` lets other sections link
//! to an entry.

/// Every term, grouped by theme (the page sorts them alphabetically per language).
pub const TERMS: [&str; 65] = [
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
    "precision",
    "recall",
    "f1",
    "roc_auc",
    "confusion_matrix",
    "threshold",
    "shap",
    // Business and regulation
    "churn",
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
/// the texts, ignoring case. An empty query matches everything.
pub fn matches_query(query: &str, texts: &[&str]) -> bool {
    let haystack = fold_case(&texts.join(" "));
    fold_case(query)
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

/// `text` in lower case for searching and sorting. The app's texts are English and Hebrew
/// (which has no case) with a few Greek symbols, so this folds the capitals of Basic Latin,
/// Latin-1, Greek and Cyrillic, one to one, and leaves every other character as it is.
/// `str::to_lowercase` would do the same for these, and carry the whole Unicode case
/// table (about 12 KB) into the download.
pub fn fold_case(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'Α'..='Ρ' | 'Σ'..='Ϋ' | 'А'..='Я' => {
                char::from_u32(c as u32 + 32).unwrap_or(c)
            }
            'Ѐ'..='Џ' => char::from_u32(c as u32 + 80).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, catalog};
    use crate::teach::{lifecycle, roles, tools};

    #[test]
    fn case_folding_matches_the_standard_library_on_the_letters_it_covers() {
        let ranges = [
            0x20..0x7f,
            0xa0..0x100,
            0x391..0x3ca,
            0x400..0x460,
            0x5d0..0x5eb,
        ];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let text = c.to_string();
            assert_eq!(fold_case(&text), text.to_lowercase(), "{c:?}");
        }
        // A capital sigma always folds to σ; to_lowercase writes ς for one that ends a
        // word. No text of the app has one.
        assert_eq!(fold_case("ΑΣ Σ"), "ασ σ");
        assert_eq!(fold_case("Concept DRIFT, χ² и Ω"), "concept drift, χ² и ω");
        assert_eq!(fold_case("מודל MLflow"), "מודל mlflow");
    }

    #[test]
    fn every_glossary_text_folds_as_the_standard_library_does() {
        for lang in Lang::ALL {
            for id in TERMS {
                for part in ["name", "def"] {
                    let text = catalog(lang)
                        .get(&format!("term.{id}.{part}"))
                        .unwrap_or("");
                    assert_eq!(fold_case(text), text.to_lowercase(), "{id}");
                }
            }
        }
    }

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
        assert!(matches_query("", &["anything"]));
        assert!(matches_query(
            "DATA drift",
            &["Data drift", "the inputs change"]
        ));
        assert!(matches_query("סחף", &["סחף נתונים"]));
        assert!(!matches_query("drift kubernetes", &["Data drift"]));
    }
}
