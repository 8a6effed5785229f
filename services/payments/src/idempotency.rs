//! One key, one movement of money, and never a gateway call inside a database transaction.
//!
//! The first request claims its key with an insert committed on its own, naming the reference
//! the gateway will get; every concurrent retry sees the claim and waits for the stored answer
//! instead of charging again. The gateway is then called with no transaction open, and the
//! outcome is recorded afterwards. This is how Stripe and Adyen ask integrators to work: the
//! idempotency key is persisted before the network call, the same gateway reference is reused
//! for as long as the outcome is open, and an unknown outcome (a timeout) is resolved by asking
//! the gateway, never by sending a new request that could hold the card twice.
//!
//! A claim is `pending` under a lease; a process that dies mid-call leaves it pending, and once
//! the lease runs out the next request with the key takes it over (asking the gateway first).
//! A definite failure moved nothing: a later request may claim the key again, with a new
//! reference, while retries that were already waiting get the failure.
use crate::PaymentError;
use kernel::{BookingId, Currency, Money, PaymentId};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;
use sqlx::PgPool;
use std::time::Duration;
use uuid::Uuid;

const ONE_IN_FLIGHT: &str = "idempotency_one_in_flight_per_booking";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Operation {
    Authorise,
    Capture,
    Refund,
    Void,
}

impl Operation {
    fn as_str(self) -> &'static str {
        match self {
            Self::Authorise => "authorise",
            Self::Capture => "capture",
            Self::Refund => "refund",
            Self::Void => "void",
        }
    }
}

/// What a request asks, to tell a retry from a different request under the same key.
pub(crate) struct Ask<'a> {
    pub key: Uuid,
    pub op: Operation,
    /// In words, never card data.
    pub request: String,
    pub booking: BookingId,
    pub lease: Duration,
    /// How long a retry waits for a first attempt still in flight before answering "in progress".
    pub wait: Duration,
    pub pool: &'a PgPool,
}

/// A claim this request now owns.
#[derive(Debug, Clone)]
pub(crate) struct Attempt {
    pub key: Uuid,
    /// Sent to the gateway as its idempotency reference and used as the ledger row's id.
    pub payment_id: PaymentId,
    pub card_token: Option<String>,
    /// Taken over from an earlier attempt whose outcome is open: ask the gateway first.
    pub resumed: bool,
}

pub(crate) enum Claim {
    Owned(Attempt),
    Answered(Value),
}

/// How an attempt ended.
pub(crate) enum Outcome<T> {
    Done(Result<T, PaymentError>),
    /// The gateway may or may not have moved the money; a retry with the key will ask it.
    Unknown(PaymentError),
}

