//! The story's words, chosen from the run. Every sentence that states a fact about a run
//! (what changed, which way F1 moved, which monitors fired, the diagnosis, how many days
//! each step took and why, the money) is picked by what the outcome holds and filled with
//! its numbers; nothing assumes the article's default world. `tests/story_truth.rs` checks
//! the sentences against the outcome for every preset and hundreds of random settings.

mod bad;
mod gate;
mod incident;
mod lab;
mod labels;
mod ops;
mod predict;

pub use bad::idle_bad_decisions;
pub use gate::{failed_criteria, gate_criterion};
pub use incident::{diagnosis_slug, segment_name};
pub use lab::{opening_day, run_reading};
pub use labels::{alert_before_drift, labels_reading, largest_gap};
pub use ops::{duration, incident_key, incident_reading, level_sentence, monitor_key, peak_rps};
pub use predict::{
    PREDICTIONS_KEY, prediction_answer, prediction_option_counts, prediction_options,
    prediction_question,
};

use super::scenes::Scene;
use crate::i18n::numbers::{grouped, percent, score};
use crate::i18n::{Lang, tr, tr_args};
use crate::sim::metrics::Confusion;
use crate::sim::{DriftKind, Event, EventKind, GateReport, Outcome, PolicyKind, WeekReport};

/// Which way a figure moved, as the story and the prediction name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Down by more than 0.08.
    FellSharply,
    /// Down by 0.02 to 0.08.
    FellALittle,
    /// Within 0.02.
    Held,
    /// Up by more than 0.02.
    Rose,
}

impl Move {
    /// How `after` compares with `before`.
    pub fn between(before: f64, after: f64) -> Move {
        let change = after - before;
        if change < -0.08 {
            Move::FellSharply
        } else if change < -0.02 {
            Move::FellALittle
        } else if change > 0.02 {
            Move::Rose
        } else {
            Move::Held
        }
    }

    /// Whether it fell at all.
    pub fn fell(self) -> bool {
        matches!(self, Move::FellSharply | Move::FellALittle)
    }

    fn slug(self) -> &'static str {
        match self {
            Move::FellSharply => "sharp",
            Move::FellALittle => "little",
            Move::Held => "same",
            Move::Rose => "up",
        }
    }
}

/// The first cohort the change acts on, and the day its labels mature, when both happen
/// inside the run.
#[derive(Clone, Copy, Debug)]
pub struct FirstChange<'a> {
    /// The cohort.
    pub week: &'a WeekReport,
    /// The day its labels mature.
    pub matured_day: u32,
}

/// The first drifted cohort whose labels mature inside the run.
pub fn first_change(outcome: &Outcome) -> Option<FirstChange<'_>> {
    let c = &outcome.config;
    let week = outcome.weeks.iter().find(|w| w.drift_strength > 0.0)?;
    let matured_day = 7 * week.week + c.label_delay_days;
    (matured_day < c.horizon_days).then_some(FirstChange { week, matured_day })
}

/// The cohorts scored before the change.
pub fn weeks_before_change(outcome: &Outcome) -> Vec<&WeekReport> {
    outcome
        .weeks
        .iter()
        .filter(|w| w.drift_strength == 0.0 && 7 * w.week < outcome.config.onset_day)
        .collect()
}

/// The champion's confusion on the cohorts scored before the change.
pub fn before_change(outcome: &Outcome) -> Option<Confusion> {
    let weeks = weeks_before_change(outcome);
    (!weeks.is_empty()).then(|| {
        weeks.iter().fold(Confusion::default(), |acc, w| {
            acc.plus(w.champion_confusion)
        })
    })
}

/// How the champion's F1 moved from before the change to the first changed cohort.
pub fn f1_move(outcome: &Outcome) -> Option<Move> {
    let first = first_change(outcome)?;
    Some(Move::between(
        outcome.headline.f1_before_drift,
        first.week.champion_f1,
    ))
}

/// Whether the change is one at all in this run: a kind, a strength, and an onset inside
/// the horizon.
fn changes(outcome: &Outcome) -> bool {
    let c = &outcome.config;
    c.drift != DriftKind::None && c.strength > 0.0 && c.onset_day < c.horizon_days
}

/// The automated loop's events.
fn loop_events(outcome: &Outcome) -> &[Event] {
    &outcome.policy(PolicyKind::AutomatedLoop).events
}

/// The loop's gate reports up to its first promotion (or all of them), with their day.
pub fn gates_to_fix(outcome: &Outcome) -> Vec<(u32, GateReport, bool)> {
    let until = outcome
        .policy(PolicyKind::AutomatedLoop)
        .first_promotion_day
        .unwrap_or(u32::MAX);
    loop_events(outcome)
        .iter()
        .filter(|e| e.day <= until)
        .filter_map(|e| match e.kind {
            EventKind::GateEvaluated {
                report, enforced, ..
            } => Some((e.day, report, enforced)),
            _ => None,
        })
        .collect()
}

