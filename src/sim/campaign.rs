//! The retention campaign and the labels it leaves behind.
//!
//! Each week the serving model flags customers and the campaign offers each of them a free
//! month. A flagged churner who accepts stays, so the business records a stayer: the
//! model's success reads as a false alarm, the measured F1 falls although the model did
//! its job, and a model retrained on those labels learns that the customers it flagged do
//! not leave. A random control group (`Business::control_share`) gets no offer, whatever
//! its score; its labels are what happens without the campaign.
//!
//! What the team sees of a week (`seen`) is every customer's recorded label with a
//! weight. Without a control group every row counts once, with its recorded label. With
//! one, the offered customers' labels are set aside (weight 0); the customers the model did
//! not flag got no offer, so theirs are true (weight 1); and the control group's flagged
//! customers stand for every flagged customer (weight: flagged ÷ flagged in the control
//! group). That is the week's confusion estimated by stratifying on the serving model's
//! flags: unbiased, and noisier the smaller the control group.

use super::config::Business;
use super::metrics::{Confusion, SCORE_BINS, ScoreHist, Segments};
use super::world::Cohort;

/// A week's labels as the team records them, for rows `from..to` of a cohort.
pub(crate) struct Seen {
    /// First row.
    pub(crate) from: usize,
    /// The recorded label: churned, unless an accepted offer kept the customer.
    pub(crate) label: Vec<bool>,
    /// How much the row counts in what the team measures (0: set aside).
    pub(crate) weight: Vec<f64>,
}

impl Seen {
    /// The labels the team records for rows `from..to` of `c`, when the model whose score
    /// bins are `bins` (one per row of the range) flags bins at or above `cut`.
    pub(crate) fn new(b: &Business, c: &Cohort, bins: &[u16], cut: usize, from: usize) -> Seen {
        let to = from + bins.len();
        let rows = from..to;
        let flagged = |i: usize| bins[i - from] as usize >= cut;
        let in_control = |i: usize| c.control_u[i] < b.control_share;
        let label: Vec<bool> = rows
            .clone()
            .map(|i| c.y[i] && !(flagged(i) && !in_control(i) && c.accept_u[i] < b.save_rate))
            .collect();
        let all_flagged = rows.clone().filter(|&i| flagged(i)).count();
        let control_flagged = rows
            .clone()
            .filter(|&i| flagged(i) && in_control(i))
            .count();
        // Without a control group, or with none of its customers flagged in these rows,
        // the recorded labels are all there is.
        let honest = b.control_share > 0.0 && control_flagged > 0;
        let stand_for = all_flagged as f64 / control_flagged.max(1) as f64;
        let weight = rows
            .map(|i| match (honest, flagged(i), in_control(i)) {
                (false, ..) | (true, false, _) => 1.0,
                (true, true, true) => stand_for,
                (true, true, false) => 0.0,
            })
            .collect();
        Seen {
            from,
            label,
            weight,
        }
    }

    /// The rows whose labels the team uses for training: every row without a control
    /// group (recorded labels and all), only the rows no offer touched with one.
    pub(crate) fn trainable(&self) -> impl Iterator<Item = (usize, bool)> + '_ {
        self.label
            .iter()
            .zip(&self.weight)
            .enumerate()
            .filter(|(_, (_, w))| **w > 0.0)
            .map(|(k, (&y, _))| (self.from + k, y))
    }
}

/// What the campaign did in a week: the customers it offered, and the churners it kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Offers {
    /// The offered customers (flagged, outside the control group), against their true
    /// labels: what the campaign's value is computed from.
    pub offered: Confusion,
    /// Offered churners who accepted and stayed, recorded as stayers.
    pub kept: u32,
    /// Churners the model flagged in the control group, who got no offer.
    pub control_churners_flagged: u32,
}

impl Offers {
    /// The campaign a model with score `bins` (one per customer) and cut `cut` drove.
    pub(crate) fn new(b: &Business, c: &Cohort, bins: &[u16], cut: usize) -> Offers {
        let mut o = Offers::default();
        for (i, &bin) in bins.iter().enumerate() {
            if (bin as usize) < cut {
                continue;
            }
            if c.control_u[i] < b.control_share {
                o.control_churners_flagged += u32::from(c.y[i]);
                continue;
            }
            o.offered.record(true, c.y[i]);
            o.kept += u32::from(c.y[i] && c.accept_u[i] < b.save_rate);
        }
        o
    }
}

