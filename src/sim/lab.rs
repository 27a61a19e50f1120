//! The lab of a run: the world's cohorts, and the models trained, evaluated and gated on
//! them. Each distinct training set is fitted once (the loop and the manual retrain often
//! ask for the same one), and each (model, week) pair is scored once, lazily, into an
//! `Eval` that every policy serving that model that week reads. The policies
//! (`policy/`) ask it for models, evaluations and gate reports; the run (`run.rs`) makes
//! one and keeps what a `Session` can reuse.
//!
//! Over ~400 lines with its tests; the code itself is about 375 lines.

use serde::Serialize;

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
    #[serde(skip)]
    pub(super) hist: ScoreHist,
}

/// A challenger fitted by an earlier run; valid while its training week is drawn the same.
#[derive(Clone)]
pub(super) struct KeptFit {
    pub(super) data: TrainingData,
    pub(super) drawn_with: (u8, u64),
    pub(super) model: Model,
    pub(super) reference_f1: f64,
    pub(super) reference_auc: f64,
    pub(super) calibration: Calibration,
}

/// A challenger's evaluation on a week; valid while both weeks are drawn the same.
pub(super) struct KeptEval {
    pub(super) data: TrainingData,
    pub(super) drawn_with: (u8, u64),
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
                let (fit, holdout) = cuts(c.len());
                let fit_rows = [rows(c, 0, fit)];
                let coef = model::fit(&fit_rows, model::cold_start(&fit_rows));
                (coef, model::score_hist(&coef, &[rows(c, fit, holdout)]))
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
            let (confusion, segments, hist, churn_by_day, caught_by_day) =
                evaluate(&model, c, 0, c.len(), bins.as_deref());
            let e = Eval {
                auc: hist.auc(),
                cbpe_f1: self.calibrations[m].estimate_f1(&hist, model.cut_bin()),
                confusion,
                segments,
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
    /// rows neither the challenger's fit nor its threshold saw.
    pub(crate) fn gate(&mut self, challenger: ModelId, champion: ModelId, week: u32) -> GateReport {
        let c = &self.world.weeks[week as usize];
        let (_, s) = cuts(c.len());
        let ch = self.models[challenger.0 as usize].model;
        let cp = self.models[champion.0 as usize].model;
        let (conf, segments, hist, ..) = evaluate(&ch, c, s, c.len(), None);
        let by_contract = segments.contract;
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
            holdout_rows: (c.len() - s) as u32,
            champion_f1,
            challenger_f1,
            challenger_auc: auc,
            positive_rate: rate,
            observed_churn_rate: observed,
            contract_f1,
            contract_churners: by_contract.map(|k| k.tp + k.fn_),
            beats_champion,
            f1_ok,
            auc_ok,
            rate_ok,
            segments_ok,
            passed: beats_champion && f1_ok && auc_ok && rate_ok && segments_ok,
        }
    }
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
        let a = lab.train(TrainingData::FreshWeek(1));
        let b = lab.train(TrainingData::FreshWeek(1));
        assert_eq!(a, b);
        assert_eq!(lab.models.len(), 1);
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
