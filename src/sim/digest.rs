//! A 64-bit fingerprint of a run (FNV-1a over the bits of its key outputs), used to check
//! that native code and WebAssembly produce the same run from the same seed
//! (`Outcome::digest`).

use super::outcome::Outcome;

/// Incremental FNV-1a over 64-bit words, byte by byte, little-endian.
#[derive(Clone, Copy, Debug)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Mixes in one word.
    pub fn word(&mut self, v: u64) {
        for byte in v.to_le_bytes() {
            self.0 ^= byte as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// Mixes in a float by its bit pattern, so any difference in the last bit shows.
    pub fn float(&mut self, v: f64) {
        self.word(v.to_bits());
    }

    /// The fingerprint so far.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Outcome {
    /// A fingerprint of the run; equal on every platform for the same config.
    pub fn digest(&self) -> u64 {
        let mut f = Fnv::default();
        let h = &self.headline;
        for v in [
            h.f1_before_drift,
            h.f1_stale_two_weeks_after_deploy,
            h.f1_after_fix.unwrap_or(-1.0),
            h.saving_nis,
            h.saving_over_manual_nis,
            h.loss_per_degraded_day_nis,
            h.churn_reduction_healthy,
        ] {
            f.float(v);
        }
        f.word(h.degraded_days_with_loop as u64);
        f.word(h.degraded_days_without_loop as u64);
        for m in &self.models {
            for c in m.model.coef {
                f.float(c);
            }
            f.float(m.model.threshold);
        }
        for w in &self.weeks {
            f.float(w.champion_f1);
            f.float(w.champion_cbpe_f1);
            for c in &w.drift.inputs {
                f.float(c.psi);
                f.float(c.ks_p);
            }
            f.float(w.drift.score.js);
        }
        for p in &self.policies {
            for d in &p.days {
                f.float(d.f1);
                f.float(d.value_nis);
                f.word(d.model.0 as u64);
            }
            for e in &p.events {
                f.word(e.day as u64);
                f.word(e.kind.code() as u64);
            }
        }
        // The production system: its latency every hour and each incident's response.
        for h in &self.ops.hours {
            f.float(h.p95_ms as f64);
            f.float(h.error_rate as f64);
            f.word(h.replicas as u64);
        }
        for r in &self.ops.responses {
            f.word(r.detected.map_or(u64::MAX, |d| d.0 as u64));
            f.word(r.recovered_minute.map_or(u64::MAX, |m| m as u64));
            f.float(r.failed_requests);
            f.float(r.cost_nis());
        }
        f.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_of_a_zero_word_matches_the_reference_algorithm() {
        let mut f = Fnv::default();
        f.word(0);
        // Eight zero bytes through FNV-1a 64, computed independently.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for _ in 0..8 {
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        assert_eq!(f.finish(), h);
    }

    #[test]
    fn different_floats_give_different_digests() {
        let (mut a, mut b) = (Fnv::default(), Fnv::default());
        a.float(0.72);
        b.float(0.72 + f64::EPSILON);
        assert_ne!(a.finish(), b.finish());
    }
}
