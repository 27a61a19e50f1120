//! The production system around the model, the MLOps Engineer's side: the weekly batch
//! that scores the retention list (its data checks and its delivery deadline) and the
//! online scoring service the app, the website and the call centre call on every visit
//! (its load, replicas, latency and errors against an SLO). Incidents a student switches on
//! (`Incidents`) are run at each of the three maturity levels, the same levels as the
//! drift's policies (`PolicyKind`), and each level's monitors and people respond to them.
//!
//! The service is an M/M/c queue (`queue.rs`, Erlang C) stepped every five minutes
//! (`serve.rs`); the batch runs once a week (`batch.rs`). Every figure is computed by the
//! run; what is assumed (the traffic, the service time, how fast people respond) is in the
//! constants below, which the lab lists as assumptions.
//!
//! This file holds the shared data (the page reads it); the engine is worker-only.
//! About 400 lines: the stated assumptions and every type the page reads of an incident's
//! run, kept together so the page depends on one module of the engine.

use serde::{Deserialize, Serialize};

use super::config::PolicyKind;

#[cfg(feature = "engine")]
pub mod batch;
#[cfg(feature = "engine")]
pub mod queue;
#[cfg(feature = "engine")]
pub mod run;
#[cfg(feature = "engine")]
pub mod serve;
#[cfg(feature = "engine")]
pub mod traffic;

/// Minutes between two steps of the service simulation.
pub const STEP_MINUTES: u32 = 5;
/// Minutes in a day.
pub const DAY_MINUTES: u32 = 24 * 60;
/// Mean time one replica takes to score a request, milliseconds (feature lookup and model).
pub const SERVICE_MS: f64 = 40.0;
/// Requests a second at the busiest hour of a working day: a telecom of about 2.5 million
/// subscribers whose app, website, IVR and call centre score every visit.
pub const PEAK_RPS: f64 = 40.0;
/// Requests a second in the small hours.
pub const NIGHT_RPS: f64 = 3.0;
/// Share of a working day's traffic on Friday and Saturday (day 0 is a Sunday).
pub const WEEKEND_SHARE: f64 = 0.45;
/// The SLO: 95 % of requests answered within this many milliseconds.
pub const SLO_P95_MS: f64 = 250.0;
/// The SLO: at least this share of requests answered (the rest is the error budget).
pub const SLO_AVAILABILITY: f64 = 0.995;
/// A request not answered within this many seconds fails (the caller gives up).
pub const TIMEOUT_S: f64 = 2.0;
/// Fewest and most replicas the autoscaler runs (the most is the cluster's quota).
pub const MIN_REPLICAS: u32 = 2;
/// See `MIN_REPLICAS`.
pub const MAX_REPLICAS: u32 = 12;
/// The utilisation the autoscaler sizes for.
pub const TARGET_UTILISATION: f64 = 0.6;
/// Minutes a new replica takes to start (image pull, model load, readiness probe).
pub const STARTUP_MINUTES: u32 = 10;
/// Replicas without autoscaling: sized for a normal working day's peak at the target
/// utilisation, and left there.
pub const FIXED_REPLICAS: u32 = 3;
/// A traffic peak (a holiday campaign) multiplies traffic by this from 09:00 to 21:00.
pub const PEAK_FACTOR: f64 = 2.5;
/// A slower model release scores a request in this many times the usual service time,
/// unless the lab sets another (`Incidents::slowdown`).
pub const SLOW_FACTOR: f64 = 2.5;
/// The slowdowns the lab offers: from barely slower to four times as slow.
pub const SLOWDOWN_RANGE: (f64, f64) = (1.1, 4.0);
/// A canary takes this share of traffic, on one replica of its own, for `CANARY_MINUTES`.
pub const CANARY_SHARE: f64 = 0.05;
/// See `CANARY_SHARE`.
pub const CANARY_MINUTES: u32 = 30;
/// A latency or error alert fires after this many minutes over its threshold.
pub const ALERT_AFTER_MINUTES: u32 = 10;
/// The error-rate alert's threshold: the share of requests failing.
pub const ALERT_ERROR_RATE: f64 = 0.01;
/// Without alerts, callers complain after this many minutes of slow or failing service.
pub const COMPLAINT_AFTER_MINUTES: u32 = 120;
/// Minutes from a page to the on-call engineer at the console (manual level), and from a
/// complaint to someone who acts (no monitoring).
pub const ONCALL_RESPONSE_MINUTES: [u32; 3] = [60, 30, 5];
/// Minutes the fix itself takes by hand: scaling up, rolling back, restarting (the
/// automated level does it in a step).
pub const MANUAL_ACTION_MINUTES: [u32; 3] = [30, 15, 0];
/// Share of visits by a customer the week's list flags for the retention offer: a failed
/// request is an offer not shown.
pub const OFFER_SHARE: f64 = 0.01;
/// The service's monthly fee under its SLA with the teams that call it (the call centre's
/// contractor among them), NIS: a month whose availability falls below the SLO credits a
/// share of it back (`SLA_CREDIT_TIERS`).
pub const SLA_MONTHLY_FEE_NIS: f64 = 60_000.0;
/// A month's availability below each floor credits this share of the month's fee; the
/// deepest tier reached applies (the shape of the public clouds' SLAs).
pub const SLA_CREDIT_TIERS: [(f64, f64); 3] = [(0.995, 0.10), (0.99, 0.25), (0.95, 0.50)];
/// Days in a month of the SLA; the run's last month may be shorter.
pub const SLA_MONTH_DAYS: usize = 30;
/// The weekly batch starts at this hour of the week's first day, and the marketing system
/// must have its scores by `BATCH_DEADLINE_HOUR`.
pub const BATCH_START_HOUR: u32 = 2;
/// See `BATCH_START_HOUR`.
pub const BATCH_DEADLINE_HOUR: u32 = 8;
/// Hours the scoring job takes.
pub const BATCH_HOURS: u32 = 1;
/// A late upstream extract lands this many hours after the batch starts.
pub const LATE_HOURS: u32 = 10;
/// Hours the data engineer takes to map a changed unit or column once it is found.
pub const UNIT_FIX_HOURS: u32 = 6;
/// The minute of the day a slower release is deployed, a replica is lost and the
/// upstream system switches units.
pub const RELEASE_MINUTE: u32 = 10 * 60;
/// See `RELEASE_MINUTE`.
pub const LOST_REPLICA_MINUTE: u32 = 14 * 60;

