//! How long each step of a fix takes: the automated loop's retrain and canary, the manual
//! retrain's dashboard, queue and release train, and the no-loop review, retrain and
//! release window. The defaults are the scenario's stated assumptions; `TIMING_FIELDS` is
//! the one table the URL, the lab's assumptions panel and the lesson builder read.

use serde::{Deserialize, Serialize};

/// Days each step of a fix takes: the automated loop's and the manual processes'. Day 0 is
/// the deployment of the first model. The defaults are the scenario's stated assumptions;
/// the lab's assumptions panel changes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timings {
    /// Automated loop: days from the alert to the retrain and its gate (the pipeline runs
    /// overnight).
    pub loop_retrain_after: u32,
    /// Automated loop: the fewest days a canary runs before the promotion (it starts the
    /// day after the gate, and runs longer while the day's traffic cannot yet tell the two
    /// models apart: `CanaryPlan`).
    pub canary_days: u32,
    /// `ManualRetrain`: the dashboard is read on days where `day % 7` equals this.
    pub dashboard_weekday: u32,
    /// `ManualRetrain`: days from noticing the drop to the retrain and manual QA.
    pub manual_retrain_after: u32,
    /// `ManualRetrain`: days from noticing the drop to the release.
    pub manual_release_after: u32,
    /// `NoLoop`: the monthly retention-KPI review.
    pub business_review_day: u32,
    /// `NoLoop`: the day the ad-hoc notebook retrain is finished.
    pub no_loop_retrain_day: u32,
    /// `NoLoop`: the release window that finally deploys the fix.
    pub no_loop_deploy_day: u32,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            loop_retrain_after: 1,
            canary_days: 1,
            dashboard_weekday: 3,
            manual_retrain_after: 3,
            manual_release_after: 11,
            business_review_day: 35,
            no_loop_retrain_day: 44,
            no_loop_deploy_day: 52,
        }
    }
}

/// One duration of `Timings`, as the URL, the lab and a lesson name it.
#[derive(Clone, Copy, Debug)]
pub struct TimingField {
    /// URL key and lab input id.
    pub key: &'static str,
    /// Smallest and largest value a link or a control may give it (`validate` also
    /// checks the durations against one another).
    pub range: (u32, u32),
    /// Reads it.
    pub get: fn(&Timings) -> u32,
    /// Writes it.
    pub set: fn(&mut Timings, u32),
}

/// Every duration of `Timings`, in the lab's order.
pub const TIMING_FIELDS: [TimingField; 8] = [
    TimingField {
        key: "lretrain",
        range: (0, 14),
        get: |t| t.loop_retrain_after,
        set: |t, v| t.loop_retrain_after = v,
    },
    TimingField {
        key: "canary",
        range: (1, 14),
        get: |t| t.canary_days,
        set: |t, v| t.canary_days = v,
    },
    TimingField {
        key: "dash",
        range: (0, 6),
        get: |t| t.dashboard_weekday,
        set: |t, v| t.dashboard_weekday = v,
    },
    TimingField {
        key: "mretrain",
        range: (1, 59),
        get: |t| t.manual_retrain_after,
        set: |t, v| t.manual_retrain_after = v,
    },
    TimingField {
        key: "mrelease",
        range: (2, 60),
        get: |t| t.manual_release_after,
        set: |t, v| t.manual_release_after = v,
    },
    TimingField {
        key: "review",
        range: (1, 363),
        get: |t| t.business_review_day,
        set: |t, v| t.business_review_day = v,
    },
    TimingField {
        key: "nlretrain",
        range: (2, 364),
        get: |t| t.no_loop_retrain_day,
        set: |t, v| t.no_loop_retrain_day = v,
    },
    TimingField {
        key: "nldeploy",
        range: (3, 365),
        get: |t| t.no_loop_deploy_day,
        set: |t, v| t.no_loop_deploy_day = v,
    },
];

/// The confidence at which a canary's check must be decided (two-sided).
pub const CANARY_CONFIDENCE: f64 = 0.95;
/// The standard normal quantile of `CANARY_CONFIDENCE`, two-sided.
const CANARY_Z: f64 = 1.959_964;
/// The canary's check: the challenger's flag rate within this share of the churn last
/// measured, either way.
pub const CANARY_TOLERANCE: f64 = 0.30;
/// The longest a canary runs: past it, the challenger's flag rate sits so near an edge of
/// the band that the traffic cannot decide, and the canary ends on the rate it measured.
pub const CANARY_MAX_DAYS: u32 = 14;

