//! What a run produces, as plain data: the models trained, each week's monitoring, each
//! policy's days and events, and the article's figures. The page formats and translates it;
//! it crosses from the worker to the page as serde data, so nothing here computes a run.

use serde::{Deserialize, Serialize};

use super::config::{Config, PolicyKind};
use super::drift::DriftReport;
use super::events::Event;
use super::metrics::{Confusion, Segments};
use super::ops::OpsOutcome;

/// Number of model inputs including the intercept column.
pub const N_FEATURES: usize = 12;

/// One customer's model inputs: `[1, log_tenure_z, m2m, two_year, fiber, no_internet,
/// echeck, charges_z, calls_z, calls_ge4, usage_z, late_z]`.
pub type Features = [f64; N_FEATURES];

/// A fitted model: coefficients and decision threshold.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Coefficients, aligned with `world::Features` (index 0 is the intercept).
    pub coef: Features,
    /// Decision threshold, on the grid 0.05..=0.94 in steps of 0.01.
    pub threshold: f64,
}

/// Index of a model in `Outcome::models`. The champion deployed on day 0 is `ModelId(0)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ModelId(pub u8);

/// What a model was trained on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrainingData {
    /// The champion: history weeks -8..=-3 to fit, -2..=-1 to choose the threshold.
    History,
    /// A labelled week after deployment: its first 55 % to fit, the next 15 % to choose
    /// the threshold, the last 30 % left to the gate (`HOLDOUT_CUT_PERCENT`).
    FreshWeek(u32),
    /// The same split of the last pre-deployment week: data from before the drift.
    StaleHistory,
}

/// A trained model and what it was trained on.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelCard {
    /// Its id.
    pub id: ModelId,
    /// Version number shown to people (v1 is the champion).
    pub version: u32,
    /// Its training data.
    pub trained_on: TrainingData,
    /// For a week after deployment, the model whose retention campaign shaped the labels
    /// it learnt from (`campaign`).
    pub labels_from: Option<ModelId>,
    /// Coefficients and threshold.
    pub model: Model,
    /// F1 on its own threshold-tuning data (validation F1): for a challenger, the rows
    /// between its fit and the gate's holdout.
    pub reference_f1: f64,
    /// ROC AUC on the same data.
    pub reference_auc: f64,
}

/// The validation gate's measurements and verdicts (SCENARIO.md section 4).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GateReport {
    /// The labelled week whose holdout (the rows the challenger neither fitted nor tuned
    /// its threshold on) the gate uses.
    pub holdout_week: u32,
    /// Customers in the holdout.
    pub holdout_rows: u32,
    /// Champion F1 on the holdout.
    pub champion_f1: f64,
    /// Challenger F1 on the holdout.
    pub challenger_f1: f64,
    /// Challenger ROC AUC on the holdout.
    pub challenger_auc: f64,
    /// Share of the holdout the challenger flags.
    pub positive_rate: f64,
    /// Share of the holdout that churned.
    pub observed_churn_rate: f64,
    /// Challenger F1 per contract segment.
    pub contract_f1: [f64; 3],
    /// Churners per contract segment in the holdout that the F1 estimate rests on (with a
    /// control group, the effective size of the weighted count: `campaign::Measured`): a
    /// segment with fewer than `GATE_MIN_SEGMENT_CHURNERS` is shown but not judged.
    pub contract_churners: [u32; 3],
    /// Challenger F1 at least champion F1 + 0.02.
    pub beats_champion: bool,
    /// Challenger F1 at least 0.80.
    pub f1_ok: bool,
    /// Challenger AUC at least 0.90.
    pub auc_ok: bool,
    /// Positive rate within ±25 % of the observed churn rate.
    pub rate_ok: bool,
    /// Every contract segment with enough churners at F1 `GATE_MIN_SEGMENT_F1` or more.
    pub segments_ok: bool,
    /// All criteria hold.
    pub passed: bool,
}

