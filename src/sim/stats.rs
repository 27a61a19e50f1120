//! Distribution functions the monitors need, written out so the module depends on no
//! statistics crate: the Kolmogorov survival series (KS p-value) and the chi-square
//! survival function through the regularised incomplete gamma function.
//!
//! It also holds `exp`, the exponential used in the hot loops (the logistic function in the
//! generator, the fit and the scoring).
//!
//! All transcendental calls go through `libm` or through `exp` below, which uses only
//! IEEE-754 additions and multiplications (exactly rounded on every platform; Rust never
//! fuses them), so the numbers are the same natively and in WebAssembly.

/// e^x to within 2 units in the last place, for the hot loops. `libm::exp` was 40 % of a
/// run's time; this is a Cody-Waite range reduction to |r| <= ln2/2 and a degree-13 Taylor
/// polynomial, about three times faster. Underflows to 0 below -708, overflows to infinity
/// above 709.
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    const LOG2E: f64 = core::f64::consts::LOG2_E;
    // ln 2 split so that k · LN2_HI is exact for |k| < 2^11.
    const LN2_HI: f64 = 6.931_471_803_691_238e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
    if x.is_nan() {
        return x;
    }
    if x > 709.0 {
        return f64::INFINITY;
    }
    if x < -708.0 {
        return 0.0;
    }
    let kf = x * LOG2E;
    // Round to nearest by truncation toward zero after a half shift.
    let k = if kf >= 0.0 {
        (kf + 0.5) as i64
    } else {
        (kf - 0.5) as i64
    };
    let kf = k as f64;
    let r = (x - kf * LN2_HI) - kf * LN2_LO;
    // Taylor series of e^r to degree 13 (|r| <= 0.347 makes the next term < 1e-17),
    // evaluated by Estrin's scheme: pairs, then powers r², r⁴, r⁸, so the additions do not
    // wait on one another as they would in Horner form.
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
    p * f64::from_bits(((k + 1023) as u64) << 52)
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
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(-1000.0), 0.0);
        assert_eq!(exp(1000.0), f64::INFINITY);
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
