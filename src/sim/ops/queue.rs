//! The online scoring service as a queue: M/M/c with first-come first-served (Erlang C).
//! Requests arrive as a Poisson stream at `lambda` a second; each of `c` replicas serves one
//! at a time in an exponential time of mean `1/mu`. In steady state a request waits with
//! probability C(c, a) (Erlang's C formula, a = λ/μ), and then for an exponential time of
//! rate cμ − λ, so its response time T = W + S has a closed-form tail:
//!
//! P(T > t) = (1 − C)·e^(−μt) + C·P(E + S > t), E ~ Exp(cμ − λ), S ~ Exp(μ), where
//! P(E + S > t) = (θe^(−μt) − μe^(−θt)) / (θ − μ) for θ = cμ − λ ≠ μ, and (1 + μt)e^(−μt)
//! when they are equal.
//!
//! The percentiles invert that tail by bisection. A pool at or past saturation has no
//! steady state: it is reported as `Load::Saturated`, and the service model (`service.rs`)
//! sheds what the pool cannot serve.

/// What a pool of replicas does with its load.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Load {
    /// Utilisation below one: a steady state with these parameters.
    Steady(MmC),
    /// Arrivals at or above what the replicas can serve: the queue grows without bound.
    Saturated,
}

/// A stable M/M/c queue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MmC {
    /// Arrival rate, requests a second.
    pub lambda: f64,
    /// Service rate of one replica, requests a second.
    pub mu: f64,
    /// Replicas.
    pub c: u32,
    /// Erlang C: the probability that a request waits.
    pub wait_probability: f64,
}

/// Erlang's C formula for `c` servers and offered load `a = λ/μ` (requires a < c), by the
/// numerically stable recurrence of Erlang B: B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)),
/// then C = B / (1 − ρ(1 − B)) with ρ = a/c.
pub fn erlang_c(c: u32, a: f64) -> f64 {
    debug_assert!(c > 0 && a >= 0.0 && a < c as f64);
    let mut b = 1.0;
    for k in 1..=c {
        b = a * b / (k as f64 + a * b);
    }
    let rho = a / c as f64;
    b / (1.0 - rho * (1.0 - b))
}

