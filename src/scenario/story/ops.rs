//! The production incidents' words, chosen from the run (`sim::ops`): what happened, which
//! monitors saw it and which stayed silent, and how each maturity level met it: who
//! noticed and when, when it was over, and what it cost. The lab's incidents panel reads
//! it; `tests/story_truth.rs` checks it against the outcome.

use crate::i18n::numbers::{grouped, percent, score};
use crate::i18n::{Lang, tr, tr_args};
use crate::scenario::describe::policy_key;
use crate::scenario::url::short;
use crate::sim::ops::{
    Check, DAY_MINUTES, IncidentKind, Monitor, OpsOutcome, PEAK_FACTOR, Response, SLO_P95_MS,
};
use crate::sim::{Outcome, PolicyKind};

/// The locale key of a monitor's name.
pub fn monitor_key(m: Monitor) -> &'static str {
    match m {
        Monitor::LatencyAlert => "scenario.ops.monitor.latency",
        Monitor::ErrorAlert => "scenario.ops.monitor.errors",
        Monitor::ReplicaAlert => "scenario.ops.monitor.replicas",
        Monitor::Canary => "scenario.ops.monitor.canary",
        Monitor::SchemaCheck => "scenario.ops.monitor.schema",
        Monitor::MissingCheck => "scenario.ops.monitor.missing",
        Monitor::RangeCheck => "scenario.ops.monitor.range",
        Monitor::InputPsi => "scenario.ops.monitor.psi",
        Monitor::FreshnessCheck => "scenario.ops.monitor.freshness",
        Monitor::DeadlineAlert => "scenario.ops.monitor.deadline",
        Monitor::MaturedF1 => "scenario.ops.monitor.matured",
        Monitor::BusinessReview => "scenario.ops.monitor.review",
        Monitor::Complaint => "scenario.ops.monitor.complaint",
    }
}

/// The locale key prefix of what an incident does (`.what` and its variants).
pub fn incident_key(kind: IncidentKind) -> String {
    format!("scenario.ops.incident.{}", kind.slug())
}

/// A span of minutes as people say it: minutes, hours and minutes, or days.
pub fn duration(lang: Lang, minutes: u32) -> String {
    if minutes < 60 {
        tr_args(lang, "scenario.ops.minutes", &[("n", &minutes.to_string())])
    } else if minutes < 2 * DAY_MINUTES {
        let (h, m) = (minutes / 60, minutes % 60);
        if m == 0 {
            tr_args(lang, "scenario.ops.hours", &[("h", &h.to_string())])
        } else {
            tr_args(
                lang,
                "scenario.ops.hours_minutes",
                &[("h", &h.to_string()), ("m", &m.to_string())],
            )
        }
    } else {
        let days = minutes as f64 / DAY_MINUTES as f64;
        tr_args(lang, "scenario.ops.days", &[("d", &format!("{days:.1}"))])
    }
}