/// The scene's title: the change's own name where the run decides it.
pub fn scene_title(lang: Lang, scene: Scene, outcome: &Outcome) -> String {
    match scene {
        Scene::Competitor => {
            let slug = if changes(outcome) {
                outcome.config.drift.slug()
            } else {
                DriftKind::None.slug()
            };
            tr(lang, &format!("scenario.scene.competitor.{slug}.title")).to_string()
        }
        _ => tr(lang, &format!("scenario.scene.{}.title", scene.slug())).to_string(),
    }
}

/// Sentences joined with a space (each locale ends its sentences itself).
fn join(parts: impl IntoIterator<Item = String>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The body of a story scene, every fact in it chosen from the run.
pub fn scene_text(lang: Lang, scene: Scene, outcome: &Outcome) -> String {
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, &format!("scenario.{key}"), args);
    let c = &outcome.config;
    let champion = outcome.models.first();
    match scene {
        Scene::Problem => t("scene.problem.body", &[]),
        Scene::Data => t(
            "scene.data.body",
            &[
                ("cohort", &grouped(c.cohort_size as f64)),
                (
                    "churn",
                    &percent(outcome.weeks.first().map_or(f64::NAN, |w| w.churn_rate)),
                ),
            ],
        ),
        Scene::Model => t(
            "scene.model.body",
            &[
                ("f1", &score(champion.map_or(f64::NAN, |m| m.reference_f1))),
                (
                    "auc",
                    &score(champion.map_or(f64::NAN, |m| m.reference_auc)),
                ),
            ],
        ),
        Scene::Deployed => {
            let validation = champion.map_or(f64::NAN, |m| m.reference_f1);
            let first = outcome.weeks.first().map_or(f64::NAN, |w| w.champion_f1);
            let key = if first < validation - 0.03 {
                "scene.deployed.body_below"
            } else {
                "scene.deployed.body"
            };
            t(
                key,
                &[("f1", &score(first)), ("validation", &score(validation))],
            )
        }
        Scene::Competitor => competitor(lang, outcome),
        Scene::Drop => match (changes(outcome), first_change(outcome)) {
            (true, Some(first)) => t(
                "scene.drop.body",
                &[
                    ("delay", &c.label_delay_days.to_string()),
                    ("day", &first.matured_day.to_string()),
                    ("week", &first.week.week.to_string()),
                ],
            ),
            (true, None) => t(
                "scene.drop.late",
                &[
                    ("onset", &c.onset_day.to_string()),
                    ("horizon", &c.horizon_days.to_string()),
                ],
            ),
            (false, _) => t(
                "scene.drop.none",
                &[("delay", &c.label_delay_days.to_string())],
            ),
        },
        Scene::Monitors => t("scene.monitors.body", &[]),
        Scene::Alert => incident::alert(lang, outcome),
        Scene::Triage => incident::triage(lang, outcome),
        Scene::Retrain => gate::retrain(lang, outcome),
        Scene::Gate => gate::gate(lang, outcome),
        Scene::Canary => gate::canary(lang, outcome),
        Scene::Impact => incident::impact(lang, outcome),
    }
}

fn competitor(lang: Lang, outcome: &Outcome) -> String {
    let c = &outcome.config;
    let day = c.onset_day.to_string();
    if c.drift == DriftKind::None || c.strength == 0.0 {
        return tr(lang, "scenario.scene.competitor.none.body").to_string();
    }
    let body = tr_args(
        lang,
        &format!("scenario.scene.competitor.{}.body", c.drift.slug()),
        &[("day", &day)],
    );
    let shape = (c.shape == crate::sim::DriftShape::Ramp).then(|| {
        tr_args(
            lang,
            "scenario.scene.competitor.ramp",
            &[("ramp", &c.ramp_days.to_string())],
        )
    });
    let late = (c.onset_day >= c.horizon_days).then(|| {
        tr_args(
            lang,
            "scenario.scene.competitor.late",
            &[("horizon", &c.horizon_days.to_string())],
        )
    });
    join([body, shape.unwrap_or_default(), late.unwrap_or_default()])
}

/// A paragraph after a scene's body that sets the simulation's figure against the
/// article's: the opening scene's goal and what a healthy model achieves in this run.
pub fn scene_figure(lang: Lang, scene: Scene, outcome: &Outcome) -> Option<String> {
    let h = &outcome.headline;
    (scene == Scene::Problem).then(|| {
        tr_args(
            lang,
            "scenario.scene.problem.figure",
            &[
                ("reduction", &percent(h.churn_reduction_healthy)),
                (
                    "goal",
                    &format!("{}%", crate::content::CHURN_REDUCTION_GOAL_PERCENT),
                ),
            ],
        )
    })
}
