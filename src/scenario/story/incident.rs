//! The incident's sentences: the alert and why it fired (or never did), the triage from
//! the drift report and the champion's errors by contract, and the business impact.

use super::{gates_to_fix, join, loop_events, weeks_before_change};
use crate::i18n::numbers::{grouped, percent, score};
use crate::i18n::{Lang, tr, tr_args};
use crate::sim::{Diagnosis, DriftKind, EventKind, Outcome, PolicyKind};

pub(super) fn alert(lang: Lang, outcome: &Outcome) -> String {
    let c = &outcome.config;
    let events = loop_events(outcome);
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, &format!("scenario.{key}"), args);
    let rule = t(
        "scene.alert.rule",
        &[
            ("threshold", &score(c.alert_f1)),
            ("drop", &score(c.alert_drop)),
        ],
    );
    let mut alerts = events.iter().filter_map(|e| match e.kind {
        EventKind::AlertFired {
            week,
            f1,
            reference_f1,
            ..
        } => Some((e.day, week, f1, reference_f1)),
        _ => None,
    });
    let Some((day, week, f1, reference)) = alerts.next() else {
        let matured: Vec<f64> = events
            .iter()
            .filter_map(|e| match e.kind {
                EventKind::LabelsMatured { f1, .. } => Some(f1),
                _ => None,
            })
            .collect();
        let none = match matured.iter().copied().reduce(f64::min) {
            Some(lowest) => t("scene.alert.none", &[("lowest", &score(lowest))]),
            None => t("scene.alert.no_labels", &[]),
        };
        return join([rule, none]);
    };
    let which = if f1 < c.alert_f1 {
        "scene.alert.fired_below"
    } else {
        "scene.alert.fired_drop"
    };
    let fired = t(
        which,
        &[
            ("day", &day.to_string()),
            ("week", &week.to_string()),
            ("f1", &score(f1)),
            ("validation", &score(reference)),
        ],
    );
    let ignored = events
        .iter()
        .any(|e| matches!(e.kind, EventKind::AlertIgnored));
    let after = ignored.then(|| match alerts.next() {
        Some((next, ..)) => t("scene.alert.ignored", &[("next", &next.to_string())]),
        None => t("scene.alert.ignored_last", &[]),
    });
    join([rule, fired, after.unwrap_or_default()])
}

/// The contract segment names, in `WeekReport::champion_contract_f1` order.
const SEGMENTS: [&str; 3] = [
    "scenario.cat.contract.0",
    "scenario.cat.contract.1",
    "scenario.cat.contract.2",
];

