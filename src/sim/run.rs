//! The end-to-end run: generate the world, train the champion, then simulate the three
//! policies on the same customers and labels and summarise what the article reports.
//!
//! Work is shared, which is what keeps a run in milliseconds: the world is generated once,
//! each distinct training set is fitted once (the loop and the manual retrain often ask
//! for the same one), and each (model, week) pair is scored once, lazily, into an `Eval`
//! that every policy serving that model that week reads.

use serde::Serialize;

use super::cbpe::Calibration;
use super::config::{Config, ConfigError, PolicyKind};
use super::cost;
use super::digest::Fnv;
use super::drift::DriftReport;
use super::metrics::{Confusion, SCORE_BINS, ScoreHist, score_bin};
use super::model::{self, Rows};
use super::outcome::{
    GATE_MARGIN, GATE_MIN_AUC, GATE_MIN_F1, GATE_MIN_SEGMENT_CHURNERS, GATE_MIN_SEGMENT_F1,
    GATE_RATE_TOLERANCE, GateReport, Headline, Model, ModelCard, ModelId, Outcome, PolicyRun,
    TrainingData, WeekReport,
};
use super::policy;
use super::world::{self, Cohort, World};

/// One model's performance on one weekly cohort (labels known to the simulation; policies
/// only see them once matured).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Eval {
    /// Confusion matrix at the model's threshold.
    pub confusion: Confusion,
    /// Confusion per contract (month-to-month, one-year, two-year).
    pub by_contract: [Confusion; 3],
    /// ROC AUC.
    pub auc: f64,
    /// CBPE label-free F1 estimate.
    pub cbpe_f1: f64,
    /// Churners by day of churn after the score (index 1..=7).
    pub churn_by_day: [u32; 8],
    /// Flagged churners by day of churn after the score.
    pub caught_by_day: [u32; 8],
    #[serde(skip)]
    hist: ScoreHist,
}

impl Outcome {
    /// A fingerprint of the run; equal on every platform for the same config.
    pub fn digest(&self) -> u64 {
        let mut f = Fnv::default();
        let h = &self.headline;
        for v in [
            h.f1_before_drift,
            h.f1_stale_two_weeks_after_deploy,
            h.f1_after_fix.unwrap_or(-1.0),
            h.saving_nis,
            h.saving_over_manual_nis,
            h.loss_per_degraded_day_nis,
            h.churn_reduction_healthy,
        ] {
            f.float(v);
        }
        f.word(h.degraded_days_with_loop as u64);
        f.word(h.degraded_days_without_loop as u64);
        for m in &self.models {
            for c in m.model.coef {
                f.float(c);
            }
            f.float(m.model.threshold);
        }
        for w in &self.weeks {
            f.float(w.champion_f1);
            f.float(w.champion_cbpe_f1);
            for c in &w.drift.inputs {
                f.float(c.psi);
                f.float(c.ks_p);
            }
            f.float(w.drift.score.js);
        }
        for p in &self.policies {
            for d in &p.days {
                f.float(d.f1);
                f.float(d.value_nis);
                f.word(d.model.0 as u64);
            }
            for e in &p.events {
                f.word(e.day as u64);
                f.word(e.kind.code() as u64);
            }
        }
        f.finish()
    }
}

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
}

struct Cached {
    key: (u64, u32, u64),
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

/// A challenger fitted by an earlier run; valid while its training week is drawn the same.
#[derive(Clone)]
struct KeptFit {
    data: TrainingData,
    drawn_with: (u8, u64),
    model: Model,
    reference_f1: f64,
    reference_auc: f64,
    calibration: Calibration,
}

/// A challenger's evaluation on a week; valid while both weeks are drawn the same.
struct KeptEval {
    data: TrainingData,
    drawn_with: (u8, u64),
    week: usize,
    week_drawn_with: (u8, u64),
    eval: Eval,
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
        let cached = self.cached.take().filter(|c| c.key == key);
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
            None => lab.train(TrainingData::History),
        };

        let weeks = week_reports(&mut lab, champion);
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
        let keep = Cached {
            key,
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
            fits.push(KeptFit {
                data: card.trained_on,
                drawn_with,
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
        })
    }
}

