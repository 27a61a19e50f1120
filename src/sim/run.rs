//! The end-to-end run: generate the world, train the champion, then simulate the three
//! policies on the same customers and labels and summarise what the article reports.
//!
//! Work is shared, which is what keeps a run in milliseconds: the world is generated once,
//! the models are fitted and scored once each in the run's `Lab` (`lab.rs`), and a
//! `Session` keeps what the next run can reuse.
//!
//! Over ~400 lines: the run's steps in order (world, champion, policies, drift reports,
//! headline) read best in one place; its tests are about 80 lines.

use super::cbpe::Calibration;
use super::config::{Config, ConfigError, PolicyKind};
use super::cost;
use super::drift::DriftReport;
use super::lab::{Eval, KeptEval, KeptFit, Lab, confusion_from_hist};
use super::metrics::{Confusion, ScoreHist};
use super::ops::{self, IncidentKind};
use super::outcome::{Headline, ModelCard, ModelId, Outcome, PolicyRun, TrainingData, WeekReport};
use super::policy;
use super::world::{self, Cohort, World};

/// Runs the whole scenario. Rejects an invalid config instead of panicking.
pub fn run(config: &Config) -> Result<Outcome, ConfigError> {
    Session::default().run(config)
}

/// Runs that reuse work across calls. The history weeks and the champion depend only on
/// the seed, the cohort size and the base intercept, so a page that re-runs on every
/// slider move keeps one `Session`: moving a drift, policy or business slider skips about
/// half the work. The outcome is identical to `run`'s (the tests check the digest).
#[derive(Default)]
pub struct Session {
    cached: Option<Cached>,
    /// The production system's service at each level, and what it was run for.
    served: Option<(ops::run::ServeKey, [ops::serve::Served; 3])>,
}

struct Cached {
    key: (u64, u32, u64),
    /// The campaign the champion's evaluations and the challengers were made under: the
    /// control share and the save rate shape the labels the team records.
    campaign: (u64, u64),
    history: Vec<Cohort>,
    champion: ModelCard,
    calibration: Calibration,
    reference_scores: ScoreHist,
    /// The last run's weeks, each with what it was drawn from and the champion's
    /// evaluation of it.
    weeks: Vec<CachedWeek>,
    /// The challengers the last run fitted, and their evaluations.
    fits: Vec<KeptFit>,
    evals: Vec<KeptEval>,
}

/// A week's cohort depends on the seed, the cohort size and the base intercept (the
/// session's key), its index, the drift kind and the strength acting on it.
struct CachedWeek {
    drawn_with: (u8, u64),
    cohort: Cohort,
    champion_eval: Option<Eval>,
    /// The champion's score bin for every customer (inputs only, so it survives a relabel).
    champion_bins: Option<Vec<u16>>,
}

fn week_key(config: &Config, week: usize) -> (u8, u64) {
    (
        config.drift as u8,
        crate::sim::world::strength_on(config, 7 * week as i64).to_bits(),
    )
}

impl Session {
    /// A session with nothing cached yet.
    pub fn new() -> Session {
        Session::default()
    }

