//! The shared lifecycle: eight stages from framing the business problem to retraining in
//! production, the artifacts handed over at each, and Google's MLOps maturity levels
//! (0 manual, 1 automated training, 2 automated CI/CD), with the stages each level
//! automates; and the overlap areas and rituals. Each part names the glossary terms its
//! text uses. Locale keys: `lifecycle.stage.<id>.{name,short,goal,dev,ops,skip}`.

/// How far a stage runs without a person driving it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Automation {
    /// People do it by hand.
    Manual,
    /// Partly automated (at level 1, new models roll out through a pipeline that was itself
    /// deployed by hand).
    Partial,
    /// A pipeline runs it; people design and review.
    Full,
}

impl Automation {
    /// A stable id for CSS classes and locale keys.
    pub fn id(self) -> &'static str {
        match self {
            Automation::Manual => "manual",
            Automation::Partial => "partial",
            Automation::Full => "full",
        }
    }
}

use crate::sim::ops::IncidentKind;
use Automation::{Full as F, Manual as M, Partial as P};

/// One stage of the cycle.
#[derive(Clone, Copy, Debug)]
pub struct Stage {
    /// The id in the locale keys.
    pub id: &'static str,
    /// Glossary term ids of the artifacts handed over at this stage.
    pub artifacts: &'static [&'static str],
    /// Glossary term ids of the other terms the stage's text uses.
    pub terms: &'static [&'static str],
    /// How automated the stage is at maturity levels 0, 1 and 2.
    pub automation: [Automation; 3],
    /// Whether the stage links into the churn scenario.
    pub scenario_link: bool,
    /// The production incidents that put this stage's work to the test in the lab.
    pub incidents: &'static [IncidentKind],
}

/// The stages, in order; after the last one the cycle returns to the data stage.
pub const STAGES: [Stage; 8] = [
    Stage {
        id: "frame",
        artifacts: &["problem_statement", "sla_slo"],
        terms: &["baseline", "latency", "business_kpi"],
        automation: [M, M, M],
        scenario_link: false,
        incidents: &[],
    },
    Stage {
        id: "data",
        artifacts: &["data_contract"],
        terms: &["data_leakage", "pipeline"],
        automation: [M, F, F],
        scenario_link: false,
        incidents: &[IncidentKind::LatePipeline],
    },
    Stage {
        id: "features",
        artifacts: &["feature", "feature_store"],
        terms: &["training_serving_skew"],
        automation: [M, F, F],
        scenario_link: false,
        incidents: &[IncidentKind::UnitChange],
    },
    Stage {
        id: "train",
        artifacts: &["experiment_tracking"],
        terms: &["hyperparameters", "lineage"],
        automation: [M, F, F],
        scenario_link: false,
        incidents: &[],
    },
    Stage {
        id: "evaluate",
        artifacts: &["model_card", "validation_gate"],
        terms: &["shap", "latency"],
        automation: [M, F, F],
        scenario_link: false,
        incidents: &[],
    },
    Stage {
        id: "deploy",
        artifacts: &["model_package", "inference_api", "sla_slo"],
        terms: &["container", "shadow", "canary", "autoscaling", "rollback"],
        automation: [M, P, F],
        scenario_link: false,
        incidents: &[
            IncidentKind::SlowRelease,
            IncidentKind::TrafficPeak,
            IncidentKind::LostReplica,
        ],
    },
    Stage {
        id: "monitor",
        artifacts: &["monitoring_dashboard", "data_drift"],
        terms: &["concept_drift", "label_delay", "cbpe", "on_call", "f1"],
        automation: [M, F, F],
        scenario_link: true,
        incidents: &[IncidentKind::UnitChange, IncidentKind::TrafficPeak],
    },
    Stage {
        id: "retrain",
        artifacts: &["retraining_trigger", "champion_challenger"],
        terms: &["retraining", "canary", "rollback", "validation_gate"],
        automation: [M, F, F],
        scenario_link: true,
        incidents: &[],
    },
];

