//! Distribution functions the monitors need, written out so the module depends on no
//! statistics crate: the Kolmogorov survival series (KS p-value) and the chi-square
//! survival function through the regularised incomplete gamma function.
//!
//! It also holds `exp`, the exponential used in the hot loops (the logistic function in the
//! generator, the fit and the scoring), and `exp_pair` and `logistic_pair`, which compute
//! two at once with SSE2 vector instructions on x86-64 and give the same bits.
//!
//! All transcendental calls go through `libm` or through `exp` below, which uses only
//! IEEE-754 additions and multiplications (exactly rounded on every platform; Rust never
//! fuses them) and integer bit operations, so the numbers are the same natively and in
//! WebAssembly.

const LOG2E: f64 = core::f64::consts::LOG2_E;
// ln 2 split so that k · LN2_HI is exact for |k| < 2^11.
const LN2_HI: f64 = 6.931_471_803_691_238e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
// Adding 1.5 · 2^52 rounds to an integer (half to even) and leaves it in the low bits.
const ROUND: f64 = 6_755_399_441_055_744.0;
/// Where `exp` stops computing: 0 below, infinity above.
const EXP_MIN: f64 = -708.0;
const EXP_MAX: f64 = 709.0;
/// The Taylor coefficients 1/k! of e^r.
const C: [f64; 14] = [
    1.0,
    1.0,
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5_040.0,
    1.0 / 40_320.0,
    1.0 / 362_880.0,
    1.0 / 3_628_800.0,
    1.0 / 39_916_800.0,
    1.0 / 479_001_600.0,
    1.0 / 6_227_020_800.0,
];

/// e^x to within 2 units in the last place, for the hot loops. Cody-Waite range reduction
/// to |r| <= ln2/2 and a degree-13 Taylor polynomial. Underflows to 0 below -708,
/// overflows to infinity above 709.
///
/// Only additions, multiplications and integer bit operations, with no table and no
/// float-to-integer conversion, so `exp_pair` can do the same two at a time with vector
/// instructions.
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    // The ends of the range are chosen at the end, and a NaN flows through as NaN.
    let xc = x.clamp(EXP_MIN, EXP_MAX);
    let shifted = xc * LOG2E + ROUND;
    let kf = shifted - ROUND;
    let r = (xc - kf * LN2_HI) - kf * LN2_LO;
    // Estrin's scheme: pairs, then powers r², r⁴, r⁸, so the additions do not wait on one
    // another as they would in Horner form.
    let r2 = r * r;
    let r4 = r2 * r2;
    let r8 = r4 * r4;
    let p01 = C[0] + C[1] * r;
    let p23 = C[2] + C[3] * r;
    let p45 = C[4] + C[5] * r;
    let p67 = C[6] + C[7] * r;
    let p89 = C[8] + C[9] * r;
    let p1011 = C[10] + C[11] * r;
    let p1213 = C[12] + C[13] * r;
    let q0 = p01 + p23 * r2;
    let q1 = p45 + p67 * r2;
    let q2 = p89 + p1011 * r2;
    let s0 = q0 + q1 * r4;
    let s1 = q2 + p1213 * r4;
    let p = s0 + s1 * r8;
    // 2^k: the low 12 bits of `shifted` are k modulo 4096 (1.5 · 2^52 is 0 there), and
    // k + 1023 is in 1..=2046, so shifting it into the exponent field gives 2^k.
    let scale = f64::from_bits(shifted.to_bits().wrapping_add(1023) << 52);
    let v = p * scale;
    if x > EXP_MAX {
        f64::INFINITY
    } else if x < EXP_MIN {
        0.0
    } else {
        v
    }
}

/// `exp` of two values at once with SSE2 vector instructions (part of every x86-64 CPU):
/// the same operations in the same order as `exp`, lane by lane, so the results are the
/// same to the bit (a test checks it). Elsewhere it is `exp` twice.
#[inline(always)]
pub fn exp_pair(x: [f64; 2]) -> [f64; 2] {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is in the x86-64 baseline; the load and store go through arrays of
        // two f64.
        unsafe {
            use core::arch::x86_64::*;
            let mut out = [0.0; 2];
            _mm_storeu_pd(out.as_mut_ptr(), sse2::exp(_mm_loadu_pd(x.as_ptr())));
            out
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        // A loop, so a build for size keeps one copy of `exp`.
        let mut out = [0.0; 2];
        for (o, x) in out.iter_mut().zip(x) {
            *o = exp(x);
        }
        out
    }
}