/// Shared state of a run: the world, the models trained so far and the cached scores.
pub(crate) struct Lab<'a> {
    pub(crate) config: &'a Config,
    pub(crate) world: &'a World,
    pub(crate) models: Vec<ModelCard>,
    calibrations: Vec<Calibration>,
    evals: Vec<Vec<Option<Eval>>>,
    /// The champion's validation scores: the reference of prediction drift.
    reference_scores: ScoreHist,
    /// Sum of the validation weeks' input histograms: the reference of input drift.
    reference_inputs: Vec<Vec<u32>>,
    /// Per week: max input PSI, drifted share, score PSI (what triage reads).
    triage: Vec<(f64, f64, f64)>,
    /// How each week was drawn (for reusing an earlier run's fits and evaluations).
    week_keys: Vec<(u8, u64)>,
    kept_fits: Vec<KeptFit>,
    kept_evals: Vec<KeptEval>,
    /// The first champion's score bin for every customer of each week, once scored.
    champion_bins: Vec<Option<Vec<u16>>>,
}

/// Rows of a cohort from `from` (inclusive) to `to` (exclusive).
fn rows(c: &Cohort, from: usize, to: usize) -> Rows<'_> {
    (&c.x[from..to], &c.y[from..to])
}

/// Where a cohort is split into fit and holdout.
fn split_at(c: &Cohort) -> usize {
    c.len() * 7 / 10
}

