//! Classification metrics: the confusion matrix and what derives from it (precision,
//! recall, F1), and ROC AUC from a fine histogram of scores.
//!
//! Every metric is defined as 0 when its denominator is empty (the "zero division"
//! convention of scikit-learn), so no value is ever NaN.

use serde::{Deserialize, Serialize};

/// Counts of a binary classifier's decisions against the truth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confusion {
    /// Churners flagged.
    pub tp: u32,
    /// Stayers flagged.
    pub fp: u32,
    /// Stayers not flagged.
    pub tn: u32,
    /// Churners missed.
    pub fn_: u32,
}

impl Confusion {
    /// Adds one decision.
    pub fn record(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, false) => self.tn += 1,
            (false, true) => self.fn_ += 1,
        }
    }

    /// Sum of two matrices.
    pub fn plus(self, o: Confusion) -> Confusion {
        Confusion {
            tp: self.tp + o.tp,
            fp: self.fp + o.fp,
            tn: self.tn + o.tn,
            fn_: self.fn_ + o.fn_,
        }
    }

    /// Number of customers.
    pub fn total(&self) -> u32 {
        self.tp + self.fp + self.tn + self.fn_
    }

    /// TP / (TP + FP).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// 2 TP / (2 TP + FP + FN).
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// Share of customers flagged.
    pub fn positive_rate(&self) -> f64 {
        ratio(self.tp + self.fp, self.total())
    }

    /// Share of customers who churned.
    pub fn churn_rate(&self) -> f64 {
        ratio(self.tp + self.fn_, self.total())
    }
}

/// A way of cutting the customers into groups, each cut into three bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SegmentKind {
    /// Month-to-month, one-year, two-year.
    Contract,
    /// Under `TENURE_BANDS[0]` months, up to `TENURE_BANDS[1]`, longer.
    Tenure,
    /// Monthly charges under `CHARGES_BANDS[0]` NIS, up to `CHARGES_BANDS[1]`, more.
    Charges,
}

impl SegmentKind {
    /// Every kind, in `Segments` order.
    pub const ALL: [SegmentKind; 3] = [
        SegmentKind::Contract,
        SegmentKind::Tenure,
        SegmentKind::Charges,
    ];

    /// The URL value and locale-key stem.
    pub fn slug(self) -> &'static str {
        match self {
            SegmentKind::Contract => "contract",
            SegmentKind::Tenure => "tenure",
            SegmentKind::Charges => "charges",
        }
    }
}

/// Tenure bands' upper bounds in months: under a year, one to three years, longer.
pub const TENURE_BANDS: [u32; 2] = [12, 36];
/// Monthly charges bands' upper bounds in NIS.
pub const CHARGES_BANDS: [f64; 2] = [50.0, 85.0];

/// The band of a value against two upper bounds: 0 below the first, 1 up to the second
/// (inclusive of the first), 2 above.
pub fn band<T: PartialOrd>(value: T, bounds: [T; 2]) -> u8 {
    let [a, b] = bounds;
    u8::from(value >= a) + u8::from(value > b)
}

/// A model's decisions counted per segment: the errors triage reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segments {
    /// By contract band.
    pub contract: [Confusion; 3],
    /// By tenure band.
    pub tenure: [Confusion; 3],
    /// By monthly charges band.
    pub charges: [Confusion; 3],
}

impl Segments {
    /// Adds one decision of a customer in bands `[contract, tenure, charges]`.
    pub fn record(&mut self, bands: [u8; 3], predicted: bool, actual: bool) {
        self.contract[bands[0] as usize].record(predicted, actual);
        self.tenure[bands[1] as usize].record(predicted, actual);
        self.charges[bands[2] as usize].record(predicted, actual);
    }

    /// The three bands of one kind.
    pub fn of(&self, kind: SegmentKind) -> &[Confusion; 3] {
        match kind {
            SegmentKind::Contract => &self.contract,
            SegmentKind::Tenure => &self.tenure,
            SegmentKind::Charges => &self.charges,
        }
    }

