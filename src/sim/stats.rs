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

/// 2^(j/32) for j in 0..32, each the nearest double.
const EXP2_32: [f64; 32] = [
    1.0,
    1.0218971486541166,
    1.0442737824274138,
    1.0671404006768237,
    1.0905077326652577,
    1.1143867425958924,
    1.1387886347566916,
    1.1637248587775775,
    1.189207115002721,
    1.215247359980469,
    1.241857812073484,
    1.2690509571917332,
    1.2968395546510096,
    1.3252366431597413,
    1.3542555469368927,
    1.383909881963832,
    core::f64::consts::SQRT_2,
    1.4451808069770467,
    1.4768261459394993,
    1.5091644275934228,
    1.5422108254079407,
    1.5759808451078865,
    1.6104903319492543,
    1.645755478153965,
    1.681792830507429,
    1.718619298122478,
    1.7562521603732995,
    1.7947090750031072,
    1.8340080864093424,
    1.8741676341103,
    1.9152065613971474,
    1.9571441241754002,
];

/// e^x to within 2 units in the last place, for the hot loops (`libm::exp` was 40 % of a
/// run's time). x = (32m + j) · ln2/32 + r with |r| <= ln2/64, so e^x = 2^m · 2^(j/32) · e^r:
/// a table entry and a degree-6 Taylor polynomial of r (the next term is below 1e-17).
/// Underflows to 0 below -708, overflows to infinity above 709.
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    const INV_LN2_32: f64 = 46.166_241_308_446_83;
    // ln2/32 split so that k · LN2_32_HI is exact for |k| < 2^15 (38 significant bits).
    const LN2_32_HI: f64 = 0.021_660_849_392_446_835;
    const LN2_32_LO: f64 = 5.145_609_244_655_338e-14;
    if x.is_nan() {
        return x;
    }
    if x > 709.0 {
        return f64::INFINITY;
    }
    if x < -708.0 {
        return 0.0;
    }
    let kf = x * INV_LN2_32;
    // Round to nearest by truncation toward zero after a half shift.
    let k = if kf >= 0.0 {
        (kf + 0.5) as i64
    } else {
        (kf - 0.5) as i64
    };
    let kf = k as f64;
    let r = (x - kf * LN2_32_HI) - kf * LN2_32_LO;
    // 1 + r + r²/2 + … + r⁶/720, in pairs so the additions do not wait on one another.
    let r2 = r * r;
    let p01 = 1.0 + r;
    let p23 = 0.5 + r * (1.0 / 6.0);
    let p45 = (1.0 / 24.0) + r * (1.0 / 120.0);
    let p6 = 1.0 / 720.0;
    let p = p01 + r2 * (p23 + r2 * (p45 + r2 * p6));
    let scale = f64::from_bits((((k >> 5) + 1023) as u64) << 52);
    EXP2_32[(k & 31) as usize] * p * scale
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