impl<'a> Lab<'a> {
    pub(crate) fn new(config: &'a Config, world: &'a World) -> Lab<'a> {
        let mut reference_inputs: Vec<Vec<u32>> = world.history[6]
            .hists
            .iter()
            .map(|h| vec![0; h.len()])
            .collect();
        for c in &world.history[6..] {
            for (acc, h) in reference_inputs.iter_mut().zip(&c.hists) {
                for (a, v) in acc.iter_mut().zip(h) {
                    *a += v;
                }
            }
        }
        Lab {
            config,
            world,
            models: Vec::new(),
            calibrations: Vec::new(),
            evals: Vec::new(),
            reference_scores: ScoreHist::default(),
            reference_inputs,
            triage: Vec::new(),
            week_keys: Vec::new(),
            kept_fits: Vec::new(),
            kept_evals: Vec::new(),
            champion_bins: Vec::new(),
        }
    }

    /// Installs a champion fitted by an earlier run on the same history.
    fn install(
        &mut self,
        card: ModelCard,
        calibration: Calibration,
        reference: ScoreHist,
    ) -> ModelId {
        self.reference_scores = reference;
        self.calibrations.push(calibration);
        self.evals.push(vec![None; self.world.weeks.len()]);
        self.models.push(card);
        card.id
    }

    /// How the data a model is trained on was drawn: its week's key, or a constant for
    /// the history (fixed by the session's key).
    fn data_key(&self, data: TrainingData) -> (u8, u64) {
        match data {
            TrainingData::FreshWeek(k) => self
                .week_keys
                .get(k as usize)
                .copied()
                .unwrap_or((u8::MAX, u64::MAX)),
            TrainingData::History | TrainingData::StaleHistory => (u8::MAX, 0),
        }
    }

    /// The model trained on `data`, fitting it the first time it is asked for (or taking
    /// an earlier run's fit on the same data).
    pub(crate) fn train(&mut self, data: TrainingData) -> ModelId {
        if let Some(m) = self.models.iter().find(|m| m.trained_on == data) {
            return m.id;
        }
        let key = self.data_key(data);
        if data != TrainingData::History
            && let Some(kept) = self
                .kept_fits
                .iter()
                .find(|k| k.data == data && k.drawn_with == key)
                .cloned()
        {
            let id = ModelId(self.models.len() as u8);
            let weeks = self.world.weeks.len();
            let evals: Vec<Option<Eval>> = (0..weeks)
                .map(|w| {
                    let week_key = self.week_keys.get(w).copied();
                    self.kept_evals
                        .iter()
                        .position(|e| {
                            e.data == data
                                && e.drawn_with == key
                                && e.week == w
                                && Some(e.week_drawn_with) == week_key
                        })
                        .map(|i| self.kept_evals.swap_remove(i).eval)
                })
                .collect();
            self.calibrations.push(kept.calibration);
            self.evals.push(evals);
            self.models.push(ModelCard {
                id,
                version: self.models.len() as u32 + 1,
                trained_on: data,
                model: kept.model,
                reference_f1: kept.reference_f1,
                reference_auc: kept.reference_auc,
            });
            return id;
        }
        let w = self.world;
        let (coef, tune) = match data {
            TrainingData::History => {
                let fit_rows: Vec<Rows<'_>> =
                    w.history[..6].iter().map(|c| rows(c, 0, c.len())).collect();
                let tune_rows: Vec<Rows<'_>> =
                    w.history[6..].iter().map(|c| rows(c, 0, c.len())).collect();
                let coef = model::fit(&fit_rows, model::cold_start(&fit_rows));
                (coef, model::score_hist(&coef, &tune_rows))
            }
            TrainingData::FreshWeek(_) | TrainingData::StaleHistory => {
                let c = match data {
                    TrainingData::FreshWeek(k) => &w.weeks[k as usize],
                    _ => &w.history[w.history.len() - 1],
                };
                let s = split_at(c);
                let fit_rows = [rows(c, 0, s)];
                let coef = model::fit(&fit_rows, model::cold_start(&fit_rows));
                (coef, model::score_hist(&coef, &[rows(c, s, c.len())]))
            }
        };
        let (threshold, f1) = model::tune_threshold(&tune);
        let id = ModelId(self.models.len() as u8);
        if data == TrainingData::History {
            self.reference_scores = tune.clone();
        }
        self.calibrations.push(Calibration::fit(&tune));
        self.evals.push(vec![None; w.weeks.len()]);
        self.models.push(ModelCard {
            id,
            version: self.models.len() as u32 + 1,
            trained_on: data,
            model: Model { coef, threshold },
            reference_f1: f1,
            reference_auc: tune.auc(),
        });
        id
    }

    /// The model's performance on a weekly cohort, scored the first time it is asked for.
    pub(crate) fn eval(&mut self, id: ModelId, week: usize) -> &Eval {
        let m = id.0 as usize;
        if self.evals[m][week].is_none() {
            let model = self.models[m].model;
            let bins = if m == 0 {
                Some(self.champion_bins(week))
            } else {
                None
            };
            let c = &self.world.weeks[week];
            let (confusion, by_contract, hist, churn_by_day, caught_by_day) =
                evaluate(&model, c, 0, c.len(), bins.as_deref());
            let e = Eval {
                auc: hist.auc(),
                cbpe_f1: self.calibrations[m].estimate_f1(&hist, model.cut_bin()),
                confusion,
                by_contract,
                churn_by_day,
                caught_by_day,
                hist,
            };
            self.evals[m][week] = Some(e);
        }
        self.evals[m][week].as_ref().expect("filled above")
    }

    /// The first champion's score bins on a week, scored the first time they are asked
    /// for. They depend on the inputs only, so a relabelled week keeps them.
    fn champion_bins(&mut self, week: usize) -> Vec<u16> {
        if self.champion_bins.len() < self.world.weeks.len() {
            self.champion_bins.resize(self.world.weeks.len(), None);
        }
        if self.champion_bins[week].is_none() {
            let model = self.models[0].model;
            let xs = &self.world.weeks[week].x;
            let mut bins = Vec::with_capacity(xs.len());
            world::for_each_score(&model.coef, xs, |_, _, p| bins.push(score_bin(p) as u16));
            self.champion_bins[week] = Some(bins);
        }
        self.champion_bins[week].clone().expect("filled above")
    }

    /// Max input PSI, drifted share and score PSI of a week's drift report.
    pub(crate) fn week_drift(&self, week: usize) -> (f64, f64, f64) {
        self.triage.get(week).copied().unwrap_or((0.0, 0.0, 0.0))
    }

    /// The validation gate: challenger against champion on the 30 % holdout of a week.
    pub(crate) fn gate(&mut self, challenger: ModelId, champion: ModelId, week: u32) -> GateReport {
        let c = &self.world.weeks[week as usize];
        let s = split_at(c);
        let ch = self.models[challenger.0 as usize].model;
        let cp = self.models[champion.0 as usize].model;
        let (conf, by_contract, hist, ..) = evaluate(&ch, c, s, c.len(), None);
        let (champ_conf, ..) = evaluate(&cp, c, s, c.len(), None);
        let challenger_f1 = conf.f1();
        let champion_f1 = champ_conf.f1();
        let auc = hist.auc();
        let rate = conf.positive_rate();
        let observed = conf.churn_rate();
        let contract_f1 = by_contract.map(|k| k.f1());
        let beats_champion = challenger_f1 >= champion_f1 + GATE_MARGIN;
        let f1_ok = challenger_f1 >= GATE_MIN_F1;
        let auc_ok = auc >= GATE_MIN_AUC;
        let rate_ok = observed > 0.0 && (rate - observed).abs() <= GATE_RATE_TOLERANCE * observed;
        let segments_ok = by_contract
            .iter()
            .all(|k| k.tp + k.fn_ < GATE_MIN_SEGMENT_CHURNERS || k.f1() >= GATE_MIN_SEGMENT_F1);
        GateReport {
            holdout_week: week,
            champion_f1,
            challenger_f1,
            challenger_auc: auc,
            positive_rate: rate,
            observed_churn_rate: observed,
            contract_f1,
            beats_champion,
            f1_ok,
            auc_ok,
            rate_ok,
            segments_ok,
            passed: beats_champion && f1_ok && auc_ok && rate_ok && segments_ok,
        }
    }
}

