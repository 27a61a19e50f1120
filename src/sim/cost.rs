//! The business-cost model in NIS (SCENARIO.md section 4).
//!
//! A flagged churner accepts the offer with probability `save_rate` and stays
//! `months_retained` months, worth `ARPU · months − offer`. A flagged stayer accepts with
//! probability `fp_accept_rate` and only costs the offer. Missed churners and ignored
//! stayers cost nothing extra: the model's value is what the offers recover.

use super::config::Business;
use super::metrics::Confusion;

/// Value of one week's retention campaign driven by a model with this confusion matrix.
pub fn value_per_week(c: &Confusion, b: &Business) -> f64 {
    let saved = c.tp as f64 * b.save_rate;
    saved * (b.arpu_nis * b.months_retained - b.offer_cost_nis)
        - c.fp as f64 * b.fp_accept_rate * b.offer_cost_nis
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
