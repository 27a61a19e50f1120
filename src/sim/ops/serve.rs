//! The online scoring service stepped every `STEP_MINUTES` at one maturity level: the
//! load (`traffic.rs`), the replicas that serve it (an autoscaler at the automated level,
//! a fixed pool otherwise), the M/M/c latency and failures of each step (`queue.rs`), the
//! alerts or complaints that notice a slow or failing service, and the people or the
//! platform that respond. The three incidents that act on the service are run here: the
//! traffic peak, the slower release and the lost replica.
//!
//! Each level has its own monitors: the automated one has latency, error and replica
//! alerts, an autoscaler, a canary with automatic rollback and an orchestrator that
//! replaces a lost replica; the manual one has the alerts and an on-call engineer who acts
//! by hand; without monitoring only callers' complaints reach anyone.
//!
//! Why it is longer than ~400 lines: the step loop is one state machine (the load, the
//! replicas starting and lost, the canary, the alerts and the actions people schedule), and
//! each part reads the others' state within the same step; the code is about 470 lines,
//! the rest its tests.

use super::queue::{Load, MmC, invert_tail};
use super::traffic::{base_rps, noise, peak_multiplier};
use super::{
    ALERT_AFTER_MINUTES, ALERT_ERROR_RATE, CANARY_MINUTES, CANARY_SHARE, COMPLAINT_AFTER_MINUTES,
    DAY_MINUTES, FIXED_REPLICAS, HourPoint, IncidentKind, Incidents, LOST_REPLICA_MINUTE,
    MANUAL_ACTION_MINUTES, MAX_REPLICAS, MIN_REPLICAS, Monitor, ONCALL_RESPONSE_MINUTES,
    RELEASE_MINUTE, SERVICE_MS, SLO_P95_MS, STARTUP_MINUTES, STEP_MINUTES, TARGET_UTILISATION,
    TIMEOUT_S,
};
use crate::sim::config::PolicyKind;

/// A pool past saturation serves at this utilisation and sheds the rest of its load.
const SATURATED_UTILISATION: f64 = 0.98;

/// One pool of replicas in a step: its share of the traffic and its queue.
#[derive(Clone, Copy, Debug)]
struct Pool {
    share: f64,
    queue: MmC,
    /// Share of the pool's requests shed because it is saturated.
    shed: f64,
}

impl Pool {
    fn new(share: f64, lambda: f64, mu: f64, c: u32) -> Option<Pool> {
        if share <= 0.0 {
            return None;
        }
        let c = c.max(1);
        Some(match Load::of(lambda, mu, c) {
            Load::Steady(queue) => Pool {
                share,
                queue,
                shed: 0.0,
            },
            Load::Saturated => {
                let served = SATURATED_UTILISATION * c as f64 * mu;
                let Load::Steady(queue) = Load::of(served, mu, c) else {
                    unreachable!("a load below capacity is steady")
                };
                Pool {
                    share,
                    queue,
                    shed: 1.0 - served / lambda,
                }
            }
        })
    }

    /// P(response over `t` seconds or no response) for this pool's requests.
    fn tail(&self, t: f64) -> f64 {
        self.shed + (1.0 - self.shed) * self.queue.tail(t)
    }
}

/// The service in one step: one pool, or the main pool and a canary.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pools: [Option<Pool>; 2],
}

impl Step {
    /// Share of requests slower than `t` seconds or failed.
    pub fn tail(&self, t: f64) -> f64 {
        self.pools
            .iter()
            .flatten()
            .map(|p| p.share * p.tail(t))
            .sum()
    }

    /// Share of requests that fail: shed, or over the timeout.
    pub fn error_rate(&self) -> f64 {
        self.tail(TIMEOUT_S)
    }

    /// The response time a share `q` of requests stays within, seconds (capped at the
    /// timeout: a failed request counts as the timeout).
    pub fn percentile(&self, q: f64) -> f64 {
        if self.tail(TIMEOUT_S) > 1.0 - q {
            return TIMEOUT_S;
        }
        invert_tail(|t| self.tail(t), q, TIMEOUT_S, 1e-5)
    }

    /// Whether the step breaks the SLO's latency or the error alert's threshold.
    pub fn breaches(&self) -> bool {
        self.tail(SLO_P95_MS / 1000.0) > 0.05 || self.error_rate() > ALERT_ERROR_RATE
    }
}

