//! One key, one movement of money. The first request claims its key with an insert committed
//! on its own, so every concurrent retry sees the claim at once and waits for the stored answer
//! instead of charging again. A failed attempt moved nothing: a later request may claim its key
//! again, while retries that were already waiting get the failure.
use crate::PaymentError;
use kernel::{Currency, Money};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;
use sqlx::PgPool;
use std::future::Future;
use std::time::Duration;
use uuid::Uuid;

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

/// Runs `work` once per key; `request` describes what was asked (never card data) so a
/// different request under a used key is refused. Waits at most `wait` for a first attempt
/// still in flight.
pub(crate) async fn once<T, W>(pool: &PgPool, key: Uuid, op: Operation, request: String, wait: Duration, work: W) -> Result<T, PaymentError>
where
    T: Serialize + DeserializeOwned,
    W: Future<Output = Result<T, PaymentError>>,
{
    if let Some(answer) = claim(pool, key, op, &request, wait).await? {
        return replay(answer);
    }
    let result = work.await;
    let (state, answer) = match &result {
        Ok(value) => ("succeeded", serde_json::json!({ "ok": value })),
        Err(e) => ("failed", serde_json::json!({ "error": Stored::from(e) })),
    };
    let stored = sqlx::query("UPDATE payments.idempotency SET state = $2, response = $3, updated_at = now() WHERE key = $1 AND state = 'pending'")
        .bind(key)
        .bind(state)
        .bind(answer)
        .execute(pool)
        .await;
    if let Err(e) = stored {
        // The payment itself is recorded; only retries of this key will wait and then be told
        // it is still in progress.
        tracing::error!(error = ?e, %key, "could not store the answer for an idempotency key");
    }
    result
}

/// `None` when this request now owns the key; otherwise the answer stored for it.
async fn claim(pool: &PgPool, key: Uuid, op: Operation, request: &str, wait: Duration) -> Result<Option<Value>, PaymentError> {
    let claimed = sqlx::query("INSERT INTO payments.idempotency (key, operation, request) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING")
        .bind(key)
        .bind(op.as_str())
        .bind(request)
        .execute(pool)
        .await?;
    if claimed.rows_affected() == 1 {
        return Ok(None);
    }
    let retried = sqlx::query(
        "UPDATE payments.idempotency SET operation = $2, request = $3, state = 'pending', response = NULL, updated_at = now()
         WHERE key = $1 AND state = 'failed'",
    )
    .bind(key)
    .bind(op.as_str())
    .bind(request)
    .execute(pool)
    .await?;
    if retried.rows_affected() == 1 {
        return Ok(None);
    }
    let deadline = tokio::time::Instant::now() + wait;
    let mut pause = Duration::from_millis(10);
    loop {
        let (operation, asked, response): (String, String, Option<Value>) =
            sqlx::query_as("SELECT operation, request, response FROM payments.idempotency WHERE key = $1")
                .bind(key)
                .fetch_one(pool)
                .await?;
        if operation != op.as_str() || asked != request {
            return Err(PaymentError::KeyReused);
        }
        if let Some(answer) = response {
            return Ok(Some(answer));
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(PaymentError::InProgress);
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_millis(200));
    }
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
            Stored::Unexpected => Self::Unexpected(anyhow::anyhow!("the first attempt with this idempotency key failed unexpectedly")),
        }
    }
}
