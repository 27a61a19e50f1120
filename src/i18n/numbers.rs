//! Number formatting for display: scores with two decimals, percentages, and shekel
//! amounts with thousands separators. Digits stay Western Arabic in both languages (as
//! Hebrew text uses them), so the digits do not depend on the language; the words around
//! the numbers, and any unit glued to one (the thousands suffix), come from the locale
//! files.
//!
//! `fixed` and `parse_decimal` stand in for `format!("{v:.N}")` and `str::parse::<f64>`:
//! the standard library's general float formatting and parsing, with their tables of
//! powers, added about 13 KB gzipped to the download for the few forms the app writes and
//! reads.

use super::{Lang, tr_args};

/// `v` with `decimals` digits after the point, exactly as `format!("{v:.decimals$}")`
/// writes it: the nearest such number to `v`'s exact binary value, ties to even; `NaN`,
/// `inf` and `-inf` as they are; a negative sign kept on a value that rounds to zero.
pub fn fixed(v: f64, decimals: usize) -> String {
    let sign = if v.is_sign_negative() && !v.is_nan() {
        "-"
    } else {
        ""
    };
    if !v.is_finite() {
        return format!("{sign}{}", if v.is_nan() { "NaN" } else { "inf" });
    }
    // v = m × 2^e exactly, with m < 2^53.
    let bits = v.abs().to_bits();
    let (biased, fraction) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let mut digits = match whole_number(m, e, decimals) {
        Some(n) => n.to_string(),
        None => big_whole_number(m, e, decimals),
    };
    if digits.len() <= decimals {
        digits = format!("{}{digits}", "0".repeat(decimals + 1 - digits.len()));
    }
    let (whole, part) = digits.split_at(digits.len() - decimals);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part}")
    }
}

/// round(m × 10^decimals × 2^e), ties to even, when it fits in 64 bits: the numbers the
/// app shows. Exact, with 128-bit integers.
fn whole_number(m: u64, e: i32, decimals: usize) -> Option<u64> {
    let scaled = u128::from(m).checked_mul(10u128.checked_pow(u32::try_from(decimals).ok()?)?)?;
    let n = if e >= 0 {
        let shifted = scaled.checked_shl(e as u32)?;
        (shifted >> e == scaled).then_some(shifted)?
    } else {
        let shift = e.unsigned_abs();
        if shift >= 128 {
            // Below 2^-54: rounds to zero.
            return (scaled < 1 << 73).then_some(0);
        }
        let quotient = scaled >> shift;
        let rest = scaled - (quotient << shift);
        let half = 1u128 << (shift - 1);
        let up = rest > half || (rest == half && quotient & 1 == 1);
        quotient + u128::from(up)
    };
    u64::try_from(n).ok()
}

/// The same, for any size, in base 2^32 limbs (least significant first).
fn big_whole_number(m: u64, e: i32, decimals: usize) -> String {
    let mut n = vec![m as u32, (m >> 32) as u32];
    for _ in 0..decimals {
        mul_add(&mut n, 10, 0);
    }
    if e >= 0 {
        for _ in 0..e {
            mul_add(&mut n, 2, 0);
        }
    } else {
        let shift = (-e) as usize;
        let bit = |n: &[u32], i: usize| n.get(i / 32).is_some_and(|limb| limb >> (i % 32) & 1 == 1);
        let half = bit(&n, shift - 1);
        let below = (0..shift - 1).any(|i| bit(&n, i));
        n = shift_right(&n, shift);
        if half && (below || n[0] & 1 == 1) {
            mul_add(&mut n, 1, 1);
        }
    }
    // Decimal digits, nine at a time.
    let mut chunks = Vec::new();
    while n.iter().any(|&limb| limb != 0) {
        chunks.push(div_small(&mut n, 1_000_000_000));
    }
    let mut digits = chunks.pop().map_or_else(String::new, |top| top.to_string());
    for chunk in chunks.iter().rev() {
        digits.push_str(&format!("{chunk:09}"));
    }
    digits
}

/// `n = n × by + add`.
fn mul_add(n: &mut Vec<u32>, by: u32, add: u32) {
    let mut carry = u64::from(add);
    for limb in n.iter_mut() {
        let x = u64::from(*limb) * u64::from(by) + carry;
        *limb = x as u32;
        carry = x >> 32;
    }
    if carry > 0 {
        n.push(carry as u32);
    }
}

/// `n / 2^shift`, rounded down.
fn shift_right(n: &[u32], shift: usize) -> Vec<u32> {
    let (limbs, bits) = (shift / 32, shift % 32);
    let mut out: Vec<u32> = (limbs..n.len())
        .map(|i| {
            let high = if bits > 0 {
                n.get(i + 1).map_or(0, |next| next << (32 - bits))
            } else {
                0
            };
            (n[i] >> bits) | high
        })
        .collect();
    if out.is_empty() {
        out.push(0);
    }
    out
}

/// `n = n / by`, returning the remainder.
fn div_small(n: &mut [u32], by: u32) -> u32 {
    let mut rest = 0u64;
    for limb in n.iter_mut().rev() {
        let x = (rest << 32) | u64::from(*limb);
        *limb = (x / u64::from(by)) as u32;
        rest = x % u64::from(by);
    }
    rest as u32
}

