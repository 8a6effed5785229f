use crate::domain::{AuthoriseRequest, CapturePolicy, FailureReason, Ledger, Payment, PaymentKind, Purpose};
use crate::gateway::GatewayError;
use crate::guarded::{CallError, Guarded, Settled};
use crate::idempotency::{self, Ask, Attempt, Operation, Outcome};
use crate::movements::Move;
use crate::resilience::{Backoff, BreakerConfig};
use crate::{store, CardDetails, PaymentError, PaymentGateway};
use chrono::{SubsecRound, Utc};
use kernel::{BookingId, Money, UserId};
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// The value of a result, or the attempt ends with its error (for steps before the gateway is
/// asked: nothing moved yet).
macro_rules! try_outcome {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Outcome::Done(Err(e.into())),
        }
    };
}
pub(crate) use try_outcome;

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
    /// How long a claim is its owner's; after it, another request with the key takes over
    /// (longer than every attempt and pause of one gateway call).
    pub lease: Duration,
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
            lease: Duration::from_secs(60),
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

/// Where the money for a hold comes from: the card the guest just typed, or the card kept (as
/// the gateway's token) from the booking's first hold.
pub(crate) enum Source<'a> {
    Card(&'a CardDetails),
    Kept(store::KeptCard),
}

/// A hold to place. `beside` allows it next to a hold that is about to be released.
pub(crate) struct Hold<'a> {
    pub booking_id: BookingId,
    pub user_id: UserId,
    pub amount: Money,
    pub source: Source<'a>,
    pub beside: bool,
    pub purpose: Purpose,
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

    pub(crate) fn ask(&self, key: Uuid, op: Operation, request: String, booking: BookingId) -> Ask<'_> {
        Ask { key, op, request, booking, lease: self.config.lease, wait: self.config.claim_wait, pool: &self.pool }
    }

    /// When the hotel captures what it authorised.
    pub async fn capture_policy(&self) -> Result<CapturePolicy, PaymentError> {
        match self.config.capture_policy {
            Some(policy) => Ok(policy),
            None => Ok(store::capture_policy(&mut *self.pool.acquire().await?).await?),
        }
    }

    /// When the booking's money is taken: the policy in force at its first hold (the terms the
    /// guest booked under), or the hotel's policy now for a booking held before terms were kept.
    pub async fn policy_for(&self, booking: BookingId) -> Result<CapturePolicy, PaymentError> {
        let due = store::due(&mut *self.pool.acquire().await?, booking).await?;
        match due.and_then(|d| d.capture_at) {
            Some(policy) => Ok(policy),
            None => self.capture_policy().await,
        }
    }

    /// Changes the hotel's capture policy for the bookings held from now on; those held before
    /// keep the terms their guests booked under.
    pub async fn set_capture_policy(&self, policy: CapturePolicy, by: kernel::UserId) -> Result<(), PaymentError> {
        let mut tx = self.pool.begin().await?;
        let before = store::capture_policy(&mut tx).await?;
        store::set_capture_policy(&mut tx, policy).await?;
        sqlx::query("INSERT INTO payments.settings_changes (changed_by, before, after) VALUES ($1, $2, $3)")
            .bind(by.as_uuid())
            .bind(serde_json::json!({ "capture_at": before.as_str() }))
            .bind(serde_json::json!({ "capture_at": policy.as_str() }))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether the capture policy is set by the deployment's configuration, not the hotel.
    pub fn capture_policy_fixed(&self) -> bool {
        self.config.capture_policy.is_some()
    }

    /// Every attempt for a booking, failed ones included, oldest first.
    pub async fn for_booking(&self, booking: BookingId) -> Result<Vec<Payment>, PaymentError> {
        Ok(store::for_booking(&mut *self.pool.acquire().await?, booking).await?)
    }

    /// Holds `amount` on the guest's card; nothing is captured here (the checkout captures once
    /// the room is the guest's). A retry with the same key answers as the first request did and
    /// holds nothing more, even when the first one timed out.
    #[tracing::instrument(skip(self, req), fields(booking = %req.booking_id, key = %req.idempotency_key))]
    pub async fn authorise(&self, req: AuthoriseRequest) -> Result<Payment, PaymentError> {
        if req.amount.minor() <= 0 {
            return Err(PaymentError::NotPositive);
        }
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
        let hold = Hold { booking_id: req.booking_id, user_id: req.user_id, amount: req.amount, source: Source::Card(&req.card), beside: false, purpose: Purpose::Stay };
        let ask = self.ask(req.idempotency_key, Operation::Authorise, request, req.booking_id);
        idempotency::once(ask, |attempt| self.hold(hold, attempt)).await
    }

    pub(crate) async fn hold(&self, h: Hold<'_>, attempt: Attempt) -> Outcome<Payment> {
        let id = attempt.payment_id;
        if attempt.resumed {
            match store::payment(&mut *try_outcome!(self.pool.acquire().await), id).await {
                Ok(Some(done)) => return Outcome::Done(succeeded(done)),
                Ok(None) => {}
                Err(e) => return Outcome::Done(Err(e.into())),
            }
        }
        let rows = try_outcome!(self.for_booking(h.booking_id).await);
        if !h.beside && Ledger(&rows).holding().is_some() {
            return Outcome::Done(Err(PaymentError::AlreadyAuthorised));
        }
        let card = match (&h.source, attempt.card_token) {
            (Source::Kept(kept), _) => kept.clone(),
            (Source::Card(card), Some(token)) => store::KeptCard::of(card, token),
            (Source::Card(card), None) => match self.gateway.tokenise(card).await {
                Ok(t) => {
                    try_outcome!(idempotency::remember_token(&self.pool, attempt.key, &t.token).await);
                    store::KeptCard { token: t.token, last4: t.last4, brand: t.brand.as_str().to_owned() }
                }
                Err(e) => {
                    let failed = self.authorisation(&h, id, None, &store::KeptCard::of(card, String::new()), Some(failure_of(e)));
                    return self.record(failed, None, None).await;
                }
            },
        };
        let reference = id.to_string();
        let settled = self.gateway.settled(&reference, attempt.resumed, || self.gateway.authorise(&card.token, h.amount, &reference)).await;
        let auth = match settled {
            Settled::Known(Ok(r)) => self.authorisation(&h, id, Some(r.0), &card, None),
            Settled::Known(Err(e)) => self.authorisation(&h, id, None, &card, Some(failure_of(e))),
            Settled::Unknown(e) => return Outcome::Unknown(PaymentError::from_failure(failure_of(e))),
        };
        let token = auth.succeeded().then_some(card.token.as_str());
        // The checkout's hold says what the stay costs until the booking's events say more.
        let terms = try_outcome!(self.capture_policy().await);
        let due = (auth.succeeded() && !h.beside && h.purpose == Purpose::Stay)
            .then_some(store::Due { booking: h.booking_id, amount: h.amount, version: 0, capture_at: Some(terms) });
        self.record(auth, token, due).await
    }

    fn authorisation(&self, h: &Hold<'_>, id: kernel::PaymentId, reference: Option<String>, card: &store::KeptCard, failure: Option<FailureReason>) -> Payment {
        Payment {
            id,
            booking_id: h.booking_id,
            user_id: h.user_id,
            kind: PaymentKind::Authorisation,
            parent_id: None,
            failure,
            amount: h.amount,
            card_last4: Some(card.last4.clone()),
            card_brand: Some(card.brand.clone()),
            gateway_reference: reference,
            created_at: now(),
            purpose: h.purpose,
        }
    }

    /// Adds `p` to the ledger after the gateway answered, with what the booking is due when
    /// given. Should the database fail now, the outcome stays open, so a retry finds the
    /// gateway's answer under the same reference.
    pub(crate) async fn record(&self, p: Payment, token: Option<&str>, due: Option<store::Due>) -> Outcome<Payment> {
        self.record_with(p, token, due, false).await
    }

    /// `record`, and with `credit` a refund of the stay's own money lowers what the stay is due
    /// in the same transaction, so following the due never takes it back.
    pub(crate) async fn record_with(&self, p: Payment, token: Option<&str>, due: Option<store::Due>, credit: bool) -> Outcome<Payment> {
        let recorded = async {
            let mut tx = self.pool.begin().await?;
            store::lock_booking(&mut tx, p.booking_id).await?;
            store::record(&mut tx, &p, token).await?;
            if let Some(due) = due {
                store::set_due(&mut tx, &due).await?;
            }
            if credit && p.succeeded() {
                store::credit_due(&mut tx, p.booking_id, p.amount).await?;
            }
            tx.commit().await?;
            Ok::<_, anyhow::Error>(())
        };
        match recorded.await {
            Ok(()) => Outcome::Done(succeeded(p)),
            Err(e) => Outcome::Unknown(e.context("recording a payment the gateway answered").into()),
        }
    }

    /// Takes `amount` of the booking's hold, or all it still holds.
    #[tracing::instrument(skip(self))]
    pub async fn capture(&self, booking: BookingId, amount: Option<Money>, key: Uuid) -> Result<Payment, PaymentError> {
        let what = amount.map_or_else(|| "what is held".to_owned(), |a| a.to_string());
        let request = format!("capture {what} for booking {booking}");
        idempotency::once(self.ask(key, Operation::Capture, request, booking), |a| self.movement(booking, Move::Capture(amount), a)).await
    }

    /// Gives `amount` back from one capture of the booking that still has that much.
    #[tracing::instrument(skip(self))]
    pub async fn refund(&self, booking: BookingId, amount: Money, key: Uuid) -> Result<Payment, PaymentError> {
        let request = format!("refund {amount} for booking {booking}");
        idempotency::once(self.ask(key, Operation::Refund, request, booking), |a| self.movement(booking, Move::Refund(amount), a)).await
    }

    /// Releases what the booking's hold still has.
    #[tracing::instrument(skip(self))]
    pub async fn void(&self, booking: BookingId, key: Uuid) -> Result<Payment, PaymentError> {
        let request = format!("void the hold of booking {booking}");
        idempotency::once(self.ask(key, Operation::Void, request, booking), |a| self.movement(booking, Move::Void, a)).await
    }

    /// Releases what one given authorisation still holds (a hold replaced by a larger one).
    pub(crate) async fn void_of(&self, booking: BookingId, auth: kernel::PaymentId, key: Uuid) -> Result<Payment, PaymentError> {
        let request = format!("void authorisation {auth} of booking {booking}");
        idempotency::once(self.ask(key, Operation::Void, request, booking), |a| self.movement(booking, Move::VoidOf(auth), a)).await
    }

    /// Refunds `amount` of one given capture (the cancellation consumer spreads a refund).
    pub(crate) async fn refund_capture(&self, booking: BookingId, capture: kernel::PaymentId, amount: Money, key: Uuid) -> Result<Payment, PaymentError> {
        let request = format!("refund {amount} of capture {capture} for booking {booking}");
        idempotency::once(self.ask(key, Operation::Refund, request, booking), |a| self.movement(booking, Move::RefundOf(capture, amount), a))
            .await
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

pub(crate) fn succeeded(p: Payment) -> Result<Payment, PaymentError> {
    match p.failure {
        None => Ok(p),
        Some(reason) => Err(PaymentError::from_failure(reason)),
    }
}