/// The cuts of a fresh labelled week, in percent of its rows: a challenger is fitted on the
/// rows before the first, its threshold tuned on the rows up to the second, and the rest
/// is the gate's holdout, which neither saw.
pub const HOLDOUT_CUT_PERCENT: (usize, usize) = (55, 70);

/// Gate thresholds.
pub const GATE_MARGIN: f64 = 0.02;
/// Minimum challenger F1.
pub const GATE_MIN_F1: f64 = 0.80;
/// Minimum challenger AUC.
pub const GATE_MIN_AUC: f64 = 0.90;
/// Allowed relative gap between positive rate and observed churn.
pub const GATE_RATE_TOLERANCE: f64 = 0.25;
/// Minimum per-segment F1. SCENARIO.md proposes 0.70; in this world the two-year segment
/// after the drift has about 50 churners in a 30 % holdout and even a good challenger
/// scores 0.62-0.77 there, so 0.70 blocked sound fixes in more than half the seeds. 0.60
/// still blocks a challenger that ignores a segment.
pub const GATE_MIN_SEGMENT_F1: f64 = 0.60;
/// Segments with fewer holdout churners than this are reported but not judged: an F1 on
/// a handful of positives is noise (two-year contracts churn at 2 % before the drift).
pub const GATE_MIN_SEGMENT_CHURNERS: u32 = 30;

/// The world's state each week, as monitoring sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekReport {
    /// Week index; scored on day `7 · week`.
    pub week: u32,
    /// Drift strength acting on this cohort.
    pub drift_strength: f64,
    /// Observed churn rate once labels mature.
    pub churn_rate: f64,
    /// Input and score drift against the champion's reference data.
    pub drift: DriftReport,
    /// Champion's F1 on this week (what a model nobody touched would score).
    pub champion_f1: f64,
    /// Champion's ROC AUC on this week.
    pub champion_auc: f64,
    /// Champion's confusion matrix on this week.
    pub champion_confusion: Confusion,
    /// Champion's F1 per contract (month-to-month, one-year, two-year) on this week.
    pub champion_contract_f1: [f64; 3],
    /// Champion's errors per segment (contract, tenure, charges) on this week, as the
    /// team measures them once the labels mature (what triage reads).
    pub champion_segments: Segments,
    /// Champion's CBPE estimate on this week.
    pub champion_cbpe_f1: f64,
    /// Champion's F1 on this week as the team measures it, on the labels its campaign
    /// left (`sim::campaign`): near `champion_f1` with a control group, below it without.
    pub champion_seen_f1: f64,
    /// Churners the champion's campaign kept this week, recorded as stayers.
    pub champion_kept: u32,
    /// Customers offered the retention deal this week.
    pub champion_offered: u32,
    /// Churners the champion flagged in the control group, who got no offer: the price
    /// of the honest measurement.
    pub control_churners_flagged: u32,
}

/// The figures the article reports, computed from the run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    /// Champion F1 on cohorts scored before the drift (validation F1 if there are none).
    pub f1_before_drift: f64,
    /// Champion F1 on the week-1 cohort, whose labels mature two weeks after deployment.
    pub f1_stale_two_weeks_after_deploy: f64,
    /// F1 of the model the automated loop first promoted, on the weeks it served in full.
    pub f1_after_fix: Option<f64>,
    /// Days from the automated loop's first alert to its first promotion.
    pub days_alert_to_fix_with_loop: Option<u32>,
    /// Degraded days under the automated loop.
    pub degraded_days_with_loop: u32,
    /// Degraded days under the manual retrain.
    pub degraded_days_manual: u32,
    /// Degraded days without a loop.
    pub degraded_days_without_loop: u32,
    /// Value of the automated loop over no loop across the horizon, NIS.
    pub saving_nis: f64,
    /// Value of the automated loop over the manual retrain, NIS.
    pub saving_over_manual_nis: f64,
    /// Mean value lost per day the no-loop model was degraded and the loop's was not, NIS.
    pub loss_per_degraded_day_nis: f64,
    /// The days the no-loop model was degraded and the loop's was not.
    pub days_loop_spared: u32,
    /// Share of churn a healthy model prevents (champion before drift).
    pub churn_reduction_healthy: f64,
}

