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
