//! What the retention campaign did to the labels the team measures by: with a control
//! group, its price and how close the measured F1 stayed to the true one; without one, the
//! churners the offers kept and recorded as stayers, the F1 that makes the model look, and
//! whether the loop's first alert fired on a week nothing had drifted in. The lab's labels
//! panel and the report read it.

use crate::i18n::numbers::{grouped, percent, score};
use crate::i18n::{Lang, tr_args};
use crate::sim::{Outcome, PolicyKind};

/// The largest gap between the F1 the team measured and the champion's true F1, over the
/// weeks.
pub fn largest_gap(o: &Outcome) -> f64 {
    o.weeks
        .iter()
        .map(|w| (w.champion_seen_f1 - w.champion_f1).abs())
        .fold(0.0, f64::max)
}

/// Whether the loop's first alert read the labels of a week nothing had drifted in.
pub fn alert_before_drift(o: &Outcome) -> Option<bool> {
    let day = o.policy(PolicyKind::AutomatedLoop).first_alert_day?;
    // The alert reads the week whose labels matured that day.
    let week = (day.saturating_sub(o.config.label_delay_days) / 7) as usize;
    Some(o.weeks.get(week).is_none_or(|w| w.drift_strength == 0.0))
}

/// The paragraph, chosen and filled from the run.
pub fn labels_reading(lang: Lang, o: &Outcome) -> Option<String> {
    let b = &o.config.business;
    let first = o.weeks.first()?;
    if b.control_share > 0.0 {
        let flagged: u32 = o.weeks.iter().map(|w| w.control_churners_flagged).sum();
        let worth = b.save_rate * (b.arpu_nis * b.months_retained - b.offer_cost_nis);
        return Some(tr_args(
            lang,
            "scenario.labels.with_control",
            &[
                ("share", &percent(b.control_share)),
                ("gap", &score(largest_gap(o))),
                ("flagged", &grouped(flagged as f64)),
                ("nis", &grouped(flagged as f64 * worth.max(0.0))),
            ],
        ));
    }
    let kept = tr_args(
        lang,
        "scenario.labels.without_control",
        &[
            ("kept", &grouped(first.champion_kept as f64)),
            ("seen", &score(first.champion_seen_f1)),
            ("truth", &score(first.champion_f1)),
        ],
    );
    let alert = o.policy(PolicyKind::AutomatedLoop).first_alert_day;
    let key = match alert_before_drift(o) {
        Some(true) => "scenario.labels.false_alert",
        Some(false) => "scenario.labels.alert_mixed",
        None => "scenario.labels.no_alert",
    };
    let day = alert.unwrap_or(0).to_string();
    Some(format!("{kept} {}", tr_args(lang, key, &[("day", &day)])))
}