    /// Runs the whole scenario, reusing the history and champion when they still apply.
    pub fn run(&mut self, config: &Config) -> Result<Outcome, ConfigError> {
        config.validate()?;
        let key = (
            config.seed,
            config.cohort_size,
            config.base_intercept.to_bits(),
        );
        let campaign = (
            config.business.control_share.to_bits(),
            config.business.save_rate.to_bits(),
        );
        let mut cached = self.cached.take().filter(|c| c.key == key);
        if let Some(c) = cached.as_mut().filter(|c| c.campaign != campaign) {
            // Other labels: the weeks and the champion's scores stay, what was measured
            // on the labels goes.
            for w in &mut c.weeks {
                w.champion_eval = None;
            }
            c.fits.clear();
            c.evals.clear();
        }
        let (history, champion, mut old_weeks, kept_fits, kept_evals) = match cached {
            Some(c) => (
                c.history,
                Some((c.champion, c.calibration, c.reference_scores)),
                c.weeks,
                c.fits,
                c.evals,
            ),
            None => (
                World::history(config),
                None,
                Vec::new(),
                Vec::new(),
                Vec::new(),
            ),
        };
        // Weeks drawn with the same drift as last time are reused with the champion's
        // evaluation of them: moving a policy, business or alert control redraws nothing,
        // and moving the drift redraws only the weeks it touches.
        let n_weeks = config.horizon_days.div_ceil(7) as usize;
        old_weeks.truncate(n_weeks);
        // A week drawn under another strength of a drift that moves only the labels is
        // relabelled, keeping the champion's scores.
        let n = config.cohort_size as usize;
        let mut old = old_weeks.into_iter();
        let mut evals_kept: Vec<Option<Eval>> = Vec::with_capacity(n_weeks);
        let mut bins_kept: Vec<Option<Vec<u16>>> = Vec::with_capacity(n_weeks);
        let mut weeks: Vec<Cohort> = Vec::with_capacity(n_weeks);
        for w in 0..n_weeks {
            let fresh = week_key(config, w);
            let s = world::strength_on(config, 7 * w as i64);
            match old.next() {
                Some(c) if c.drawn_with == fresh => {
                    evals_kept.push(c.champion_eval);
                    bins_kept.push(c.champion_bins);
                    weeks.push(c.cohort);
                }
                Some(mut c)
                    if c.drawn_with.0 == fresh.0 && world::changes_labels_only(config.drift) =>
                {
                    world::relabel(config, &mut c.cohort, s);
                    evals_kept.push(None);
                    bins_kept.push(c.champion_bins);
                    weeks.push(c.cohort);
                }
                _ => {
                    evals_kept.push(None);
                    bins_kept.push(None);
                    weeks.push(world::generate_cohort(config, w as i32, s, n));
                }
            }
        }
        let world = World { history, weeks };
        let mut lab = Lab::new(config, &world);
        lab.week_keys = (0..n_weeks).map(|w| week_key(config, w)).collect();
        lab.kept_fits = kept_fits;
        lab.kept_evals = kept_evals;
        let champion = match champion {
            Some((card, calibration, reference)) => {
                let id = lab.install(card, calibration, reference);
                lab.evals[id.0 as usize] = evals_kept;
                lab.champion_bins = bins_kept;
                id
            }
            None => lab.train(TrainingData::History, None),
        };

        let weeks = week_reports(&mut lab, champion);
        lab.reference_segments = lab.validation_segments(champion);
        lab.triage = weeks
            .iter()
            .map(|w| {
                (
                    w.drift.max_input_psi(),
                    w.drift.drifted_share,
                    w.drift.score.psi,
                )
            })
            .collect();
        let policies: Vec<PolicyRun> = PolicyKind::ALL
            .iter()
            .map(|&k| policy::simulate(&mut lab, k))
            .collect();
        let headline = headline(&mut lab, &policies, champion);
        let reference_segments = lab.reference_segments;
        let serve_key = ops::run::serve_key(config);
        let served = match self.served.take() {
            Some((key, served)) if key == serve_key => served,
            _ => ops::run::served(config),
        };
        let ops = ops::run::operate(config, &batch_inputs(&mut lab, champion), &served);
        self.served = Some((serve_key, served));
        let thresholds = cost::threshold_curve(
            &lab.reference_scores,
            &config.business,
            world.history.len().saturating_sub(6),
        );
        let keep = Cached {
            key,
            campaign,
            history: Vec::new(),
            champion: lab.models[0],
            calibration: lab.calibrations[0].clone(),
            reference_scores: lab.reference_scores.clone(),
            weeks: Vec::new(),
            fits: Vec::new(),
            evals: Vec::new(),
        };
        let champion_evals = std::mem::take(&mut lab.evals[0]);
        let mut fits = Vec::new();
        let mut evals = Vec::new();
        for (m, card) in lab.models.iter().enumerate().skip(1) {
            let drawn_with = lab.data_key(card.trained_on);
            let labels_key = lab.labels_key(card.trained_on, card.labels_from);
            fits.push(KeptFit {
                data: card.trained_on,
                drawn_with,
                labels_key,
                model: card.model,
                reference_f1: card.reference_f1,
                reference_auc: card.reference_auc,
                calibration: lab.calibrations[m].clone(),
            });
            for (week, eval) in std::mem::take(&mut lab.evals[m]).into_iter().enumerate() {
                if let Some(eval) = eval {
                    evals.push(KeptEval {
                        data: card.trained_on,
                        drawn_with,
                        labels_key,
                        week,
                        week_drawn_with: lab.week_keys[week],
                        eval,
                    });
                }
            }
        }
        let models = lab.models;
        let mut champion_bins = std::mem::take(&mut lab.champion_bins);
        champion_bins.resize(world.weeks.len(), None);
        let cached_weeks = world
            .weeks
            .into_iter()
            .zip(champion_evals.into_iter().zip(champion_bins))
            .enumerate()
            .map(|(w, (cohort, (champion_eval, champion_bins)))| CachedWeek {
                drawn_with: week_key(config, w),
                cohort,
                champion_eval,
                champion_bins,
            })
            .collect();
        self.cached = Some(Cached {
            history: world.history,
            weeks: cached_weeks,
            fits,
            evals,
            ..keep
        });
        Ok(Outcome {
            config: *config,
            models,
            weeks,
            policies,
            headline,
            thresholds,
            reference_segments,
            ops,
        })
    }
}

