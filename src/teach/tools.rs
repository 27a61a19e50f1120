//! The article's tool map: six categories, each with example tools, how involved each role
//! is (the article's primary/support marks) and the pipeline stages it serves; and the
//! lineage of one model through the tools. Locale keys: `tools.cat.<id>`,
//! `tools.cat.<id>.dev`, `tools.cat.<id>.ops` (the category's marks, as in the article),
//! `tools.tool.<id>.{what,artifact,dev,ops}` (each tool, and how each role uses that tool
//! in particular), `tools.stage.<id>`, `tools.lineage.<id>.{title,body}`.

/// How much a role works with a category of tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Owns and drives it day to day.
    Primary,
    /// Works with it in a narrower way (setup, basic packaging, reading reports, uploads).
    Support,
    /// Does not work with it.
    None,
}

impl Mark {
    /// A stable id for CSS classes and locale keys.
    pub fn id(self) -> &'static str {
        match self {
            Mark::Primary => "primary",
            Mark::Support => "support",
            Mark::None => "none",
        }
    }
}

/// The article's pipeline stages used by the tool table and its filter.
pub const PIPELINE_STAGES: [&str; 4] = ["data", "train", "deploy", "monitor"];

/// One row of the article's table.
#[derive(Clone, Copy, Debug)]
pub struct Category {
    /// The id in the locale keys.
    pub id: &'static str,
    /// Tool ids, as in the article's "example tools" column.
    pub tools: &'static [&'static str],
    /// The ML Developer's mark.
    pub dev: Mark,
    /// The MLOps Engineer's mark.
    pub ops: Mark,
    /// The pipeline stages it serves (all four for the registry: "all stages").
    pub stages: &'static [&'static str],
    /// The glossary term of the category, if it has one.
    pub term: Option<&'static str>,
}

/// The article's table, row by row. The CI/CD row has an empty cell in the saved copy; it
/// reads as MLOps primary with no ML Developer mark.
pub const CATEGORIES: [Category; 6] = [
    Category {
        id: "dev",
        tools: &["jupyter", "pytorch", "mlflow"],
        dev: Mark::Primary,
        ops: Mark::Support,
        stages: &["train"],
        term: Some("experiment_tracking"),
    },
    Category {
        id: "features",
        tools: &["pandas", "feast"],
        dev: Mark::Primary,
        ops: Mark::Primary,
        stages: &["data"],
        term: Some("feature_store"),
    },
    Category {
        id: "cicd",
        tools: &["github_actions", "airflow"],
        dev: Mark::None,
        ops: Mark::Primary,
        stages: &["train", "deploy"],
        term: Some("ci_cd"),
    },
    Category {
        id: "deploy",
        tools: &["docker", "kubernetes", "kserve"],
        dev: Mark::Support,
        ops: Mark::Primary,
        stages: &["deploy"],
        term: Some("container"),
    },
    Category {
        id: "monitoring",
        tools: &["grafana", "evidently"],
        dev: Mark::Support,
        ops: Mark::Primary,
        stages: &["monitor"],
        term: Some("monitoring_dashboard"),
    },
    Category {
        id: "registry",
        tools: &["mlflow_registry", "harbor"],
        dev: Mark::Support,
        ops: Mark::Primary,
        stages: &["data", "train", "deploy", "monitor"],
        term: Some("model_registry"),
    },
];

/// The glossary terms the map's marks use, category by category.
pub const MAP_TERMS: [&str; 11] = [
    "experiment_tracking",
    "feature_store",
    "ci_cd",
    "container",
    "orchestration",
    "autoscaling",
    "rollback",
    "monitoring_dashboard",
    "data_drift",
    "model_registry",
    "lineage",
];

/// The glossary terms of the lineage's introduction.
pub const LINEAGE_TERMS: [&str; 2] = ["lineage", "artifact"];

/// Tools the article calls a natural bridge between the roles.
pub const BRIDGE_TOOLS: [&str; 3] = ["mlflow", "feast", "mlflow_registry"];

/// The product name of a tool: a proper name, the same in every language.
pub fn tool_name(id: &str) -> &'static str {
    match id {
        "jupyter" => "Jupyter",
        "pytorch" => "PyTorch",
        "mlflow" => "MLflow",
        "pandas" => "Pandas",
        "feast" => "Feast",
        "github_actions" => "GitHub Actions",
        "airflow" => "Airflow",
        "docker" => "Docker",
        "kubernetes" => "Kubernetes",
        "kserve" => "KServe",
        "grafana" => "Grafana",
        "evidently" => "Evidently",
        "mlflow_registry" => "MLflow Registry",
        "harbor" => "Harbor",
        _ => "",
    }
}

/// Whether a tool is one of the bridge tools.
pub fn is_bridge(tool: &str) -> bool {
    BRIDGE_TOOLS.contains(&tool)
}