/// Runs `work` once per key: the stored answer when the key was answered, else `work` with the
/// claim, whose outcome is stored for retries.
pub(crate) async fn once<T, W, Fut>(ask: Ask<'_>, work: W) -> Result<T, PaymentError>
where
    T: Serialize + DeserializeOwned,
    W: FnOnce(Attempt) -> Fut,
    Fut: std::future::Future<Output = Outcome<T>>,
{
    let attempt = match claim(&ask).await? {
        Claim::Answered(answer) => return replay(answer),
        Claim::Owned(attempt) => attempt,
    };
    let outcome = work(attempt).await;
    let (state, answer, result) = match outcome {
        Outcome::Done(Ok(value)) => ("succeeded", Some(serde_json::json!({ "ok": &value })), Ok(value)),
        Outcome::Done(Err(e)) => ("failed", Some(serde_json::json!({ "error": Stored::from(&e) })), Err(e)),
        Outcome::Unknown(e) => ("unknown", None, Err(e)),
    };
    let stored = sqlx::query(
        "UPDATE payments.idempotency SET state = $2, response = $3, lease_until = NULL, updated_at = now()
         WHERE key = $1 AND state = 'pending'",
    )
    .bind(ask.key)
    .bind(state)
    .bind(answer)
    .execute(ask.pool)
    .await;
    if let Err(e) = stored {
        // The payment itself is recorded; retries of this key take the claim over after its
        // lease and find the ledger row.
        tracing::error!(error = ?e, key = %ask.key, "could not store the answer for an idempotency key");
    }
    result
}

/// Remembers the card token of an authorisation before the gateway is asked to hold money, so
/// whoever resumes the claim can record the hold.
pub(crate) async fn remember_token(pool: &PgPool, key: Uuid, token: &str) -> Result<(), PaymentError> {
    sqlx::query("UPDATE payments.idempotency SET card_token = $2 WHERE key = $1 AND state = 'pending'")
        .bind(key)
        .bind(token)
        .execute(pool)
        .await?;
    Ok(())
}

async fn claim(ask: &Ask<'_>) -> Result<Claim, PaymentError> {
    let lease = ask.lease.as_secs_f64();
    let fresh = PaymentId::new();
    // A new key is inserted; a key whose attempt failed moved nothing, so it is free again and
    // taken under a new reference. Any other state leaves the row as it is (no row affected).
    let claimed = sqlx::query(
        "INSERT INTO payments.idempotency (key, operation, request, booking_id, payment_id, lease_until)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
         ON CONFLICT (key) DO UPDATE SET operation = EXCLUDED.operation, request = EXCLUDED.request,
             booking_id = EXCLUDED.booking_id, payment_id = EXCLUDED.payment_id, card_token = NULL, state = 'pending',
             response = NULL, lease_until = EXCLUDED.lease_until, updated_at = now()
         WHERE payments.idempotency.state = 'failed'",
    )
    .bind(ask.key)
    .bind(ask.op.as_str())
    .bind(&ask.request)
    .bind(ask.booking.as_uuid())
    .bind(fresh.as_uuid())
    .bind(lease)
    .execute(ask.pool)
    .await;
    if in_flight(&claimed) {
        return Err(PaymentError::InProgress);
    }
    if claimed?.rows_affected() == 1 {
        return Ok(Claim::Owned(Attempt {
            key: ask.key,
            payment_id: fresh,
            card_token: None,
            resumed: false,
        }));
    }
    let deadline = tokio::time::Instant::now() + ask.wait;
    let mut pause = Duration::from_millis(10);
    loop {
        // An open outcome (unknown, or pending past its lease) is taken over with its reference.
        let resumed: Result<Option<(Uuid, Option<String>)>, sqlx::Error> = sqlx::query_as(
            "UPDATE payments.idempotency SET state = 'pending', lease_until = now() + make_interval(secs => $4), updated_at = now()
             WHERE key = $1 AND operation = $2 AND request = $3
               AND (state = 'unknown' OR (state = 'pending' AND lease_until < now()))
             RETURNING payment_id, card_token",
        )
        .bind(ask.key)
        .bind(ask.op.as_str())
        .bind(&ask.request)
        .bind(lease)
        .fetch_optional(ask.pool)
        .await;
        if in_flight(&resumed) {
            return Err(PaymentError::InProgress);
        }
        if let Some((payment_id, card_token)) = resumed? {
            let payment_id = PaymentId::from_uuid(payment_id);
            tracing::warn!(key = %ask.key, %payment_id, "taking over a payment whose outcome is open");
            return Ok(Claim::Owned(Attempt { key: ask.key, payment_id, card_token, resumed: true }));
        }
        let (operation, asked, response): (String, String, Option<Value>) =
            sqlx::query_as("SELECT operation, request, response FROM payments.idempotency WHERE key = $1")
                .bind(ask.key)
                .fetch_one(ask.pool)
                .await?;
        if operation != ask.op.as_str() || asked != ask.request {
            return Err(PaymentError::KeyReused);
        }
        if let Some(answer) = response {
            return Ok(Claim::Answered(answer));
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(PaymentError::InProgress);
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_millis(200));
    }
}

/// Another movement of the same booking's money is in flight.
fn in_flight<T>(result: &Result<T, sqlx::Error>) -> bool {
    matches!(result, Err(sqlx::Error::Database(db)) if db.constraint() == Some(ONE_IN_FLIGHT))
}

fn replay<T: DeserializeOwned>(mut answer: Value) -> Result<T, PaymentError> {
    if let Some(value) = answer.get_mut("ok") {
        return serde_json::from_value(value.take()).map_err(|e| anyhow::Error::new(e).context("a stored payment answer").into());
    }
    let stored: Stored = serde_json::from_value(answer["error"].take()).map_err(|e| anyhow::Error::new(e).context("a stored payment error"))?;
    Err(stored.into())
}

/// A failure as stored for the retries waiting on it.
#[derive(Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
enum Stored {
    Declined,
    InsufficientFunds,
    GatewayError,
    Timeout,
    Unavailable,
    KeyReused,
    InProgress,
    NotPositive,
    WrongCurrency { expected: Currency, given: Currency },
    AlreadyAuthorised,
    NothingHeld,
    NothingToRefund,
    TooMuch { available: Money },
    NoCardOnFile,
    Unexpected,
}

impl From<&PaymentError> for Stored {
    fn from(e: &PaymentError) -> Self {
        match e {
            PaymentError::Declined => Self::Declined,
            PaymentError::InsufficientFunds => Self::InsufficientFunds,
            PaymentError::GatewayError => Self::GatewayError,
            PaymentError::Timeout => Self::Timeout,
            PaymentError::Unavailable => Self::Unavailable,
            PaymentError::KeyReused => Self::KeyReused,
            PaymentError::InProgress => Self::InProgress,
            PaymentError::NotPositive => Self::NotPositive,
            PaymentError::WrongCurrency { expected, given } => Self::WrongCurrency { expected: *expected, given: *given },
            PaymentError::AlreadyAuthorised => Self::AlreadyAuthorised,
            PaymentError::NothingHeld => Self::NothingHeld,
            PaymentError::NothingToRefund => Self::NothingToRefund,
            PaymentError::TooMuch(available) => Self::TooMuch { available: *available },
            PaymentError::NoCardOnFile => Self::NoCardOnFile,
            PaymentError::Unexpected(_) => Self::Unexpected,
        }
    }
}

impl From<Stored> for PaymentError {
    fn from(s: Stored) -> Self {
        match s {
            Stored::Declined => Self::Declined,
            Stored::InsufficientFunds => Self::InsufficientFunds,
            Stored::GatewayError => Self::GatewayError,
            Stored::Timeout => Self::Timeout,
            Stored::Unavailable => Self::Unavailable,
            Stored::KeyReused => Self::KeyReused,
            Stored::InProgress => Self::InProgress,
            Stored::NotPositive => Self::NotPositive,
            Stored::WrongCurrency { expected, given } => Self::WrongCurrency { expected, given },
            Stored::AlreadyAuthorised => Self::AlreadyAuthorised,
            Stored::NothingHeld => Self::NothingHeld,
            Stored::NothingToRefund => Self::NothingToRefund,
            Stored::TooMuch { available } => Self::TooMuch(available),
            Stored::NoCardOnFile => Self::NoCardOnFile,
            Stored::Unexpected => Self::Unexpected(anyhow::anyhow!("the first attempt with this idempotency key failed unexpectedly")),
        }
    }
}