fn week_reports(lab: &mut Lab<'_>, champion: ModelId) -> Vec<WeekReport> {
    let n = lab.world.weeks.len();
    (0..n)
        .map(|w| {
            let (confusion, contract, segments, auc, cbpe, hist, seen, offers) = {
                let e = lab.eval(champion, w);
                (
                    e.confusion,
                    e.segments.contract,
                    e.seen_segments,
                    e.auc,
                    e.cbpe_f1,
                    e.hist.count.clone(),
                    e.seen,
                    e.offers,
                )
            };
            let c = &lab.world.weeks[w];
            WeekReport {
                week: w as u32,
                drift_strength: c.strength,
                churn_rate: c.churn_rate(),
                drift: DriftReport::new(
                    &lab.reference_inputs,
                    &c.hists,
                    &lab.reference_scores.count,
                    &hist,
                ),
                champion_f1: confusion.f1(),
                champion_auc: auc,
                champion_confusion: confusion,
                champion_contract_f1: contract.map(|k| k.f1()),
                champion_segments: segments,
                champion_cbpe_f1: cbpe,
                champion_seen_f1: seen.f1(),
                champion_kept: offers.kept,
                champion_offered: offers.offered.total(),
                control_churners_flagged: offers.control_churners_flagged,
            }
        })
        .collect()
}

/// What the production system reads of the churn run: the champion's campaign value each
/// week, and, with a unit change on, its scores on the week the change reaches.
fn batch_inputs(lab: &mut Lab<'_>, champion: ModelId) -> ops::run::BatchInputs {
    let business = lab.config.business;
    let week_value_nis = (0..lab.world.weeks.len())
        .map(|w| cost::value_per_week(&lab.eval(champion, w).confusion, &business))
        .collect();
    let skew = lab
        .config
        .incidents
        .day(IncidentKind::UnitChange)
        .map(|day| ops::batch::first_batch_week(ops::batch::unit_change_minute(day)) as usize)
        .filter(|&w| w < lab.world.weeks.len())
        .map(|w| {
            let normal = lab.eval(champion, w).confusion;
            let model = lab.models[champion.0 as usize].model;
            ops::run::skew(
                &lab.world.weeks[w],
                &model,
                &lab.reference_inputs[3],
                &business,
                normal,
            )
        });
    ops::run::BatchInputs {
        week_value_nis,
        skew,
    }
}

