//! The production incidents (`sim::ops`) through the whole run: each one alone and all of
//! them together with the drift, at every maturity level, with the monitors that see each
//! and the ones that stay silent.

use mlops_lab::sim::ops::{DAY_MINUTES, IncidentKind, Monitor, OpsOutcome, Response, SLO_P95_MS};
use mlops_lab::sim::{self, Config, Outcome, PolicyKind};

fn run_with(incidents: &[(IncidentKind, u32)]) -> Outcome {
    let mut c = Config::default();
    for &(kind, day) in incidents {
        c.incidents.set(kind, Some(day));
    }
    sim::run(&c).expect("valid config")
}

fn levels(ops: &OpsOutcome, kind: IncidentKind) -> [Response; 3] {
    PolicyKind::ALL.map(|l| *ops.response(kind, l).expect("a response at every level"))
}

#[test]
fn without_incidents_the_service_keeps_its_slo_all_run() {
    let o = sim::run(&Config::default()).unwrap();
    assert!(o.ops.responses.is_empty() && o.ops.checks.is_empty() && o.ops.skew.is_none());
    assert_eq!(o.ops.hours.len(), 24 * o.config.horizon_days as usize);
    assert!(o.ops.hours.iter().all(|h| (h.p95_ms as f64) < SLO_P95_MS));
    for level in o.ops.budget_left.iter() {
        assert_eq!(level.len(), o.config.horizon_days as usize);
        assert!(*level.last().unwrap() > 0.95, "{level:?}");
    }
}

#[test]
fn every_incident_is_met_sooner_and_cheaper_the_more_mature_the_level() {
    let (mut auto_total, mut manual_total) = (0.0, 0.0);
    for kind in IncidentKind::ALL {
        let o = run_with(&[(kind, kind.default_day())]);
        let [none, manual, auto] = levels(&o.ops, kind);
        assert!(
            auto.detected.is_some(),
            "{kind:?}: the automated level notices"
        );
        assert!(auto.recovered_minute.is_some(), "{kind:?}: and recovers");
        let detect = |r: &Response| r.minutes_to_detect().unwrap_or(u32::MAX);
        let recover = |r: &Response| r.minutes_to_recover().unwrap_or(u32::MAX);
        // A canary takes its whole window to decide, longer than an alert on a release
        // that already serves everyone: it is the one exception, and it is paid back in
        // the requests it spares.
        if kind != IncidentKind::SlowRelease {
            assert!(detect(&auto) <= detect(&manual), "{kind:?}");
        }
        assert!(detect(&manual) <= detect(&none), "{kind:?}");
        assert!(recover(&auto) <= recover(&manual), "{kind:?}");
        assert!(recover(&manual) <= recover(&none), "{kind:?}");
        assert!(
            auto.cost_nis() <= manual.cost_nis(),
            "{kind:?}: {auto:?} {manual:?}"
        );
        assert!(manual.cost_nis() <= none.cost_nis(), "{kind:?}");
        assert!(auto.failed_requests <= manual.failed_requests, "{kind:?}");
        assert!(
            auto.start_minute / DAY_MINUTES >= kind.default_day(),
            "{kind:?}"
        );
        auto_total += auto.cost_nis();
        manual_total += manual.cost_nis();
    }
    assert!(
        auto_total < 0.5 * manual_total,
        "{auto_total} vs {manual_total}"
    );
}

#[test]
fn a_unit_change_passes_the_schema_check_and_wrecks_f1_until_a_range_check_sees_it() {
    let o = run_with(&[(IncidentKind::UnitChange, 9)]);
    let skew = o.ops.skew.expect("the change reaches a batch");
    assert!(skew.skewed_f1 < skew.f1 - 0.2, "{skew:?}");
    assert!(skew.skewed_value_nis < skew.value_nis);
    let fired = |m: Monitor| {
        o.ops
            .checks(IncidentKind::UnitChange)
            .iter()
            .find(|c| c.monitor == m)
            .map(|c| c.fired)
    };
    assert_eq!(fired(Monitor::SchemaCheck), Some(false));
    // Every value is there, only a hundred times too large.
    assert_eq!(fired(Monitor::MissingCheck), Some(false));
    assert_eq!(fired(Monitor::RangeCheck), Some(true));
    // The PSI monitor sees it too, which a PSI-only triage reads as drift.
    assert_eq!(fired(Monitor::InputPsi), Some(true));
    let [none, manual, auto] = levels(&o.ops, IncidentKind::UnitChange);
    assert_eq!(auto.detected.map(|d| d.1), Some(Monitor::RangeCheck));
    assert_eq!(manual.detected.map(|d| d.1), Some(Monitor::MaturedF1));
    assert!(none.detected.is_none_or(|d| d.1 == Monitor::BusinessReview));
}

#[test]
fn the_canary_stops_a_slower_release_that_reaches_everyone_at_lower_levels() {
    let o = run_with(&[(IncidentKind::SlowRelease, 17)]);
    let canary = o.ops.checks(IncidentKind::SlowRelease)[0];
    assert_eq!(canary.monitor, Monitor::Canary);
    assert!(canary.fired && canary.value > SLO_P95_MS);
    let [_, manual, auto] = levels(&o.ops, IncidentKind::SlowRelease);
    assert!(auto.failed_requests * 100.0 < manual.failed_requests.max(1.0) * 100.0);
    assert!(manual.slo_breach_minutes > auto.slo_breach_minutes);
}

