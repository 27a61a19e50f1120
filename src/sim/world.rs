//! The synthetic world: weekly cohorts of telecom customers and the true churn process
//! (SCENARIO.md sections 1-2).
//!
//! Each cohort is drawn from its own random stream, derived from the seed and the week, so
//! changing the drift of one week never reshuffles another. Within a customer every draw
//! takes a fixed number of uniforms whatever the parameters (Poisson counts are drawn by
//! inversion from one uniform), so moving a slider changes a customer's features or label
//! only where the parameter really acts: the charts move smoothly instead of jumping.
//!
//! Weeks are numbered from the first deployment: week 0 is scored on day 0, week `w` on
//! day `7w`. The eight history weeks before deployment are weeks -8..=-1 and never drift.
//!
//! Why it is longer than ~400 lines: a customer's draws and the churn process that labels
//! them share one random stream and must change together; the code is about 460 lines,
//! the rest its tests.

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};
use rand_distr::{Distribution, StandardNormal};

use super::config::{Config, DriftKind, DriftShape, LABEL_WINDOW_DAYS};
use super::drift::Column;
use super::metrics::{CHARGES_BANDS, TENURE_BANDS, band};
pub use super::outcome::{Features, N_FEATURES};

/// True coefficients before drift, aligned with `Features` (the intercept slot is unused:
/// it comes from `Config::base_intercept`).
pub const BETA: Features = [
    0.0, -2.60, 2.08, -2.34, 1.56, -1.30, 1.17, 0.52, 0.91, 2.60, -1.43, 0.78,
];

/// Change of the true coefficients under full concept drift (times the strength):
/// price-sensitive and long-tenure customers start leaving.
pub const CONCEPT_DELTA: Features = [
    0.50, 1.04, 0.0, 1.30, 0.0, 0.0, 0.0, 2.08, 0.0, 0.0, 0.0, 0.0,
];

/// Contract mix by tenure bucket: P(month-to-month, one-year, two-year). The first and last
/// rows are SCENARIO.md's; the middle rows are interpolated so the marginals match IBM
/// Telco's 55.0 / 20.9 / 24.1 %.
const CONTRACT_BY_TENURE: [[f64; 3]; 7] = [
    [0.922, 0.049, 0.029],
    [0.700, 0.200, 0.100],
    [0.570, 0.260, 0.170],
    [0.470, 0.290, 0.240],
    [0.350, 0.310, 0.340],
    [0.140, 0.330, 0.530],
    [0.006, 0.047, 0.947],
];

/// Tenure buckets (inclusive month ranges) and their shares.
const TENURE_BUCKETS: [(u32, u32); 7] = [
    (0, 11),
    (12, 23),
    (24, 35),
    (36, 47),
    (48, 59),
    (60, 71),
    (72, 72),
];
const TENURE_SHARES: [f64; 7] = [0.294, 0.149, 0.124, 0.106, 0.116, 0.159, 0.052];

/// Customers in a weekly cohort, as columns.
#[derive(Clone, Debug)]
pub struct Cohort {
    /// Week index (negative for history).
    pub week: i32,
    /// Drift strength that acted on this cohort's churn decisions.
    pub strength: f64,
    /// Model inputs, one row per customer.
    pub x: Vec<Features>,
    /// True label: churned within the label window.
    pub y: Vec<bool>,
    /// Contract: 0 month-to-month, 1 one-year, 2 two-year (for per-segment metrics).
    pub contract: Vec<u8>,
    /// Each customer's bands `[contract, tenure, charges]` (`metrics::Segments`).
    pub bands: Vec<[u8; 3]>,
    /// For churners, the day within the window the churn happens (1..=7 after the score).
    pub churn_day: Vec<u8>,
    /// Histograms of the raw inputs on the monitoring grids, in `Column::INPUTS` order.
    pub hists: Vec<Vec<u32>>,
    /// Each customer's uniform draw for the churn decision (churns when below the churn
    /// probability), kept so `relabel` can decide again under another strength.
    churn_u: Vec<f64>,
    /// Each customer's day of churn within the window, should they churn.
    window_day: Vec<u8>,
    /// Each customer's uniform draw for the control group (in it when below the control
    /// share), from a stream of its own so the campaign's settings never move the
    /// customers' other draws.
    pub(crate) control_u: Vec<f64>,
    /// Each customer's uniform draw for accepting a retention offer (accepts when below
    /// the acceptance rate), from the same stream.
    pub(crate) accept_u: Vec<f64>,
}

impl Cohort {
    /// Number of customers.
    pub fn len(&self) -> usize {
        self.y.len()
    }

