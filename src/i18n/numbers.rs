//! Number formatting for display: scores with two decimals, percentages, and shekel
//! amounts with thousands separators. Digits stay Western Arabic in both languages (as
//! Hebrew text uses them), so the digits do not depend on the language; the words around
//! the numbers, and any unit glued to one (the thousands suffix), come from the locale
//! files.

use super::{Lang, tr_args};

/// A score such as F1 or AUC, two decimals: `0.72`.
pub fn score(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.2}")
    } else {
        "—".to_string()
    }
}

/// A share as a whole percentage: `0.154` → `15%`.
pub fn percent(share: f64) -> String {
    if share.is_finite() {
        format!("{:.0}%", share * 100.0)
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