#[test]
fn every_incident_together_with_the_drift_keeps_each_one_s_response() {
    let all: Vec<(IncidentKind, u32)> = IncidentKind::ALL
        .iter()
        .map(|k| (*k, k.default_day()))
        .collect();
    let together = run_with(&all);
    assert_eq!(together.ops.responses.len(), 3 * IncidentKind::ALL.len());
    // The drift's own story is untouched by the incidents.
    let alone = sim::run(&Config::default()).unwrap();
    assert_eq!(together.headline, alone.headline);
    for kind in [IncidentKind::UnitChange, IncidentKind::LatePipeline] {
        let single = run_with(&[(kind, kind.default_day())]);
        assert_eq!(
            levels(&together.ops, kind),
            levels(&single.ops, kind),
            "{kind:?}"
        );
    }
}

#[test]
fn an_incident_on_the_last_day_is_reported_without_a_panic() {
    let last = Config::default().horizon_days - 1;
    for kind in IncidentKind::ALL {
        let o = run_with(&[(kind, last)]);
        assert_eq!(o.ops.responses.len(), 3, "{kind:?}");
    }
}

#[test]
fn a_slightly_slower_release_passes_the_canary_and_the_full_load_shows_it() {
    let mut c = Config::default();
    c.incidents.set(IncidentKind::SlowRelease, Some(17));
    c.incidents.slowdown = 1.7;
    let o = sim::run(&c).unwrap();
    let canary = o.ops.checks(IncidentKind::SlowRelease)[0];
    // On its own replica with a twentieth of the traffic a request hardly queues: the
    // canary measures the slower scoring alone and lets it through.
    assert!(!canary.fired && canary.value <= SLO_P95_MS, "{canary:?}");
    let [_, manual, auto] = levels(&o.ops, IncidentKind::SlowRelease);
    // Under the full load the queues show it, and the latency alert rolls it back.
    assert_eq!(auto.detected.map(|d| d.1), Some(Monitor::LatencyAlert));
    assert!(auto.slo_breach_minutes > 0 && auto.recovered_minute.is_some());
    assert!(auto.cost_nis() <= manual.cost_nis());
    // Slower still, the canary catches it; barely slower, nothing breaks and it stays.
    c.incidents.slowdown = 2.5;
    let caught = sim::run(&c).unwrap();
    assert!(caught.ops.checks(IncidentKind::SlowRelease)[0].fired);
    c.incidents.slowdown = 1.1;
    let kept = sim::run(&c).unwrap();
    let [_, _, auto] = levels(&kept.ops, IncidentKind::SlowRelease);
    assert!(!kept.ops.checks(IncidentKind::SlowRelease)[0].fired);
    assert_eq!(
        (auto.detected, auto.slo_breach_minutes),
        (None, 0),
        "{auto:?}"
    );
}

#[test]
fn sla_credits_follow_each_month_s_availability() {
    use mlops_lab::sim::ops::run::credit_share;
    assert_eq!(credit_share(0.999), 0.0);
    assert_eq!(credit_share(0.995), 0.0);
    assert_eq!(credit_share(0.994), 0.10);
    assert_eq!(credit_share(0.98), 0.25);
    assert_eq!(credit_share(0.5), 0.50);
    // A quiet run owes nothing; every incident at once costs the unwatched level credits,
    // shared among the incidents that failed requests, and the automated level none.
    let quiet = sim::run(&Config::default()).unwrap();
    assert_eq!(quiet.ops.sla_credits_nis, [0.0; 3]);
    let all: Vec<(IncidentKind, u32)> = IncidentKind::ALL
        .iter()
        .map(|k| (*k, k.default_day()))
        .collect();
    let o = run_with(&all);
    let [none, _, auto] = o.ops.sla_credits_nis;
    assert!(none > 0.0, "{:?}", o.ops.sla_credits_nis);
    assert_eq!(auto, 0.0);
    let shared: f64 = o
        .ops
        .responses
        .iter()
        .filter(|r| r.level == PolicyKind::NoLoop)
        .map(|r| r.sla_credit_nis)
        .sum();
    assert!(shared > 0.0 && shared <= none + 1e-6, "{shared} of {none}");
}

#[test]
fn each_week_s_batch_is_late_by_what_its_level_does_about_the_incident() {
    let o = run_with(&[
        (IncidentKind::LatePipeline, 20),
        (IncidentKind::UnitChange, 9),
    ]);
    let weeks = &o.ops.batches;
    assert_eq!(weeks.len(), o.config.horizon_days.div_ceil(7) as usize);
    let late = |w: usize| weeks[w].late_hours;
    // Weeks before the unit change reaches a batch are on time everywhere.
    assert_eq!(late(0), [0.0; 3]);
    assert_eq!(late(1), [0.0; 3]);
    // The range check holds week 2's batch for the fix; the lower levels ship wrong
    // scores for the whole week.
    let [none, manual, auto] = late(2);
    assert!(auto > 0.0 && auto < 24.0, "{:?}", late(2));
    assert_eq!((none, manual), (168.0, 168.0));
    assert!(weeks[2].fired.contains(&Monitor::RangeCheck));
    assert!(!weeks[2].fired.contains(&Monitor::SchemaCheck));
    // Week 3's late extract: Level 1's sensor waits hours, and its freshness check fires.
    assert!(weeks[3].fired.contains(&Monitor::FreshnessCheck));
    assert!(late(3)[2] > 0.0 && late(3)[2] < 24.0, "{:?}", late(3));
}