/// An incident a student can switch on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum IncidentKind {
    /// A holiday campaign multiplies the day's traffic.
    TrafficPeak,
    /// A new model version that scores more slowly is released.
    SlowRelease,
    /// The CRM starts sending monthly charges in agorot instead of shekels: the column's
    /// name and type stay, its values are 100 times larger (training-serving skew).
    UnitChange,
    /// The upstream extract the weekly batch reads lands hours late.
    LatePipeline,
    /// A node fails and takes one serving replica with it.
    LostReplica,
}

impl IncidentKind {
    /// Every incident, in menu order.
    pub const ALL: [IncidentKind; 5] = [
        IncidentKind::TrafficPeak,
        IncidentKind::SlowRelease,
        IncidentKind::UnitChange,
        IncidentKind::LatePipeline,
        IncidentKind::LostReplica,
    ];

    /// A stable identifier for URLs, element ids and the command line.
    pub fn slug(self) -> &'static str {
        match self {
            IncidentKind::TrafficPeak => "peak",
            IncidentKind::SlowRelease => "slow-release",
            IncidentKind::UnitChange => "units",
            IncidentKind::LatePipeline => "late-pipeline",
            IncidentKind::LostReplica => "lost-replica",
        }
    }

    /// The incident with this slug, if any.
    pub fn from_slug(slug: &str) -> Option<IncidentKind> {
        IncidentKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// Its position in `IncidentKind::ALL`.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The day the lab offers first when it is switched on: a working day of the second
    /// or third week, after the drift's onset, on which the week's batch has run.
    pub fn default_day(self) -> u32 {
        match self {
            IncidentKind::TrafficPeak => 10,
            IncidentKind::SlowRelease => 17,
            IncidentKind::UnitChange => 9,
            IncidentKind::LatePipeline => 20,
            IncidentKind::LostReplica => 24,
        }
    }

    /// The SLA it breaks first: the MLOps Engineer's (availability and latency) or the ML
    /// Developer's (model performance).
    pub fn sla(self) -> Sla {
        match self {
            IncidentKind::TrafficPeak | IncidentKind::SlowRelease | IncidentKind::LostReplica => {
                Sla::Availability
            }
            IncidentKind::UnitChange => Sla::ModelPerformance,
            IncidentKind::LatePipeline => Sla::Freshness,
        }
    }
}