/// What the service did at one level over the run.
#[derive(Clone, Debug, Default)]
pub struct Served {
    /// The online incidents switched on, as this level met them.
    pub incidents: Vec<Met>,
    /// Requests failed on each day.
    pub failed_by_day: Vec<f64>,
    /// Requests on each day.
    pub requests_by_day: Vec<f64>,
    /// The service hour by hour (only when asked for).
    pub hours: Vec<HourPoint>,
}

/// How one level met one online incident.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Met {
    /// The incident.
    pub kind: IncidentKind,
    /// Minute it began.
    pub start: u32,
    /// Minute and monitor that noticed it.
    pub detected: Option<(u32, Monitor)>,
    /// Minute it was over.
    pub recovered: Option<u32>,
    /// Minutes over the SLO while it lasted.
    pub breach_minutes: u32,
    /// Requests failed while it lasted.
    pub failed: f64,
    /// What the canary measured of a slower release (p95, ms), at the automated level.
    pub canary_p95_ms: Option<f64>,
}

/// A scheduled change to the service.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Action {
    /// Set the replica target to what the load then needs (by hand).
    ScaleUp,
    /// Back to the fixed pool once the peak is over (by hand, the next morning).
    ScaleDown,
    /// Put the previous model back.
    RollBack,
    /// Start a replacement for the lost replica.
    Replace,
}

struct Live {
    met: Met,
    /// Minute the incident stops acting by itself (a peak's end), if it does.
    ends: Option<u32>,
    /// Minute of the last step over the SLO while it acted.
    last_breach_end: Option<u32>,
}

