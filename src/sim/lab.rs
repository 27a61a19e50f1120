//! The lab of a run: the world's cohorts, and the models trained, evaluated and gated on
//! them. Each distinct training set is fitted once (the loop and the manual retrain often
//! ask for the same one), and each (model, week) pair is scored once, lazily, into an
//! `Eval` that every policy serving that model that week reads. The policies
//! (`policy/`) ask it for models, evaluations and gate reports; the run (`run.rs`) makes
//! one and keeps what a `Session` can reuse.
//!
//! Over ~400 lines: training on the labels a campaign left, the gate on them and the
//! cached evaluations share the `Lab`'s caches and keys; the code is about 504 lines, the
//! rest its tests.

use serde::Serialize;

use super::campaign::{self, Offers, Seen};
use super::cbpe::Calibration;
use super::config::Config;
use super::metrics::{Confusion, SCORE_BINS, ScoreHist, Segments, score_bin};
use super::model::{self, Rows};
use super::outcome::{
    GATE_MARGIN, GATE_MIN_AUC, GATE_MIN_F1, GATE_MIN_SEGMENT_CHURNERS, GATE_MIN_SEGMENT_F1,
    GATE_RATE_TOLERANCE, GateReport, HOLDOUT_CUT_PERCENT, Model, ModelCard, ModelId, TrainingData,
};
use super::world::{self, Cohort, World};

/// One model's performance on one weekly cohort (labels known to the simulation; policies
/// only see them once matured).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Eval {
    /// Confusion matrix at the model's threshold.
    pub confusion: Confusion,
    /// Confusion per segment (contract, tenure, charges).
    pub segments: Segments,
    /// ROC AUC.
    pub auc: f64,
    /// CBPE label-free F1 estimate.
    pub cbpe_f1: f64,
    /// Churners by day of churn after the score (index 1..=7).
    pub churn_by_day: [u32; 8],
    /// Flagged churners by day of churn after the score.
    pub caught_by_day: [u32; 8],
    /// The confusion as the team measures it when this model drove the week's campaign
    /// (`campaign::Seen`): with a control group an estimate of `confusion`, without one
    /// the recorded labels, where every kept churner reads as a false alarm.
    pub seen: Confusion,
    /// The same per segment: the errors triage reads.
    pub seen_segments: Segments,
    /// The campaign this model drove that week.
    pub offers: Offers,
    #[serde(skip)]
    pub(super) hist: ScoreHist,
}

/// A challenger fitted by an earlier run; valid while its training week is drawn the same.
#[derive(Clone)]
pub(super) struct KeptFit {
    pub(super) data: TrainingData,
    pub(super) drawn_with: (u8, u64),
    pub(super) labels_key: u64,
    pub(super) model: Model,
    pub(super) reference_f1: f64,
    pub(super) reference_auc: f64,
    pub(super) calibration: Calibration,
}

/// A challenger's evaluation on a week; valid while both weeks are drawn the same.
pub(super) struct KeptEval {
    pub(super) data: TrainingData,
    pub(super) drawn_with: (u8, u64),
    pub(super) labels_key: u64,
    pub(super) week: usize,
    pub(super) week_drawn_with: (u8, u64),
    pub(super) eval: Eval,
}

/// Shared state of a run: the world, the models trained so far and the cached scores.
pub(crate) struct Lab<'a> {
    pub(crate) config: &'a Config,
    pub(crate) world: &'a World,
    pub(crate) models: Vec<ModelCard>,
    pub(super) calibrations: Vec<Calibration>,
    pub(super) evals: Vec<Vec<Option<Eval>>>,
    /// The champion's validation scores: the reference of prediction drift.
    pub(super) reference_scores: ScoreHist,
    /// Sum of the validation weeks' input histograms: the reference of input drift.
    pub(super) reference_inputs: Vec<Vec<u32>>,
    /// Per week: max input PSI, drifted share, score PSI (what triage reads).
    pub(super) triage: Vec<(f64, f64, f64)>,
    /// The champion's errors per segment on its validation weeks (what triage compares
    /// a week's errors with).
    pub(crate) reference_segments: Segments,
    /// How each week was drawn (for reusing an earlier run's fits and evaluations).
    pub(super) week_keys: Vec<(u8, u64)>,
    pub(super) kept_fits: Vec<KeptFit>,
    pub(super) kept_evals: Vec<KeptEval>,
    /// The first champion's score bin for every customer of each week, once scored.
    pub(super) champion_bins: Vec<Option<Vec<u16>>>,
}

