//! Retry backoff and the circuit breaker as plain state machines: time is passed in, nothing
//! sleeps here, so the rules are tested without a clock.
use std::time::{Duration, Instant};

/// Exponential backoff between attempts at one gateway call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// The pause before the first retry; each later pause doubles, up to `max`.
    pub base: Duration,
    pub max: Duration,
}

impl Backoff {
    /// The pause before retry number `retry` (1 for the first retry).
    pub fn delay(&self, retry: u32) -> Duration {
        let factor = 1u32.checked_shl(retry.saturating_sub(1)).unwrap_or(u32::MAX);
        self.base.saturating_mul(factor).min(self.max)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BreakerConfig {
    /// Consecutive transient failures that open the breaker.
    pub threshold: u32,
    /// How long it stays open before one trial call may go through.
    pub cool_down: Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Closed { failures: u32 },
    Open { until: Instant },
    /// One trial call is in flight. Should its caller vanish without reporting back, another
    /// trial is allowed after a further cool-down rather than staying stuck.
    HalfOpen { trial_started: Instant },
}

/// Closed → open after `threshold` consecutive transient failures → half-open after
/// `cool_down`, letting one trial through → closed on its success, open again on its failure.
#[derive(Debug, Clone)]
pub struct CircuitBreaker {
    config: BreakerConfig,
    state: State,
}

impl CircuitBreaker {
    pub fn new(config: BreakerConfig) -> Self {
        Self { config, state: State::Closed { failures: 0 } }
    }

    pub fn state(&self, now: Instant) -> BreakerState {
        match self.state {
            State::Closed { .. } => BreakerState::Closed,
            State::Open { until } if now >= until => BreakerState::HalfOpen,
            State::Open { .. } => BreakerState::Open,
            State::HalfOpen { .. } => BreakerState::HalfOpen,
        }
    }

    /// Whether a call may go to the gateway now; when half-open, only the first caller may.
    pub fn try_acquire(&mut self, now: Instant) -> bool {
        match self.state {
            State::Closed { .. } => true,
            State::Open { until } if now < until => false,
            State::HalfOpen { trial_started } if now < trial_started + self.config.cool_down => false,
            State::Open { .. } | State::HalfOpen { .. } => {
                self.state = State::HalfOpen { trial_started: now };
                true
            }
        }
    }

    /// The gateway answered, approving or declining: it is healthy.
    pub fn record_success(&mut self) {
        self.state = State::Closed { failures: 0 };
    }

    /// The gateway failed or did not answer in time.
    pub fn record_failure(&mut self, now: Instant) {
        self.state = match self.state {
            State::Closed { failures } if failures + 1 < self.config.threshold => State::Closed { failures: failures + 1 },
            _ => State::Open { until: now + self.config.cool_down },
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COOL_DOWN: Duration = Duration::from_secs(30);

    fn breaker() -> CircuitBreaker {
        CircuitBreaker::new(BreakerConfig { threshold: 3, cool_down: COOL_DOWN })
    }

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        let b = Backoff { attempts: 5, base: Duration::from_millis(100), max: Duration::from_millis(500) };
        let delays: Vec<_> = (1..=5).map(|r| b.delay(r).as_millis()).collect();
        assert_eq!(delays, [100, 200, 400, 500, 500]);
        assert_eq!(b.delay(200), Duration::from_millis(500));
    }

    #[test]
    fn opens_after_consecutive_failures_only() {
        let now = Instant::now();
        let mut b = breaker();
        b.record_failure(now);
        b.record_failure(now);
        b.record_success();
        b.record_failure(now);
        b.record_failure(now);
        assert_eq!(b.state(now), BreakerState::Closed);
        b.record_failure(now);
        assert_eq!(b.state(now), BreakerState::Open);
        assert!(!b.try_acquire(now + COOL_DOWN / 2));
    }

    #[test]
    fn half_open_lets_one_trial_through_after_the_cool_down() {
        let now = Instant::now();
        let mut b = breaker();
        (0..3).for_each(|_| b.record_failure(now));
        let later = now + COOL_DOWN;
        assert_eq!(b.state(later), BreakerState::HalfOpen);
        assert!(b.try_acquire(later));
        assert!(!b.try_acquire(later), "a second caller waits for the trial");
        b.record_success();
        assert_eq!(b.state(later), BreakerState::Closed);
        assert!(b.try_acquire(later));
    }

    #[test]
    fn a_failed_trial_opens_it_again() {
        let now = Instant::now();
        let mut b = breaker();
        (0..3).for_each(|_| b.record_failure(now));
        let later = now + COOL_DOWN;
        assert!(b.try_acquire(later));
        b.record_failure(later);
        assert_eq!(b.state(later), BreakerState::Open);
        assert!(!b.try_acquire(later + COOL_DOWN / 2));
        assert!(b.try_acquire(later + COOL_DOWN));
    }

    #[test]
    fn a_trial_that_never_reports_back_does_not_block_forever() {
        let now = Instant::now();
        let mut b = breaker();
        (0..3).for_each(|_| b.record_failure(now));
        assert!(b.try_acquire(now + COOL_DOWN));
        assert!(!b.try_acquire(now + COOL_DOWN + COOL_DOWN / 2));
        assert!(b.try_acquire(now + COOL_DOWN * 2));
    }
}
