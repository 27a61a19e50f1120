//! Confidence-based performance estimation (CBPE, after NannyML): an estimate of F1 from
//! scores alone, before any label arrives.
//!
//! Scores are first calibrated on reference data with isotonic regression (pool adjacent
//! violators over the fine score bins). Then, for a calibrated probability p and the
//! model's decision, a flagged customer is expected to be a true positive with
//! probability p and a false positive with 1 - p; an unflagged one a false negative with
//! p. F1 follows from the expected counts.
//!
//! CBPE assumes the relation between inputs and churn is the reference's: it follows
//! covariate shift (the scores move) but is blind to concept drift (the scores do not move,
//! the truth does). The app teaches exactly that difference.

use super::metrics::{SCORE_BINS, ScoreHist};

/// A monotone map from score bin to calibrated churn probability.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    /// Calibrated probability per score bin.
    pub by_bin: Vec<f64>,
}

impl Calibration {
    /// Isotonic regression of the churn rate on the score bin, weighted by counts.
    pub fn fit(reference: &ScoreHist) -> Calibration {
        // Blocks of (churners, customers, last bin) merged while they violate monotonicity.
        let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
        for b in 0..SCORE_BINS {
            let n = reference.count[b] as f64;
            if n == 0.0 {
                continue;
            }
            blocks.push((reference.pos[b] as f64, n, b));
            while blocks.len() > 1 {
                let k = blocks.len();
                let (p2, n2, e2) = blocks[k - 1];
                let (p1, n1, _) = blocks[k - 2];
                if p1 / n1 <= p2 / n2 {
                    break;
                }
                blocks.truncate(k - 2);
                blocks.push((p1 + p2, n1 + n2, e2));
            }
        }
        let mut by_bin = vec![0.0; SCORE_BINS];
        let mut start = 0;
        for (i, &(p, n, end)) in blocks.iter().enumerate() {
            let last = if i + 1 == blocks.len() {
                SCORE_BINS - 1
            } else {
                end
            };
            for v in &mut by_bin[start..=last] {
                *v = p / n;
            }
            start = last + 1;
        }
        if blocks.is_empty() {
            // No reference at all: fall back to the raw bin centre.
            for (b, v) in by_bin.iter_mut().enumerate() {
                *v = (b as f64 + 0.5) / SCORE_BINS as f64;
            }
        }
        Calibration { by_bin }
    }

    /// Estimated F1 of a model flagging bins at or above `cut_bin` on `current`.
    pub fn estimate_f1(&self, current: &ScoreHist, cut_bin: usize) -> f64 {
        let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
        for b in 0..SCORE_BINS {
            let n = current.count[b] as f64;
            let p = self.by_bin[b];
            if b >= cut_bin {
                tp += n * p;
                fp += n * (1.0 - p);
            } else {
                fn_ += n * p;
            }
        }
        let d = 2.0 * tp + fp + fn_;
        if d > 0.0 {
            (2.0 * tp / d).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isotonic_calibration_is_monotone_and_pools_violators() {
        let mut h = ScoreHist::default();
        // Bin 100: 1 of 2 churn; bin 200: 0 of 2 (a violation); bin 300: 2 of 2.
        h.record(0.1, true);
        h.record(0.1, false);
        h.record(0.2, false);
        h.record(0.2, false);
        h.record(0.3, true);
        h.record(0.3, true);
        let c = Calibration::fit(&h);
        assert!((c.by_bin[100] - 0.25).abs() < 1e-12);
        assert!((c.by_bin[200] - 0.25).abs() < 1e-12);
        assert!((c.by_bin[300] - 1.0).abs() < 1e-12);
        assert!(c.by_bin.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn on_its_own_reference_cbpe_is_close_to_the_real_f1() {
        let mut h = ScoreHist::default();
        // Perfectly calibrated scores: churn rate equals the score.
        for b in 0..100 {
            let p = (b as f64 + 0.5) / 100.0;
            for i in 0..100 {
                h.record(p, (i as f64) < p * 100.0);
            }
        }
        let cal = Calibration::fit(&h);
        let cut = 500;
        let (mut tp, mut fp, mut fn_) = (0u32, 0u32, 0u32);
        for b in 0..SCORE_BINS {
            let neg = h.count[b] - h.pos[b];
            if b >= cut {
                tp += h.pos[b];
                fp += neg;
            } else {
                fn_ += h.pos[b];
            }
        }
        let real = 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64;
        assert!((cal.estimate_f1(&h, cut) - real).abs() < 1e-9);
    }
}
