//! The fix's sentences: the retrain and its data split, the validation gate's verdicts
//! and criteria with their numbers, and the canary, promotion or rollback.

use super::{gates_to_fix, join, loop_events};
use crate::i18n::numbers::{grouped, percent, score};
use crate::i18n::{Lang, tr_args};
use crate::scenario::describe::version_in;
use crate::sim::events::RollbackReason;
use crate::sim::outcome::{
    GATE_MARGIN, GATE_MIN_AUC, GATE_MIN_F1, GATE_MIN_SEGMENT_CHURNERS, GATE_MIN_SEGMENT_F1,
    GATE_RATE_TOLERANCE, HOLDOUT_CUT_PERCENT,
};
use crate::sim::{
    CANARY_CONFIDENCE, CANARY_MAX_DAYS, CANARY_TOLERANCE, CanaryPlan, EventKind, GateReport,
    Outcome, PolicyKind, TrainingData,
};

pub(super) fn retrain(lang: Lang, outcome: &Outcome) -> String {
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, &format!("scenario.{key}"), args);
    let (fit, holdout) = HOLDOUT_CUT_PERCENT;
    let split = [
        ("fit", fit.to_string()),
        ("tune", (holdout - fit).to_string()),
        ("hold", (100 - holdout).to_string()),
    ];
    let events = loop_events(outcome);
    let snapshot = events.iter().find_map(|e| match e.kind {
        EventKind::SnapshotTaken { data } => Some((e.day, data)),
        _ => None,
    });
    let version = events.iter().find_map(|e| match e.kind {
        EventKind::ChallengerTrained { model, .. } => {
            Some(version_in(outcome, PolicyKind::AutomatedLoop, model))
        }
        _ => None,
    });
    match (snapshot, version) {
        (Some((day, data)), Some(version)) => {
            let mut args: Vec<(&str, &str)> = split.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let day = day.to_string();
            let version = version.to_string();
            args.push(("day", &day));
            args.push(("version", &version));
            match data {
                TrainingData::FreshWeek(w) => {
                    let week = w.to_string();
                    args.push(("week", &week));
                    t("scene.retrain.body", &args)
                }
                _ => t("scene.retrain.stale", &args),
            }
        }
        _ => t("scene.retrain.none", &[]),
    }
}

pub(super) fn gate(lang: Lang, outcome: &Outcome) -> String {
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, &format!("scenario.{key}"), args);
    let gates = gates_to_fix(outcome);
    let Some((_, first, _)) = gates.first() else {
        return t("scene.gate.none", &[]);
    };
    let (fit, holdout) = HOLDOUT_CUT_PERCENT;
    let intro = t(
        "scene.gate.body",
        &[
            ("hold", &(100 - holdout).to_string()),
            ("fit", &fit.to_string()),
            ("tune", &(holdout - fit).to_string()),
            ("week", &first.holdout_week.to_string()),
            ("rows", &grouped(first.holdout_rows as f64)),
        ],
    );
    let verdicts = gates
        .iter()
        .enumerate()
        .map(|(i, (day, report, enforced))| {
            let day = day.to_string();
            let key = match (report.passed, enforced, i) {
                (_, false, _) => "scene.gate.skipped",
                (true, true, 0) => "scene.gate.passed",
                (true, true, _) => "scene.gate.passed_next",
                (false, true, _) => "scene.gate.blocked",
            };
            let failed = failed_criteria(lang, report);
            t(
                key,
                &[
                    ("day", &day),
                    ("week", &report.holdout_week.to_string()),
                    ("failed", &failed),
                ],
            )
        });
    join(std::iter::once(intro).chain(verdicts))
}

/// The gate's criteria a report failed, named and joined.
pub fn failed_criteria(lang: Lang, report: &GateReport) -> String {
    [
        (report.beats_champion, "beats"),
        (report.f1_ok, "f1"),
        (report.auc_ok, "auc"),
        (report.rate_ok, "rate"),
        (report.segments_ok, "segments"),
    ]
    .into_iter()
    .filter(|(ok, _)| !ok)
    .map(|(_, key)| {
        tr_args(
            lang,
            "scenario.gate.quoted",
            &[("name", &gate_criterion(lang, key))],
        )
    })
    .collect::<Vec<_>>()
    .join(", ")
}

