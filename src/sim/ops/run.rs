//! Runs the production system for a `Config`: the service (`serve.rs`) and the batch
//! (`batch.rs`) at each maturity level, with the incidents switched on, and what each
//! costs. `skew` measures a unit change on the champion's own scores, so the F1 it wrecks
//! and the checks that see it are the run's, not assumed.

use super::batch::{self, BatchMet};
use super::serve::{self, Met};
use super::{
    BATCH_DEADLINE_HOUR, BATCH_START_HOUR, BatchWeek, Check, DAY_MINUTES, IncidentKind, LATE_HOURS,
    Monitor, OFFER_SHARE, OpsOutcome, Response, SLA_CREDIT_TIERS, SLA_MONTH_DAYS,
    SLA_MONTHLY_FEE_NIS, SLO_AVAILABILITY, SLO_P95_MS, Skew,
};
use crate::sim::config::{Business, Config, PolicyKind};
use crate::sim::cost;
use crate::sim::drift::{Column, PSI_ALERT};
use crate::sim::metrics::Confusion;
use crate::sim::monitor;
use crate::sim::outcome::Model;
use crate::sim::world::Cohort;

/// Highest monthly charge in the training data, NIS: the range check's upper bound.
pub const CHARGES_MAX_NIS: f64 = 118.75;
/// A data check fails a batch when more than this share of a column's values is out of
/// range, or missing.
pub const CHECK_TOLERANCE: f64 = 0.01;

/// What the batch reads of the churn run: the champion's campaign value each week, and
/// the unit change's effect on the week it reaches.
#[derive(Clone, Debug, Default)]
pub struct BatchInputs {
    /// The champion's campaign value in each week of the run, NIS.
    pub week_value_nis: Vec<f64>,
    /// The unit change's effect, with what the batch's checks measure of the charges.
    pub skew: Option<(Skew, Measured)>,
}

/// What the batch's data checks measure of the charges the CRM sends after a unit change.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Measured {
    /// PSI of the charges against the training data.
    pub psi: f64,
    /// Share of the values above the training data's highest charge.
    pub over: f64,
    /// Share of the values missing (empty or not a number).
    pub missing: f64,
}

/// The unit change on one week: the champion's scores with the charges as the CRM now
/// sends them (agorot), against its scores with them in shekels (`normal`).
pub fn skew(
    cohort: &Cohort,
    model: &Model,
    reference_charges: &[u32],
    business: &Business,
    normal: Confusion,
) -> (Skew, Measured) {
    let grid = Column::Charges.grid();
    let mut hist = vec![0u32; grid.bins];
    let mut skewed = Confusion::default();
    let (mut over, mut missing) = (0usize, 0usize);
    for (x, &churned) in cohort.x.iter().zip(&cohort.y) {
        let shekels = 64.76 + 30.09 * x[7];
        let agorot = 100.0 * shekels;
        hist[grid.bin(agorot)] += 1;
        over += usize::from(agorot > CHARGES_MAX_NIS);
        missing += usize::from(!agorot.is_finite());
        let mut sent = *x;
        sent[7] = (agorot - 64.76) * (1.0 / 30.09);
        skewed.record(model.flags(&sent), churned);
    }
    let psi = monitor::compare(Column::Charges, reference_charges, &hist).psi;
    let n = cohort.len().max(1) as f64;
    (
        Skew {
            f1: normal.f1(),
            skewed_f1: skewed.f1(),
            skewed_flag_rate: skewed.positive_rate(),
            value_nis: cost::value_per_week(&normal, business),
            skewed_value_nis: cost::value_per_week(&skewed, business),
        },
        Measured {
            psi,
            over: over as f64 / n,
            missing: missing as f64 / n,
        },
    )
}

/// The share of a month's fee the SLA credits back at `availability`.
pub fn credit_share(availability: f64) -> f64 {
    SLA_CREDIT_TIERS
        .iter()
        .filter(|(floor, _)| availability < *floor)
        .map(|&(_, share)| share)
        .fold(0.0, f64::max)
}

/// The SLA credits of each month of a service run, with the month's failed requests.
fn monthly_credits(served: &serve::Served) -> Vec<(f64, f64)> {
    served
        .failed_by_day
        .chunks(SLA_MONTH_DAYS)
        .zip(served.requests_by_day.chunks(SLA_MONTH_DAYS))
        .map(|(failed, requests)| {
            let (failed, requests) = (failed.iter().sum::<f64>(), requests.iter().sum::<f64>());
            let availability = 1.0 - failed / requests.max(1.0);
            (credit_share(availability) * SLA_MONTHLY_FEE_NIS, failed)
        })
        .collect()
}