fn headline(lab: &mut Lab<'_>, policies: &[PolicyRun], champion: ModelId) -> Headline {
    let cfg = lab.config;
    let n_weeks = lab.world.weeks.len();
    // Pre-drift cohorts served by the champion.
    let mut before = Confusion::default();
    for w in 0..n_weeks {
        if lab.world.weeks[w].strength == 0.0 && (7 * w as u32) < cfg.onset_day {
            before = before.plus(lab.eval(champion, w).confusion);
        }
    }
    if before.total() == 0 {
        let card = lab.models[champion.0 as usize];
        before = confusion_from_hist(&lab.reference_scores, card.model.cut_bin());
    }
    let stale = lab.eval(champion, 1).confusion.f1();

    let lp = &policies[PolicyKind::AutomatedLoop.index()];
    let np = &policies[PolicyKind::NoLoop.index()];
    let mp = &policies[PolicyKind::ManualRetrain.index()];
    // The loop's fix: the model its first promotion put in service, on the weeks it served
    // every day of (a later alert may replace it again).
    let fixed = lp
        .first_promotion_day
        .and_then(|d| lp.days.get(d as usize))
        .map(|d| d.model)
        .filter(|&m| m != champion);
    let f1_after_fix = fixed.and_then(|m| {
        let mut c = Confusion::default();
        for w in 0..n_weeks {
            let days = &lp.days[7 * w..(7 * w + 7).min(lp.days.len())];
            if days.len() == 7 && days.iter().all(|d| d.model == m) {
                c = c.plus(lab.eval(m, w).confusion);
            }
        }
        (c.total() > 0).then(|| c.f1())
    });
    let days_alert_to_fix = match (lp.first_alert_day, lp.first_promotion_day) {
        (Some(a), Some(p)) if p >= a => Some(p - a),
        _ => None,
    };
    let (mut lost, mut lost_days) = (0.0, 0u32);
    for (l, n) in lp.days.iter().zip(&np.days) {
        if n.degraded && !l.degraded {
            lost += l.value_nis - n.value_nis;
            lost_days += 1;
        }
    }
    Headline {
        f1_before_drift: before.f1(),
        f1_stale_two_weeks_after_deploy: stale,
        f1_after_fix,
        days_alert_to_fix_with_loop: days_alert_to_fix,
        degraded_days_with_loop: lp.degraded_days,
        degraded_days_manual: mp.degraded_days,
        degraded_days_without_loop: np.degraded_days,
        saving_nis: lp.value_nis - np.value_nis,
        saving_over_manual_nis: lp.value_nis - mp.value_nis,
        loss_per_degraded_day_nis: if lost_days > 0 {
            lost / lost_days as f64
        } else {
            0.0
        },
        days_loop_spared: lost_days,
        churn_reduction_healthy: cost::churn_reduction(&before, &cfg.business),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_config_is_an_error_not_a_panic() {
        let c = Config {
            cohort_size: 1,
            ..Config::default()
        };
        assert_eq!(run(&c).err(), Some(ConfigError::CohortSize(1)));
    }

    #[test]
    fn a_session_reusing_its_champion_gives_the_same_outcome_as_a_fresh_run() {
        let mut session = Session::new();
        let base = Config {
            cohort_size: 1000,
            ..Config::default()
        };
        let first = session.run(&base).unwrap();
        assert_eq!(first, run(&base).unwrap());
        let moved = Config {
            strength: 0.6,
            ..base
        };
        assert_eq!(session.run(&moved).unwrap(), run(&moved).unwrap());
        let reseeded = Config { seed: 9, ..moved };
        assert_eq!(session.run(&reseeded).unwrap(), run(&reseeded).unwrap());
    }

    #[test]
    fn a_session_reusing_weeks_matches_fresh_runs_whatever_changes() {
        use crate::sim::{DriftKind, DriftShape, PolicyKind};
        let mut session = Session::new();
        let mut c = Config {
            cohort_size: 800,
            ..Config::default()
        };
        // Each step changes one thing: some reuse every week, some a few, some none.
        let steps: [fn(&mut Config); 17] = [
            |c| c.incidents.set(IncidentKind::TrafficPeak, Some(10)),
            |c| c.incidents.set(IncidentKind::UnitChange, Some(9)),
            |c| c.alert_f1 = 0.82,
            |c| c.policy = PolicyKind::ManualRetrain,
            |c| c.business.arpu_nis = 90.0,
            |c| c.onset_day = 21,
            |c| c.strength = 1.4,
            |c| c.strength = 0.0,
            |c| c.shape = DriftShape::Ramp,
            |c| c.drift = DriftKind::PriorShift,
            |c| c.strength = 0.7,
            |c| c.drift = DriftKind::PriceRise,
            |c| c.strength = 1.9,
            |c| c.horizon_days = 35,
            |c| c.bad.skip_gate = true,
            |c| c.drift = DriftKind::ConceptWithSideSignal,
            |c| c.incidents.set(IncidentKind::TrafficPeak, None),
        ];
        assert_eq!(session.run(&c).unwrap(), run(&c).unwrap());
        for step in steps {
            step(&mut c);
            assert_eq!(session.run(&c).unwrap(), run(&c).unwrap(), "{c:?}");
        }
    }

    #[test]
    fn the_timeline_is_in_day_order() {
        let o = run(&Config {
            cohort_size: 1000,
            ..Config::default()
        })
        .unwrap();
        let t = o.timeline();
        assert!(t.windows(2).all(|w| w[0].day <= w[1].day));
        assert!(!t.is_empty());
    }
}
