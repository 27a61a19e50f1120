//! Input and prediction drift: each monitored column of a weekly cohort compared with the
//! training reference, with the statistics and thresholds the reference tools document
//! (SCENARIO.md section 3).
//!
//! Columns are kept as histograms on fixed fine grids (one bin per integer for counts and
//! tenure, 0.25 NIS for charges, 0.005 for the usage trend, 0.001 for the score). Every
//! statistic reads two histograms in O(bins), so monitoring a week never sorts. The grids
//! are fine enough that KS and Wasserstein differ from the exact values by less than one
//! bin's mass or width.
//!
//! - PSI: 10 reference-decile bins (one bin per category), empty shares floored at 1e-4;
//!   0.1 warns, 0.25 alerts.
//! - Kolmogorov-Smirnov D with its asymptotic p-value; p < 0.05 is drift.
//! - Jensen-Shannon distance, base 2, on the PSI bins; 0.1 is drift.
//! - Wasserstein-1 divided by the reference standard deviation; 0.1 is drift.
//! - Chi-square test for categorical columns; p < 0.05 is drift.
//!
//! A column counts as drifted by Evidently's default rule, chosen by the **reference**
//! size: with more than 1,000 reference rows, normalised Wasserstein (numeric) or
//! Jensen-Shannon (categorical); with fewer, KS or chi-square p < 0.05. (For a binary
//! column Evidently uses a two-proportion Z-test, whose pooled p-value equals the
//! chi-square test's on the 2 x 2 table.) Evidently also treats a numeric column with five
//! or fewer distinct values as categorical; this app's numeric columns have more. The
//! dataset drifts when at least half the input columns do.

use serde::{Deserialize, Serialize};

/// A monitored column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Column {
    /// Tenure in months.
    Tenure,
    /// Contract type (categorical).
    Contract,
    /// Internet service (categorical).
    Internet,
    /// Monthly charges, NIS.
    Charges,
    /// Pays by electronic check (categorical).
    Echeck,
    /// Complaint calls in 30 days.
    Calls,
    /// Usage trend.
    Usage,
    /// Late payments in 90 days.
    Late,
    /// The model's score (prediction drift).
    Score,
}

/// A fixed histogram grid: `bins` bins of `width` starting at `lo`; values outside are
/// counted in the first or last bin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    /// Left edge of the first bin.
    pub lo: f64,
    /// Bin width.
    pub width: f64,
    /// Bins per unit, `1 / width`: a whole number, so `bin` multiplies by it exactly
    /// instead of dividing by a width that binary cannot hold (0.005), which is also cheaper
    /// in the generator's loop.
    pub per_unit: f64,
    /// Number of bins.
    pub bins: usize,
}

impl Grid {
    /// Bin index of a value.
    pub fn bin(&self, v: f64) -> usize {
        let i = (v - self.lo) * self.per_unit;
        if i <= 0.0 {
            0
        } else {
            (i as usize).min(self.bins - 1)
        }
    }
}

impl Column {
    /// The eight model inputs, in the order cohorts store their histograms.
    pub const INPUTS: [Column; 8] = [
        Column::Tenure,
        Column::Contract,
        Column::Internet,
        Column::Charges,
        Column::Echeck,
        Column::Calls,
        Column::Usage,
        Column::Late,
    ];

    /// True for columns compared category by category.
    pub fn is_categorical(self) -> bool {
        matches!(self, Column::Contract | Column::Internet | Column::Echeck)
    }

    /// The column's histogram grid.
    pub fn grid(self) -> Grid {
        let (lo, per_unit, bins) = match self {
            // Integer columns get one bin per value, centred on it.
            Column::Tenure => (-0.5, 1.0, 73),
            Column::Contract | Column::Internet => (-0.5, 1.0, 3),
            Column::Echeck => (-0.5, 1.0, 2),
            Column::Calls => (-0.5, 1.0, 16),
            Column::Late => (-0.5, 1.0, 12),
            // Bins of 0.25 NIS up to 138 NIS, so a price rise of 16 % still has room.
            Column::Charges => (18.0, 4.0, 480),
            Column::Usage => (-1.2, 200.0, 480),
            Column::Score => (0.0, 1000.0, 1000),
        };
        Grid {
            lo,
            width: 1.0 / per_unit,
            per_unit,
            bins,
        }
    }
}

/// A verdict against a documented threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// Below every threshold.
    Stable,
    /// Above the warning threshold (PSI only).
    Warn,
    /// Above the drift threshold.
    Drift,
}

/// The drift statistics of one column in one week.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnDrift {
    /// Which column.
    pub column: Column,
    /// Population stability index on reference-decile bins.
    pub psi: f64,
    /// PSI verdict (0.1 warn, 0.25 drift).
    pub psi_verdict: Verdict,
    /// Jensen-Shannon distance, base 2, in [0, 1].
    pub js: f64,
    /// JS verdict (0.1).
    pub js_verdict: Verdict,
    /// KS statistic D (numeric columns; 0 for categorical).
    pub ks_d: f64,
    /// KS asymptotic p-value (numeric columns; 1 for categorical).
    pub ks_p: f64,
    /// KS verdict (p < 0.05).
    pub ks_verdict: Verdict,
    /// Wasserstein-1 over the reference standard deviation (numeric; 0 for categorical).
    pub wasserstein: f64,
    /// Wasserstein verdict (0.1).
    pub wasserstein_verdict: Verdict,
    /// Chi-square statistic (categorical; 0 for numeric).
    pub chi2: f64,
    /// Chi-square p-value (categorical; 1 for numeric).
    pub chi2_p: f64,
    /// Chi-square verdict (p < 0.05).
    pub chi2_verdict: Verdict,
    /// The column's overall verdict by Evidently's rule (see the module notes).
    pub drifted: bool,
}

/// PSI thresholds (industry convention).
pub const PSI_WARN: f64 = 0.1;
/// PSI alert threshold.
pub const PSI_ALERT: f64 = 0.25;
/// Distance thresholds for JS and normalised Wasserstein.
pub const DISTANCE_THRESHOLD: f64 = 0.1;
/// p-value threshold for KS and chi-square.
pub const P_THRESHOLD: f64 = 0.05;
/// Share of drifted input columns at which the dataset drifts.
pub const DATASET_SHARE: f64 = 0.5;

/// One coarse bin of a column: its value range and the share of each distribution in it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bin {
    /// Lowest value in the bin (the category's index for a categorical column).
    pub lo: f64,
    /// Highest value in the bin (equal to `lo` for a category).
    pub hi: f64,
    /// Share of the reference in the bin.
    pub reference: f64,
    /// Share of the current week in the bin.
    pub current: f64,
}

/// Drift of one week against the reference: every input column and the score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DriftReport {
    /// Input columns, in `Column::INPUTS` order.
    pub inputs: Vec<ColumnDrift>,
    /// The champion's score distribution against its validation scores.
    pub score: ColumnDrift,
    /// The PSI bins of every input column, in `Column::INPUTS` order.
    pub bins: Vec<Vec<Bin>>,
    /// The champion's scores in ten equal bins, against its validation scores.
    pub score_bins: Vec<Bin>,
    /// Share of input columns that drifted.
    pub drifted_share: f64,
    /// True when the share reaches `DATASET_SHARE`.
    pub dataset_drift: bool,
}

impl DriftReport {
    /// The largest PSI over the input columns.
    pub fn max_input_psi(&self) -> f64 {
        self.inputs.iter().map(|c| c.psi).fold(0.0, f64::max)
    }
}
