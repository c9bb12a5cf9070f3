//! When to try again: exponential backoff with full jitter, capped, and never sooner than Retry-After.

use std::time::Duration;

use rand::Rng;

/// The retry policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// Delay ceiling after the first failure.
    pub base: Duration,
    /// Largest delay.
    pub cap: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            base: Duration::from_secs(2),
            cap: Duration::from_secs(300),
        }
    }
}

impl Backoff {
    /// The delay before attempt `attempts + 1`: uniform in [0, min(cap, base·2^attempts)], at least `retry_after`.
    pub fn delay(&self, attempts: u32, retry_after: Option<Duration>) -> Duration {
        let ceiling = self
            .base
            .checked_mul(2u32.saturating_pow(attempts.min(30)))
            .unwrap_or(self.cap)
            .min(self.cap);
        let millis = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        let jittered = Duration::from_millis(rand::rng().random_range(0..=millis));
        retry_after.map_or(jittered, |floor| jittered.max(floor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_stay_under_the_cap_and_respect_retry_after() {
        let policy = Backoff {
            base: Duration::from_secs(1),
            cap: Duration::from_secs(60),
        };
        for attempts in 0..40 {
            let ceiling = Duration::from_secs(1u64 << attempts.min(6)).min(Duration::from_secs(60));
            for _ in 0..50 {
                assert!(policy.delay(attempts, None) <= ceiling);
            }
        }
        for _ in 0..50 {
            assert!(policy.delay(0, Some(Duration::from_secs(30))) >= Duration::from_secs(30));
        }
        // Full jitter spreads retries out instead of all at the ceiling.
        let spread: std::collections::HashSet<_> = (0..50).map(|_| policy.delay(5, None)).collect();
        assert!(spread.len() > 10);
    }
}
