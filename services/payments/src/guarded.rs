//! Every gateway call goes through here: a timeout on each attempt, retries with exponential
//! backoff for transient failures, and a circuit breaker in front that fails fast while the
//! gateway is down instead of making every guest wait for timeouts.
use crate::card::CardDetails;
use crate::gateway::{GatewayError, GatewayRef, Lookup, PaymentGateway, Tokenised};
use crate::resilience::{Backoff, CircuitBreaker};
use crate::PaymentsConfig;
use kernel::Money;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CallError {
    Gateway(GatewayError),
    /// The breaker is open: the gateway was not asked.
    Open,
}

/// A gateway request's outcome as far as this service can tell.
pub(crate) enum Settled {
    Known(Result<GatewayRef, CallError>),
    /// Neither the request nor the question about it was answered.
    Unknown(CallError),
}

impl Lookup {
    fn into_result(self) -> Result<GatewayRef, CallError> {
        match self {
            Lookup::Succeeded(r) => Ok(r),
            Lookup::Failed(e) => Err(CallError::Gateway(e)),
            Lookup::NotReceived => Err(CallError::Gateway(GatewayError::Failed("the gateway never received the request".into()))),
        }
    }
}

pub(crate) struct Guarded {
    gateway: Arc<dyn PaymentGateway>,
    breaker: Mutex<CircuitBreaker>,
    timeout: Duration,
    backoff: Backoff,
}

impl Guarded {
    pub fn new(gateway: Arc<dyn PaymentGateway>, config: &PaymentsConfig) -> Self {
        Self {
            gateway,
            breaker: Mutex::new(CircuitBreaker::new(config.breaker)),
            timeout: config.call_timeout,
            backoff: config.retry,
        }
    }

    pub async fn tokenise(&self, card: &CardDetails) -> Result<Tokenised, CallError> {
        self.call("tokenise", || self.gateway.tokenise(card)).await
    }

    pub async fn authorise(&self, token: &str, amount: Money, reference: &str) -> Result<GatewayRef, CallError> {
        self.call("authorise", || self.gateway.authorise(token, amount, reference)).await
    }

    pub async fn capture(&self, auth: &GatewayRef, amount: Money, reference: &str) -> Result<GatewayRef, CallError> {
        self.call("capture", || self.gateway.capture(auth, amount, reference)).await
    }

    pub async fn refund(&self, capture: &GatewayRef, amount: Money, reference: &str) -> Result<GatewayRef, CallError> {
        self.call("refund", || self.gateway.refund(capture, amount, reference)).await
    }

    pub async fn void(&self, auth: &GatewayRef, reference: &str) -> Result<GatewayRef, CallError> {
        self.call("void", || self.gateway.void(auth, reference)).await
    }

    pub async fn lookup(&self, reference: &str) -> Result<Lookup, CallError> {
        self.call("lookup", || self.gateway.lookup(reference)).await
    }

    /// Sends `call` with `reference`, unless a resumed attempt finds the gateway already
    /// answered it. A transient failure is settled by asking the gateway what it did: only when
    /// that too fails is the outcome unknown.
    pub async fn settled<Fut>(&self, reference: &str, resumed: bool, call: impl FnOnce() -> Fut) -> Settled
    where
        Fut: Future<Output = Result<GatewayRef, CallError>>,
    {
        if resumed {
            match self.lookup(reference).await {
                Ok(Lookup::NotReceived) => {}
                Ok(known) => return Settled::Known(known.into_result()),
                Err(e) => return Settled::Unknown(e),
            }
        }
        match call().await {
            Err(CallError::Gateway(e)) if e.is_transient() => match self.lookup(reference).await {
                Ok(Lookup::NotReceived) => Settled::Known(Err(CallError::Gateway(e))),
                Ok(known) => Settled::Known(known.into_result()),
                Err(_) => Settled::Unknown(CallError::Gateway(e)),
            },
            other => Settled::Known(other),
        }
    }

    async fn call<T, F, Fut>(&self, operation: &'static str, mut attempt: F) -> Result<T, CallError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, GatewayError>>,
    {
        let mut tried = 0;
        loop {
            if !self.breaker().try_acquire(Instant::now()) {
                tracing::warn!(operation, "payment gateway circuit open: failing fast");
                return Err(CallError::Open);
            }
            tried += 1;
            let outcome = tokio::time::timeout(self.timeout, attempt()).await.unwrap_or(Err(GatewayError::Timeout));
            match outcome {
                Err(e) if e.is_transient() => {
                    self.breaker().record_failure(Instant::now());
                    if tried >= self.backoff.attempts {
                        tracing::warn!(operation, error = %e, tried, "payment gateway call failed; giving up");
                        return Err(CallError::Gateway(e));
                    }
                    let pause = self.backoff.delay(tried);
                    tracing::info!(operation, error = %e, tried, "payment gateway call failed; retrying in {pause:?}");
                    tokio::time::sleep(pause).await;
                }
                outcome => {
                    self.breaker().record_success();
                    return outcome.map_err(CallError::Gateway);
                }
            }
        }
    }

    fn breaker(&self) -> std::sync::MutexGuard<'_, CircuitBreaker> {
        // A panic while holding this lock cannot leave the breaker half-updated: every change
        // is one assignment.
        self.breaker.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
