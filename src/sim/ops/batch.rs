//! The weekly batch at one maturity level: the feature pipeline reads the CRM's extract,
//! the data checks run, the scoring job scores the week's customers and delivers the list
//! to the marketing system by `BATCH_DEADLINE_HOUR`. Two incidents act here: the CRM's
//! switch of monthly charges to agorot (training-serving skew) and a late extract.
//!
//! The automated level checks schema, missing values, ranges, drift and freshness before
//! scoring and waits for a late partition; the manual level checks the schema only (a unit
//! change passes it) and reads a weekly dashboard of matured F1; without monitoring, a cron
//! job scores whatever it finds and only the monthly business review looks at the results.

use super::{
    BATCH_DEADLINE_HOUR, BATCH_HOURS, BATCH_START_HOUR, DAY_MINUTES, LATE_HOURS, Monitor,
    ONCALL_RESPONSE_MINUTES, RELEASE_MINUTE, Skew, UNIT_FIX_HOURS,
};
use crate::sim::config::{Config, PolicyKind};

/// Minute the batch of `week` starts.
pub fn batch_start(week: u32) -> u32 {
    7 * week * DAY_MINUTES + BATCH_START_HOUR * 60
}

/// The first week whose batch starts at or after `minute`.
pub fn first_batch_week(minute: u32) -> u32 {
    minute
        .saturating_sub(BATCH_START_HOUR * 60)
        .div_ceil(7 * DAY_MINUTES)
}

/// Minute the upstream system switches units on `day`.
pub fn unit_change_minute(day: u32) -> u32 {
    day * DAY_MINUTES + RELEASE_MINUTE
}

/// How one level met one batch incident.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BatchMet {
    /// Minute it began.
    pub start: u32,
    /// Minute and monitor that noticed it.
    pub detected: Option<(u32, Monitor)>,
    /// Minute the right scores were delivered again.
    pub recovered: Option<u32>,
    /// Days the campaign ran on wrong or stale scores, or waited for them.
    pub campaign_days_lost: f64,
    /// Campaign value lost, NIS.
    pub campaign_nis: f64,
}

/// The unit change on `day` at `level`, with the champion's scores before and after it
/// (`skew`, none when no batch of the run reads the changed data).
pub fn unit_change(config: &Config, day: u32, level: PolicyKind, skew: Option<&Skew>) -> BatchMet {
    let start = unit_change_minute(day);
    let end = config.horizon_days * DAY_MINUTES;
    let week = first_batch_week(start);
    let batch = batch_start(week);
    let none = BatchMet {
        start,
        detected: None,
        recovered: None,
        campaign_days_lost: 0.0,
        campaign_nis: 0.0,
    };
    let Some(skew) = skew.filter(|_| batch < end) else {
        return none;
    };
    let deadline = batch + (BATCH_DEADLINE_HOUR - BATCH_START_HOUR) * 60;
    let fix = UNIT_FIX_HOURS * 60 + BATCH_HOURS * 60;
    let per_day_lost = (skew.value_nis - skew.skewed_value_nis) / 7.0;
    let labels_visible = |at: u32| at + config.label_delay_days * DAY_MINUTES;
    let (detected, recovered) = match level {
        // The range check stops the batch before it scores: the list waits for the fix.
        PolicyKind::AutomatedLoop => {
            let recovered = batch + fix;
            let late_days = recovered.saturating_sub(deadline) as f64 / DAY_MINUTES as f64;
            return BatchMet {
                detected: Some((batch, Monitor::RangeCheck)),
                recovered: Some(recovered),
                campaign_days_lost: late_days,
                campaign_nis: late_days * skew.value_nis / 7.0,
                ..none
            };
        }
        // The schema passes; the week's labels show the drop on the next dashboard read,
        // then the team takes the usual manual days to find the cause.
        PolicyKind::ManualRetrain => {
            let below = skew.skewed_f1 < config.alert_f1;
            let visible = labels_visible(batch);
            let read_day = (visible.div_ceil(DAY_MINUTES)..)
                .find(|d| d % 7 == config.timings.dashboard_weekday % 7)
                .expect("a weekday comes");
            let seen = read_day * DAY_MINUTES + 9 * 60;
            if !below || seen >= end {
                (None, None)
            } else {
                let fixed = seen + config.timings.manual_retrain_after * DAY_MINUTES + fix;
                (Some((seen, Monitor::MaturedF1)), Some(fixed))
            }
        }
        // The monthly business review, once the week's churn shows in its figures; then the
        // ad-hoc diagnosis takes as long as the no-loop retrain does.
        PolicyKind::NoLoop => {
            let visible = labels_visible(batch);
            let first = config.timings.business_review_day * DAY_MINUTES;
            let review = (0..)
                .map(|k| first + 28 * k * DAY_MINUTES)
                .find(|&m| m >= visible)
                .expect("a review comes");
            let diagnosis = config
                .timings
                .no_loop_retrain_day
                .saturating_sub(config.timings.business_review_day);
            if review >= end {
                (None, None)
            } else {
                let fixed = review + diagnosis * DAY_MINUTES + fix;
                (Some((review, Monitor::BusinessReview)), Some(fixed))
            }
        }
    };
    let wrong_until = recovered.unwrap_or(end).min(end).max(deadline);
    let days = (wrong_until - deadline) as f64 / DAY_MINUTES as f64;
    BatchMet {
        detected,
        recovered: recovered.filter(|&r| r < end),
        campaign_days_lost: days,
        campaign_nis: days * per_day_lost,
        ..none
    }
}

