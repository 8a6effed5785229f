//! A local gateway for development and tests: it moves no money. Like a real gateway it
//! remembers every request by its reference (in memory, so until the app restarts): a request
//! sent again with the same reference gets the first answer and moves nothing twice, and
//! `lookup` tells what became of one. Each documented test card behaves as a real gateway might
//! (see services/payments/README.md); every other card that passes validation is approved.
use crate::card::CardDetails;
use crate::gateway::{GatewayError, GatewayRef, PaymentGateway, Tokenised};
use async_trait::async_trait;
use kernel::Money;
use crate::gateway::Lookup;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// The documented test card numbers.
pub mod test_cards {
    pub const SUCCEEDS: &str = "4242424242424242";
    pub const DECLINED: &str = "4000000000000002";
    pub const INSUFFICIENT_FUNDS: &str = "4000000000009995";
    /// Every authorisation fails with a gateway error: retried, then reported.
    pub const GATEWAY_ERROR: &str = "4000000000000119";
    /// Authorisations are held at once but answered only after the gateway's slow delay, later
    /// than any sane timeout: the outcome is known only by asking the gateway.
    pub const SLOW: &str = "4000000000003063";
}

/// How a tokenised card will answer; written into its token, so the gateway needs no memory
/// and tokens survive a restart of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Behaviour {
    Approve,
    Decline,
    InsufficientFunds,
    Fail,
    Slow,
}

impl Behaviour {
    const ALL: [Behaviour; 5] = [Self::Approve, Self::Decline, Self::InsufficientFunds, Self::Fail, Self::Slow];

    fn of(number: &str) -> Self {
        match number {
            test_cards::DECLINED => Self::Decline,
            test_cards::INSUFFICIENT_FUNDS => Self::InsufficientFunds,
            test_cards::GATEWAY_ERROR => Self::Fail,
            test_cards::SLOW => Self::Slow,
            _ => Self::Approve,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Self::Approve => "ok",
            Self::Decline => "declined",
            Self::InsufficientFunds => "nsf",
            Self::Fail => "error",
            Self::Slow => "slow",
        }
    }

    fn of_token(token: &str) -> Option<Self> {
        let tag = token.strip_prefix("tok_test_")?.split('_').next()?;
        Self::ALL.into_iter().find(|b| b.tag() == tag)
    }
}

pub struct TestGateway {
    slow_delay: Duration,
    calls: AtomicUsize,
    outage: AtomicBool,
    failing_lookups: AtomicUsize,
    /// Every request's answer by its reference.
    answers: Mutex<HashMap<String, Result<GatewayRef, GatewayError>>>,
    holds: AtomicUsize,
}

impl TestGateway {
    /// The slow card answers after `slow_delay`; make it longer than the call timeout.
    pub fn new(slow_delay: Duration) -> Self {
        Self {
            slow_delay,
            calls: AtomicUsize::new(0),
            outage: AtomicBool::new(false),
            failing_lookups: AtomicUsize::new(0),
            answers: Mutex::new(HashMap::new()),
            holds: AtomicUsize::new(0),
        }
    }

    /// How many authorisations this gateway has made: what a guest's card would show as held.
    pub fn holds(&self) -> usize {
        self.holds.load(Ordering::SeqCst)
    }

    /// The next `n` lookups fail as if the gateway's status endpoint were down.
    pub fn fail_lookups(&self, n: usize) {
        self.failing_lookups.store(n, Ordering::SeqCst);
    }

    fn answers(&self) -> std::sync::MutexGuard<'_, HashMap<String, Result<GatewayRef, GatewayError>>> {
        self.answers.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The first answer to `reference`, or `decide`'s, remembered before it is given.
    fn once(&self, reference: &str, decide: impl FnOnce() -> Result<GatewayRef, GatewayError>) -> Result<GatewayRef, GatewayError> {
        self.answers().entry(reference.to_owned()).or_insert_with(decide).clone()
    }

    /// How many requests reached this gateway, to see retries and a circuit breaker at work.
    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    /// While on, every request fails with a gateway error, as in a provider's outage.
    pub fn set_outage(&self, on: bool) {
        self.outage.store(on, Ordering::SeqCst);
    }

    fn reach(&self) -> Result<(), GatewayError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        if self.outage.load(Ordering::SeqCst) {
            return Err(GatewayError::Failed("simulated outage".into()));
        }
        Ok(())
    }
}

impl Default for TestGateway {
    fn default() -> Self {
        Self::new(Duration::from_secs(60))
    }
}

fn new_reference(prefix: &str) -> GatewayRef {
    GatewayRef(format!("{prefix}_test_{}", uuid::Uuid::new_v4().simple()))
}

#[async_trait]
impl PaymentGateway for TestGateway {
    async fn tokenise(&self, card: &CardDetails) -> Result<Tokenised, GatewayError> {
        self.reach()?;
        let number = card.number();
        let behaviour = Behaviour::of(number.expose());
        Ok(Tokenised {
            token: format!("tok_test_{}_{}", behaviour.tag(), uuid::Uuid::new_v4().simple()),
            last4: number.last4().to_owned(),
            brand: number.brand(),
        })
    }

    async fn authorise(&self, token: &str, _amount: Money, reference: &str) -> Result<GatewayRef, GatewayError> {
        self.reach()?;
        let behaviour = Behaviour::of_token(token);
        let answer = self.once(reference, || match behaviour {
            Some(Behaviour::Approve | Behaviour::Slow) => {
                self.holds.fetch_add(1, Ordering::SeqCst);
                Ok(new_reference("auth"))
            }
            Some(Behaviour::Decline) | None => Err(GatewayError::Declined),
            Some(Behaviour::InsufficientFunds) => Err(GatewayError::InsufficientFunds),
            Some(Behaviour::Fail) => Err(GatewayError::Failed("simulated processing error".into())),
        });
        if behaviour == Some(Behaviour::Slow) {
            tokio::time::sleep(self.slow_delay).await;
        }
        answer
    }

    async fn capture(&self, _auth: &GatewayRef, _amount: Money, reference: &str) -> Result<GatewayRef, GatewayError> {
        self.reach()?;
        self.once(reference, || Ok(new_reference("cap")))
    }

    async fn refund(&self, _capture: &GatewayRef, _amount: Money, reference: &str) -> Result<GatewayRef, GatewayError> {
        self.reach()?;
        self.once(reference, || Ok(new_reference("ref")))
    }

    async fn void(&self, _auth: &GatewayRef, reference: &str) -> Result<GatewayRef, GatewayError> {
        self.reach()?;
        self.once(reference, || Ok(new_reference("void")))
    }

    async fn lookup(&self, reference: &str) -> Result<Lookup, GatewayError> {
        self.reach()?;
        let failing = self.failing_lookups.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1));
        if failing.is_ok() {
            return Err(GatewayError::Failed("simulated status endpoint outage".into()));
        }
        Ok(match self.answers().get(reference) {
            None => Lookup::NotReceived,
            Some(Ok(r)) => Lookup::Succeeded(r.clone()),
            Some(Err(e)) => Lookup::Failed(e.clone()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_remembers_how_its_card_behaves() {
        for b in Behaviour::ALL {
            let token = format!("tok_test_{}_{}", b.tag(), uuid::Uuid::new_v4().simple());
            assert_eq!(Behaviour::of_token(&token), Some(b));
        }
        assert_eq!(Behaviour::of_token("tok_live_abc"), None);
    }
}