type Evaluated = (Confusion, [Confusion; 3], ScoreHist, [u32; 8], [u32; 8]);

/// Scores rows `from..to` of a cohort: confusion, per-contract confusion, score histogram,
/// and churn events by day.
/// Scores rows `from..to` of a cohort (or reads their score bins from `bins`, one per
/// customer of the cohort) and counts the outcomes.
fn evaluate(model: &Model, c: &Cohort, from: usize, to: usize, bins: Option<&[u16]>) -> Evaluated {
    let cut = model.cut_bin();
    let mut conf = Confusion::default();
    let mut by_contract = [Confusion::default(); 3];
    let mut hist = ScoreHist::default();
    let mut churn_by_day = [0u32; 8];
    let mut caught_by_day = [0u32; 8];
    // Score bins first, for the rows `from..to`, so the counting below is one loop.
    let scored: Vec<u16>;
    let bins = match bins {
        Some(bins) => &bins[from..to],
        None => {
            let mut b = Vec::with_capacity(to - from);
            world::for_each_score(&model.coef, &c.x[from..to], |_, _, p| {
                b.push(score_bin(p) as u16)
            });
            scored = b;
            &scored
        }
    };
    for (i, &b) in (from..to).zip(bins) {
        let b = b as usize;
        let flagged = b >= cut;
        let y = c.y[i];
        conf.record(flagged, y);
        by_contract[c.contract[i] as usize].record(flagged, y);
        hist.count[b] += 1;
        if y {
            hist.pos[b] += 1;
            let d = c.churn_day[i] as usize;
            churn_by_day[d] += 1;
            caught_by_day[d] += u32::from(flagged);
        }
    }
    (conf, by_contract, hist, churn_by_day, caught_by_day)
}

/// Confusion matrix of flagging bins at or above `cut` on a histogram.
fn confusion_from_hist(h: &ScoreHist, cut: usize) -> Confusion {
    let mut c = Confusion::default();
    for b in 0..SCORE_BINS {
        let neg = h.count[b] - h.pos[b];
        if b >= cut {
            c.tp += h.pos[b];
            c.fp += neg;
        } else {
            c.fn_ += h.pos[b];
            c.tn += neg;
        }
    }
    c
}

fn week_reports(lab: &mut Lab<'_>, champion: ModelId) -> Vec<WeekReport> {
    let n = lab.world.weeks.len();
    (0..n)
        .map(|w| {
            let (confusion, contract_f1, auc, cbpe, hist) = {
                let e = lab.eval(champion, w);
                let contract_f1 = e.by_contract.map(|k| k.f1());
                (
                    e.confusion,
                    contract_f1,
                    e.auc,
                    e.cbpe_f1,
                    e.hist.count.clone(),
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
                champion_contract_f1: contract_f1,
                champion_cbpe_f1: cbpe,
            }
        })
        .collect()
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
    // The loop's fix: the model serving at the end, if it is not the champion, on the
    // weeks it served every day of.
    let fixed = lp.days.last().map(|d| d.model).filter(|&m| m != champion);
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
        let steps: [fn(&mut Config); 14] = [
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
        ];
        assert_eq!(session.run(&c).unwrap(), run(&c).unwrap());
        for step in steps {
            step(&mut c);
            assert_eq!(session.run(&c).unwrap(), run(&c).unwrap(), "{c:?}");
        }
    }

    #[test]
    fn the_same_training_data_is_fitted_once() {
        let c = Config {
            cohort_size: 500,
            ..Config::default()
        };
        let world = World::generate(&c);
        let mut lab = Lab::new(&c, &world);
        let a = lab.train(TrainingData::FreshWeek(1));
        let b = lab.train(TrainingData::FreshWeek(1));
        assert_eq!(a, b);
        assert_eq!(lab.models.len(), 1);
    }

    #[test]
    fn confusion_from_a_histogram_matches_counting() {
        let mut h = ScoreHist::default();
        h.record(0.2, true);
        h.record(0.6, false);
        h.record(0.7, true);
        let c = confusion_from_hist(&h, 500);
        assert_eq!(
            c,
            Confusion {
                tp: 1,
                fp: 1,
                tn: 0,
                fn_: 1
            }
        );
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
