//! Property tests over the whole configuration space: any valid configuration runs without
//! panicking, every metric is a finite number in [0, 1], and a seed always gives the same
//! run. The configurations are drawn by `configs::config` over the whole valid space.

#![cfg(not(target_arch = "wasm32"))]

mod configs;

use configs::config;
use mlops_lab::sim::{self, Config};
use proptest::prelude::*;

fn unit(name: &str, v: f64) -> Result<(), TestCaseError> {
    prop_assert!(v.is_finite() && (0.0..=1.0).contains(&v), "{name} = {v}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_config_runs_and_every_metric_is_a_number_in_0_1(config in config()) {
        prop_assert_eq!(config.validate(), Ok(()));
        let o = sim::run(&config).expect("valid config runs");
        let h = &o.headline;
        unit("f1_before_drift", h.f1_before_drift)?;
        unit("f1_stale", h.f1_stale_two_weeks_after_deploy)?;
        unit("churn_reduction", h.churn_reduction_healthy)?;
        if let Some(f) = h.f1_after_fix {
            unit("f1_after_fix", f)?;
        }
        prop_assert!(h.saving_nis.is_finite() && h.loss_per_degraded_day_nis.is_finite());
        prop_assert_eq!(o.policies.len(), 3);
        for p in &o.policies {
            prop_assert_eq!(p.days.len(), config.horizon_days as usize);
            prop_assert!(p.value_nis.is_finite());
            for d in &p.days {
                unit("f1", d.f1)?;
                unit("precision", d.precision)?;
                unit("recall", d.recall)?;
                unit("auc", d.auc)?;
                for f in d.contract_f1 { unit("contract_f1", f)?; }
                prop_assert_eq!(d.confusion.total(), config.cohort_size);
                unit("cbpe", d.cbpe_f1)?;
                if let Some(v) = d.matured_f1 { unit("matured", v)?; }
                if let Some(v) = d.recall_to_date { unit("recall_to_date", v)?; }
                prop_assert!(d.value_nis.is_finite());
                prop_assert!((d.model.0 as usize) < o.models.len());
            }
            prop_assert!(p.events.windows(2).all(|w| w[0].day <= w[1].day));
        }
        for w in &o.weeks {
            unit("churn_rate", w.churn_rate)?;
            unit("drifted_share", w.drift.drifted_share)?;
            for c in w.drift.inputs.iter().chain([&w.drift.score]) {
                prop_assert!(c.psi.is_finite() && c.psi >= 0.0, "psi {}", c.psi);
                unit("js", c.js)?;
                unit("ks_d", c.ks_d)?;
                unit("ks_p", c.ks_p)?;
                unit("chi2_p", c.chi2_p)?;
                prop_assert!(c.wasserstein.is_finite() && c.wasserstein >= 0.0);
            }
        }
        for m in &o.models {
            prop_assert!(m.model.coef.iter().all(|c| c.is_finite()));
            unit("reference_f1", m.reference_f1)?;
        }
    }

    #[test]
    fn a_seed_always_gives_the_same_run(config in config()) {
        let a = sim::run(&config).unwrap();
        let b = sim::run(&config).unwrap();
        prop_assert_eq!(a.digest(), b.digest());
        prop_assert!(a == b);
    }

    #[test]
    fn out_of_range_values_are_rejected_without_panicking(
        cohort_size in prop_oneof![0u32..500, 20_001u32..1_000_000],
        strength in prop_oneof![-10.0f64..-0.001, 2.001f64..100.0],
    ) {
        let c = Config { cohort_size, ..Config::default() };
        prop_assert!(sim::run(&c).is_err());
        let c = Config { strength, ..Config::default() };
        prop_assert!(sim::run(&c).is_err());
    }
}