/// The value of one failed request: the share of visits by a flagged customer, who would
/// have seen the offer and accepted it at the save rate.
pub fn value_per_request(b: &Business) -> f64 {
    OFFER_SHARE * b.save_rate * (b.arpu_nis * b.months_retained - b.offer_cost_nis)
}

/// What the service's run depends on: the seed, the days, the incidents that act on the
/// service, the slower release's slowdown and the level whose hours are kept. A `Session` keeps the last `served` under it,
/// so moving a drift, alert or business control does not step the service again.
pub type ServeKey = (u64, u32, [Option<u32>; 3], u64, PolicyKind);

/// The key of `config`'s service runs.
pub fn serve_key(config: &Config) -> ServeKey {
    let i = &config.incidents;
    (
        config.seed,
        config.horizon_days,
        [
            i.day(IncidentKind::TrafficPeak),
            i.day(IncidentKind::SlowRelease),
            i.day(IncidentKind::LostReplica),
        ],
        i.slowdown.to_bits(),
        config.policy,
    )
}

/// The service at every level (`PolicyKind::ALL` order), the shown level's hours kept.
pub fn served(config: &Config) -> [serve::Served; 3] {
    PolicyKind::ALL.map(|level| {
        serve::serve(
            config.seed,
            config.horizon_days,
            &config.incidents,
            level,
            level == config.policy,
        )
    })
}

/// The production system over the run of `config`, with its service runs (`served`).
pub fn operate(
    config: &Config,
    inputs: &BatchInputs,
    all_served: &[serve::Served; 3],
) -> OpsOutcome {
    let days = config.horizon_days;
    let incidents = &config.incidents;
    let per_request = value_per_request(&config.business);
    let mut responses = Vec::new();
    let mut budget_left: [Vec<f64>; 3] = Default::default();
    let mut hours = Vec::new();
    let mut requests = 0.0;
    let mut canary_p95 = None;
    let mut sla_credits_nis = [0.0; 3];
    for level in PolicyKind::ALL {
        let served = &all_served[level.index()];
        let credits = monthly_credits(served);
        sla_credits_nis[level.index()] = credits.iter().map(|c| c.0).sum();
        requests = served.requests_by_day.iter().sum::<f64>();
        let budget = (1.0 - SLO_AVAILABILITY) * requests;
        let mut used = 0.0;
        budget_left[level.index()] = served
            .failed_by_day
            .iter()
            .map(|f| {
                used += f;
                1.0 - used / budget
            })
            .collect();
        if level == config.policy {
            hours = served.hours.clone();
        }
        for (kind, day) in incidents.on() {
            let response = match kind {
                IncidentKind::UnitChange => from_batch(
                    kind,
                    level,
                    batch::unit_change(config, day, level, inputs.skew.as_ref().map(|s| &s.0)),
                ),
                IncidentKind::LatePipeline => {
                    let week = batch::first_batch_week(day * DAY_MINUTES) as usize;
                    let value = inputs.week_value_nis.get(week).copied().unwrap_or(0.0);
                    from_batch(kind, level, batch::late_pipeline(config, day, level, value))
                }
                _ => {
                    let met = served
                        .incidents
                        .iter()
                        .find(|m| m.kind == kind)
                        .copied()
                        .unwrap_or(Met {
                            kind,
                            start: days * DAY_MINUTES,
                            detected: None,
                            recovered: None,
                            breach_minutes: 0,
                            failed: 0.0,
                            canary_p95_ms: None,
                        });
                    if level == PolicyKind::AutomatedLoop && kind == IncidentKind::SlowRelease {
                        canary_p95 = met.canary_p95_ms;
                    }
                    // The month's credits, shared by the failures that earned them.
                    let month = (met.start / DAY_MINUTES) as usize / SLA_MONTH_DAYS;
                    let sla_credit_nis = credits
                        .get(month)
                        .filter(|(_, failed)| *failed > 0.0)
                        .map_or(0.0, |(credit, failed)| credit * met.failed / failed);
                    Response {
                        kind,
                        level,
                        start_minute: met.start,
                        detected: met.detected,
                        recovered_minute: met.recovered,
                        slo_breach_minutes: met.breach_minutes,
                        failed_requests: met.failed,
                        campaign_days_lost: 0.0,
                        lost_offers_nis: met.failed * per_request,
                        campaign_nis: 0.0,
                        sla_credit_nis,
                    }
                }
            };
            responses.push(response);
        }
    }
    // Group by incident, each in level order.
    responses.sort_by_key(|r| (r.kind.index(), r.level.index()));
    let checks: Vec<(IncidentKind, Vec<Check>)> = incidents
        .on()
        .map(|(kind, _)| (kind, checks(kind, config, inputs, canary_p95)))
        .collect();
    let batches = batch_weeks(days, &responses, &checks);
    OpsOutcome {
        responses,
        checks,
        skew: inputs
            .skew
            .map(|s| s.0)
            .filter(|_| incidents.day(IncidentKind::UnitChange).is_some()),
        hours,
        budget_left,
        requests,
        sla_credits_nis,
        batches,
    }
}