    /// True when the cohort has no customers.
    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    /// Share of churners.
    pub fn churn_rate(&self) -> f64 {
        let p = self.y.iter().filter(|&&y| y).count();
        p as f64 / self.len().max(1) as f64
    }
}

/// The generated world: history for training and the weeks after deployment.
#[derive(Clone, Debug)]
pub struct World {
    /// Weeks -8..=-1, index 0 is week -8.
    pub history: Vec<Cohort>,
    /// Weeks 0.. up to the horizon.
    pub weeks: Vec<Cohort>,
}

/// Number of pre-deployment history weeks.
pub const HISTORY_WEEKS: i32 = 8;

/// Drift strength acting on the cohort scored on `score_day`. A cohort decides during its
/// label window, so a ramp is measured at the window's end: with onset 7 and a 14-day ramp
/// the week-1 cohort sees half strength and week 2 full strength.
pub fn strength_on(config: &Config, score_day: i64) -> f64 {
    if config.drift == DriftKind::None || score_day < config.onset_day as i64 {
        return 0.0;
    }
    match config.shape {
        DriftShape::Step => config.strength,
        DriftShape::Ramp => {
            let progress = (score_day + LABEL_WINDOW_DAYS as i64 - config.onset_day as i64) as f64
                / config.ramp_days as f64;
            config.strength * progress.clamp(0.0, 1.0)
        }
    }
}

impl World {
    /// Generates every cohort of a run. The config must be valid.
    pub fn generate(config: &Config) -> World {
        World {
            history: World::history(config),
            weeks: World::weeks(config),
        }
    }

    /// The history weeks alone. They never drift, so they depend only on the seed, the
    /// cohort size and the base intercept, and can be reused when other settings change.
    pub fn history(config: &Config) -> Vec<Cohort> {
        let n = config.cohort_size as usize;
        (-HISTORY_WEEKS..0)
            .map(|w| generate_cohort(config, w, 0.0, n))
            .collect()
    }

    /// The weeks after deployment.
    pub fn weeks(config: &Config) -> Vec<Cohort> {
        let n = config.cohort_size as usize;
        let n_weeks = config.horizon_days.div_ceil(7) as i32;
        (0..n_weeks)
            .map(|w| generate_cohort(config, w, strength_on(config, 7 * w as i64), n))
            .collect()
    }
}

/// The churn process's coefficients under drift strength `s`, the intercept in slot 0 (the
/// rows' constant 1 multiplies it).
fn churn_params(config: &Config, s: f64) -> Features {
    let kind = config.drift;
    let concept = matches!(kind, DriftKind::Concept | DriftKind::ConceptWithSideSignal);
    let s_concept = if concept { s } else { 0.0 };
    let mut coef = BETA;
    coef[0] = config.base_intercept + s_concept * CONCEPT_DELTA[0];
    if kind == DriftKind::PriorShift {
        coef[0] += 0.6 * s;
    }
    for j in 1..N_FEATURES {
        coef[j] += s_concept * CONCEPT_DELTA[j];
    }
    coef
}

/// True when the drift strength changes only who churns, not the customers' inputs: the
/// concept and prior drifts (and no drift). A cohort drawn at one strength can then be
/// relabelled for another instead of drawn again.
pub fn changes_labels_only(kind: DriftKind) -> bool {
    matches!(
        kind,
        DriftKind::None | DriftKind::Concept | DriftKind::PriorShift
    )
}

/// Decides the churn of a cohort's customers again under strength `s`, from the same
/// random draws: the result equals `generate_cohort` at `s` when the drift kind
/// `changes_labels_only`.
pub fn relabel(config: &Config, cohort: &mut Cohort, s: f64) {
    let coef = churn_params(config, s);
    cohort.strength = s;
    let n = cohort.x.len();
    cohort.y.resize(n, false);
    cohort.churn_day.resize(n, 0);
    let (y, churn_day) = (&mut cohort.y, &mut cohort.churn_day);
    let (churn_u, window_day) = (&cohort.churn_u, &cohort.window_day);
    for_each_score(&coef, &cohort.x, |i, _, p| {
        let churn = churn_u[i] < p;
        y[i] = churn;
        churn_day[i] = if churn { window_day[i] } else { 0 };
    });
}