pub(super) fn triage(lang: Lang, outcome: &Outcome) -> String {
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, &format!("scenario.{key}"), args);
    let events = loop_events(outcome);
    let found = events.iter().find_map(|e| match e.kind {
        EventKind::Triage {
            diagnosis,
            max_input_psi,
            drifted_share,
            score_psi,
        } => Some((e.day, diagnosis, max_input_psi, drifted_share, score_psi)),
        _ => None,
    });
    let Some((day, diagnosis, psi, share, score_psi)) = found else {
        return t("scene.triage.none", &[]);
    };
    let inputs = match diagnosis {
        Diagnosis::ConceptDrift => t(
            "scene.triage.inputs_stable",
            &[
                ("psi", &format!("{psi:.3}")),
                ("score_psi", &format!("{score_psi:.3}")),
            ],
        ),
        Diagnosis::InputDrift => t(
            "scene.triage.inputs_moved",
            &[("psi", &format!("{psi:.3}")), ("share", &percent(share))],
        ),
    };
    // The week the alert was about: the last matured one before the triage.
    let week = events
        .iter()
        .filter(|e| e.day <= day)
        .filter_map(|e| match e.kind {
            EventKind::AlertFired { week, .. } => Some(week),
            _ => None,
        })
        .next_back();
    let segments = week
        .and_then(|w| outcome.weeks.get(w as usize))
        .zip(segment_baseline(outcome))
        .map(|(w, before)| {
            let now = w.champion_contract_f1;
            let falls: Vec<f64> = before.iter().zip(&now).map(|(b, n)| b - n).collect();
            let worst = (0..3)
                .max_by(|&a, &b| falls[a].total_cmp(&falls[b]))
                .unwrap_or(0);
            let mut args: Vec<(String, String)> = vec![("week".into(), w.week.to_string())];
            for i in 0..3 {
                args.push((format!("now{i}"), score(now[i])));
                args.push((format!("before{i}"), score(before[i])));
            }
            args.push(("segment".into(), tr(lang, SEGMENTS[worst]).to_string()));
            let args: Vec<(&str, &str)> =
                args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let table = t("scene.triage.segments", &args);
            let verdict = if falls[worst] > 0.05 {
                t("scene.triage.worst", &args)
            } else {
                t("scene.triage.even", &[])
            };
            join([table, verdict])
        })
        .unwrap_or_default();
    let verdict = match diagnosis {
        Diagnosis::ConceptDrift => t("scene.triage.concept", &[]),
        Diagnosis::InputDrift => t("scene.triage.input", &[]),
    };
    // The simulation knows what really changed; a rule that reads only the PSI can be
    // wrong, and the story says so when it is.
    let truth = match outcome.config.drift {
        DriftKind::Concept | DriftKind::PriorShift => Some(Diagnosis::ConceptDrift),
        DriftKind::AcquisitionPromo | DriftKind::PriceRise => Some(Diagnosis::InputDrift),
        DriftKind::ConceptWithSideSignal | DriftKind::None => None,
    };
    let wrong = match (outcome.config.drift, truth) {
        (DriftKind::ConceptWithSideSignal, _) if diagnosis == Diagnosis::InputDrift => {
            t("scene.triage.wrong_side_signal", &[])
        }
        (_, Some(truth)) if truth != diagnosis => match truth {
            Diagnosis::ConceptDrift => t("scene.triage.wrong_concept", &[]),
            Diagnosis::InputDrift => t("scene.triage.wrong_input", &[]),
        },
        _ => String::new(),
    };
    join([
        t("scene.triage.body", &[]),
        inputs,
        segments,
        verdict,
        wrong,
    ])
}

/// The champion's F1 per contract before the change: the mean of the cohorts before it.
fn segment_baseline(outcome: &Outcome) -> Option<[f64; 3]> {
    let weeks = weeks_before_change(outcome);
    (!weeks.is_empty()).then(|| {
        let mut sum = [0.0; 3];
        for w in &weeks {
            for (s, f) in sum.iter_mut().zip(w.champion_contract_f1) {
                *s += f;
            }
        }
        sum.map(|s| s / weeks.len() as f64)
    })
}

pub(super) fn impact(lang: Lang, outcome: &Outcome) -> String {
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, &format!("scenario.{key}"), args);
    let h = &outcome.headline;
    let lp = outcome.policy(PolicyKind::AutomatedLoop);
    let np = outcome.policy(PolicyKind::NoLoop);
    let money = t(
        "scene.impact.money",
        &[
            ("horizon", &outcome.config.horizon_days.to_string()),
            ("saving", &grouped(h.saving_nis)),
        ],
    );
    if np.degraded_days == 0 && lp.degraded_days == 0 {
        return join([t("scene.impact.unhurt", &[]), money]);
    }
    let fix = match h.days_alert_to_fix_with_loop {
        Some(days) => {
            let blocked = gates_to_fix(outcome)
                .iter()
                .filter(|(_, r, enforced)| *enforced && !r.passed)
                .count();
            let took = t("scene.impact.fix", &[("fix_days", &days.to_string())]);
            let why = if blocked > 0 {
                t(
                    if blocked == 1 {
                        "scene.impact.blocked_one"
                    } else {
                        "scene.impact.blocked_many"
                    },
                    &[("n", &blocked.to_string())],
                )
            } else {
                String::new()
            };
            join([took, why])
        }
        None => t("scene.impact.no_fix", &[]),
    };
    let noticed = np
        .events
        .iter()
        .any(|e| matches!(e.kind, EventKind::BusinessReview { noticed: true, .. }));
    let days = t(
        if noticed {
            "scene.impact.days_noticed"
        } else {
            "scene.impact.days_unnoticed"
        },
        &[
            ("loop_days", &lp.degraded_days.to_string()),
            ("noloop_days", &np.degraded_days.to_string()),
        ],
    );
    let per_day = if h.loss_per_degraded_day_nis > 0.0 {
        t(
            "scene.impact.per_day",
            &[("per_day", &grouped(h.loss_per_degraded_day_nis))],
        )
    } else {
        String::new()
    };
    join([fix, days, per_day, money])
}
