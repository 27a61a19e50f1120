//! The online service's load: a working day with a morning and a late-afternoon peak, a
//! quiet weekend (Friday and Saturday; day 0 is a Sunday), a little seeded noise, and the
//! traffic-peak incident's holiday campaign on top.

use super::{DAY_MINUTES, NIGHT_RPS, PEAK_FACTOR, PEAK_RPS, WEEKEND_SHARE};

/// Requests a second at `minute` (from day 0 at midnight), before any incident.
pub fn base_rps(minute: u32) -> f64 {
    let day = minute / DAY_MINUTES;
    let hour = (minute % DAY_MINUTES) as f64 / 60.0;
    // Two bumps, at 11:00 and 17:30, each about 2.5 hours wide; their sum peaks at 1.
    let bump = |centre: f64, width: f64| {
        let d = (hour - centre) / width;
        libm::exp(-0.5 * d * d)
    };
    let shape = (bump(11.0, 2.5) + 0.9 * bump(17.5, 2.5)).min(1.0);
    let week = if matches!(day % 7, 5 | 6) {
        WEEKEND_SHARE
    } else {
        1.0
    };
    NIGHT_RPS + (PEAK_RPS - NIGHT_RPS) * shape * week
}

/// The traffic peak's multiplier at `minute` for a peak on `day`: `PEAK_FACTOR` from 09:00
/// to 21:00, reached over the first half hour.
pub fn peak_multiplier(minute: u32, day: u32) -> f64 {
    let start = day * DAY_MINUTES + 9 * 60;
    let end = day * DAY_MINUTES + 21 * 60;
    if minute < start || minute >= end {
        return 1.0;
    }
    let ramp = ((minute - start) as f64 / 30.0).min(1.0);
    1.0 + (PEAK_FACTOR - 1.0) * ramp
}

/// A deterministic noise factor in [0.95, 1.05] for `step` of the run with `seed`
/// (SplitMix64 of the two), so the load is not a perfect curve and stays the same for a
/// seed on every platform.
pub fn noise(seed: u64, step: u32) -> f64 {
    let mut z = seed ^ (step as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    0.95 + 0.1 * ((z >> 11) as f64 / (1u64 << 53) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_working_day_peaks_near_its_stated_peak_and_nights_are_quiet() {
        let day: Vec<f64> = (0..DAY_MINUTES).step_by(5).map(base_rps).collect();
        let max = day.iter().cloned().fold(0.0, f64::max);
        assert!((PEAK_RPS * 0.97..=PEAK_RPS).contains(&max), "{max}");
        assert!(base_rps(3 * 60) < NIGHT_RPS + 1.0);
    }

    #[test]
    fn the_weekend_is_quieter_than_a_working_day() {
        let noon = |day: u32| base_rps(day * DAY_MINUTES + 11 * 60);
        assert!(noon(5) < 0.6 * noon(4));
        assert!(noon(6) < 0.6 * noon(0));
        assert_eq!(noon(0), noon(7));
    }

    #[test]
    fn a_peak_multiplies_that_day_only_and_ramps_in() {
        assert_eq!(peak_multiplier(3 * DAY_MINUTES + 12 * 60, 2), 1.0);
        assert_eq!(peak_multiplier(2 * DAY_MINUTES + 12 * 60, 2), PEAK_FACTOR);
        let start = peak_multiplier(2 * DAY_MINUTES + 9 * 60 + 15, 2);
        assert!(start > 1.0 && start < PEAK_FACTOR);
        assert_eq!(peak_multiplier(2 * DAY_MINUTES + 21 * 60, 2), 1.0);
    }

    #[test]
    fn the_noise_is_small_seeded_and_varied() {
        let a: Vec<f64> = (0..100).map(|s| noise(42, s)).collect();
        assert!(a.iter().all(|n| (0.95..=1.05).contains(n)));
        assert_eq!(a, (0..100).map(|s| noise(42, s)).collect::<Vec<_>>());
        assert_ne!(a, (0..100).map(|s| noise(43, s)).collect::<Vec<_>>());
        assert!(a.windows(2).any(|w| w[0] != w[1]));
    }
}