/// Reads a decimal number as people and form fields write it (`12`, `-0.35`, `.5`, `1e-3`);
/// anything else, words such as `inf` and `NaN` included, is `None`. Up to 19 significant
/// digits count. With at most 15 of them and a power of ten within ±22 the result is the
/// nearest number, as `str::parse` gives; beyond that it is within a few units of the
/// last place, which the four decimals every lab value keeps absorb.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let (mut mantissa, mut exponent, mut digits, mut significant) = (0u64, 0i64, 0, 0);
    let mut point = false;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                if significant < 19 {
                    if mantissa > 0 || c != b'0' {
                        significant += 1;
                    }
                    mantissa = mantissa * 10 + u64::from(c - b'0');
                    if point {
                        exponent -= 1;
                    }
                } else if !point {
                    exponent += 1;
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        // An integer's own parsing takes one sign, `+` or `-`.
        let power: i64 = text[i + 1..].parse().ok()?;
        exponent = exponent.saturating_add(power);
        i = bytes.len();
    }
    if i != bytes.len() {
        return None;
    }
    let m = mantissa as f64;
    let v = match exponent {
        0 => m,
        1..=22 => m * POWERS[exponent as usize],
        -22..=-1 => m / POWERS[(-exponent) as usize],
        _ if mantissa == 0 => 0.0,
        _ => m * 10f64.powi(exponent.clamp(-400, 400) as i32),
    };
    Some(if negative { -v } else { v })
}

/// The powers of ten that a double holds exactly.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A score such as F1 or AUC, two decimals: `0.72`.
pub fn score(v: f64) -> String {
    if v.is_finite() {
        fixed(v, 2)
    } else {
        "—".to_string()
    }
}

/// A share as a whole percentage: `0.154` → `15%`.
pub fn percent(share: f64) -> String {
    if share.is_finite() {
        format!("{}%", fixed(share * 100.0, 0))
    } else {
        "—".to_string()
    }
}

/// A whole number with thousands separators: `195032.4` → `195,032`.
pub fn grouped(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let rounded = v.round();
    let digits = format!("{}", rounded.abs() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if rounded < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

/// An amount in thousands, short enough for a chart's tick, in the form the locale's
/// `number.thousands` gives: `195032.4` → `195K`.
pub fn thousands(lang: Lang, v: f64) -> String {
    if v.is_finite() {
        tr_args(lang, "number.thousands", &[("n", &grouped(v / 1000.0))])
    } else {
        "—".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run of doubles of every kind: small, large, near ties, subnormal, negative.
    fn samples() -> Vec<f64> {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut out = vec![
            0.0,
            -0.0,
            0.125,
            0.375,
            2.5,
            0.5,
            1.005,
            -0.001,
            0.045,
            1e20,
            0.35,
            0.1 + 0.2,
            123_456_789.987_654_3,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            9_007_199_254_740_993.0,
        ];
        for _ in 0..4000 {
            let bits = next();
            out.push(f64::from_bits(bits));
            // Values of the sizes the app shows, and exact ties at a few decimals.
            let small = (bits % 2_000_000) as f64 / 1000.0 - 1000.0;
            out.push(small);
            out.push((bits % 100_000) as f64 / 8.0);
        }
        out
    }

    #[test]
    fn fixed_writes_what_the_standard_library_writes() {
        for v in samples() {
            for decimals in 0..=6 {
                assert_eq!(
                    fixed(v, decimals),
                    format!("{v:.decimals$}"),
                    "{v:e} {decimals}"
                );
            }
        }
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(fixed(v, 2), format!("{v:.2}"));
        }
    }

    #[test]
    fn decimals_are_read_as_the_standard_library_reads_them() {
        for text in [
            "0",
            "12",
            "-0.35",
            "+7",
            ".5",
            "5.",
            "1e-3",
            "2.5E+4",
            "0.0001",
            "123456.789",
            "-0",
            "00012.5000",
            "0.30000000000000004",
            "1e22",
            "9007199254740993",
        ] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(
                parse_decimal(text).map(f64::to_bits),
                Some(expected.to_bits()),
                "{text}"
            );
        }
        for text in [
            "", "-", ".", "e5", "1e", "1.2.3", "12px", "inf", "NaN", " 1", "1 ", "0x10", "1e++4",
            "1e+-4", "--1",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
        // Long and extreme inputs stay close, and never panic.
        let long = format!("0.{}", "3".repeat(400));
        assert!((parse_decimal(&long).unwrap() - 1.0 / 3.0).abs() < 1e-15);
        assert_eq!(parse_decimal("1e999999999999999999999"), None);
        assert!(parse_decimal("1e400").unwrap().is_infinite());
        assert_eq!(parse_decimal("1e-400"), Some(0.0));
        for v in samples()
            .into_iter()
            .filter(|v| v.is_finite() && v.abs() < 1e11)
        {
            let text = fixed(v, 4);
            let expected: f64 = text.parse().unwrap();
            assert_eq!(parse_decimal(&text), Some(expected), "{text}");
        }
    }

    #[test]
    fn scores_percentages_and_amounts_are_formatted_for_reading() {
        assert_eq!(score(0.7149), "0.71");
        assert_eq!(score(f64::NAN), "—");
        assert_eq!(percent(0.154), "15%");
        assert_eq!(grouped(195_032.4), "195,032");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(-1_234_567.0), "-1,234,567");
    }

    #[test]
    fn thousands_take_their_suffix_from_the_locale() {
        for lang in Lang::ALL {
            let expected = tr_args(lang, "number.thousands", &[("n", "195")]);
            assert_eq!(thousands(lang, 195_032.4), expected);
            assert!(!expected.contains("{n}"));
            assert_eq!(thousands(lang, f64::INFINITY), "—");
        }
        assert_eq!(thousands(Lang::En, 195_032.4), "195K");
        assert_eq!(thousands(Lang::En, -1_500_000.0), "-1,500K");
    }
}
