//! The drift statistics behind `drift::DriftReport`: PSI, Kolmogorov-Smirnov,
//! Jensen-Shannon, Wasserstein and chi-square on the fixed histogram grids, with the
//! verdicts and the dataset rule the module notes of `drift` describe.
//!
//! Over ~400 lines with its tests; the code itself is about 270 lines.

use super::drift::*;
use super::stats;

/// The bins PSI and Jensen-Shannon read: one per category, or groups of fine bins holding
/// about a tenth of the reference each. Ties (integer columns) merge deciles, as quantile
/// edges do. The lab draws these bins, so the chart shows what the statistic measured.
pub fn psi_bins(column: Column, reference: &[u32], current: &[u32]) -> Vec<Bin> {
    let grid = column.grid();
    let nr = reference.iter().map(|&v| v as u64).sum::<u64>().max(1) as f64;
    let nc = current.iter().map(|&v| v as u64).sum::<u64>().max(1) as f64;
    // The value range of fine bins first..=last (bin centres, so integers stay integers).
    let range = |first: usize, last: usize| {
        (
            grid.lo + (first as f64 + 0.5) * grid.width,
            grid.lo + (last as f64 + 0.5) * grid.width,
        )
    };
    let mut groups: Vec<Bin> = Vec::with_capacity(10);
    if column.is_categorical() {
        for (i, (r, c)) in reference.iter().zip(current).enumerate() {
            groups.push(Bin {
                lo: i as f64,
                hi: i as f64,
                reference: *r as f64 / nr,
                current: *c as f64 / nc,
            });
        }
        return groups;
    }
    let mut next = 1;
    let (mut cum_r, mut gr, mut gc) = (0u64, 0u64, 0u64);
    // The first and last fine bins with any mass in the group being filled.
    let mut filled: Option<(usize, usize)> = None;
    let group = |filled: Option<(usize, usize)>, gr: u64, gc: u64| {
        let (lo, hi) = filled.map_or((0.0, 0.0), |(a, b)| range(a, b));
        Bin {
            lo,
            hi,
            reference: gr as f64 / nr,
            current: gc as f64 / nc,
        }
    };
    for (i, (r, c)) in reference.iter().zip(current).enumerate() {
        cum_r += *r as u64;
        gr += *r as u64;
        gc += *c as u64;
        if *r > 0 || *c > 0 {
            filled = Some(filled.map_or((i, i), |(first, _)| (first, i)));
        }
        if next < 10 && cum_r as f64 >= next as f64 * nr / 10.0 {
            groups.push(group(filled, gr, gc));
            gr = 0;
            gc = 0;
            filled = None;
            while next < 10 && cum_r as f64 >= next as f64 * nr / 10.0 {
                next += 1;
            }
        }
    }
    if gr > 0 || gc > 0 || groups.is_empty() {
        groups.push(group(filled, gr, gc));
    }
    groups
}

/// A score histogram (the fine grid of `Column::Score`) in `n` equal bins over [0, 1],
/// as shares of the whole.
pub fn score_bins(reference: &[u32], current: &[u32], n: usize) -> Vec<Bin> {
    let n = n.max(1);
    let nr = reference.iter().map(|&v| v as u64).sum::<u64>().max(1) as f64;
    let nc = current.iter().map(|&v| v as u64).sum::<u64>().max(1) as f64;
    let fine = reference.len().max(current.len()).max(1);
    let mut out: Vec<Bin> = (0..n)
        .map(|i| Bin {
            lo: i as f64 / n as f64,
            hi: (i + 1) as f64 / n as f64,
            reference: 0.0,
            current: 0.0,
        })
        .collect();
    let slot = |i: usize| (i * n / fine).min(n - 1);
    for (i, v) in reference.iter().enumerate() {
        out[slot(i)].reference += *v as f64 / nr;
    }
    for (i, v) in current.iter().enumerate() {
        out[slot(i)].current += *v as f64 / nc;
    }
    out
}

/// Compares a current histogram with the reference on the same grid.
pub fn compare(column: Column, reference: &[u32], current: &[u32]) -> ColumnDrift {
    compare_in_bins(
        column,
        reference,
        current,
        &psi_bins(column, reference, current),
    )
}