/// The maturity levels.
pub const LEVELS: [u8; 3] = [0, 1, 2];

/// The glossary terms the maturity levels' texts use.
pub const MATURITY_TERMS: [&str; 6] = [
    "maturity_level",
    "pipeline",
    "retraining_trigger",
    "feature_store",
    "ci_cd",
    "validation_gate",
];

/// The areas where the roles overlap, one card each (`lifecycle.overlap.<n>.{title,body}`,
/// numbered from 1): the glossary terms each card uses.
pub const OVERLAPS: [&[&str]; 5] = [
    &["data_contract", "feature", "training_serving_skew"],
    &["inference_api", "sla_slo", "latency"],
    &["monitoring_dashboard", "data_drift", "on_call"],
    &["champion_challenger", "canary", "rollback"],
    &["retraining_trigger", "retraining"],
];

/// The rituals that keep the agreements alive, one card each
/// (`lifecycle.ritual.<n>.{title,body}`, numbered from 1): the glossary terms each uses.
pub const RITUALS: [&[&str]; 4] = [
    &["problem_statement", "sla_slo"],
    &["model_card", "validation_gate"],
    &["on_call", "blameless_review"],
    &["business_kpi", "monitoring_dashboard"],
];

/// How automated `stage` is at maturity `level` (levels above 2 read as 2).
pub fn automation(stage: &Stage, level: u8) -> Automation {
    stage.automation[usize::from(level.min(2))]
}

/// Whether `stage` runs fully automatically at maturity `level`.
pub fn is_automated(stage: &Stage, level: u8) -> bool {
    automation(stage, level) == Automation::Full
}

/// How many stages run automatically at `level`.
pub fn automated_count(level: u8) -> usize {
    STAGES.iter().filter(|s| is_automated(s, level)).count()
}

/// The index of the stage after `index`, wrapping round the cycle (or before it, when
/// `forward` is false).
pub fn step(index: usize, forward: bool) -> usize {
    let n = STAGES.len();
    if forward {
        (index + 1) % n
    } else {
        (index + n - 1) % n
    }
}

/// The angle of stage `i` on the cycle diagram, in radians: the first at the top, going
/// clockwise (SVG's y axis points down).
fn stage_angle(i: usize) -> f64 {
    std::f64::consts::TAU * i as f64 / STAGES.len() as f64 - std::f64::consts::FRAC_PI_2
}

/// The point at `angle` on the circle of `radius` around (`cx`, `cy`).
fn on_circle(cx: f64, cy: f64, radius: f64, angle: f64) -> (f64, f64) {
    let (sin, cos) = angle.sin_cos();
    (cx + radius * cos, cy + radius * sin)
}

/// Where the stages sit on the cycle diagram: centres on a circle of `radius` around
/// (`cx`, `cy`), the first at the top, going clockwise. Pure geometry for the view.
pub fn node_positions(cx: f64, cy: f64, radius: f64) -> Vec<(f64, f64)> {
    (0..STAGES.len())
        .map(|i| on_circle(cx, cy, radius, stage_angle(i)))
        .collect()
}

/// Where the label of stage `i` goes: outside the ring on the same ray as the node, at
/// `radius` from the centre, with the SVG `text-anchor` that keeps it clear of the ring
/// (`start` on the right half, `end` on the left, `middle` at the top and the bottom).
pub fn label_position(cx: f64, cy: f64, radius: f64, i: usize) -> (f64, f64, &'static str) {
    let (sin, cos) = stage_angle(i).sin_cos();
    let anchor = if cos > 0.3 {
        "start"
    } else if cos < -0.3 {
        "end"
    } else {
        "middle"
    };
    // Text hangs from its baseline: nudge it down by about a third of a line so it sits
    // centred on the ray, and a little more below the bottom node.
    let y = cy + radius * sin + 5.0 + if sin > 0.9 { 8.0 } else { 0.0 };
    (cx + radius * cos, y, anchor)
}

