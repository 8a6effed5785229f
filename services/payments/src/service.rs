use crate::domain::{AuthoriseRequest, CapturePolicy, Charge, FailureReason, Ledger, Payment, PaymentKind};
use crate::gateway::{GatewayError, PaymentGateway};
use crate::guarded::{CallError, Guarded};
use crate::idempotency::{self, Operation};
use crate::movements::Move;
use crate::resilience::{Backoff, BreakerConfig};
use crate::{store, PaymentError};
use chrono::{SubsecRound, Utc};
use kernel::{BookingId, Money, PaymentId};
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// How the service treats its gateway and its callers.
#[derive(Debug, Clone)]
pub struct PaymentsConfig {
    /// Longest wait for one answer from the gateway.
    pub call_timeout: Duration,
    /// Attempts and pauses for transient failures (gateway errors, timeouts).
    pub retry: Backoff,
    pub breaker: BreakerConfig,
    /// How long a retry waits for the first request with its key before answering "in progress".
    pub claim_wait: Duration,
    /// Overrides the hotel's setting in `payments.settings` when set (tests pin it this way).
    pub capture_policy: Option<CapturePolicy>,
}

impl Default for PaymentsConfig {
    fn default() -> Self {
        Self {
            call_timeout: Duration::from_secs(8),
            retry: Backoff { attempts: 3, base: Duration::from_millis(200), max: Duration::from_secs(2) },
            breaker: BreakerConfig { threshold: 5, cool_down: Duration::from_secs(30) },
            claim_wait: Duration::from_secs(30),
            capture_policy: None,
        }
    }
}

/// Card payments for bookings: the only way other crates move money.
#[derive(Clone)]
pub struct PaymentsService {
    pool: PgPool,
    gateway: Arc<Guarded>,
    config: Arc<PaymentsConfig>,
}

impl PaymentsService {
    pub fn new(pool: PgPool, gateway: Arc<dyn PaymentGateway>, config: PaymentsConfig) -> Self {
        let gateway = Arc::new(Guarded::new(gateway, &config));
        Self { pool, gateway, config: Arc::new(config) }
    }

    pub(crate) fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub(crate) fn gateway(&self) -> &Guarded {
        &self.gateway
    }

    /// When the hotel captures what it authorised.
    pub async fn capture_policy(&self) -> Result<CapturePolicy, PaymentError> {
        match self.config.capture_policy {
            Some(policy) => Ok(policy),
            None => Ok(store::capture_policy(&mut *self.pool.acquire().await?).await?),
        }
    }

    /// Changes the hotel's capture policy; holds already made are captured by the new one.
    pub async fn set_capture_policy(&self, policy: CapturePolicy) -> Result<(), PaymentError> {
        store::set_capture_policy(&mut *self.pool.acquire().await?, policy).await?;
        Ok(())
    }

    /// Every attempt for a booking, failed ones included, oldest first.
    pub async fn for_booking(&self, booking: BookingId) -> Result<Vec<Payment>, PaymentError> {
        Ok(store::for_booking(&mut *self.pool.acquire().await?, booking).await?)
    }

    /// Holds `amount` on the guest's card, and captures it at once when the hotel captures at
    /// booking. A retry with the same key answers as the first request did and charges nothing.
    #[tracing::instrument(skip(self, req), fields(booking = %req.booking_id, key = %req.idempotency_key))]
    pub async fn authorise(&self, req: AuthoriseRequest) -> Result<Charge, PaymentError> {
        let expiry = req.card.expiry();
        let request = format!(
            "authorise {} for booking {} of user {} on the card ending {} expiring {:02}/{}",
            req.amount.to_decimal_string(),
            req.booking_id,
            req.user_id,
            req.card.number().last4(),
            expiry.month(),
            expiry.year()
        );
        let work = self.authorise_once(&req);
        idempotency::once(&self.pool, req.idempotency_key, Operation::Authorise, request, self.config.claim_wait, work).await
    }