/// What an incident puts at risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sla {
    /// The service's latency and availability (the MLOps Engineer's).
    Availability,
    /// The scores' quality, F1 (the ML Developer's).
    ModelPerformance,
    /// The scores' delivery before the campaign's deadline (the MLOps Engineer's).
    Freshness,
}

/// The day each incident happens, if it is switched on, and how much slower a slower
/// release is.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incidents {
    /// By `IncidentKind::index`.
    pub days: [Option<u32>; 5],
    /// A slower release's service time, in times the usual one (`SLOWDOWN_RANGE`).
    pub slowdown: f64,
}

impl Default for Incidents {
    fn default() -> Incidents {
        Incidents {
            days: [None; 5],
            slowdown: SLOW_FACTOR,
        }
    }
}

impl Incidents {
    /// The day `kind` happens, if it is on.
    pub fn day(&self, kind: IncidentKind) -> Option<u32> {
        self.days[kind.index()]
    }

    /// Switches `kind` on at `day`, or off.
    pub fn set(&mut self, kind: IncidentKind, day: Option<u32>) {
        self.days[kind.index()] = day;
    }

    /// True when no incident is on.
    pub fn is_empty(&self) -> bool {
        self.days.iter().all(Option::is_none)
    }

    /// The incidents switched on, in menu order, with their days.
    pub fn on(&self) -> impl Iterator<Item = (IncidentKind, u32)> + '_ {
        IncidentKind::ALL
            .into_iter()
            .filter_map(|k| self.day(k).map(|d| (k, d)))
    }
}

/// A monitor, a check or a person that can notice an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Monitor {
    /// p95 latency over the SLO for `ALERT_AFTER_MINUTES` (Prometheus rule, Grafana).
    LatencyAlert,
    /// Error rate over `ALERT_ERROR_RATE` for `ALERT_AFTER_MINUTES`.
    ErrorAlert,
    /// Fewer ready replicas than wanted (the orchestrator's health checks).
    ReplicaAlert,
    /// The canary's latency check before the rollout.
    Canary,
    /// The schema check on the batch's input: column names and types.
    SchemaCheck,
    /// The missing-values check: the share of empty values in each column.
    MissingCheck,
    /// The range check: values within the training data's range.
    RangeCheck,
    /// PSI of each input against the training data (Evidently).
    InputPsi,
    /// The freshness check: the input partition has landed.
    FreshnessCheck,
    /// The scheduler's deadline alert (Airflow's SLA miss).
    DeadlineAlert,
    /// The weekly dashboard of F1 on matured labels.
    MaturedF1,
    /// The monthly business review of retention figures.
    BusinessReview,
    /// People using the service complain.
    Complaint,
}

/// How one maturity level met one incident.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The incident.
    pub kind: IncidentKind,
    /// The maturity level (the drift policy of the same name).
    pub level: PolicyKind,
    /// Minute it began, counted from day 0 at midnight.
    pub start_minute: u32,
    /// Minute it was noticed, and by what; none if nobody noticed within the run.
    pub detected: Option<(u32, Monitor)>,
    /// Minute service, scores or delivery were right again; none if never within the run.
    pub recovered_minute: Option<u32>,
    /// Minutes the p95 latency was over the SLO while it lasted.
    pub slo_breach_minutes: u32,
    /// Requests that failed while it lasted.
    pub failed_requests: f64,
    /// Days the retention campaign ran on wrong or stale scores, or waited for them.
    pub campaign_days_lost: f64,
    /// Offers not shown to at-risk visitors because their request failed, NIS.
    pub lost_offers_nis: f64,
    /// Campaign value lost to wrong, stale or late scores, NIS.
    pub campaign_nis: f64,
    /// Its share of the SLA credits of the month it began in (by its failed requests), NIS.
    pub sla_credit_nis: f64,
}