/// Runs the service at `level` over `days` days with the online incidents of `incidents`.
/// `hourly` asks for the hour-by-hour series (the level the lab shows).
pub fn serve(
    seed: u64,
    days: u32,
    incidents: &Incidents,
    level: PolicyKind,
    hourly: bool,
) -> Served {
    let l = level.index();
    let automated = level == PolicyKind::AutomatedLoop;
    let alerts = level != PolicyKind::NoLoop;
    let mu_fast = 1000.0 / SERVICE_MS;
    let mu_slow = mu_fast / incidents.slowdown;
    let steps = days * DAY_MINUTES / STEP_MINUTES;

    let mut live: Vec<Live> = Vec::new();
    let peak_day = incidents.day(IncidentKind::TrafficPeak);
    let release_at = incidents
        .day(IncidentKind::SlowRelease)
        .map(|d| d * DAY_MINUTES + RELEASE_MINUTE);
    let lost_at = incidents
        .day(IncidentKind::LostReplica)
        .map(|d| d * DAY_MINUTES + LOST_REPLICA_MINUTE);
    let open = |kind, start, ends| Live {
        met: Met {
            kind,
            start,
            detected: None,
            recovered: None,
            breach_minutes: 0,
            failed: 0.0,
            canary_p95_ms: None,
        },
        ends,
        last_breach_end: None,
    };

    let mut ready = if automated {
        MIN_REPLICAS
    } else {
        FIXED_REPLICAS
    };
    let mut target = ready;
    let mut starting: Vec<u32> = Vec::new();
    let mut calm_steps = 0;
    let mut slow_serving = false;
    let mut canary_until: Option<u32> = None;
    let mut actions: Vec<(u32, Action)> = Vec::new();
    let mut breach_run = 0u32;
    let mut replica_short_run = 0u32;
    let mut last_rps = base_rps(0);
    let mut out = Served {
        failed_by_day: vec![0.0; days as usize],
        requests_by_day: vec![0.0; days as usize],
        ..Served::default()
    };
    let (mut hour_rps, mut hour_failed, mut hour_min_ready) = (0.0, 0.0, u32::MAX);
    let mut hour_worst: Option<(f64, Step)> = None;

    for step in 0..steps {
        let minute = step * STEP_MINUTES;
        // The incidents that begin now.
        if let Some(d) = peak_day.filter(|&d| minute == d * DAY_MINUTES + 9 * 60) {
            live.push(open(
                IncidentKind::TrafficPeak,
                minute,
                Some(d * DAY_MINUTES + 21 * 60),
            ));
        }
        if release_at == Some(minute) {
            live.push(open(IncidentKind::SlowRelease, minute, None));
            if automated {
                canary_until = Some(minute + CANARY_MINUTES);
            } else {
                slow_serving = true;
            }
        }
        if lost_at == Some(minute) {
            let mut x = open(IncidentKind::LostReplica, minute, None);
            ready = ready.saturating_sub(1);
            if automated {
                // The orchestrator's health check sees it and starts a replacement at once.
                starting.push(minute + STARTUP_MINUTES);
                x.met.detected = Some((minute, Monitor::ReplicaAlert));
                x.met.recovered = Some(minute + STARTUP_MINUTES);
            }
            live.push(x);
        }
        // Replicas that finished starting, and the actions due.
        starting.retain(|&at| {
            if at <= minute {
                ready += 1;
                false
            } else {
                true
            }
        });
        let due: Vec<Action> = actions
            .iter()
            .filter(|(at, _)| *at <= minute)
            .map(|&(_, a)| a)
            .collect();
        actions.retain(|(at, _)| *at > minute);
        let mu = if slow_serving { mu_slow } else { mu_fast };
        for action in due {
            match action {
                Action::ScaleUp => {
                    let want = needed(last_rps, mu).max(target);
                    let more = want.saturating_sub(ready + starting.len() as u32);
                    starting.extend((0..more).map(|_| minute + STARTUP_MINUTES));
                    target = want;
                    let next_morning = (minute / DAY_MINUTES + 1) * DAY_MINUTES + 9 * 60;
                    actions.push((next_morning, Action::ScaleDown));
                }
                Action::ScaleDown => {
                    target = FIXED_REPLICAS;
                    ready = ready.min(FIXED_REPLICAS);
                    starting.clear();
                }
                Action::RollBack => {
                    slow_serving = false;
                    if let Some(x) = live
                        .iter_mut()
                        .find(|x| x.met.kind == IncidentKind::SlowRelease)
                    {
                        x.met.recovered.get_or_insert(minute);
                    }
                }
                Action::Replace => {
                    starting.push(minute + STARTUP_MINUTES);
                    if let Some(x) = live
                        .iter_mut()
                        .find(|x| x.met.kind == IncidentKind::LostReplica)
                    {
                        x.met.recovered.get_or_insert(minute + STARTUP_MINUTES);
                    }
                }
            }
        }

        // The load and the pools.
        let multiplier = peak_day.map_or(1.0, |d| peak_multiplier(minute, d));
        let rps = base_rps(minute) * multiplier * noise(seed, step);
        let mu = if slow_serving { mu_slow } else { mu_fast };
        let canary = canary_until.filter(|&end| minute < end);
        let main_share = if canary.is_some() {
            1.0 - CANARY_SHARE
        } else {
            1.0
        };
        let now = Step {
            pools: [
                Pool::new(main_share, rps * main_share, mu, ready),
                canary.and_then(|_| Pool::new(CANARY_SHARE, rps * CANARY_SHARE, mu_slow, 1)),
            ],
        };
        if let Some(end) = canary_until.filter(|&end| minute + STEP_MINUTES >= end) {
            // The canary's check at its end: its p95 against the SLO.
            let p95 = now.pools[1].map_or(0.0, |p| {
                Step {
                    pools: [Some(Pool { share: 1.0, ..p }), None],
                }
                .percentile(0.95)
            });
            canary_until = None;
            if let Some(x) = live
                .iter_mut()
                .find(|x| x.met.kind == IncidentKind::SlowRelease)
            {
                x.met.canary_p95_ms = Some(p95 * 1000.0);
                if p95 * 1000.0 > SLO_P95_MS {
                    x.met.detected = Some((end, Monitor::Canary));
                    x.met.recovered = Some(end);
                } else {
                    slow_serving = true;
                }
            }
        }

        // What the step did.
        let requests = rps * 60.0 * STEP_MINUTES as f64;
        let failed = requests * now.error_rate();
        let day = (minute / DAY_MINUTES) as usize;
        out.requests_by_day[day] += requests;
        out.failed_by_day[day] += failed;
        let breach = now.breaches();
        breach_run = if breach { breach_run + 1 } else { 0 };
        for x in live.iter_mut() {
            let acting =
                x.met.recovered.is_none_or(|r| minute < r) && x.ends.is_none_or(|e| minute < e);
            if acting {
                x.met.failed += failed;
                if breach {
                    x.met.breach_minutes += STEP_MINUTES;
                    x.last_breach_end = Some(minute + STEP_MINUTES);
                }
            }
        }

        // Who notices: an alert, the orchestrator or, without monitoring, callers.
        let noticed = if alerts && breach_run * STEP_MINUTES >= ALERT_AFTER_MINUTES {
            Some(if now.error_rate() > ALERT_ERROR_RATE {
                Monitor::ErrorAlert
            } else {
                Monitor::LatencyAlert
            })
        } else if !alerts && breach_run * STEP_MINUTES >= COMPLAINT_AFTER_MINUTES {
            Some(Monitor::Complaint)
        } else {
            None
        };
        let short = ready + (starting.len() as u32) < target;
        replica_short_run = if short { replica_short_run + 1 } else { 0 };
        let response = ONCALL_RESPONSE_MINUTES[l] + MANUAL_ACTION_MINUTES[l];
        for x in live.iter_mut() {
            if x.met.detected.is_some() || x.met.recovered.is_some_and(|r| r <= minute) {
                continue;
            }
            let by = match x.met.kind {
                IncidentKind::LostReplica
                    if alerts && replica_short_run * STEP_MINUTES >= ALERT_AFTER_MINUTES =>
                {
                    Some(Monitor::ReplicaAlert)
                }
                IncidentKind::TrafficPeak if x.ends.is_some_and(|e| minute >= e) => None,
                _ => noticed,
            };
            let Some(by) = by else { continue };
            x.met.detected = Some((minute + STEP_MINUTES, by));
            let at = minute + STEP_MINUTES + response;
            match x.met.kind {
                // The autoscaler already acts on a peak.
                IncidentKind::TrafficPeak if !automated => actions.push((at, Action::ScaleUp)),
                IncidentKind::TrafficPeak => {}
                IncidentKind::SlowRelease => actions.push((at, Action::RollBack)),
                IncidentKind::LostReplica if !automated => actions.push((at, Action::Replace)),
                IncidentKind::LostReplica => {}
                _ => {}
            }
        }

        // The autoscaler, sizing for the load it just saw.
        if automated {
            let want = needed(rps, mu);
            let have = ready + starting.len() as u32;
            if want > have {
                starting.extend((0..want - have).map(|_| minute + STEP_MINUTES + STARTUP_MINUTES));
                calm_steps = 0;
            } else if want < ready {
                calm_steps += 1;
                if calm_steps >= 3 {
                    ready = want;
                    starting.clear();
                    calm_steps = 0;
                }
            } else {
                calm_steps = 0;
            }
            target = want;
        }
        last_rps = rps;

        if hourly {
            hour_rps += rps;
            hour_failed += failed;
            hour_min_ready = hour_min_ready.min(ready);
            let worst = now.tail(SLO_P95_MS / 1000.0);
            if hour_worst.is_none_or(|(w, _)| worst > w) {
                hour_worst = Some((worst, now));
            }
            if (minute + STEP_MINUTES).is_multiple_of(60) {
                let per_hour = (60 / STEP_MINUTES) as f64;
                let (_, s) = hour_worst.take().expect("a step this hour");
                out.hours.push(HourPoint {
                    rps: (hour_rps / per_hour) as f32,
                    replicas: hour_min_ready.min(255) as u8,
                    p50_ms: (s.percentile(0.50) * 1000.0) as f32,
                    p95_ms: (s.percentile(0.95) * 1000.0) as f32,
                    p99_ms: (s.percentile(0.99) * 1000.0) as f32,
                    error_rate: (hour_failed / (hour_rps * 60.0 * STEP_MINUTES as f64)) as f32,
                });
                (hour_rps, hour_failed, hour_min_ready) = (0.0, 0.0, u32::MAX);
            }
        }
    }

    out.incidents = live
        .into_iter()
        .map(|x| {
            let mut met = x.met;
            if met.kind == IncidentKind::TrafficPeak {
                // A peak is over when the service is back within the SLO for good.
                met.recovered = Some(x.last_breach_end.unwrap_or(met.start));
            }
            met
        })
        .collect();
    out
}