/// A role filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleFilter {
    /// Every category.
    All,
    /// Categories the ML Developer works with.
    Dev,
    /// Categories the MLOps Engineer works with.
    Ops,
}

/// Whether a category passes the filters (`stage` is `None` for every stage).
pub fn matches(category: &Category, role: RoleFilter, stage: Option<&str>) -> bool {
    let role_ok = match role {
        RoleFilter::All => true,
        RoleFilter::Dev => category.dev != Mark::None,
        RoleFilter::Ops => category.ops != Mark::None,
    };
    role_ok && stage.is_none_or(|s| category.stages.contains(&s))
}

/// The category a tool belongs to.
pub fn category_of(tool: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.tools.contains(&tool))
}

/// One step of the lineage: an artifact and the tools that hold or make it.
#[derive(Clone, Copy, Debug)]
pub struct LineageStep {
    /// The id in the locale keys.
    pub id: &'static str,
    /// The tools at this step.
    pub tools: &'static [&'static str],
    /// Glossary term ids of the artifact and the ideas the step's text uses.
    pub terms: &'static [&'static str],
}

/// How one model travels through the tools, from features to a retraining trigger.
pub const LINEAGE: [LineageStep; 7] = [
    LineageStep {
        id: "features",
        tools: &["feast"],
        terms: &["feature", "feature_store"],
    },
    LineageStep {
        id: "run",
        tools: &["mlflow"],
        terms: &["experiment_tracking", "hyperparameters"],
    },
    LineageStep {
        id: "registered",
        tools: &["mlflow_registry"],
        terms: &["model_registry", "lineage"],
    },
    LineageStep {
        id: "image",
        tools: &["docker", "harbor"],
        terms: &["container", "docker"],
    },
    LineageStep {
        id: "serving",
        tools: &["kserve", "kubernetes"],
        terms: &["inference_api", "canary", "kubernetes"],
    },
    LineageStep {
        id: "monitoring",
        tools: &["evidently", "grafana"],
        terms: &["data_drift", "monitoring_dashboard"],
    },
    LineageStep {
        id: "trigger",
        tools: &["airflow", "github_actions"],
        terms: &["retraining_trigger", "orchestration"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_the_articles_with_cicd_read_as_mlops_primary() {
        let cicd = CATEGORIES.iter().find(|c| c.id == "cicd").unwrap();
        assert_eq!((cicd.dev, cicd.ops), (Mark::None, Mark::Primary));
        let features = CATEGORIES.iter().find(|c| c.id == "features").unwrap();
        assert_eq!((features.dev, features.ops), (Mark::Primary, Mark::Primary));
        assert_eq!(
            CATEGORIES.iter().filter(|c| c.ops == Mark::Primary).count(),
            5
        );
    }

    #[test]
    fn every_tool_has_a_name_and_one_category() {
        for category in CATEGORIES {
            for tool in category.tools {
                assert!(!tool_name(tool).is_empty(), "{tool}");
                assert_eq!(category_of(tool).unwrap().id, category.id);
            }
        }
        for step in LINEAGE {
            for tool in step.tools {
                assert!(category_of(tool).is_some(), "{tool}");
            }
        }
    }

    #[test]
    fn filters_keep_what_the_role_and_stage_touch() {
        let count = |r, s| CATEGORIES.iter().filter(|c| matches(c, r, s)).count();
        assert_eq!(count(RoleFilter::All, None), 6);
        assert_eq!(count(RoleFilter::Dev, None), 5);
        assert_eq!(count(RoleFilter::Ops, None), 6);
        assert_eq!(count(RoleFilter::All, Some("monitor")), 2);
        assert_eq!(count(RoleFilter::Dev, Some("deploy")), 2);
    }

    #[test]
    fn every_tool_says_how_each_role_uses_it_in_both_languages() {
        use crate::i18n::{Lang, catalog};
        for lang in Lang::ALL {
            for category in CATEGORIES {
                for tool in category.tools {
                    for part in ["what", "artifact", "dev", "ops"] {
                        let key = format!("tools.tool.{tool}.{part}");
                        assert!(catalog(lang).get(&key).is_some(), "{}: {key}", lang.code());
                    }
                }
            }
        }
    }

    #[test]
    fn a_tool_tells_each_role_something_of_its_own_not_its_categorys_text() {
        use crate::i18n::{Lang, tr};
        for lang in Lang::ALL {
            for category in CATEGORIES {
                for tool in category.tools {
                    for role in ["dev", "ops"] {
                        let own = tr(lang, &format!("tools.tool.{tool}.{role}"));
                        let shared = tr(lang, &format!("tools.cat.{}.{role}", category.id));
                        assert_ne!(own, shared, "{}: {tool}.{role}", lang.code());
                    }
                }
            }
        }
    }

    #[test]
    fn mlflow_and_feast_are_bridges() {
        assert!(is_bridge("mlflow") && is_bridge("feast") && !is_bridge("docker"));
    }
}