/// How long a canary runs, from the day's traffic. In shadow the challenger scores every
/// customer the champion scores that day (a weekly list of `cohort_size`, a seventh of it a
/// day); the canary checks that its flag rate is within `CANARY_TOLERANCE` of the churn
/// last measured, and runs until the traffic decides that check at `CANARY_CONFIDENCE`:
/// until the rate's confidence interval lies wholly inside or wholly outside the band. No
/// shorter than the assumption `Timings::canary_days`, no longer than `CANARY_MAX_DAYS`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CanaryPlan {
    /// The challenger's flag rate.
    pub rate: f64,
    /// The band it must fall in: the churn last measured, ± `CANARY_TOLERANCE` of it.
    pub band: (f64, f64),
    /// Customers scored in shadow each day.
    pub rows_per_day: u32,
    /// Customers needed to decide the check; `None` when the rate sits on an edge.
    pub rows_needed: Option<u32>,
    /// Days of traffic those customers take (`u32::MAX` when none would do).
    pub days_needed: u32,
    /// Days the canary runs: `days_needed` within `canary_days..=CANARY_MAX_DAYS`.
    pub days: u32,
}

impl CanaryPlan {
    /// The plan for a weekly list of `cohort_size` customers when the challenger flags
    /// `rate` of them and the churn last measured is `churn`.
    pub fn new(cohort_size: u32, rate: f64, churn: f64, min_days: u32) -> Self {
        let rows_per_day = (cohort_size / 7).max(1);
        let band = (
            churn * (1.0 - CANARY_TOLERANCE),
            churn * (1.0 + CANARY_TOLERANCE),
        );
        // The interval's half-width z·√(p(1 − p)/n) must fall short of the nearer edge.
        let edge = (rate - band.0).abs().min((band.1 - rate).abs());
        let rows_needed = (edge > 0.0).then(|| {
            let n = CANARY_Z * CANARY_Z * rate * (1.0 - rate) / (edge * edge);
            n.ceil().clamp(1.0, u32::MAX as f64) as u32
        });
        let days_needed = rows_needed.map_or(u32::MAX, |n| n.div_ceil(rows_per_day));
        CanaryPlan {
            rate,
            band,
            rows_per_day,
            rows_needed,
            days_needed,
            days: days_needed.clamp(min_days.min(CANARY_MAX_DAYS), CANARY_MAX_DAYS),
        }
    }

    /// Whether the rate is inside the band.
    pub fn within(&self) -> bool {
        (self.band.0..=self.band.1).contains(&self.rate)
    }

    /// True when the traffic could not decide within `CANARY_MAX_DAYS`.
    pub fn undecided(&self) -> bool {
        self.days_needed > CANARY_MAX_DAYS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canary_runs_until_the_traffic_decides_its_check() {
        // 35 % flagged against 34 % churn: the band is 23.8-44.2 %, the nearer edge 9.2
        // points away, so 1.96² · 0.35 · 0.65 / 0.092² ≈ 104 customers: under one day of a
        // 5,000-customer weekly list (714 a day).
        let p = CanaryPlan::new(5000, 0.35, 0.34, 1);
        assert_eq!(p.rows_per_day, 714);
        assert!(p.within());
        assert!((100..=108).contains(&p.rows_needed.unwrap()), "{p:?}");
        assert_eq!((p.days_needed, p.days), (1, 1));
        // A rate near an edge on a tenth of the traffic takes days.
        let p = CanaryPlan::new(500, 0.40, 0.34, 1);
        assert_eq!(p.rows_per_day, 71);
        assert_eq!(p.days, p.rows_needed.unwrap().div_ceil(71));
        assert!(p.days >= 5, "{p:?}");
        // The assumption is a floor.
        assert_eq!(CanaryPlan::new(5000, 0.35, 0.34, 3).days, 3);
        // On the edge, no traffic decides: the longest canary.
        let p = CanaryPlan::new(5000, 0.442, 0.34, 1);
        assert!(p.undecided());
        assert_eq!(p.days, CANARY_MAX_DAYS);
        // Far outside the band is decided as fast as far inside.
        assert!(!CanaryPlan::new(5000, 0.70, 0.34, 1).within());
        assert_eq!(CanaryPlan::new(5000, 0.70, 0.34, 1).days, 1);
    }

    #[test]
    fn the_sample_size_gives_an_interval_that_clears_the_edge() {
        // With the customers it asks for, the 95 % interval no longer reaches the edge.
        let p = CanaryPlan::new(7000, 0.40, 0.34, 1);
        // Squared: the half-width z·√(p(1 − p)/n) against the distance to the edge.
        let n = p.rows_needed.unwrap() as f64;
        let edge = p.band.1 - 0.40;
        let half_squared = |n: f64| CANARY_Z * CANARY_Z * 0.40 * 0.60 / n;
        assert!(half_squared(n) <= edge * edge, "{p:?}");
        assert!(half_squared(n - 1.0) > edge * edge, "{p:?}");
    }
}