/// `compare` with the column's PSI bins already made (`psi_bins` of the same histograms).
fn compare_in_bins(
    column: Column,
    reference: &[u32],
    current: &[u32],
    groups: &[Bin],
) -> ColumnDrift {
    let grid = column.grid();
    let n_ref: u64 = reference.iter().map(|&v| v as u64).sum();
    let n_cur: u64 = current.iter().map(|&v| v as u64).sum();
    let nr = n_ref.max(1) as f64;
    let nc = n_cur.max(1) as f64;
    let categorical = column.is_categorical();

    let mut psi = 0.0;
    let mut jsd = 0.0;
    for &Bin {
        reference: r,
        current: c,
        ..
    } in groups
    {
        let (re, ce) = (r.max(1e-4), c.max(1e-4));
        psi += (ce - re) * libm::log(ce / re);
        let m = 0.5 * (r + c);
        if r > 0.0 {
            jsd += 0.5 * r * libm::log2(r / m);
        }
        if c > 0.0 {
            jsd += 0.5 * c * libm::log2(c / m);
        }
    }
    let js = libm::sqrt(jsd.max(0.0)).min(1.0);

    let mut out = ColumnDrift {
        column,
        psi,
        psi_verdict: if psi >= PSI_ALERT {
            Verdict::Drift
        } else if psi >= PSI_WARN {
            Verdict::Warn
        } else {
            Verdict::Stable
        },
        js,
        js_verdict: at_least(js, DISTANCE_THRESHOLD),
        ks_d: 0.0,
        ks_p: 1.0,
        ks_verdict: Verdict::Stable,
        wasserstein: 0.0,
        wasserstein_verdict: Verdict::Stable,
        chi2: 0.0,
        chi2_p: 1.0,
        chi2_verdict: Verdict::Stable,
        drifted: false,
    };

    if categorical {
        // 2 x k contingency table: reference and current rows.
        let total = nr + nc;
        let mut chi2 = 0.0;
        let mut dof = 0u32;
        for (r, c) in reference.iter().zip(current) {
            let col = (*r + *c) as f64;
            if col == 0.0 {
                continue;
            }
            dof += 1;
            let er = col * nr / total;
            let ec = col * nc / total;
            chi2 +=
                (*r as f64 - er) * (*r as f64 - er) / er + (*c as f64 - ec) * (*c as f64 - ec) / ec;
        }
        let p = if dof > 1 {
            stats::chi_square_sf(chi2, dof - 1)
        } else {
            1.0
        };
        out.chi2 = chi2;
        out.chi2_p = p;
        out.chi2_verdict = below(p, P_THRESHOLD);
        out.drifted = if n_ref > 1000 {
            js >= DISTANCE_THRESHOLD
        } else {
            p < P_THRESHOLD
        };
    } else {
        let (mut fr, mut fc) = (0u64, 0u64);
        let mut d: f64 = 0.0;
        let mut w = 0.0;
        let (mut mean, mut sq) = (0.0, 0.0);
        for (i, (r, c)) in reference.iter().zip(current).enumerate() {
            fr += *r as u64;
            fc += *c as u64;
            let diff = (fr as f64 / nr - fc as f64 / nc).abs();
            d = d.max(diff);
            w += diff * grid.width;
            let x = grid.lo + (i as f64 + 0.5) * grid.width;
            mean += *r as f64 * x;
            sq += *r as f64 * x * x;
        }
        mean /= nr;
        let sd = libm::sqrt((sq / nr - mean * mean).max(0.0));
        let wn = if sd > 0.0 { w / sd } else { 0.0 };
        let p = stats::ks_p_value(d, n_ref as usize, n_cur as usize);
        out.ks_d = d;
        out.ks_p = p;
        out.ks_verdict = below(p, P_THRESHOLD);
        out.wasserstein = wn;
        out.wasserstein_verdict = at_least(wn, DISTANCE_THRESHOLD);
        out.drifted = if n_ref > 1000 {
            wn >= DISTANCE_THRESHOLD
        } else {
            p < P_THRESHOLD
        };
    }
    out
}