/// Every weekly batch of a run of `days` days: how late each level's right scores were,
/// from the batch incidents' responses, and the data checks that fired on it.
fn batch_weeks(
    days: u32,
    responses: &[Response],
    checks: &[(IncidentKind, Vec<Check>)],
) -> Vec<BatchWeek> {
    let end = days * DAY_MINUTES;
    let week_minutes = 7 * DAY_MINUTES;
    (0..)
        .map(|week| (week, batch::batch_start(week)))
        .take_while(|&(_, start)| start < end)
        .map(|(week, start)| {
            let deadline = start + (BATCH_DEADLINE_HOUR - BATCH_START_HOUR) * 60;
            let mut late_hours = [0.0; 3];
            let mut fired = Vec::new();
            let batch_incidents = responses.iter().filter(|r| {
                matches!(
                    r.kind,
                    IncidentKind::UnitChange | IncidentKind::LatePipeline
                )
            });
            for r in batch_incidents {
                let first = batch::first_batch_week(r.start_minute);
                if week < first {
                    continue;
                }
                let right_again = r.recovered_minute.unwrap_or(u32::MAX);
                let late = right_again.saturating_sub(deadline).min(week_minutes);
                let slot = &mut late_hours[r.level.index()];
                *slot = f64::max(*slot, late as f64 / 60.0);
                if week == first && r.level == PolicyKind::AutomatedLoop {
                    let on_input = checks
                        .iter()
                        .filter(|(k, _)| *k == r.kind)
                        .flat_map(|(_, c)| c)
                        .filter(|c| c.fired && c.monitor != Monitor::MaturedF1);
                    fired.extend(on_input.map(|c| c.monitor));
                }
            }
            BatchWeek {
                week,
                late_hours,
                fired,
            }
        })
        .collect()
}

fn from_batch(kind: IncidentKind, level: PolicyKind, met: BatchMet) -> Response {
    Response {
        kind,
        level,
        start_minute: met.start,
        detected: met.detected,
        recovered_minute: met.recovered,
        slo_breach_minutes: 0,
        failed_requests: 0.0,
        campaign_days_lost: met.campaign_days_lost,
        lost_offers_nis: 0.0,
        campaign_nis: met.campaign_nis,
        sla_credit_nis: 0.0,
    }
}

/// What the monitors that can see `kind` measured of it.
fn checks(
    kind: IncidentKind,
    config: &Config,
    inputs: &BatchInputs,
    canary_p95: Option<f64>,
) -> Vec<Check> {
    match kind {
        IncidentKind::UnitChange => match inputs.skew {
            Some((skew, m)) => vec![
                // The column keeps its name and type: the schema check has nothing to see.
                Check {
                    monitor: Monitor::SchemaCheck,
                    fired: false,
                    value: 0.0,
                },
                Check {
                    monitor: Monitor::MissingCheck,
                    fired: m.missing > CHECK_TOLERANCE,
                    value: m.missing,
                },
                Check {
                    monitor: Monitor::RangeCheck,
                    fired: m.over > CHECK_TOLERANCE,
                    value: m.over,
                },
                Check {
                    monitor: Monitor::InputPsi,
                    fired: m.psi > PSI_ALERT,
                    value: m.psi,
                },
                Check {
                    monitor: Monitor::MaturedF1,
                    fired: skew.skewed_f1 < config.alert_f1,
                    value: skew.skewed_f1,
                },
            ],
            None => Vec::new(),
        },
        IncidentKind::LatePipeline => vec![
            Check {
                monitor: Monitor::FreshnessCheck,
                fired: true,
                value: LATE_HOURS as f64,
            },
            Check {
                monitor: Monitor::DeadlineAlert,
                fired: true,
                value: LATE_HOURS as f64,
            },
        ],
        IncidentKind::SlowRelease => canary_p95
            .map(|p95| Check {
                monitor: Monitor::Canary,
                fired: p95 > SLO_P95_MS,
                value: p95,
            })
            .into_iter()
            .collect(),
        IncidentKind::TrafficPeak | IncidentKind::LostReplica => Vec::new(),
    }
}