/// One decision threshold on the champion's validation weeks: whom it flags, and what the
/// retention campaign is worth a week at it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThresholdPoint {
    /// The threshold, on the grid the ML Developer tunes over (0.05..=0.94).
    pub threshold: f64,
    /// The confusion matrix at it, over the validation weeks.
    pub confusion: Confusion,
    /// The campaign's value per week at it, NIS (the cost model of `cost`).
    pub value_nis: f64,
}

/// Everything a run produces. Plain data: the UI formats and translates it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The configuration that produced it.
    pub config: Config,
    /// Every model trained, by id.
    pub models: Vec<ModelCard>,
    /// One report per weekly cohort.
    pub weeks: Vec<WeekReport>,
    /// One run per policy, in `PolicyKind::ALL` order.
    pub policies: Vec<PolicyRun>,
    /// The article's figures.
    pub headline: Headline,
    /// Every threshold the champion could have had, on its validation weeks.
    pub thresholds: Vec<ThresholdPoint>,
    /// The champion's errors per segment on its validation weeks.
    pub reference_segments: Segments,
    /// The production system around the model: the service, the batch and the
    /// incidents switched on (`sim::ops`).
    pub ops: OpsOutcome,
}

impl Outcome {
    /// The run of one policy.
    pub fn policy(&self, kind: PolicyKind) -> &PolicyRun {
        &self.policies[kind.index()]
    }

    /// Every policy's events, by day (ties in `PolicyKind::ALL` order).
    pub fn timeline(&self) -> Vec<&Event> {
        let mut all: Vec<&Event> = self.policies.iter().flat_map(|p| &p.events).collect();
        // Stable sort keeps each policy's own order within a day.
        all.sort_by_key(|e| (e.day, e.policy.index()));
        all
    }
}

/// One policy's state on one day.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayMetrics {
    /// Day since the first deployment.
    pub day: u32,
    /// The model serving that day.
    pub model: ModelId,
    /// Its F1 on the current week's cohort (true labels, known to the simulation only).
    pub f1: f64,
    /// Precision on the same cohort.
    pub precision: f64,
    /// Recall on the same cohort.
    pub recall: f64,
    /// ROC AUC on the same cohort.
    pub auc: f64,
    /// Confusion matrix on the same cohort.
    pub confusion: Confusion,
    /// F1 per contract (month-to-month, one-year, two-year) on the same cohort.
    pub contract_f1: [f64; 3],
    /// CBPE label-free F1 estimate on the same cohort.
    pub cbpe_f1: f64,
    /// The latest matured F1 the team can see (none without a label join).
    pub matured_f1: Option<f64>,
    /// Share of the current cohort's churn events so far that were flagged (none before
    /// the first event).
    pub recall_to_date: Option<f64>,
    /// Value of the retention campaign that day, NIS.
    pub value_nis: f64,
    /// True when F1 is below the alert threshold or has dropped more than the alert drop
    /// below the champion's validation F1.
    pub degraded: bool,
}

/// A policy's simulated run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyRun {
    /// Which policy.
    pub kind: PolicyKind,
    /// What happened, in order.
    pub events: Vec<Event>,
    /// One entry per day of the horizon.
    pub days: Vec<DayMetrics>,
    /// Days counted as degraded.
    pub degraded_days: u32,
    /// Total value of the campaigns over the horizon, NIS.
    pub value_nis: f64,
    /// Day of the first alert or first noticing of the drop.
    pub first_alert_day: Option<u32>,
    /// Day of the first promotion of a new model.
    pub first_promotion_day: Option<u32>,
}