/// The logistic function 1 / (1 + e^-z) of two values at once, equal to the bit to
/// `world::sigmoid` of each (which uses `exp`).
#[inline(always)]
pub fn logistic_pair(z: [f64; 2]) -> [f64; 2] {
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: as in `exp_pair`.
        unsafe {
            use core::arch::x86_64::*;
            let one = _mm_set1_pd(1.0);
            // Negation flips the sign bit, as `-z` does.
            let minus_z = _mm_xor_pd(_mm_loadu_pd(z.as_ptr()), _mm_set1_pd(-0.0));
            let p = _mm_div_pd(one, _mm_add_pd(one, sse2::exp(minus_z)));
            let mut out = [0.0; 2];
            _mm_storeu_pd(out.as_mut_ptr(), p);
            out
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        // A loop, so a build for size keeps one copy of `exp`.
        let mut out = [0.0; 2];
        for (o, z) in out.iter_mut().zip(z) {
            *o = 1.0 / (1.0 + exp(-z));
        }
        out
    }
}

/// `exp` on the two lanes of an SSE2 register.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use super::{C, EXP_MAX, EXP_MIN, LN2_HI, LN2_LO, LOG2E, ROUND};
    use core::arch::x86_64::*;

    /// `super::exp` of each lane, operation for operation.
    #[inline(always)]
    pub unsafe fn exp(xv: __m128d) -> __m128d {
        // SAFETY: SSE2 is in the x86-64 baseline.
        unsafe {
            let splat = |v: f64| _mm_set1_pd(v);
            // max(lo, x) then min(hi, ·) clamp as f64::clamp does, NaN included: either
            // instruction returns its second operand when one of them is NaN.
            let xc = _mm_min_pd(splat(EXP_MAX), _mm_max_pd(splat(EXP_MIN), xv));
            let shifted = _mm_add_pd(_mm_mul_pd(xc, splat(LOG2E)), splat(ROUND));
            let kf = _mm_sub_pd(shifted, splat(ROUND));
            let r = _mm_sub_pd(
                _mm_sub_pd(xc, _mm_mul_pd(kf, splat(LN2_HI))),
                _mm_mul_pd(kf, splat(LN2_LO)),
            );
            let pair = |a: usize| _mm_add_pd(splat(C[a]), _mm_mul_pd(splat(C[a + 1]), r));
            let r2 = _mm_mul_pd(r, r);
            let r4 = _mm_mul_pd(r2, r2);
            let r8 = _mm_mul_pd(r4, r4);
            let (p01, p23, p45, p67) = (pair(0), pair(2), pair(4), pair(6));
            let (p89, p1011, p1213) = (pair(8), pair(10), pair(12));
            let q0 = _mm_add_pd(p01, _mm_mul_pd(p23, r2));
            let q1 = _mm_add_pd(p45, _mm_mul_pd(p67, r2));
            let q2 = _mm_add_pd(p89, _mm_mul_pd(p1011, r2));
            let s0 = _mm_add_pd(q0, _mm_mul_pd(q1, r4));
            let s1 = _mm_add_pd(q2, _mm_mul_pd(p1213, r4));
            let p = _mm_add_pd(s0, _mm_mul_pd(s1, r8));
            let bits = _mm_add_epi64(_mm_castpd_si128(shifted), _mm_set1_epi64x(1023));
            let scale = _mm_castsi128_pd(_mm_slli_epi64(bits, 52));
            let v = _mm_mul_pd(p, scale);
            let over = _mm_cmpgt_pd(xv, splat(EXP_MAX));
            let under = _mm_cmplt_pd(xv, splat(EXP_MIN));
            // Over the range: infinity; under it: 0; otherwise (NaN too) the value.
            let inside = _mm_andnot_pd(_mm_or_pd(over, under), v);
            _mm_or_pd(inside, _mm_and_pd(over, splat(f64::INFINITY)))
        }
    }
}

/// P(K > lambda) for the Kolmogorov distribution: 2 Σ (-1)^(k-1) exp(-2 k² λ²).
pub fn kolmogorov_sf(lambda: f64) -> f64 {
    // The series converges badly near 0, where the survival function is 1 anyway.
    if lambda < 0.2 {
        return 1.0;
    }
    let mut sum = 0.0;
    let mut sign = 1.0;
    for k in 1..=100 {
        let kf = k as f64;
        let term = libm::exp(-2.0 * kf * kf * lambda * lambda);
        sum += sign * term;
        if term < 1e-16 {
            break;
        }
        sign = -sign;
    }
    (2.0 * sum).clamp(0.0, 1.0)
}

/// Asymptotic p-value of the two-sample Kolmogorov-Smirnov statistic `d` for sample sizes
/// `n` and `m`, with the small-sample correction of Stephens (Numerical Recipes `probks`).
pub fn ks_p_value(d: f64, n: usize, m: usize) -> f64 {
    if n == 0 || m == 0 {
        return 1.0;
    }
    let en = libm::sqrt((n as f64 * m as f64) / (n + m) as f64);
    kolmogorov_sf((en + 0.12 + 0.11 / en) * d)
}

/// ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9).
pub fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Γ(x) = Γ(x + 1) / x keeps the approximation in its accurate range without the
        // reflection formula's sine, which would pull a large routine into the wasm module.
        return ln_gamma(x + 1.0) - libm::log(x);
    }
    let x = x - 1.0;
    let mut a = G[0];
    let t = x + 7.5;
    for (i, g) in G.iter().enumerate().skip(1) {
        a += g / (x + i as f64);
    }
    0.5 * libm::log(2.0 * core::f64::consts::PI) + (x + 0.5) * libm::log(t) - t + libm::log(a)
}

/// Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a).
pub fn gamma_q(a: f64, x: f64) -> f64 {
    if x <= 0.0 || a <= 0.0 {
        return 1.0;
    }
    let ln_pre = -x + a * libm::log(x) - ln_gamma(a);
    if x < a + 1.0 {
        // Series for P(a, x), then Q = 1 - P.
        let mut ap = a;
        let mut sum = 1.0 / a;
        let mut del = sum;
        for _ in 0..500 {
            ap += 1.0;
            del *= x / ap;
            sum += del;
            if del.abs() < sum.abs() * 1e-15 {
                break;
            }
        }
        (1.0 - sum * libm::exp(ln_pre)).clamp(0.0, 1.0)
    } else {
        // Continued fraction for Q (modified Lentz).
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..500 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < 1e-15 {
                break;
            }
        }
        (libm::exp(ln_pre) * h).clamp(0.0, 1.0)
    }
}

/// P(X > x) for a chi-square variable with `dof` degrees of freedom.
pub fn chi_square_sf(x: f64, dof: u32) -> f64 {
    gamma_q(dof as f64 / 2.0, x / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_exp_agrees_with_libm_to_a_few_ulps() {
        let mut x = -700.0;
        while x < 700.0 {
            let (a, b) = (exp(x), libm::exp(x));
            assert!(((a - b) / b).abs() < 5e-16, "exp({x}) = {a} vs {b}");
            x += 0.0137;
        }
        // The ends of the range, where the power of two is the largest and the smallest.
        for x in [709.0, 708.9, -708.0, -707.9] {
            let (a, b) = (exp(x), libm::exp(x));
            assert!(((a - b) / b).abs() < 5e-16, "exp({x}) = {a} vs {b}");
        }
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(-1000.0), 0.0);
        assert_eq!(exp(1000.0), f64::INFINITY);
    }

    #[test]
    fn the_pair_functions_equal_the_single_ones_to_the_bit() {
        let special = [
            0.0,
            -0.0,
            709.0,
            -708.0,
            709.000_000_1,
            -708.000_000_1,
            1e300,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            0.5 * core::f64::consts::LN_2,
            -0.5 * core::f64::consts::LN_2,
        ];
        let mut xs: Vec<f64> = special.to_vec();
        let mut x = -720.0;
        while x < 720.0 {
            xs.push(x);
            x += 0.013_7;
        }
        for pair in xs.chunks(2) {
            let (a, b) = (pair[0], *pair.get(1).unwrap_or(&1.0));
            let got = exp_pair([a, b]);
            assert_eq!(got[0].to_bits(), exp(a).to_bits(), "exp({a})");
            assert_eq!(got[1].to_bits(), exp(b).to_bits(), "exp({b})");
        }
        let nan = exp_pair([f64::NAN, 1.0]);
        assert!(nan[0].is_nan() && exp(f64::NAN).is_nan());
        assert_eq!(nan[1], exp(1.0));
        // The logistic function of a pair, as `world::sigmoid` computes each.
        for pair in xs.chunks(2) {
            let (a, b) = (pair[0], *pair.get(1).unwrap_or(&-0.0));
            let got = logistic_pair([a, b]);
            for (g, z) in got.into_iter().zip([a, b]) {
                assert_eq!(
                    g.to_bits(),
                    (1.0 / (1.0 + exp(-z))).to_bits(),
                    "logistic({z})"
                );
            }
        }
    }

    #[test]
    fn kolmogorov_survival_matches_tabulated_values() {
        // P(K > 1.36) = 0.049 and P(K > 1.63) = 0.010 are the classic 5 % and 1 % points.
        assert!((kolmogorov_sf(1.358) - 0.05).abs() < 1e-3);
        assert!((kolmogorov_sf(1.628) - 0.01).abs() < 1e-3);
        assert_eq!(kolmogorov_sf(0.0), 1.0);
    }

    #[test]
    fn ln_gamma_matches_factorials() {
        assert!((ln_gamma(5.0) - libm::log(24.0)).abs() < 1e-12);
        assert!((ln_gamma(0.5) - 0.5 * libm::log(core::f64::consts::PI)).abs() < 1e-12);
        // Γ(1/4) = 3.625609908221908...
        assert!((ln_gamma(0.25) - libm::log(3.625_609_908_221_908)).abs() < 1e-12);
    }

    #[test]
    fn chi_square_survival_matches_tabulated_critical_values() {
        assert!((chi_square_sf(3.841, 1) - 0.05).abs() < 1e-3);
        assert!((chi_square_sf(5.991, 2) - 0.05).abs() < 1e-3);
        assert!((chi_square_sf(23.209, 10) - 0.01).abs() < 1e-3);
        assert_eq!(chi_square_sf(0.0, 3), 1.0);
    }
}