/// Rows of a cohort from `from` (inclusive) to `to` (exclusive).
fn rows(c: &Cohort, from: usize, to: usize) -> Rows<'_> {
    (&c.x[from..to], &c.y[from..to])
}

/// Where a labelled week is cut for a challenger: rows `..fit` train it, rows
/// `fit..holdout` choose its threshold, and rows `holdout..` are the gate's holdout, which
/// nothing in training has seen (a threshold tuned on the gate's own rows would flatter
/// the challenger at the gate).
pub(crate) fn cuts(len: usize) -> (usize, usize) {
    (
        len * HOLDOUT_CUT_PERCENT.0 / 100,
        len * HOLDOUT_CUT_PERCENT.1 / 100,
    )
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
            reference_segments: Segments::default(),
            week_keys: Vec::new(),
            kept_fits: Vec::new(),
            kept_evals: Vec::new(),
            champion_bins: Vec::new(),
        }
    }

    /// Installs a champion fitted by an earlier run on the same history.
    pub(super) fn install(
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
    pub(super) fn data_key(&self, data: TrainingData) -> (u8, u64) {
        match data {
            TrainingData::FreshWeek(k) => self
                .week_keys
                .get(k as usize)
                .copied()
                .unwrap_or((u8::MAX, u64::MAX)),
            TrainingData::History | TrainingData::StaleHistory => (u8::MAX, 0),
        }
    }

    /// What the labels of `data` depend on beyond how its week was drawn: the model whose
    /// campaign shaped them (by its coefficients and threshold) and the campaign's control
    /// share and save rate. 0 for the history, which no campaign touched.
    pub(super) fn labels_key(&self, data: TrainingData, labels_from: Option<ModelId>) -> u64 {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let (TrainingData::FreshWeek(_), Some(served)) = (data, labels_from) else {
            return 0;
        };
        let model = self.models[served.0 as usize].model;
        let b = &self.config.business;
        let mut h = DefaultHasher::new();
        model.coef.map(f64::to_bits).hash(&mut h);
        model.threshold.to_bits().hash(&mut h);
        b.control_share.to_bits().hash(&mut h);
        b.save_rate.to_bits().hash(&mut h);
        h.finish()
    }

    /// The model trained on `data`, fitting it the first time it is asked for (or taking
    /// an earlier run's fit on the same data). A week after deployment is learnt from with
    /// the labels the team recorded, shaped by the campaign `labels_from` drove that week
    /// (`campaign::Seen`).
    pub(crate) fn train(&mut self, data: TrainingData, labels_from: Option<ModelId>) -> ModelId {
        let labels_from = match data {
            TrainingData::FreshWeek(_) => labels_from,
            TrainingData::History | TrainingData::StaleHistory => None,
        };
        if let Some(m) = self
            .models
            .iter()
            .find(|m| m.trained_on == data && m.labels_from == labels_from)
        {
            return m.id;
        }
        let key = self.data_key(data);
        let labels_key = self.labels_key(data, labels_from);
        if data != TrainingData::History
            && let Some(kept) = self
                .kept_fits
                .iter()
                .find(|k| k.data == data && k.drawn_with == key && k.labels_key == labels_key)
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
                                && e.labels_key == labels_key
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
                labels_from,
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
            TrainingData::StaleHistory => {
                let c = &w.history[w.history.len() - 1];
                let (fit, holdout) = cuts(c.len());
                let fit_rows = [rows(c, 0, fit)];
                let coef = model::fit(&fit_rows, model::cold_start(&fit_rows));
                (coef, model::score_hist(&coef, &[rows(c, fit, holdout)]))
            }
            TrainingData::FreshWeek(k) => {
                let week = k as usize;
                let served = labels_from.unwrap_or(ModelId(0));
                let served_bins = self.bins(served, week);
                let served_cut = self.models[served.0 as usize].model.cut_bin();
                let c = &w.weeks[week];
                let b = &self.config.business;
                let (fit, holdout) = cuts(c.len());
                // Fit on the rows whose labels the team trusts, with their recorded labels.
                let fit_seen = Seen::new(b, c, &served_bins[..fit], served_cut, 0);
                let (x, y): (Vec<_>, Vec<_>) = fit_seen
                    .trainable()
                    .map(|(i, label)| (c.x[i], label))
                    .unzip();
                let fit_rows = [(&x[..], &y[..])];
                let coef = model::fit(&fit_rows, model::cold_start(&fit_rows));
                // Tune the threshold on the next rows, as the team measures them.
                let tune_seen = Seen::new(b, c, &served_bins[fit..holdout], served_cut, fit);
                let own = score_bins(
                    &Model {
                        coef,
                        threshold: 0.5,
                    },
                    &c.x[fit..holdout],
                );
                (
                    coef,
                    campaign::measure(c, &tune_seen, &own, SCORE_BINS).hist,
                )
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
            labels_from,
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
            let bins = self.bins(id, week);
            let c = &self.world.weeks[week];
            let business = &self.config.business;
            let cut = model.cut_bin();
            let (confusion, segments, hist, churn_by_day, caught_by_day) =
                evaluate(&model, c, 0, c.len(), Some(&bins));
            let seen = Seen::new(business, c, &bins, cut, 0);
            let measured = campaign::measure(c, &seen, &bins, cut);
            let e = Eval {
                auc: hist.auc(),
                cbpe_f1: self.calibrations[m].estimate_f1(&hist, cut),
                confusion,
                segments,
                churn_by_day,
                caught_by_day,
                seen: measured.confusion,
                seen_segments: measured.segments,
                offers: Offers::new(business, c, &bins, cut),
                hist,
            };
            self.evals[m][week] = Some(e);
        }
        self.evals[m][week].as_ref().expect("filled above")
    }

    /// A model's score bin for every customer of a week.
    fn bins(&mut self, id: ModelId, week: usize) -> Vec<u16> {
        if id.0 == 0 {
            return self.champion_bins(week);
        }
        let model = self.models[id.0 as usize].model;
        score_bins(&model, &self.world.weeks[week].x)
    }

    /// The first champion's score bins on a week, scored the first time they are asked
    /// for. They depend on the inputs only, so a relabelled week keeps them.
    fn champion_bins(&mut self, week: usize) -> Vec<u16> {
        if self.champion_bins.len() < self.world.weeks.len() {
            self.champion_bins.resize(self.world.weeks.len(), None);
        }
        if self.champion_bins[week].is_none() {
            let model = self.models[0].model;
            self.champion_bins[week] = Some(score_bins(&model, &self.world.weeks[week].x));
        }
        self.champion_bins[week].clone().expect("filled above")
    }

    /// A model's errors per segment on the validation weeks (history weeks -2 and -1).
    pub(crate) fn validation_segments(&self, id: ModelId) -> Segments {
        let model = self.models[id.0 as usize].model;
        self.world.history[6..]
            .iter()
            .fold(Segments::default(), |acc, c| {
                acc.plus(&evaluate(&model, c, 0, c.len(), None).1)
            })
    }

    /// Max input PSI, drifted share and score PSI of a week's drift report.
    pub(crate) fn week_drift(&self, week: usize) -> (f64, f64, f64) {
        self.triage.get(week).copied().unwrap_or((0.0, 0.0, 0.0))
    }

    /// The validation gate: challenger against champion on the holdout of a week, the
    /// rows neither the challenger's fit nor its threshold saw, with the labels the team
    /// recorded that week (`served` drove its campaign).
    pub(crate) fn gate(
        &mut self,
        challenger: ModelId,
        champion: ModelId,
        week: u32,
        served: ModelId,
    ) -> GateReport {
        let w = week as usize;
        let served_bins = self.bins(served, w);
        let c = &self.world.weeks[w];
        let (_, s) = cuts(c.len());
        let served_cut = self.models[served.0 as usize].model.cut_bin();
        let seen = Seen::new(&self.config.business, c, &served_bins[s..], served_cut, s);
        let ch = self.models[challenger.0 as usize].model;
        let cp = self.models[champion.0 as usize].model;
        let challenger_measured =
            campaign::measure(c, &seen, &score_bins(&ch, &c.x[s..]), ch.cut_bin());
        let champion_measured =
            campaign::measure(c, &seen, &score_bins(&cp, &c.x[s..]), cp.cut_bin());
        let (conf, hist) = (challenger_measured.confusion, challenger_measured.hist);
        let champ_conf = champion_measured.confusion;
        let by_contract = challenger_measured.segments.contract;
        // The labels behind each segment's F1, in churners: with a control group a few
        // customers stand for many, and the exemption counts what the estimate rests on.
        let contract_churners = challenger_measured.effective_churners[0];
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
            .zip(contract_churners)
            .all(|(k, n)| n < GATE_MIN_SEGMENT_CHURNERS || k.f1() >= GATE_MIN_SEGMENT_F1);
        GateReport {
            holdout_week: week,
            holdout_rows: (c.len() - s) as u32,
            champion_f1,
            challenger_f1,
            challenger_auc: auc,
            positive_rate: rate,
            observed_churn_rate: observed,
            contract_f1,
            contract_churners,
            beats_champion,
            f1_ok,
            auc_ok,
            rate_ok,
            segments_ok,
            passed: beats_champion && f1_ok && auc_ok && rate_ok && segments_ok,
        }
    }
}