/// The opening of an incident's paragraph: what happened on its day, with the run's own
/// figures.
fn what_happened(lang: Lang, o: &Outcome, kind: IncidentKind, day: u32) -> String {
    let ops = &o.ops;
    let peak = peak_rps(ops, day);
    let day = day.to_string();
    match kind {
        IncidentKind::TrafficPeak => tr_args(
            lang,
            "scenario.ops.incident.peak.what",
            &[
                ("day", &day),
                ("factor", &format!("{PEAK_FACTOR}")),
                ("rps", &grouped(peak)),
            ],
        ),
        IncidentKind::SlowRelease => {
            let canary = ops
                .checks(kind)
                .iter()
                .find(|c| c.monitor == Monitor::Canary);
            let key = match canary {
                Some(c) if c.fired => "scenario.ops.incident.slow-release.caught",
                Some(_) => "scenario.ops.incident.slow-release.passed",
                None => "scenario.ops.incident.slow-release.what",
            };
            tr_args(
                lang,
                key,
                &[
                    ("day", &day),
                    ("factor", &short(o.config.incidents.slowdown)),
                    ("p95", &grouped(canary.map_or(0.0, |c| c.value))),
                    ("slo", &grouped(SLO_P95_MS)),
                ],
            )
        }
        IncidentKind::UnitChange => match ops.skew {
            Some(skew) => {
                let checks = ops.checks(kind);
                let value = |m: Monitor| {
                    checks
                        .iter()
                        .find(|c| c.monitor == m)
                        .map_or(0.0, |c| c.value)
                };
                tr_args(
                    lang,
                    "scenario.ops.incident.units.what",
                    &[
                        ("day", &day),
                        ("over", &percent(value(Monitor::RangeCheck))),
                        ("psi", &format!("{:.1}", value(Monitor::InputPsi))),
                        ("flagged", &percent(skew.skewed_flag_rate)),
                        ("f1", &score(skew.f1)),
                        ("skewed", &score(skew.skewed_f1)),
                    ],
                )
            }
            None => tr_args(lang, "scenario.ops.incident.units.unread", &[("day", &day)]),
        },
        IncidentKind::LatePipeline => tr_args(
            lang,
            "scenario.ops.incident.late-pipeline.what",
            &[("day", &day)],
        ),
        IncidentKind::LostReplica => tr_args(
            lang,
            "scenario.ops.incident.lost-replica.what",
            &[("day", &day)],
        ),
    }
}

/// The busiest hour's requests a second on `day`, from the hourly series.
pub fn peak_rps(ops: &OpsOutcome, day: u32) -> f64 {
    let from = (day * 24) as usize;
    ops.hours
        .get(from..(from + 24).min(ops.hours.len()))
        .unwrap_or(&[])
        .iter()
        .map(|h| h.rps as f64)
        .fold(0.0, f64::max)
}

/// How one level met the incident, as a sentence.
pub fn level_sentence(lang: Lang, r: &Response) -> String {
    let level = tr(lang, &policy_key(r.level));
    let cost = grouped(r.cost_nis());
    let recovered = r
        .minutes_to_recover()
        .map(|m| duration(lang, m))
        .unwrap_or_default();
    let key = match (r.detected, r.recovered_minute) {
        // Over before anyone needed to notice: absorbed by the platform.
        (None, Some(_)) if r.minutes_to_recover() == Some(0) => "scenario.ops.level.absorbed",
        (None, Some(_)) => "scenario.ops.level.unnoticed_recovered",
        (None, None) => "scenario.ops.level.unnoticed",
        (Some(_), Some(_)) => "scenario.ops.level.fixed",
        (Some(_), None) => "scenario.ops.level.open",
    };
    let (by, detect) = r.detected.map_or((String::new(), String::new()), |(_, m)| {
        (
            tr(lang, monitor_key(m)).to_string(),
            duration(lang, r.minutes_to_detect().unwrap_or(0)),
        )
    });
    tr_args(
        lang,
        key,
        &[
            ("level", level),
            ("by", &by),
            ("detect", &detect),
            ("recover", &recovered),
            ("cost", &cost),
        ],
    )
}

/// The monitors that stayed silent though they watch this incident's kind of data.
pub fn silent_checks(checks: &[Check]) -> impl Iterator<Item = &Check> {
    checks.iter().filter(|c| !c.fired)
}

/// The incident's paragraph: what happened, what the checks saw, and how each level met
/// it, from the run. None when the incident is off.
pub fn incident_reading(lang: Lang, o: &Outcome, kind: IncidentKind) -> Option<String> {
    let day = o.config.incidents.day(kind)?;
    let mut parts = vec![what_happened(lang, o, kind, day)];
    for check in silent_checks(o.ops.checks(kind)) {
        // A canary watches latency, but too little load to show a queue.
        let key = match check.monitor {
            Monitor::Canary => "scenario.ops.silent_light",
            _ => "scenario.ops.silent",
        };
        parts.push(tr_args(
            lang,
            key,
            &[("monitor", tr(lang, monitor_key(check.monitor)))],
        ));
    }
    for level in PolicyKind::ALL {
        if let Some(r) = o.ops.response(kind, level) {
            parts.push(level_sentence(lang, r));
        }
    }
    Some(parts.join(" "))
}
