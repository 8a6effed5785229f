//! Every gateway call goes through here: a timeout on each attempt, retries with exponential
//! backoff for transient failures, and a circuit breaker in front that fails fast while the
//! gateway is down instead of making every guest wait for timeouts.
use crate::card::CardDetails;
use crate::gateway::{GatewayError, GatewayRef, PaymentGateway, Tokenised};
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
