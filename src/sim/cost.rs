//! The business-cost model in NIS (SCENARIO.md section 4).
//!
//! A flagged churner accepts the offer with probability `save_rate` and stays
//! `months_retained` months, worth `ARPU · months − offer`. A flagged stayer accepts with
//! probability `fp_accept_rate` and only costs the offer. Missed churners and ignored
//! stayers cost nothing extra: the model's value is what the offers recover.

use super::config::Business;
use super::lab::confusion_from_hist;
use super::metrics::{Confusion, ScoreHist};
use super::model::threshold_to_bin;
use super::outcome::ThresholdPoint;

/// Value of one week's retention campaign driven by a model with this confusion matrix.
pub fn value_per_week(c: &Confusion, b: &Business) -> f64 {
    let saved = c.tp as f64 * b.save_rate;
    saved * (b.arpu_nis * b.months_retained - b.offer_cost_nis)
        - c.fp as f64 * b.fp_accept_rate * b.offer_cost_nis
}

/// Every threshold of the tuning grid on a model's validation scores (`weeks` weeks of
/// them), with its confusion and the campaign's value a week: the choice the F1-best
/// threshold makes, set against the one the money would make. The control group is left
/// out of the campaign and of its value.
pub fn threshold_curve(hist: &ScoreHist, b: &Business, weeks: usize) -> Vec<ThresholdPoint> {
    let weeks = weeks.max(1) as f64;
    (5..=94)
        .map(|k| {
            let threshold = k as f64 / 100.0;
            let confusion = confusion_from_hist(hist, threshold_to_bin(threshold));
            ThresholdPoint {
                threshold,
                confusion,
                // The control group gets no offer, so the campaign reaches the rest.
                value_nis: value_per_week(&confusion, b) * (1.0 - b.control_share) / weeks,
            }
        })
        .collect()
}

/// Share of the cohort's churn the campaign prevents: saved churners over all churners.
pub fn churn_reduction(c: &Confusion, b: &Business) -> f64 {
    let churners = c.tp + c.fn_;
    if churners == 0 {
        0.0
    } else {
        c.tp as f64 * b.save_rate / churners as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scenario_retrained_week_is_worth_about_150k_nis() {
        // SCENARIO.md: TP 1,442 and FP 239 give 259.6 · 605 − 239 · 27.5 = 150,461 NIS.
        let c = Confusion {
            tp: 1442,
            fp: 239,
            tn: 0,
            fn_: 219,
        };
        let v = value_per_week(&c, &Business::default());
        assert!((v - 150_461.0).abs() < 2.0, "{v}");
    }

    #[test]
    fn the_curve_holds_the_tuned_threshold_and_money_prefers_a_lower_one() {
        use crate::sim::{Config, run};
        let o = run(&Config::default()).unwrap();
        let champion = o.models[0];
        // The first of equals, as tuning keeps the first best.
        let best_f1 = o
            .thresholds
            .iter()
            .reduce(|a, b| {
                if b.confusion.f1() > a.confusion.f1() {
                    b
                } else {
                    a
                }
            })
            .unwrap();
        // The tuned threshold is the F1-best point of the curve.
        assert!((best_f1.threshold - champion.model.threshold).abs() < 1e-9);
        assert!((best_f1.confusion.f1() - champion.reference_f1).abs() < 1e-9);
        // A saved churner is worth far more than an offer wasted on a stayer, so the
        // money-best threshold flags more customers than the F1-best one.
        let best_money = o
            .thresholds
            .iter()
            .max_by(|a, b| a.value_nis.total_cmp(&b.value_nis))
            .unwrap();
        assert!(best_money.threshold < best_f1.threshold, "{best_money:?}");
        assert_eq!(o.thresholds.len(), 90);
    }

    #[test]
    fn a_healthy_recall_of_0_86_cuts_churn_by_about_15_percent() {
        let c = Confusion {
            tp: 86,
            fp: 10,
            tn: 100,
            fn_: 14,
        };
        let r = churn_reduction(&c, &Business::default());
        assert!((r - 0.1548).abs() < 1e-9, "{r}");
    }
}