/// Draws one cohort. `s` is the drift strength acting on it.
pub fn generate_cohort(config: &Config, week: i32, s: f64, n: usize) -> Cohort {
    // One stream per (seed, week); seed_from_u64 expands the u64 with PCG32, so nearby
    // inputs still give unrelated streams.
    let stream = config
        .seed
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add((week + 1024) as u64);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(stream);

    let kind = config.drift;
    let calls_lambda = if kind == DriftKind::ConceptWithSideSignal {
        1.56 * (1.0 + 0.35 * s)
    } else {
        1.56
    };
    let price = if kind == DriftKind::PriceRise {
        1.0 + 0.10 * s
    } else {
        1.0
    };

    // Tenure shares, with the promotion raising the share of first-year customers.
    let mut shares = TENURE_SHARES;
    if kind == DriftKind::AcquisitionPromo && s > 0.0 {
        let new_share = (TENURE_SHARES[0] + (0.45 - TENURE_SHARES[0]) * s).min(0.95);
        let scale = (1.0 - new_share) / (1.0 - TENURE_SHARES[0]);
        shares[0] = new_share;
        for v in shares.iter_mut().skip(1) {
            *v *= scale;
        }
    }
    let mut cum = [0.0; 7];
    let mut acc = 0.0;
    for (c, v) in cum.iter_mut().zip(shares) {
        acc += v;
        *c = acc;
    }
    // ln(1 + tenure) for every possible tenure, computed once.
    let mut log_tenure_z = [0.0; 73];
    for (t, v) in log_tenure_z.iter_mut().enumerate() {
        *v = (libm::log(1.0 + t as f64) - 3.10) / 1.09;
    }

    // Poisson CDFs, built once per cohort, so each draw is a scan of comparisons.
    let calls_cdf = PoissonCdf::new(calls_lambda);
    let late_cdf = [PoissonCdf::new(0.25), PoissonCdf::new(0.70)];
    // Only the validation weeks (-2, -1) and the served weeks are monitored.
    let monitored = week >= -2;
    let grids: Vec<_> = Column::INPUTS.iter().map(|c| c.grid()).collect();
    let mut hists: Vec<Vec<u32>> = if monitored {
        grids.iter().map(|g| vec![0; g.bins]).collect()
    } else {
        Vec::new()
    };
    let mut cohort = Cohort {
        week,
        strength: s,
        x: Vec::with_capacity(n),
        y: Vec::with_capacity(n),
        contract: Vec::with_capacity(n),
        bands: Vec::with_capacity(n),
        churn_day: Vec::with_capacity(n),
        hists: Vec::new(),
        churn_u: Vec::with_capacity(n),
        window_day: Vec::with_capacity(n),
        control_u: Vec::with_capacity(n),
        accept_u: Vec::with_capacity(n),
    };
    // The campaign's draws: control group and offer acceptance.
    let mut campaign = Xoshiro256PlusPlus::seed_from_u64(stream ^ 0x5EED_CA3F_A16E_0FF3);

    for _ in 0..n {
        let u: f64 = rng.random();
        // Branch-free selections: the draws are random, so branches would mispredict.
        // Counting the boundaries at or below `u` equals the first boundary above it.
        let bucket = (cum[..6].iter().map(|&c| usize::from(c <= u)).sum::<usize>()).min(6);
        let (lo, hi) = TENURE_BUCKETS[bucket];
        let v: f64 = rng.random();
        let tenure = (lo + (v * (hi - lo + 1) as f64) as u32).min(hi);

        let u: f64 = rng.random();
        let row = CONTRACT_BY_TENURE[bucket];
        let contract: u8 = u8::from(u >= row[0]) + u8::from(u >= row[0] + row[1]);

        let u: f64 = rng.random();
        // 0 none, 1 DSL, 2 fiber.
        let internet: u8 = u8::from(u >= 0.217) + u8::from(u >= 0.217 + 0.344);
        let z: f64 = StandardNormal.sample(&mut rng);
        let (mean, sd) = [(21.08, 2.16), (58.10, 16.26), (91.50, 12.66)][internet as usize];
        let charges = (mean + sd * z).clamp(18.25, 118.75) * price;

        let u: f64 = rng.random();
        let echeck = u < [0.080, 0.268, 0.515][internet as usize];
        let calls = calls_cdf.draw(rng.random());
        let z: f64 = StandardNormal.sample(&mut rng);
        let usage = 0.20 * z;
        let late = late_cdf[usize::from(echeck)].draw(rng.random());

        let x: Features = [
            1.0,
            log_tenure_z[tenure as usize],
            f64::from(u8::from(contract == 0)),
            f64::from(u8::from(contract == 2)),
            f64::from(u8::from(internet == 2)),
            f64::from(u8::from(internet == 0)),
            f64::from(u8::from(echeck)),
            (charges - 64.76) * (1.0 / 30.09),
            (calls as f64 - 1.56) * (1.0 / 1.25),
            f64::from(u8::from(calls >= 4)),
            usage * (1.0 / 0.20),
            (late as f64 - 0.40) * (1.0 / 0.65),
        ];
        // Whether the customer churns is decided after the draws, by `relabel`.
        let u: f64 = rng.random();
        let d: f64 = rng.random();
        let day = 1 + (d * LABEL_WINDOW_DAYS as f64) as u8;

        if monitored {
            // Integer columns index their one-value bins directly; the grids start at -0.5.
            hists[0][tenure as usize] += 1;
            hists[1][contract as usize] += 1;
            hists[2][internet as usize] += 1;
            hists[3][grids[3].bin(charges)] += 1;
            hists[4][usize::from(echeck)] += 1;
            hists[5][(calls as usize).min(grids[5].bins - 1)] += 1;
            hists[6][grids[6].bin(usage)] += 1;
            hists[7][(late as usize).min(grids[7].bins - 1)] += 1;
        }
        cohort.x.push(x);
        cohort.contract.push(contract);
        cohort.bands.push([
            contract,
            band(tenure, TENURE_BANDS),
            band(charges, CHARGES_BANDS),
        ]);
        cohort.churn_u.push(u);
        cohort.window_day.push(day.min(LABEL_WINDOW_DAYS as u8));
        cohort.control_u.push(campaign.random());
        cohort.accept_u.push(campaign.random());
    }
    cohort.hists = hists;
    relabel(config, &mut cohort, s);
    cohort
}

