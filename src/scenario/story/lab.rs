//! The sentence under the lab's main chart: what happened in this run, chosen from it. A
//! change past the horizon, a world without a change, a change that never hurts the model
//! (so there is nothing to fix) and a change the loop fixed, or did not, each read
//! differently; every figure is the run's.

use super::{changes, join};
use crate::i18n::numbers::{grouped, score};
use crate::i18n::{Lang, tr_args};
use crate::sim::{DriftKind, Outcome, PolicyKind};

/// What the lab's run did, in a sentence or two.
pub fn run_reading(lang: Lang, outcome: &Outcome) -> String {
    let t = |key: &str, args: &[(&str, &str)]| {
        tr_args(lang, &format!("scenario.lab.reading.{key}"), args)
    };
    let c = &outcome.config;
    let h = &outcome.headline;
    let saving = grouped(h.saving_nis);
    if !changes(outcome) {
        return if c.drift != DriftKind::None && c.strength > 0.0 {
            t(
                "late",
                &[
                    ("onset", &c.onset_day.to_string()),
                    ("horizon", &c.horizon_days.to_string()),
                ],
            )
        } else {
            t("none", &[("f1", &score(h.f1_before_drift))])
        };
    }
    let none = outcome.policy(PolicyKind::NoLoop);
    let auto = outcome.policy(PolicyKind::AutomatedLoop);
    if none.degraded_days == 0 && auto.degraded_days == 0 {
        let lowest = none
            .days
            .iter()
            .skip(c.onset_day as usize)
            .map(|d| d.f1)
            .fold(f64::INFINITY, f64::min);
        return t("unhurt", &[("low", &score(lowest)), ("saving", &saving)]);
    }
    let fell = t(
        "fell",
        &[
            ("before", &score(h.f1_before_drift)),
            ("stale", &score(h.f1_stale_two_weeks_after_deploy)),
        ],
    );
    let fix = match (h.f1_after_fix, h.days_alert_to_fix_with_loop) {
        (Some(after), Some(days)) => t(
            "fixed",
            &[
                ("after", &score(after)),
                ("days", &days.to_string()),
                ("saving", &saving),
            ],
        ),
        _ => t("unfixed", &[("saving", &saving)]),
    };
    join([fell, fix])
}

/// The day the lab opens on: where the automated loop's lead over the other two policies
/// (the sum of its F1 above each of theirs) is largest, at the end of the first stretch of
/// days that hold that lead, so the loop's fix shows while the others still wait for
/// theirs. When the loop never leads by a visible margin (no change, a change that does
/// not hurt, or a fix none of them makes), the last simulated day.
pub fn opening_day(outcome: &Outcome) -> u32 {
    /// A lead under this is not a difference a reader sees on the chart.
    const VISIBLE: f64 = 0.02;
    /// Days whose lead is within this of the largest belong to its stretch (each week's
    /// cohort moves F1 a little).
    const SAME: f64 = 0.01;
    let at = |p: PolicyKind| &outcome.policy(p).days;
    let (auto, manual, none) = (
        at(PolicyKind::AutomatedLoop),
        at(PolicyKind::ManualRetrain),
        at(PolicyKind::NoLoop),
    );
    let lead: Vec<f64> = auto
        .iter()
        .zip(manual)
        .zip(none)
        .map(|((a, m), n)| (a.f1 - m.f1) + (a.f1 - n.f1))
        .collect();
    let last = u32::try_from(lead.len().saturating_sub(1)).unwrap_or(u32::MAX);
    let best = lead.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if best.is_nan() || best < VISIBLE {
        return last;
    }
    let held = |l: &f64| *l >= best - SAME;
    let start = lead.iter().position(held).unwrap_or(0);
    let stretch = lead[start..].iter().take_while(|l| held(l)).count();
    u32::try_from(start + stretch - 1).unwrap_or(last)
}