    async fn authorise_once(&self, req: &AuthoriseRequest) -> Result<Charge, PaymentError> {
        if req.amount.minor() <= 0 {
            return Err(PaymentError::NotPositive);
        }
        let mut tx = self.pool.begin().await?;
        store::lock_booking(&mut tx, req.booking_id).await?;
        if Ledger(&store::for_booking(&mut tx, req.booking_id).await?).holding().is_some() {
            return Err(PaymentError::AlreadyAuthorised);
        }
        let id = PaymentId::new();
        let number = req.card.number();
        let outcome = match self.gateway.tokenise(&req.card).await {
            Ok(card) => self.gateway.authorise(&card.token, req.amount, &id.to_string()).await.map(|r| (card, r)),
            Err(e) => Err(e),
        };
        let (token, brand, reference, failure) = match outcome {
            Ok((card, r)) => (Some(card.token), card.brand, Some(r.0), None),
            Err(e) => (None, number.brand(), None, Some(failure_of(e))),
        };
        let auth = Payment {
            id,
            booking_id: req.booking_id,
            user_id: req.user_id,
            kind: PaymentKind::Authorisation,
            parent_id: None,
            failure,
            amount: req.amount,
            card_last4: Some(number.last4().to_owned()),
            card_brand: Some(brand.as_str().to_owned()),
            gateway_reference: reference,
            created_at: now(),
        };
        store::record(&mut tx, &auth, token.as_deref()).await?;
        tx.commit().await?;
        if let Some(reason) = auth.failure {
            return Err(PaymentError::from_failure(reason));
        }
        let capture = match self.capture_policy().await? {
            CapturePolicy::Booking => Some(self.movement(req.booking_id, Move::Capture(Some(req.amount))).await?),
            CapturePolicy::CheckIn | CapturePolicy::CheckOut => None,
        };
        Ok(Charge { authorisation: auth, capture })
    }

    /// Takes `amount` of the booking's hold, or all it still holds.
    #[tracing::instrument(skip(self))]
    pub async fn capture(&self, booking: BookingId, amount: Option<Money>, key: Uuid) -> Result<Payment, PaymentError> {
        let what = amount.map_or_else(|| "what is held".to_owned(), |a| a.to_string());
        let request = format!("capture {what} for booking {booking}");
        let work = async { succeeded(self.movement(booking, Move::Capture(amount)).await?) };
        idempotency::once(&self.pool, key, Operation::Capture, request, self.config.claim_wait, work).await
    }

    /// Gives `amount` back from one capture of the booking that still has that much.
    #[tracing::instrument(skip(self))]
    pub async fn refund(&self, booking: BookingId, amount: Money, key: Uuid) -> Result<Payment, PaymentError> {
        let request = format!("refund {amount} for booking {booking}");
        let work = async { succeeded(self.movement(booking, Move::Refund(amount)).await?) };
        idempotency::once(&self.pool, key, Operation::Refund, request, self.config.claim_wait, work).await
    }

    /// Releases what the booking's hold still has.
    #[tracing::instrument(skip(self))]
    pub async fn void(&self, booking: BookingId, key: Uuid) -> Result<Payment, PaymentError> {
        let request = format!("void the hold of booking {booking}");
        let work = async { succeeded(self.movement(booking, Move::Void).await?) };
        idempotency::once(&self.pool, key, Operation::Void, request, self.config.claim_wait, work).await
    }

    /// Refunds `amount` of one given capture (the cancellation consumer spreads a refund).
    pub(crate) async fn refund_capture(&self, booking: BookingId, capture: PaymentId, amount: Money, key: Uuid) -> Result<Payment, PaymentError> {
        let request = format!("refund {amount} of capture {capture} for booking {booking}");
        let work = async { succeeded(self.movement(booking, Move::RefundOf(capture, amount)).await?) };
        idempotency::once(&self.pool, key, Operation::Refund, request, self.config.claim_wait, work).await
    }
}

/// Timestamps as PostgreSQL keeps them, so a replayed answer equals the first one.
pub(crate) fn now() -> chrono::DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

pub(crate) fn failure_of(e: CallError) -> FailureReason {
    match e {
        CallError::Open => FailureReason::Unavailable,
        CallError::Gateway(GatewayError::Declined) => FailureReason::Declined,
        CallError::Gateway(GatewayError::InsufficientFunds) => FailureReason::InsufficientFunds,
        CallError::Gateway(GatewayError::Failed(_)) => FailureReason::GatewayError,
        CallError::Gateway(GatewayError::Timeout) => FailureReason::Timeout,
    }
}

fn succeeded(p: Payment) -> Result<Payment, PaymentError> {
    match p.failure {
        None => Ok(p),
        Some(reason) => Err(PaymentError::from_failure(reason)),
    }
}