/// The SVG path of the arrow arc from stage `i` to the next one, on the same circle,
/// leaving a gap of `gap` radians around each node.
pub fn arc_path(cx: f64, cy: f64, radius: f64, i: usize, gap: f64) -> String {
    let (x1, y1) = on_circle(cx, cy, radius, stage_angle(i) + gap);
    let (x2, y2) = on_circle(cx, cy, radius, stage_angle(i + 1) - gap);
    let f = |v: f64| format!("{v:.1}");
    format!(
        "M{} {} A{} {} 0 0 1 {} {}",
        f(x1),
        f(y1),
        f(radius),
        f(radius),
        f(x2),
        f(y2)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maturity_automates_more_stages_at_each_level_and_never_the_framing() {
        assert_eq!(automated_count(0), 0);
        assert!(automated_count(1) > 0);
        assert!(automated_count(2) > automated_count(1));
        assert!(!is_automated(&STAGES[0], 2));
        let deploy = STAGES.iter().find(|s| s.id == "deploy").unwrap();
        assert!(!is_automated(deploy, 1) && is_automated(deploy, 2));
    }

    #[test]
    fn every_production_incident_is_reached_from_a_stage_whose_work_it_tests() {
        for kind in IncidentKind::ALL {
            assert!(
                STAGES.iter().any(|s| s.incidents.contains(&kind)),
                "{kind:?}"
            );
        }
        // A release is the deployment stage's; skew the features'.
        let stage = |id: &str| STAGES.iter().find(|s| s.id == id).unwrap();
        assert!(
            stage("deploy")
                .incidents
                .contains(&IncidentKind::SlowRelease)
        );
        assert!(
            stage("features")
                .incidents
                .contains(&IncidentKind::UnitChange)
        );
    }

    #[test]
    fn stepping_wraps_round_the_cycle_both_ways() {
        assert_eq!(step(7, true), 0);
        assert_eq!(step(0, false), 7);
        assert_eq!(step(3, true), 4);
    }

    #[test]
    fn the_first_node_is_at_the_top_and_all_lie_on_the_circle() {
        let nodes = node_positions(200.0, 200.0, 100.0);
        assert_eq!(nodes.len(), 8);
        assert!((nodes[0].0 - 200.0).abs() < 1e-9 && (nodes[0].1 - 100.0).abs() < 1e-9);
        for (x, y) in nodes {
            let r = ((x - 200.0).powi(2) + (y - 200.0).powi(2)).sqrt();
            assert!((r - 100.0).abs() < 1e-9);
        }
        assert!(arc_path(200.0, 200.0, 100.0, 0, 0.1).starts_with('M'));
    }

    #[test]
    fn labels_sit_outside_the_ring_and_lean_away_from_it() {
        let (x, y, anchor) = label_position(300.0, 200.0, 100.0, 0);
        assert_eq!(anchor, "middle");
        assert!((x - 300.0).abs() < 1e-9 && y < 200.0);
        assert_eq!(label_position(300.0, 200.0, 100.0, 2).2, "start");
        assert_eq!(label_position(300.0, 200.0, 100.0, 6).2, "end");
        assert!(label_position(300.0, 200.0, 100.0, 4).1 > 300.0);
    }

    #[test]
    fn there_is_one_card_of_terms_for_each_overlap_area_and_ritual_in_the_text() {
        use crate::i18n::{Lang, catalog};
        for (prefix, count) in [("overlap", OVERLAPS.len()), ("ritual", RITUALS.len())] {
            for lang in Lang::ALL {
                let has = |n: usize| {
                    catalog(lang)
                        .get(&format!("lifecycle.{prefix}.{n}.title"))
                        .is_some()
                };
                assert!((1..=count).all(has), "{prefix}");
                assert!(!has(count + 1), "{prefix}: a card without terms");
            }
        }
    }

    #[test]
    fn monitoring_and_retraining_link_to_the_scenario() {
        let linked: Vec<_> = STAGES
            .iter()
            .filter(|s| s.scenario_link)
            .map(|s| s.id)
            .collect();
        assert_eq!(linked, ["monitor", "retrain"]);
    }
}
