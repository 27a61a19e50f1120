//! The incident's sentences: the alert and why it fired (or never did), the triage from
//! the drift report and the champion's errors by contract, and the business impact.

use super::{gates_to_fix, join, loop_events};
use crate::i18n::numbers::{grouped, percent, score};
use crate::i18n::{Lang, tr_args};
use crate::sim::drift::PSI_WARN;
use crate::sim::metrics::{CHARGES_BANDS, SegmentKind, TENURE_BANDS};
use crate::sim::triage::SEGMENT_FALL;
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

pub(super) fn triage(lang: Lang, outcome: &Outcome) -> String {
    let t = |key: &str, args: &[(&str, &str)]| tr_args(lang, &format!("scenario.{key}"), args);
    let found = loop_events(outcome).iter().find_map(|e| match e.kind {
        EventKind::Triage {
            diagnosis,
            max_input_psi,
            drifted_share,
            score_psi,
            worst,
        } => Some((diagnosis, max_input_psi, drifted_share, score_psi, worst)),
        _ => None,
    });
    let Some((diagnosis, psi, share, score_psi, worst)) = found else {
        return t("scene.triage.none", &[]);
    };
    let inputs = if psi < PSI_WARN {
        t(
            "scene.triage.inputs_stable",
            &[
                ("psi", &format!("{psi:.3}")),
                ("score_psi", &format!("{score_psi:.3}")),
            ],
        )
    } else {
        t(
            "scene.triage.inputs_moved",
            &[("psi", &format!("{psi:.3}")), ("share", &percent(share))],
        )
    };
    let errors = match worst {
        Some(w) => {
            let segment = segment_name(lang, w.kind, w.band);
            let args = [
                ("segment", segment.as_str()),
                ("before", &score(w.reference_f1)),
                ("now", &score(w.f1)),
            ];
            if w.fall() >= SEGMENT_FALL {
                t("scene.triage.errors_grew", &args)
            } else {
                t("scene.triage.errors_held", &args)
            }
        }
        None => t("scene.triage.errors_unknown", &[]),
    };
    let verdict = t(&format!("scene.triage.{}", diagnosis_slug(diagnosis)), &[]);
    // The simulation knows what really changed; evidence can mislead, and the story says
    // so when it does.
    let truth = match outcome.config.drift {
        DriftKind::Concept | DriftKind::PriorShift => Diagnosis::ConceptDrift,
        DriftKind::AcquisitionPromo | DriftKind::PriceRise => Diagnosis::InputDrift,
        DriftKind::ConceptWithSideSignal => Diagnosis::ConceptAndInput,
        DriftKind::None => Diagnosis::Unclear,
    };
    let wrong = if truth == diagnosis {
        String::new()
    } else {
        t(
            &format!("scene.triage.wrong.{}", diagnosis_slug(truth)),
            &[],
        )
    };
    join([t("scene.triage.body", &[]), inputs, errors, verdict, wrong])
}

/// The locale-key stem of a diagnosis.
pub fn diagnosis_slug(diagnosis: Diagnosis) -> &'static str {
    match diagnosis {
        Diagnosis::ConceptDrift => "concept",
        Diagnosis::InputDrift => "input",
        Diagnosis::ConceptAndInput => "both",
        Diagnosis::Unclear => "unclear",
    }
}

/// A segment as a phrase that follows “customers” (“on a two-year contract”), with its
/// band bounds from the simulation's constants.
pub fn segment_name(lang: Lang, kind: SegmentKind, band: u8) -> String {
    let (a, b) = match kind {
        SegmentKind::Contract => (String::new(), String::new()),
        SegmentKind::Tenure => (TENURE_BANDS[0].to_string(), TENURE_BANDS[1].to_string()),
        SegmentKind::Charges => (
            format!("{:.0}", CHARGES_BANDS[0]),
            format!("{:.0}", CHARGES_BANDS[1]),
        ),
    };
    tr_args(
        lang,
        &format!("scenario.segment.{}.{band}", kind.slug()),
        &[("a", &a), ("b", &b)],
    )
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
            // The loop's own days: retrain and gate, a day to deploy the canary, the canary
            // that led to the promotion.
            let timings = outcome.config.timings;
            let canary = fix_canary_days(outcome).unwrap_or(timings.canary_days);
            let own = timings.loop_retrain_after + 1 + canary;
            let why = match blocked {
                0 => t(
                    "scene.impact.steps",
                    &[
                        ("retrain", &timings.loop_retrain_after.to_string()),
                        ("canary", &canary.to_string()),
                    ],
                ),
                n => t(
                    if n == 1 {
                        "scene.impact.blocked_one"
                    } else {
                        "scene.impact.blocked_many"
                    },
                    &[("n", &n.to_string()), ("loop_days", &own.to_string())],
                ),
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
        let days = h.days_loop_spared;
        t(
            "scene.impact.per_day",
            &[
                ("per_day", &grouped(h.loss_per_degraded_day_nis)),
                ("days", &days.to_string()),
                ("lost", &grouped(h.loss_per_degraded_day_nis * days as f64)),
            ],
        )
    } else {
        String::new()
    };
    join([fix, days, per_day, money])
}

/// The days of the canary whose challenger the loop first promoted.
fn fix_canary_days(outcome: &Outcome) -> Option<u32> {
    let lp = outcome.policy(PolicyKind::AutomatedLoop);
    let promoted = lp.first_promotion_day?;
    lp.events
        .iter()
        .rev()
        .filter(|e| e.day <= promoted)
        .find_map(|e| match e.kind {
            EventKind::CanaryStarted {
                passed: true, plan, ..
            } => Some(plan.days),
            _ => None,
        })
}