    /// Sum of two.
    pub fn plus(&self, o: &Segments) -> Segments {
        let add = |a: &[Confusion; 3], b: &[Confusion; 3]| [0, 1, 2].map(|i| a[i].plus(b[i]));
        Segments {
            contract: add(&self.contract, &o.contract),
            tenure: add(&self.tenure, &o.tenure),
            charges: add(&self.charges, &o.charges),
        }
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Number of bins of the score histogram: 0.001 wide, so every threshold on the 0.01 grid
/// falls on a bin edge.
pub const SCORE_BINS: usize = 1000;

/// Bin of a score in [0, 1].
pub fn score_bin(p: f64) -> usize {
    ((p * SCORE_BINS as f64) as usize).min(SCORE_BINS - 1)
}

/// Customers and churners per score bin. It replaces sorting: AUC, calibration and
/// prediction-drift statistics all read it in O(bins).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreHist {
    /// Customers per bin.
    pub count: Vec<u32>,
    /// Churners per bin.
    pub pos: Vec<u32>,
}

impl Default for ScoreHist {
    fn default() -> Self {
        ScoreHist {
            count: vec![0; SCORE_BINS],
            pos: vec![0; SCORE_BINS],
        }
    }
}

impl ScoreHist {
    /// Adds one scored customer.
    pub fn record(&mut self, p: f64, actual: bool) {
        let b = score_bin(p);
        self.count[b] += 1;
        self.pos[b] += u32::from(actual);
    }

    /// Adds another histogram.
    pub fn add(&mut self, o: &ScoreHist) {
        for i in 0..SCORE_BINS {
            self.count[i] += o.count[i];
            self.pos[i] += o.pos[i];
        }
    }

    /// ROC AUC: the probability a random churner scores above a random stayer, ties
    /// (same 0.001 bin) counting one half. The binning error is below 0.001. Returns 0.5
    /// when one class is absent.
    pub fn auc(&self) -> f64 {
        let p: u64 = self.pos.iter().map(|&v| v as u64).sum();
        let total: u64 = self.count.iter().map(|&v| v as u64).sum();
        let n = total - p;
        if p == 0 || n == 0 {
            return 0.5;
        }
        let mut neg_below = 0u64;
        let mut acc = 0.0;
        for i in 0..SCORE_BINS {
            let pos = self.pos[i] as u64;
            let neg = (self.count[i] - self.pos[i]) as u64;
            acc += pos as f64 * (neg_below as f64 + 0.5 * neg as f64);
            neg_below += neg;
        }
        acc / (p as f64 * n as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_of_a_known_matrix() {
        let c = Confusion {
            tp: 8,
            fp: 2,
            tn: 85,
            fn_: 5,
        };
        assert!((c.precision() - 0.8).abs() < 1e-12);
        assert!((c.recall() - 8.0 / 13.0).abs() < 1e-12);
        assert!((c.f1() - 16.0 / 23.0).abs() < 1e-12);
        assert!((c.positive_rate() - 0.1).abs() < 1e-12);
    }

    #[test]
    fn an_empty_matrix_gives_zero_not_nan() {
        let c = Confusion::default();
        assert_eq!(c.f1(), 0.0);
        assert_eq!(c.precision(), 0.0);
    }

    #[test]
    fn auc_of_perfectly_separated_scores_is_one() {
        let mut h = ScoreHist::default();
        h.record(0.1, false);
        h.record(0.2, false);
        h.record(0.8, true);
        assert!((h.auc() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn auc_counts_ties_as_half() {
        let mut h = ScoreHist::default();
        h.record(0.5, true);
        h.record(0.5, false);
        assert!((h.auc() - 0.5).abs() < 1e-12);
        h.record(0.9, true);
        assert!((h.auc() - 0.75).abs() < 1e-12);
    }
}