/// The time `t` in `[0, hi]` at which a decreasing tail `P(T > t)` falls to `1 − q`, by
/// bisection to within `tolerance`: the `q`-th percentile (`hi` itself if the tail is
/// still above `1 − q` there).
pub fn invert_tail(tail: impl Fn(f64) -> f64, q: f64, hi: f64, tolerance: f64) -> f64 {
    let target = 1.0 - q;
    let (mut lo, mut hi) = (0.0, hi);
    while hi - lo > tolerance {
        let mid = 0.5 * (lo + hi);
        if tail(mid) > target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

impl Load {
    /// The queue of `c` replicas, each serving `mu` a second, under `lambda` a second.
    pub fn of(lambda: f64, mu: f64, c: u32) -> Load {
        if c == 0 || lambda >= c as f64 * mu {
            return Load::Saturated;
        }
        Load::Steady(MmC {
            lambda,
            mu,
            c,
            wait_probability: if lambda <= 0.0 {
                0.0
            } else {
                erlang_c(c, lambda / mu)
            },
        })
    }
}

impl MmC {
    /// Utilisation of each replica, λ / (cμ).
    pub fn utilisation(&self) -> f64 {
        self.lambda / (self.c as f64 * self.mu)
    }

    /// P(T > t): the share of requests whose response takes longer than `t` seconds.
    pub fn tail(&self, t: f64) -> f64 {
        let mu = self.mu;
        let theta = self.c as f64 * mu - self.lambda;
        let served = libm::exp(-mu * t);
        let waited = if (theta - mu).abs() < 1e-9 * mu {
            (1.0 + mu * t) * served
        } else {
            (theta * served - mu * libm::exp(-theta * t)) / (theta - mu)
        };
        let c = self.wait_probability;
        ((1.0 - c) * served + c * waited).clamp(0.0, 1.0)
    }

    /// The response time, in seconds, that a share `q` of requests stays within (q in
    /// (0, 1)): the inverse of `tail`, to a microsecond.
    pub fn percentile(&self, q: f64) -> f64 {
        let mut hi = 1.0 / self.mu;
        while self.tail(hi) > 1.0 - q {
            hi *= 2.0;
        }
        invert_tail(|t| self.tail(t), q, hi, 1e-6)
    }

    /// Mean response time, seconds: C/(cμ − λ) + 1/μ.
    pub fn mean(&self) -> f64 {
        self.wait_probability / (self.c as f64 * self.mu - self.lambda) + 1.0 / self.mu
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steady(lambda: f64, mu: f64, c: u32) -> MmC {
        match Load::of(lambda, mu, c) {
            Load::Steady(q) => q,
            Load::Saturated => panic!("saturated"),
        }
    }

    #[test]
    fn erlang_c_matches_its_closed_form() {
        // C(c, a) = (a^c/c!)·(c/(c−a)) / (Σ_{k<c} a^k/k! + (a^c/c!)·(c/(c−a))).
        for (c, a) in [(1, 0.5), (2, 1.0), (3, 2.4), (8, 6.0), (12, 11.5)] {
            let mut terms = 0.0;
            let mut term = 1.0;
            for k in 0..c {
                if k > 0 {
                    term *= a / k as f64;
                }
                terms += term;
            }
            let last = term * a / c as f64 * (c as f64 / (c as f64 - a));
            let closed = last / (terms + last);
            assert!((erlang_c(c, a) - closed).abs() < 1e-12, "c={c} a={a}");
        }
        assert!((erlang_c(2, 1.0) - 1.0 / 3.0).abs() < 1e-12);
        // One server waits exactly when it is busy.
        assert!((erlang_c(1, 0.7) - 0.7).abs() < 1e-12);
    }

    #[test]
    fn one_replica_is_an_m_m_1_queue_with_exponential_response() {
        // M/M/1: T ~ Exp(μ − λ), so the p-th percentile is −ln(1 − p)/(μ − λ).
        let q = steady(15.0, 25.0, 1);
        for p in [0.5, 0.95, 0.99] {
            let closed = -libm::log(1.0 - p) / 10.0;
            assert!((q.percentile(p) - closed).abs() < 2e-6, "p={p}");
        }
        assert!((q.mean() - 0.1).abs() < 1e-12);
        assert!((q.tail(0.2) - libm::exp(-2.0)).abs() < 1e-9);
    }

    #[test]
    fn the_tail_is_continuous_where_the_two_rates_meet() {
        // θ = cμ − λ = μ: the equal-rate form must agree with rates a hair apart.
        let equal = steady(25.0, 25.0, 2);
        let near = steady(25.0 - 1e-4, 25.0, 2);
        for t in [0.01, 0.05, 0.2] {
            assert!((equal.tail(t) - near.tail(t)).abs() < 1e-5);
        }
    }

    #[test]
    fn an_idle_pool_answers_in_its_service_time() {
        let q = steady(0.0, 25.0, 4);
        assert_eq!(q.wait_probability, 0.0);
        assert!((q.percentile(0.95) - libm::log(20.0) / 25.0).abs() < 2e-6);
    }

    #[test]
    fn more_load_or_fewer_replicas_never_answer_faster() {
        let mut last = 0.0;
        for lambda in [10.0, 30.0, 50.0, 70.0, 90.0, 99.0] {
            let p95 = steady(lambda, 25.0, 4).percentile(0.95);
            assert!(p95 >= last);
            last = p95;
        }
        assert!(steady(60.0, 25.0, 3).percentile(0.95) > steady(60.0, 25.0, 4).percentile(0.95));
        assert_eq!(Load::of(100.0, 25.0, 4), Load::Saturated);
        assert_eq!(Load::of(1.0, 25.0, 0), Load::Saturated);
    }

    #[test]
    fn the_tail_simulated_by_events_matches_the_closed_form() {
        // A discrete-event run of the same queue (FCFS, 4 replicas, ρ = 0.8), with a fixed
        // linear congruential stream: the share of responses over 150 ms agrees with
        // `tail` to within sampling error.
        let (lambda, mu, c) = (80.0, 25.0, 4usize);
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut uniform = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        };
        let mut free_at = vec![0.0f64; c];
        let (mut now, mut over, n) = (0.0, 0u32, 200_000u32);
        for _ in 0..n {
            now += -libm::log(uniform()) / lambda;
            let (k, &free) = free_at
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.total_cmp(b.1))
                .unwrap();
            let start = free.max(now);
            free_at[k] = start - libm::log(uniform()) / mu;
            if free_at[k] - now > 0.15 {
                over += 1;
            }
        }
        let simulated = over as f64 / n as f64;
        let closed = steady(lambda, mu, c as u32).tail(0.15);
        assert!((simulated - closed).abs() < 0.01, "{simulated} vs {closed}");
    }
}