/// Dot product of a coefficient vector and a feature row, with four running sums so the
/// additions overlap instead of waiting on one another. The summation order is fixed, so
/// the result is the same on every platform.
#[inline(always)]
pub fn dot(a: &Features, x: &Features) -> f64 {
    let mut s = [0.0; 4];
    for i in 0..3 {
        for (k, acc) in s.iter_mut().enumerate() {
            *acc += a[4 * i + k] * x[4 * i + k];
        }
    }
    (s[0] + s[1]) + (s[2] + s[3])
}

/// Rows scored together (see `for_each_score`).
#[cfg(target_arch = "x86_64")]
const LANES: usize = 4;

/// Calls `f(i, row, score)` for every row of `xs` in order.
///
/// On x86-64 the rows are scored in blocks of `LANES`: a block's scores do not depend on
/// one another, so the CPU computes them at once (two per SSE2 instruction, see
/// `stats::logistic_pair`), and `f` still sees the rows one by one, in order, so every sum comes
/// out as one row at a time gives. WebAssembly is built without vector instructions, and
/// there one row at a time measured both faster and smaller.
#[inline(always)]
#[cfg_attr(target_arch = "x86_64", allow(unused_mut))]
pub fn for_each_score(coef: &Features, xs: &[Features], mut f: impl FnMut(usize, &Features, f64)) {
    #[cfg(target_arch = "x86_64")]
    for_each_score_in_blocks(coef, xs, f);
    #[cfg(not(target_arch = "x86_64"))]
    for (i, x) in xs.iter().enumerate() {
        f(i, x, sigmoid(dot(coef, x)));
    }
}

/// `for_each_score` in blocks of `LANES` rows.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn for_each_score_in_blocks(
    coef: &Features,
    xs: &[Features],
    mut f: impl FnMut(usize, &Features, f64),
) {
    let blocks = xs.chunks_exact(LANES);
    let tail = xs.len() - blocks.remainder().len();
    for (b, xb) in blocks.enumerate() {
        let mut z = [0.0; LANES];
        for (z, x) in z.iter_mut().zip(xb) {
            *z = dot(coef, x);
        }
        let mut p = [0.0; LANES];
        for (p, z) in p.chunks_exact_mut(2).zip(z.chunks_exact(2)) {
            p.copy_from_slice(&super::stats::logistic_pair([z[0], z[1]]));
        }
        for (i, (x, p)) in xb.iter().zip(p).enumerate() {
            f(b * LANES + i, x, p);
        }
    }
    for (i, x) in xs[tail..].iter().enumerate() {
        f(tail + i, x, sigmoid(dot(coef, x)));
    }
}

/// The logistic function, with `stats::exp` so native and WebAssembly agree to the bit.
#[inline(always)]
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + super::stats::exp(-z))
}

/// A Poisson distribution sampled by inversion of one uniform. Always one uniform,
/// whatever `lambda`, which keeps the random stream aligned when a drift parameter changes
/// `lambda`.
pub struct PoissonCdf {
    cdf: [f64; 41],
}