impl Response {
    /// Minutes from the start to the detection.
    pub fn minutes_to_detect(&self) -> Option<u32> {
        self.detected.map(|(m, _)| m - self.start_minute)
    }

    /// Minutes from the start to the recovery.
    pub fn minutes_to_recover(&self) -> Option<u32> {
        self.recovered_minute.map(|m| m - self.start_minute)
    }

    /// Everything it cost, NIS.
    pub fn cost_nis(&self) -> f64 {
        self.lost_offers_nis + self.campaign_nis + self.sla_credit_nis
    }
}

/// What a monitor saw of an incident, for the story and the checks table.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The monitor.
    pub monitor: Monitor,
    /// Whether it fired (at the automated level, which runs them all).
    pub fired: bool,
    /// What it measured: a PSI, a share out of range, a p95 in ms, rows read.
    pub value: f64,
}

/// The scores' quality under a unit change: the champion on the week it happened, with
/// the charges as sent and as they should be.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Skew {
    /// F1 with the charges in shekels.
    pub f1: f64,
    /// F1 with the charges in agorot.
    pub skewed_f1: f64,
    /// Share of the week flagged with the charges in agorot.
    pub skewed_flag_rate: f64,
    /// The campaign's value a week with the right and the skewed scores, NIS.
    pub value_nis: f64,
    /// See `value_nis`.
    pub skewed_value_nis: f64,
}

/// The service at one hour of the run, at the level the lab shows.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct HourPoint {
    /// Requests a second, the hour's mean.
    pub rps: f32,
    /// Ready replicas, the hour's fewest.
    pub replicas: u8,
    /// p50, p95 and p99 latency at the hour's worst step, milliseconds.
    pub p50_ms: f32,
    /// See `p50_ms`.
    pub p95_ms: f32,
    /// See `p50_ms`.
    pub p99_ms: f32,
    /// Share of the hour's requests that failed.
    pub error_rate: f32,
}

/// One week's batch: how late its right scores reached the marketing system at each
/// level, and the data checks that fired on it at the automated level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchWeek {
    /// The week (its batch starts on the week's first day).
    pub week: u32,
    /// Hours after the deadline the week's right scores arrived, by level (`PolicyKind::ALL`
    /// order); a week that never got them counts the whole week.
    pub late_hours: [f64; 3],
    /// The checks that fired on the week's input at the automated level.
    pub fired: Vec<Monitor>,
}

/// The production system over a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpsOutcome {
    /// Every incident switched on, at each level (`PolicyKind::ALL` order within each).
    pub responses: Vec<Response>,
    /// What each monitor measured of each incident (automated level), by incident.
    pub checks: Vec<(IncidentKind, Vec<Check>)>,
    /// The unit change's effect on the scores, when it is on.
    pub skew: Option<Skew>,
    /// The service hour by hour at the level the lab shows (`Config::policy`).
    pub hours: Vec<HourPoint>,
    /// Share of the run's error budget left at the end of each day, by level.
    pub budget_left: [Vec<f64>; 3],
    /// Requests served over the run (the same at every level).
    pub requests: f64,
    /// The SLA credits of the run by level, NIS.
    pub sla_credits_nis: [f64; 3],
    /// Every weekly batch of the run.
    pub batches: Vec<BatchWeek>,
}

impl OpsOutcome {
    /// How `level` met `kind`, if it is on.
    pub fn response(&self, kind: IncidentKind, level: PolicyKind) -> Option<&Response> {
        self.responses
            .iter()
            .find(|r| r.kind == kind && r.level == level)
    }

    /// What the monitors measured of `kind`.
    pub fn checks(&self, kind: IncidentKind) -> &[Check] {
        self.checks
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[], |(_, c)| c)
    }
}