/// A model's decisions as the team measures them: counts rounded to whole customers.
pub(crate) struct Measured {
    /// Overall.
    pub(crate) confusion: Confusion,
    /// Per segment.
    pub(crate) segments: Segments,
    /// Per score bin.
    pub(crate) hist: ScoreHist,
    /// Per segment kind and band, the churners the estimate rests on: the effective size
    /// (Σw)² / Σw² of the weighted churners, which is their plain count without a control
    /// group and fewer where a few control customers stand for many.
    pub(crate) effective_churners: [[u32; 3]; 3],
}

/// Weighted counts of decisions, rounded to whole customers when finished.
pub(crate) struct Tally {
    confusion: [f64; 4],
    segments: [[[f64; 4]; 3]; 3],
    /// Per kind and band: Σw and Σw² over churners.
    churner_weights: [[(f64, f64); 3]; 3],
    count: Vec<f64>,
    pos: Vec<f64>,
}

/// Index of a decision in a tally's four cells, in `Confusion` order.
fn cell(flagged: bool, actual: bool) -> usize {
    match (flagged, actual) {
        (true, true) => 0,
        (true, false) => 1,
        (false, false) => 2,
        (false, true) => 3,
    }
}

fn confusion(cells: [f64; 4]) -> Confusion {
    let [tp, fp, tn, fn_] = cells.map(|v| v.round() as u32);
    Confusion { tp, fp, tn, fn_ }
}

impl Tally {
    /// Nothing counted yet.
    pub(crate) fn new() -> Tally {
        Tally {
            confusion: [0.0; 4],
            segments: [[[0.0; 4]; 3]; 3],
            churner_weights: [[(0.0, 0.0); 3]; 3],
            count: vec![0.0; SCORE_BINS],
            pos: vec![0.0; SCORE_BINS],
        }
    }

    /// Counts a customer in `bands`, scored into `bin`, `weight` times.
    pub(crate) fn record(
        &mut self,
        bands: [u8; 3],
        bin: usize,
        flagged: bool,
        actual: bool,
        weight: f64,
    ) {
        if weight == 0.0 {
            return;
        }
        let k = cell(flagged, actual);
        self.confusion[k] += weight;
        for (kind, &band) in self.segments.iter_mut().zip(&bands) {
            kind[band as usize][k] += weight;
        }
        self.count[bin] += weight;
        if actual {
            self.pos[bin] += weight;
            for (kind, &band) in self.churner_weights.iter_mut().zip(&bands) {
                let (w, w2) = &mut kind[band as usize];
                *w += weight;
                *w2 += weight * weight;
            }
        }
    }

    /// The counts in whole customers: overall, per segment and per score bin.
    pub(crate) fn finish(self) -> Measured {
        let [contract, tenure, charges] = self.segments.map(|kind| kind.map(confusion));
        let round = |v: Vec<f64>| v.into_iter().map(|x| x.round() as u32).collect();
        let effective = |(w, w2): (f64, f64)| {
            if w2 > 0.0 {
                (w * w / w2).round() as u32
            } else {
                0
            }
        };
        Measured {
            confusion: confusion(self.confusion),
            segments: Segments {
                contract,
                tenure,
                charges,
            },
            hist: ScoreHist {
                count: round(self.count),
                pos: round(self.pos),
            },
            effective_churners: self.churner_weights.map(|kind| kind.map(effective)),
        }
    }
}