/// A late extract for the first batch on or after `day` at `level`, whose week's campaign
/// is worth `week_value_nis`.
pub fn late_pipeline(
    config: &Config,
    day: u32,
    level: PolicyKind,
    week_value_nis: f64,
) -> BatchMet {
    let week = first_batch_week(day * DAY_MINUTES);
    let start = batch_start(week);
    let end = config.horizon_days * DAY_MINUTES;
    let none = BatchMet {
        start,
        detected: None,
        recovered: None,
        campaign_days_lost: 0.0,
        campaign_nis: 0.0,
    };
    if start >= end {
        return none;
    }
    let deadline = start + (BATCH_DEADLINE_HOUR - BATCH_START_HOUR) * 60;
    let landed = start + LATE_HOURS * 60;
    let per_day = week_value_nis / 7.0;
    // Noticed at `seen` by `by`, the list delivered at `delivered`: the campaign waits
    // from the deadline.
    let delivered_late = |seen: u32, by: Monitor, delivered: u32| {
        let days = delivered.saturating_sub(deadline) as f64 / DAY_MINUTES as f64;
        BatchMet {
            detected: Some((seen, by)),
            recovered: Some(delivered),
            campaign_days_lost: days,
            campaign_nis: days * per_day,
            ..none
        }
    };
    match level {
        // The freshness sensor waits for the partition and the deadline alert tells the
        // on-call; the run goes as soon as the data lands.
        PolicyKind::AutomatedLoop => {
            delivered_late(start, Monitor::FreshnessCheck, landed + BATCH_HOURS * 60)
        }
        // The job fails on the empty partition; its failure e-mail is read when the day
        // starts, and the on-call reruns it once the data is there.
        PolicyKind::ManualRetrain => {
            let read = start.max(start - BATCH_START_HOUR * 60 + 9 * 60);
            let rerun = (read + ONCALL_RESPONSE_MINUTES[1]).max(landed);
            delivered_late(read, Monitor::SchemaCheck, rerun + BATCH_HOURS * 60)
        }
        // The cron job finds no new partition, scores last week's and delivers a list the
        // campaign has already worked through: a week lost, and nobody is told.
        PolicyKind::NoLoop => {
            let next = batch_start(week + 1) + BATCH_HOURS * 60;
            let until = next.min(end);
            let days = until.saturating_sub(deadline) as f64 / DAY_MINUTES as f64;
            BatchMet {
                recovered: (next < end).then_some(next),
                campaign_days_lost: days,
                campaign_nis: days * per_day,
                ..none
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skew() -> Skew {
        Skew {
            f1: 0.84,
            skewed_f1: 0.42,
            skewed_flag_rate: 0.98,
            value_nis: 70_000.0,
            skewed_value_nis: -20_000.0,
        }
    }

    #[test]
    fn batches_start_weekly_and_an_event_waits_for_the_next_one() {
        assert_eq!(batch_start(0), 120);
        assert_eq!(first_batch_week(0), 0);
        assert_eq!(first_batch_week(120), 0);
        assert_eq!(first_batch_week(121), 1);
        assert_eq!(first_batch_week(unit_change_minute(9)), 2);
    }

    #[test]
    fn the_range_check_stops_a_unit_change_before_any_wrong_score_ships() {
        let c = Config::default();
        let auto = unit_change(&c, 9, PolicyKind::AutomatedLoop, Some(&skew()));
        assert_eq!(auto.detected, Some((batch_start(2), Monitor::RangeCheck)));
        let manual = unit_change(&c, 9, PolicyKind::ManualRetrain, Some(&skew()));
        let none = unit_change(&c, 9, PolicyKind::NoLoop, Some(&skew()));
        assert_eq!(manual.detected.map(|d| d.1), Some(Monitor::MaturedF1));
        assert!(auto.campaign_nis < manual.campaign_nis);
        assert!(manual.campaign_nis < none.campaign_nis);
        // The manual level's dashboard is read after the week's labels mature.
        assert!(manual.detected.unwrap().0 >= batch_start(2) + c.label_delay_days * DAY_MINUTES);
    }

    #[test]
    fn a_unit_change_the_scores_survive_is_never_seen_on_the_dashboard() {
        let c = Config::default();
        let harmless = Skew {
            skewed_f1: 0.83,
            ..skew()
        };
        let manual = unit_change(&c, 9, PolicyKind::ManualRetrain, Some(&harmless));
        assert_eq!(manual.detected, None);
    }

    #[test]
    fn a_late_extract_costs_hours_with_a_sensor_and_a_week_without_checks() {
        let c = Config::default();
        let auto = late_pipeline(&c, 10, PolicyKind::AutomatedLoop, 70_000.0);
        let manual = late_pipeline(&c, 10, PolicyKind::ManualRetrain, 70_000.0);
        let none = late_pipeline(&c, 10, PolicyKind::NoLoop, 70_000.0);
        assert_eq!(auto.start, batch_start(2));
        assert_eq!(auto.detected.map(|d| d.1), Some(Monitor::FreshnessCheck));
        assert!(auto.campaign_days_lost < 0.25);
        assert!(manual.recovered.unwrap() >= auto.recovered.unwrap());
        assert_eq!(none.detected, None);
        // From the deadline to the next week's delivery: a week less five hours.
        assert!((none.campaign_days_lost - (7.0 - 5.0 / 24.0)).abs() < 1e-9);
        assert!(none.campaign_nis > 10.0 * auto.campaign_nis);
    }

    #[test]
    fn an_incident_after_the_last_batch_changes_nothing() {
        let c = Config::default();
        let late = late_pipeline(&c, c.horizon_days - 1, PolicyKind::NoLoop, 70_000.0);
        assert_eq!(late.campaign_nis, 0.0);
        let units = unit_change(&c, c.horizon_days - 1, PolicyKind::NoLoop, Some(&skew()));
        assert_eq!(units.campaign_nis, 0.0);
    }
}
