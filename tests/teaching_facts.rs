//! Facts the app teaches, held to their source where a test can hold them: the thresholds
//! the text names are the ones the simulation uses, and tools are described as their
//! current versions work.

use mlops_lab::i18n::{Lang, tr};
use mlops_lab::sim::drift::{PSI_ALERT, PSI_WARN};

#[test]
fn the_roles_drift_threshold_is_the_one_the_lab_uses() {
    for lang in Lang::ALL {
        let task = tr(lang, "roles.task.drift_threshold");
        for threshold in [PSI_ALERT, PSI_WARN] {
            assert!(task.contains(&format!("{threshold}")), "{lang:?}: {task}");
        }
    }
}

#[test]
fn the_mlflow_registry_is_described_by_aliases_not_its_deprecated_stages() {
    for lang in Lang::ALL {
        let what = tr(lang, "tools.tool.mlflow_registry.what");
        assert!(
            what.contains("aliases") && what.contains("2.9"),
            "{lang:?}: {what}"
        );
    }
    for key in ["tools.tool.mlflow_registry.ops", "tools.cat.registry.ops"] {
        let ops = tr(Lang::En, key);
        assert!(ops.contains("aliases") && !ops.contains("stage"), "{ops}");
    }
}

#[test]
fn the_cbpe_entry_states_its_assumption() {
    for lang in Lang::ALL {
        let def = tr(lang, "term.cbpe.def");
        assert!(def.contains("concept drift"), "{lang:?}: {def}");
    }
}

#[test]
fn the_articles_industry_figures_are_shown_as_its_claims_with_their_sources() {
    use mlops_lab::content::{MODELS_SURVIVING_PERCENT, MODELS_SURVIVING_WITH_BOTH_ROLES_PERCENT};
    for lang in Lang::ALL {
        let source = tr(lang, "home.stats.source");
        for name in ["VentureBeat", "2019", "Gartner", "53-54%"] {
            assert!(source.contains(name), "{lang:?}: {source}");
        }
        let promise = tr(lang, "home.promise.title");
        assert!(
            promise.contains(&format!("{MODELS_SURVIVING_WITH_BOTH_ROLES_PERCENT}%")),
            "{lang:?}: {promise}"
        );
    }
    assert_eq!(
        (
            MODELS_SURVIVING_PERCENT,
            MODELS_SURVIVING_WITH_BOTH_ROLES_PERCENT
        ),
        (10, 90)
    );
}

/// "Level 0" in `lang`, as the Lifecycle section names level `n` (the part before its colon).
fn level(lang: Lang, n: usize) -> &'static str {
    let name = tr(lang, &format!("lifecycle.level.{n}.name"));
    name.split(':').next().unwrap_or(name)
}

#[test]
fn the_scenarios_policies_carry_the_maturity_levels_the_lifecycle_defines() {
    for lang in Lang::ALL {
        // A manual retrain, watched or not, is still level 0; the automated trigger, retrain,
        // gate and deploy is level 1. Level 2 (CI/CD of the pipeline's own code) is not
        // simulated, so no scenario string claims it.
        for (policy, n) in [("no-loop", 0), ("manual", 0), ("loop", 1)] {
            let label = tr(lang, &format!("scenario.policy.{policy}"));
            assert!(label.starts_with(level(lang, n)), "{lang:?}: {label}");
        }
        let catalog = mlops_lab::i18n::store::catalog(lang);
        for key in catalog.keys().filter(|k| k.starts_with("scenario.")) {
            let text = catalog.get(key).unwrap_or_default().to_lowercase();
            let claim = level(lang, 2).to_lowercase();
            assert!(!text.contains(&claim), "{lang:?} {key}: {text}");
        }
    }
}

#[test]
fn the_labs_more_churn_world_is_not_called_a_label_shift() {
    // The world raises every customer's churn odds alike (a change in P(churn | inputs));
    // the glossary says so, and the lab's option does not call it prior drift.
    for lang in Lang::ALL {
        let option = tr(lang, "scenario.drift.prior").to_lowercase();
        assert!(!option.contains("prior drift"), "{lang:?}: {option}");
        let def = tr(lang, "term.prior_drift.def");
        assert!(def.contains("concept drift"), "{lang:?}: {def}");
    }
}

#[test]
fn hebrew_strings_avoid_the_calques_and_the_overstated_rule() {
    // Word-for-word renderings of English phrases, and "drift in all the data" for a rule
    // of half the columns or more.
    let rejected = ["זרע אקראי", "ימים פגועים", "מגלגלים", "בכל הנתונים"];
    let catalog = mlops_lab::i18n::store::catalog(Lang::He);
    for key in catalog.keys() {
        let text = catalog.get(key).unwrap_or_default();
        for phrase in rejected {
            assert!(!text.contains(phrase), "{key}: {text}");
        }
    }
    let rule = tr(Lang::He, "scenario.monitor.dataset_drift");
    assert!(rule.contains("מחצית"), "{rule}");
}
