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