impl PoissonCdf {
    /// The cumulative probabilities of 0..=40 (beyond 40 the mass is below 1e-30 for any
    /// rate the world uses).
    pub fn new(lambda: f64) -> PoissonCdf {
        let mut cdf = [0.0; 41];
        let mut p = libm::exp(-lambda);
        let mut acc = p;
        for (k, c) in cdf.iter_mut().enumerate() {
            if k > 0 {
                p *= lambda / k as f64;
                acc += p;
            }
            *c = acc;
        }
        PoissonCdf { cdf }
    }

    /// The count whose CDF interval holds `u`: the number of cumulative probabilities at or
    /// below it (the CDF never decreases). The first 16 are counted without branches, which
    /// settles nearly every draw for the rates the world uses; a scan finishes the rest.
    #[inline]
    pub fn draw(&self, u: f64) -> u32 {
        let head: u32 = self.cdf[..16].iter().map(|&c| u32::from(c <= u)).sum();
        if head < 16 {
            return head;
        }
        self.cdf[16..]
            .iter()
            .position(|&c| u < c)
            .map_or(40, |k| k as u32 + 16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big_cohort(config: &Config, s: f64) -> Cohort {
        generate_cohort(config, 3, s, 100_000)
    }

    #[test]
    fn pre_drift_prevalence_is_about_26_5_percent() {
        let c = big_cohort(&Config::default(), 0.0);
        let r = c.churn_rate();
        assert!((0.255..0.275).contains(&r), "{r}");
    }

    #[test]
    fn concept_drift_raises_prevalence_to_about_a_third() {
        let c = big_cohort(&Config::default(), 1.0);
        let r = c.churn_rate();
        assert!((0.31..0.35).contains(&r), "{r}");
    }

    #[test]
    fn contract_marginals_match_ibm_telco() {
        let c = big_cohort(&Config::default(), 0.0);
        let m2m = c.contract.iter().filter(|&&k| k == 0).count() as f64 / c.len() as f64;
        let two = c.contract.iter().filter(|&&k| k == 2).count() as f64 / c.len() as f64;
        assert!((0.53..0.58).contains(&m2m), "{m2m}");
        assert!((0.22..0.27).contains(&two), "{two}");
    }

    #[test]
    fn same_seed_and_week_give_the_same_cohort() {
        let a = generate_cohort(&Config::default(), 1, 1.0, 300);
        let b = generate_cohort(&Config::default(), 1, 1.0, 300);
        assert_eq!(a.x, b.x);
        assert_eq!(a.y, b.y);
    }

    #[test]
    fn concept_drift_leaves_the_inputs_untouched() {
        let a = generate_cohort(&Config::default(), 1, 0.0, 500);
        let b = generate_cohort(&Config::default(), 1, 1.0, 500);
        assert_eq!(a.x, b.x);
        assert_ne!(a.y, b.y);
    }

    #[test]
    fn a_ramp_reaches_half_strength_after_one_week() {
        let c = Config {
            shape: DriftShape::Ramp,
            ..Config::default()
        };
        assert_eq!(strength_on(&c, 0), 0.0);
        assert!((strength_on(&c, 7) - 0.5).abs() < 1e-12);
        assert_eq!(strength_on(&c, 14), 1.0);
    }

    #[test]
    fn poisson_inversion_has_the_right_mean() {
        let n = 20_000;
        let p = PoissonCdf::new(1.56);
        let sum: u32 = (0..n).map(|i| p.draw((i as f64 + 0.5) / n as f64)).sum();
        let mean = sum as f64 / n as f64;
        assert!((mean - 1.56).abs() < 0.01, "{mean}");
    }

    #[test]
    fn relabelling_a_cohort_equals_drawing_it_at_the_new_strength() {
        for kind in [DriftKind::Concept, DriftKind::PriorShift] {
            let config = Config {
                drift: kind,
                cohort_size: 600,
                ..Config::default()
            };
            let mut c = generate_cohort(&config, 2, 0.3, 600);
            relabel(&config, &mut c, 1.7);
            let fresh = generate_cohort(&config, 2, 1.7, 600);
            assert_eq!(c.y, fresh.y, "{kind:?}");
            assert_eq!(c.churn_day, fresh.churn_day);
            assert_eq!(c.strength, 1.7);
            assert!(changes_labels_only(kind));
        }
        // A drift that moves the inputs cannot be relabelled.
        assert!(!changes_labels_only(DriftKind::PriceRise));
        assert!(!changes_labels_only(DriftKind::ConceptWithSideSignal));
        assert!(!changes_labels_only(DriftKind::AcquisitionPromo));
    }
}