fn at_least(v: f64, t: f64) -> Verdict {
    if v >= t {
        Verdict::Drift
    } else {
        Verdict::Stable
    }
}

fn below(p: f64, t: f64) -> Verdict {
    if p < t {
        Verdict::Drift
    } else {
        Verdict::Stable
    }
}

impl DriftReport {
    /// Builds the report from the input histograms and the score histograms.
    pub fn new(
        reference: &[Vec<u32>],
        current: &[Vec<u32>],
        score_ref: &[u32],
        score_cur: &[u32],
    ) -> DriftReport {
        // Each column's bins are made once: the statistics read them and the lab draws them.
        let (inputs, bins): (Vec<ColumnDrift>, Vec<Vec<Bin>>) = Column::INPUTS
            .iter()
            .zip(reference.iter().zip(current))
            .map(|(&c, (r, k))| {
                let bins = psi_bins(c, r, k);
                (compare_in_bins(c, r, k, &bins), bins)
            })
            .unzip();
        let drifted = inputs.iter().filter(|c| c.drifted).count();
        let share = drifted as f64 / inputs.len() as f64;
        DriftReport {
            score: compare(Column::Score, score_ref, score_cur),
            inputs,
            bins,
            score_bins: score_bins(score_ref, score_cur, 10),
            drifted_share: share,
            dataset_drift: share >= DATASET_SHARE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hist(column: Column, values: impl Iterator<Item = f64>) -> Vec<u32> {
        let g = column.grid();
        let mut h = vec![0; g.bins];
        for v in values {
            h[g.bin(v)] += 1;
        }
        h
    }

    #[test]
    fn identical_distributions_show_no_drift() {
        let h = hist(
            Column::Usage,
            (0..5000).map(|i| (i % 200) as f64 / 200.0 - 0.5),
        );
        let d = compare(Column::Usage, &h, &h);
        assert!(d.psi.abs() < 1e-12 && d.js < 1e-9 && d.ks_d == 0.0 && d.wasserstein == 0.0);
        assert_eq!(d.ks_p, 1.0);
        assert!(!d.drifted);
    }

    #[test]
    fn a_shift_of_half_a_standard_deviation_is_flagged_by_every_statistic() {
        let base = (0..5000).map(|i| (i % 200) as f64 / 200.0 - 0.5);
        let r = hist(Column::Usage, base.clone());
        let c = hist(Column::Usage, base.map(|v| v + 0.15));
        let d = compare(Column::Usage, &r, &c);
        assert_eq!(d.psi_verdict, Verdict::Drift);
        assert_eq!(d.ks_verdict, Verdict::Drift);
        assert_eq!(d.js_verdict, Verdict::Drift);
        // The uniform on [-0.5, 0.5) has sd 0.2887, so W/sd is about 0.15 / 0.2887.
        assert!(
            (d.wasserstein - 0.15 / 0.2887).abs() < 0.02,
            "{}",
            d.wasserstein
        );
        assert!(d.drifted);
    }

    #[test]
    fn chi_square_detects_a_changed_category_mix() {
        let r = [2500, 2500, 0];
        let c = [2000, 3000, 0];
        let d = compare(Column::Contract, &r[..3], &c[..3]);
        assert!(d.chi2_p < 1e-6, "{}", d.chi2_p);
        assert_eq!(d.chi2_verdict, Verdict::Drift);
        assert!((d.psi - (-0.1 * libm::log(0.4 / 0.5) + 0.1 * libm::log(0.6 / 0.5))).abs() < 1e-9);
    }

    #[test]
    fn psi_uses_at_most_ten_bins_and_merges_tied_deciles() {
        // An integer column with three values: deciles collapse to three bins.
        let r = hist(Column::Calls, (0..3000).map(|i| (i % 3) as f64));
        let c = hist(Column::Calls, (0..3000).map(|i| (i % 3) as f64));
        let d = compare(Column::Calls, &r, &c);
        assert!(d.psi.abs() < 1e-12);
    }

    #[test]
    fn psi_bins_hold_a_tenth_of_the_reference_each_and_their_value_ranges() {
        let r = hist(
            Column::Charges,
            (0..10_000).map(|i| 20.0 + (i % 400) as f64 * 0.25),
        );
        let c = hist(
            Column::Charges,
            (0..10_000).map(|i| 40.0 + (i % 400) as f64 * 0.25),
        );
        let bins = psi_bins(Column::Charges, &r, &c);
        assert_eq!(bins.len(), 10);
        for b in &bins {
            assert!((b.reference - 0.1).abs() < 0.01, "{b:?}");
            assert!(b.lo <= b.hi);
        }
        for pair in bins.windows(2) {
            assert!(pair[0].hi < pair[1].lo, "ranges overlap: {pair:?}");
        }
        assert!(
            (bins[0].lo - 20.125).abs() < 1e-9 && bins[9].hi > 137.0,
            "{bins:?}"
        );
        let shares: f64 = bins.iter().map(|b| b.current).sum();
        assert!((shares - 1.0).abs() < 1e-9);
        // The shifted week leaves the lowest bins nearly empty.
        assert!(bins[0].current < 0.01 && bins[9].current > 0.2);
        // The report's PSI is computed on exactly these bins.
        let psi: f64 = bins
            .iter()
            .map(|b| {
                let (re, ce) = (b.reference.max(1e-4), b.current.max(1e-4));
                (ce - re) * libm::log(ce / re)
            })
            .sum();
        assert!((psi - compare(Column::Charges, &r, &c).psi).abs() < 1e-9);
    }

    #[test]
    fn evidently_picks_its_test_by_the_reference_size() {
        // Charges shifted by about a fifth of a standard deviation: the distance sees it,
        // a small sample's KS test does not.
        let sample = |n: usize, shift: f64| {
            hist(
                Column::Charges,
                (0..n).map(move |i| 20.0 + shift + (i % 100) as f64),
            )
        };
        let (small, large) = (100, 5000);
        // A small reference: the KS test decides, whatever the current week's size.
        let drift = compare(Column::Charges, &sample(small, 0.0), &sample(large, 6.0));
        assert!(drift.wasserstein >= DISTANCE_THRESHOLD && drift.ks_p >= P_THRESHOLD);
        assert!(!drift.drifted, "{drift:?}");
        // A large reference: the normalised Wasserstein distance decides, even on a small week.
        let drift = compare(Column::Charges, &sample(large, 0.0), &sample(small, 6.0));
        assert!(drift.wasserstein >= DISTANCE_THRESHOLD && drift.ks_p >= P_THRESHOLD);
        assert!(drift.drifted, "{drift:?}");
    }

    #[test]
    fn categorical_bins_are_the_categories_and_score_bins_split_the_unit_interval() {
        let r = hist(Column::Contract, (0..300).map(|i| (i % 3) as f64));
        let c = hist(
            Column::Contract,
            (0..300).map(|i| if i % 2 == 0 { 0.0 } else { 2.0 }),
        );
        let bins = psi_bins(Column::Contract, &r, &c);
        assert_eq!(bins.len(), 3);
        assert_eq!((bins[2].lo, bins[2].hi), (2.0, 2.0));
        assert!((bins[1].current).abs() < 1e-12 && (bins[0].current - 0.5).abs() < 1e-12);

        let r = hist(Column::Score, (0..1000).map(|i| (i as f64 + 0.5) / 1000.0));
        let c = hist(Column::Score, (0..1000).map(|_| 0.93));
        let bins = score_bins(&r, &c, 10);
        assert_eq!(bins.len(), 10);
        assert!(bins.iter().all(|b| (b.reference - 0.1).abs() < 1e-9));
        assert!((bins[9].current - 1.0).abs() < 1e-9);
        assert!((bins[3].lo - 0.3).abs() < 1e-12 && (bins[3].hi - 0.4).abs() < 1e-12);
        // Empty histograms give empty shares, not NaN.
        assert!(score_bins(&[], &[], 0).iter().all(|b| b.reference == 0.0));
    }
}