/// A model's score bin for every row.
fn score_bins(model: &Model, xs: &[world::Features]) -> Vec<u16> {
    let mut bins = Vec::with_capacity(xs.len());
    world::for_each_score(&model.coef, xs, |_, _, p| bins.push(score_bin(p) as u16));
    bins
}

type Evaluated = (Confusion, Segments, ScoreHist, [u32; 8], [u32; 8]);

/// Scores rows `from..to` of a cohort (or reads their score bins from `bins`, one per
/// customer of the cohort) and counts the outcomes: overall, per segment, per score bin
/// and by day of churn.
fn evaluate(model: &Model, c: &Cohort, from: usize, to: usize, bins: Option<&[u16]>) -> Evaluated {
    let cut = model.cut_bin();
    let mut conf = Confusion::default();
    let mut segments = Segments::default();
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
        segments.record(c.bands[i], flagged, y);
        hist.count[b] += 1;
        if y {
            hist.pos[b] += 1;
            let d = c.churn_day[i] as usize;
            churn_by_day[d] += 1;
            caught_by_day[d] += u32::from(flagged);
        }
    }
    (conf, segments, hist, churn_by_day, caught_by_day)
}

/// Confusion matrix of flagging bins at or above `cut` on a histogram.
pub(crate) fn confusion_from_hist(h: &ScoreHist, cut: usize) -> Confusion {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_training_data_is_fitted_once() {
        let c = Config {
            cohort_size: 500,
            ..Config::default()
        };
        let world = World::generate(&c);
        let mut lab = Lab::new(&c, &world);
        let champion = lab.train(TrainingData::History, None);
        let a = lab.train(TrainingData::FreshWeek(1), Some(champion));
        let b = lab.train(TrainingData::FreshWeek(1), Some(champion));
        assert_eq!(a, b);
        assert_eq!(lab.models.len(), 2);
        // Labels another model's campaign left are other data.
        let c = lab.train(TrainingData::FreshWeek(1), Some(a));
        assert_ne!(a, c);
        assert_eq!(lab.models.len(), 3);
    }

    #[test]
    fn every_numeric_input_has_more_than_five_values_in_the_reference() {
        use crate::sim::drift::Column;
        // Evidently treats a numeric column with five or fewer distinct values as
        // categorical; the drift rule (`sim::drift`) counts on none of these being so.
        let c = Config::default();
        let world = World::generate(&c);
        let lab = Lab::new(&c, &world);
        for (column, hist) in Column::INPUTS.iter().zip(&lab.reference_inputs) {
            let values = hist.iter().filter(|&&n| n > 0).count();
            assert!(
                column.is_categorical() || values > 5,
                "{column:?}: {values} values"
            );
        }
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
}