/// A gate criterion with its number, by key (`beats`, `f1`, `auc`, `rate`, `segments`).
pub fn gate_criterion(lang: Lang, key: &str) -> String {
    let (name, value) = match key {
        "beats" => ("margin", score(GATE_MARGIN)),
        "f1" => ("min", score(GATE_MIN_F1)),
        "auc" => ("min", score(GATE_MIN_AUC)),
        "rate" => ("tol", percent(GATE_RATE_TOLERANCE)),
        _ => ("min", score(GATE_MIN_SEGMENT_F1)),
    };
    tr_args(
        lang,
        &format!("scenario.gate.{key}"),
        &[
            (name, &value),
            ("churners", &GATE_MIN_SEGMENT_CHURNERS.to_string()),
        ],
    )
}

pub(super) fn canary(lang: Lang, outcome: &Outcome) -> String {
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, &format!("scenario.{key}"), args);
    let events = loop_events(outcome);
    let Some((day, rate, churn, passed, skipped, plan)) =
        events.iter().find_map(|e| match e.kind {
            EventKind::CanaryStarted {
                challenger_rate,
                observed_churn,
                passed,
                plan,
                ..
            } => Some((
                e.day,
                challenger_rate,
                observed_churn,
                passed,
                outcome.config.bad.skip_gate,
                plan,
            )),
            _ => None,
        })
    else {
        return t("scene.canary.none", &[]);
    };
    let args = [
        ("day", day.to_string()),
        ("rate", percent(rate)),
        ("churn", percent(churn)),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let started = t("scene.canary.body", &args);
    let verdict = match (passed, skipped) {
        (true, true) => t("scene.canary.unchecked", &args),
        (true, false) => t("scene.canary.close", &args),
        (false, _) => t("scene.canary.far", &args),
    };
    let length = if passed {
        canary_length(lang, outcome, plan)
    } else {
        String::new()
    };
    let promoted = events.iter().find_map(|e| match e.kind {
        EventKind::Promoted { .. } => Some(e.day),
        _ => None,
    });
    let promoted = promoted
        .map(|d| t("scene.canary.promoted", &[("day", &d.to_string())]))
        .unwrap_or_default();
    let rollback = events
        .iter()
        .filter(|e| e.day > day)
        .find_map(|e| match e.kind {
            EventKind::RolledBack { reason, .. }
                if reason != RollbackReason::CanaryPositiveRate =>
            {
                let key = match reason {
                    RollbackReason::Forced => "scene.canary.forced",
                    _ => "scene.canary.worse",
                };
                Some(t(key, &[("day", &e.day.to_string())]))
            }
            _ => None,
        })
        .unwrap_or_default();
    join([started, verdict, length, promoted, rollback])
}

/// How long the canary ran and why: the traffic it took to decide its check, or the
/// assumption's floor, or the longest canary.
pub(super) fn canary_length(lang: Lang, outcome: &Outcome, plan: CanaryPlan) -> String {
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, &format!("scenario.{key}"), args);
    let args = [
        ("rate", percent(plan.rate)),
        ("lo", percent(plan.band.0)),
        ("hi", percent(plan.band.1)),
        ("tol", percent(CANARY_TOLERANCE)),
        ("confidence", percent(CANARY_CONFIDENCE)),
        ("rows", grouped(plan.rows_needed.unwrap_or(0) as f64)),
        ("per_day", grouped(plan.rows_per_day as f64)),
        ("days", plan.days.to_string()),
        ("needed", plan.days_needed.to_string()),
        ("min", outcome.config.timings.canary_days.to_string()),
        ("max", CANARY_MAX_DAYS.to_string()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if plan.undecided() {
        return t("scene.canary.longest", &args);
    }
    let runs = if plan.days > plan.days_needed {
        "scene.canary.runs_floor"
    } else if plan.days == 1 {
        "scene.canary.runs_one"
    } else {
        "scene.canary.runs_many"
    };
    join([t("scene.canary.length", &args), t(runs, &args)])
}
