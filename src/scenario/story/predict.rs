//! The predict-then-reveal questions: their options, and the right one for a run with
//! the explanation in its numbers.

use super::{Move, before_change, changes, first_change, join};
use crate::i18n::numbers::{percent, score};
use crate::i18n::{Lang, tr_args};
use crate::scenario::scenes::Prediction;
use crate::sim::drift::PSI_WARN;
use crate::sim::{DriftKind, Outcome, WeekReport};

/// Where a student's guesses are saved (once revealed), with the rest of the progress.
pub const PREDICTIONS_KEY: &str = "story-predictions";

/// How many options each prediction offers, in `Prediction::ALL` order: the shape of the
/// saved guesses.
pub fn prediction_option_counts() -> Vec<u8> {
    Prediction::ALL
        .iter()
        .map(|p| prediction_options(*p).len() as u8)
        .collect()
}

/// The answer options of a prediction, as locale keys, in display order.
pub fn prediction_options(prediction: Prediction) -> &'static [&'static str] {
    match prediction {
        Prediction::F1AfterDrift => &[
            "scenario.predict.f1.same",
            "scenario.predict.f1.little",
            "scenario.predict.f1.sharp",
            "scenario.predict.f1.up",
        ],
        Prediction::MonitorsCatchIt => &[
            "scenario.predict.monitors.yes",
            "scenario.predict.monitors.no",
        ],
    }
}

/// The locale key of a prediction's question.
pub fn prediction_question(prediction: Prediction) -> &'static str {
    match prediction {
        Prediction::F1AfterDrift => "scenario.predict.f1.question",
        Prediction::MonitorsCatchIt => "scenario.predict.monitors.question",
    }
}

/// The cohort the predictions are about: the first changed one, else the last.
fn asked_week(outcome: &Outcome) -> Option<&WeekReport> {
    first_change(outcome)
        .map(|f| f.week)
        .or(outcome.weeks.last())
}

/// Which option is right for this run, and the explanation with the run's numbers.
pub fn prediction_answer(lang: Lang, prediction: Prediction, outcome: &Outcome) -> (usize, String) {
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, &format!("scenario.{key}"), args);
    let h = &outcome.headline;
    let Some(week) = asked_week(outcome) else {
        return (0, String::new());
    };
    let moved = Move::between(h.f1_before_drift, week.champion_f1);
    match prediction {
        Prediction::F1AfterDrift => {
            let right = match moved {
                Move::Held => 0,
                Move::FellALittle => 1,
                Move::FellSharply => 2,
                Move::Rose => 3,
            };
            let head = t(
                &format!("predict.f1.answer.{}", moved.slug()),
                &[
                    ("before", &score(h.f1_before_drift)),
                    ("after", &score(week.champion_f1)),
                    ("week", &week.week.to_string()),
                ],
            );
            let pr = before_change(outcome)
                .map(|b| {
                    let now = week.champion_confusion;
                    t(
                        "predict.f1.pr",
                        &[
                            ("p0", &score(b.precision())),
                            ("p1", &score(now.precision())),
                            ("r0", &score(b.recall())),
                            ("r1", &score(now.recall())),
                        ],
                    )
                })
                .unwrap_or_default();
            let why = match (changes(outcome), moved, outcome.config.drift) {
                (false, ..) => "none",
                (true, Move::Held, _) => "small",
                (true, _, DriftKind::Concept | DriftKind::ConceptWithSideSignal) => "concept",
                (true, _, DriftKind::PriorShift) => "prior",
                (true, ..) => "data",
            };
            let why = t(&format!("predict.f1.why.{why}"), &[]);
            (right, join([head, pr, why]))
        }
        Prediction::MonitorsCatchIt => {
            let psi = week.drift.max_input_psi();
            let share = week.drift.drifted_share;
            let loud = psi >= PSI_WARN || share > 0.0;
            let head = t(
                if loud {
                    "predict.monitors.answer_loud"
                } else {
                    "predict.monitors.answer_quiet"
                },
                &[
                    ("psi", &format!("{psi:.3}")),
                    ("warn", &score(PSI_WARN)),
                    ("share", &percent(share)),
                    ("cbpe", &score(week.champion_cbpe_f1)),
                    ("f1", &score(week.champion_f1)),
                ],
            );
            let tail = match (loud, moved.fell()) {
                (false, true) => "quiet_fell",
                (false, false) => "quiet_held",
                (true, true) => "loud_fell",
                (true, false) => "loud_held",
            };
            let tail = t(&format!("predict.monitors.tail.{tail}"), &[]);
            (if loud { 0 } else { 1 }, join([head, tail]))
        }
    }
}