/// Replicas the autoscaler (or an engineer sizing by hand) wants for `rps` at service rate
/// `mu`.
pub fn needed(rps: f64, mu: f64) -> u32 {
    ((rps / (mu * TARGET_UTILISATION)).ceil() as u32).clamp(MIN_REPLICAS, MAX_REPLICAS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(kind: IncidentKind, day: u32) -> Incidents {
        let mut i = Incidents::default();
        i.set(kind, Some(day));
        i
    }

    #[test]
    fn a_quiet_run_keeps_the_slo_at_every_level() {
        for level in PolicyKind::ALL {
            let s = serve(42, 14, &Incidents::default(), level, true);
            assert!(s.incidents.is_empty());
            assert_eq!(s.hours.len(), 14 * 24);
            let worst = s.hours.iter().map(|h| h.p95_ms).fold(0.0, f32::max);
            assert!(worst < SLO_P95_MS as f32, "{level:?}: {worst}");
            let failed: f64 = s.failed_by_day.iter().sum();
            let requests: f64 = s.requests_by_day.iter().sum();
            assert!(failed / requests < 1e-4, "{level:?}");
        }
    }

    #[test]
    fn the_autoscaler_follows_the_daily_load() {
        let s = serve(
            42,
            7,
            &Incidents::default(),
            PolicyKind::AutomatedLoop,
            true,
        );
        let night = s.hours[3].replicas;
        let noon = s.hours[11].replicas;
        assert_eq!(night as u32, MIN_REPLICAS);
        assert!(noon > night, "{noon} vs {night}");
        let fixed = serve(
            42,
            7,
            &Incidents::default(),
            PolicyKind::ManualRetrain,
            true,
        );
        assert!(
            fixed
                .hours
                .iter()
                .all(|h| h.replicas as u32 == FIXED_REPLICAS)
        );
    }

    #[test]
    fn a_traffic_peak_overloads_a_fixed_pool_until_someone_scales_it() {
        let peak = with(IncidentKind::TrafficPeak, 2);
        let auto = serve(42, 7, &peak, PolicyKind::AutomatedLoop, false).incidents[0];
        let manual = serve(42, 7, &peak, PolicyKind::ManualRetrain, false).incidents[0];
        let none = serve(42, 7, &peak, PolicyKind::NoLoop, false).incidents[0];
        assert!(
            manual.failed > 10.0 * auto.failed.max(1.0),
            "{manual:?} {auto:?}"
        );
        assert!(none.failed > manual.failed);
        assert_eq!(manual.detected.map(|d| d.1), Some(Monitor::ErrorAlert));
        assert_eq!(none.detected.map(|d| d.1), Some(Monitor::Complaint));
        let recover = |m: Met| m.recovered.unwrap() - m.start;
        assert!(recover(auto) < recover(manual) && recover(manual) < recover(none));
    }

    #[test]
    fn the_canary_catches_a_slower_release_the_manual_level_ships() {
        let slow = with(IncidentKind::SlowRelease, 3);
        let auto = serve(42, 7, &slow, PolicyKind::AutomatedLoop, false).incidents[0];
        assert_eq!(auto.detected.map(|d| d.1), Some(Monitor::Canary));
        assert!(auto.canary_p95_ms.unwrap() > SLO_P95_MS);
        assert_eq!(auto.recovered, Some(auto.start + CANARY_MINUTES));
        let manual = serve(42, 7, &slow, PolicyKind::ManualRetrain, false).incidents[0];
        assert!(manual.detected.is_some());
        assert!(manual.recovered.unwrap() > auto.recovered.unwrap());
        assert!(manual.failed > 100.0 * auto.failed.max(1.0));
    }

    #[test]
    fn a_lost_replica_is_replaced_by_the_orchestrator_or_by_hand_or_not_at_all() {
        let lost = with(IncidentKind::LostReplica, 1);
        let auto = serve(42, 7, &lost, PolicyKind::AutomatedLoop, false).incidents[0];
        assert_eq!(auto.recovered, Some(auto.start + STARTUP_MINUTES));
        let manual = serve(42, 7, &lost, PolicyKind::ManualRetrain, false).incidents[0];
        assert_eq!(manual.detected.map(|d| d.1), Some(Monitor::ReplicaAlert));
        assert!(manual.recovered.unwrap() > auto.recovered.unwrap());
        let none = serve(42, 7, &lost, PolicyKind::NoLoop, false).incidents[0];
        // Two of three replicas carry the afternoon, but not the next day's busiest hours:
        // only then do callers complain.
        let (at, by) = none.detected.unwrap();
        assert_eq!(by, Monitor::Complaint);
        assert!(at >= 2 * DAY_MINUTES, "{at}");
        assert!(none.recovered.unwrap() > manual.recovered.unwrap());
        assert!(none.failed > manual.failed);
    }

    #[test]
    fn needed_replicas_follow_the_load_within_the_quota() {
        assert_eq!(needed(0.0, 25.0), MIN_REPLICAS);
        assert_eq!(needed(40.0, 25.0), 3);
        assert_eq!(needed(1000.0, 25.0), MAX_REPLICAS);
    }
}