/// A model's decisions on the rows of `seen`, counted as the team sees them.
pub(crate) fn measure(c: &Cohort, seen: &Seen, bins: &[u16], cut: usize) -> Measured {
    let mut t = Tally::new();
    for (k, &bin) in bins.iter().enumerate() {
        let i = seen.from + k;
        let bin = bin as usize;
        t.record(c.bands[i], bin, bin >= cut, seen.label[k], seen.weight[k]);
    }
    t.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Config;
    use crate::sim::metrics::score_bin;
    use crate::sim::world::{self, generate_cohort};

    fn week(config: &Config) -> Cohort {
        generate_cohort(config, 1, 0.0, 20_000)
    }

    /// The true churn process's own scores: a model that knows the world.
    fn bins(config: &Config, c: &Cohort) -> Vec<u16> {
        let mut coef = world::BETA;
        coef[0] = config.base_intercept;
        let mut b = Vec::new();
        world::for_each_score(&coef, &c.x, |_, _, p| b.push(score_bin(p) as u16));
        b
    }

    fn truth(c: &Cohort, bins: &[u16], cut: usize) -> Confusion {
        let mut t = Confusion::default();
        for (i, &b) in bins.iter().enumerate() {
            t.record(b as usize >= cut, c.y[i]);
        }
        t
    }

    #[test]
    fn without_a_control_group_kept_churners_read_as_false_alarms() {
        let mut config = Config::default();
        config.business.control_share = 0.0;
        let c = week(&config);
        let b = bins(&config, &c);
        let cut = 400;
        let seen = Seen::new(&config.business, &c, &b, cut, 0);
        let measured = measure(&c, &seen, &b, cut).confusion;
        let offers = Offers::new(&config.business, &c, &b, cut);
        let t = truth(&c, &b, cut);
        // Every kept churner moved from TP to FP; nothing else changed.
        assert!(offers.kept > 0);
        assert_eq!(measured.tp, t.tp - offers.kept);
        assert_eq!(measured.fp, t.fp + offers.kept);
        assert_eq!((measured.tn, measured.fn_), (t.tn, t.fn_));
        assert!(
            measured.f1() < t.f1() - 0.05,
            "{} vs {}",
            measured.f1(),
            t.f1()
        );
        // Every row counts once: the estimate rests on every churner it counts.
        let m = measure(&c, &seen, &b, cut);
        for (k, kind) in m.segments.contract.iter().enumerate() {
            assert_eq!(m.effective_churners[0][k], kind.tp + kind.fn_);
        }
        // About the save rate of the flagged churners were kept.
        let share = offers.kept as f64 / t.tp as f64;
        assert!((share - config.business.save_rate).abs() < 0.02, "{share}");
    }

    #[test]
    fn a_control_group_measures_the_true_f1_without_the_offers_bias() {
        let config = Config::default();
        let c = week(&config);
        let b = bins(&config, &c);
        let cut = 400;
        let seen = Seen::new(&config.business, &c, &b, cut, 0);
        let m = measure(&c, &seen, &b, cut);
        let measured = m.confusion;
        let t = truth(&c, &b, cut);
        // A few control customers stand for many flagged ones: the estimate rests on
        // fewer churners than it counts.
        let counted: u32 = m.segments.contract.iter().map(|k| k.tp + k.fn_).sum();
        let effective: u32 = m.effective_churners[0].iter().sum();
        assert!(effective < counted, "{effective} of {counted}");
        // The estimate covers the whole week and lands near the truth.
        assert!((measured.total() as i64 - t.total() as i64).abs() <= 2);
        assert_eq!(measured.fn_, t.fn_);
        assert!(
            (measured.f1() - t.f1()).abs() < 0.03,
            "{} vs {}",
            measured.f1(),
            t.f1()
        );
        // Only untouched rows are trainable, and they hold true labels.
        let mut n = 0;
        for (i, y) in seen.trainable() {
            assert_eq!(y, c.y[i]);
            n += 1;
        }
        let offered = Offers::new(&config.business, &c, &b, cut).offered;
        assert_eq!(n + (offered.tp + offered.fp) as usize, c.len());
    }

    #[test]
    fn the_control_group_is_about_its_share_and_gets_no_offer() {
        let config = Config::default();
        let c = week(&config);
        let b = bins(&config, &c);
        let o = Offers::new(&config.business, &c, &b, 0);
        // With every customer flagged, the offered are everyone outside the control group.
        let outside = o.offered.total() as f64 / c.len() as f64;
        let expected = 1.0 - config.business.control_share;
        assert!((outside - expected).abs() < 0.01, "{outside}");
        assert!(o.control_churners_flagged > 0);
    }
}
