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
    /// Every policy: days a canary runs before the promotion (it starts the day after the
    /// gate).
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
