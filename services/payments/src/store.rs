use crate::domain::{CapturePolicy, FailureReason, Payment, PaymentKind, Purpose};
use anyhow::Context;
use chrono::{DateTime, Utc};
use eventbus::OutboxTable;
use kernel::events::{Envelope, PaymentCompleted, PaymentFailed};
use kernel::{BookingId, Currency, EventId, Money, PaymentId, UserId};
use sqlx::PgConnection;
use uuid::Uuid;

pub const OUTBOX: OutboxTable = OutboxTable("payments.outbox");

/// Arbitrary, to keep payments' advisory locks apart from any other service's.
const BOOKING_LOCK_CLASS: i32 = 0x5041_594d;

#[derive(sqlx::FromRow)]
pub(crate) struct Row {
    id: Uuid,
    booking_id: Uuid,
    user_id: Uuid,
    kind: String,
    parent_id: Option<Uuid>,
    failure_code: Option<String>,
    amount_minor: i64,
    currency: String,
    card_last4: Option<String>,
    card_brand: Option<String>,
    gateway_reference: Option<String>,
    created_at: DateTime<Utc>,
    purpose: String,
}

impl TryFrom<Row> for Payment {
    type Error = anyhow::Error;
    fn try_from(r: Row) -> anyhow::Result<Self> {
        let currency = Currency::parse(r.currency.trim()).with_context(|| format!("currency {}", r.currency))?;
        let failure = match r.failure_code {
            Some(code) => Some(FailureReason::parse(&code).with_context(|| format!("failure code {code}"))?),
            None => None,
        };
        Ok(Payment {
            id: PaymentId::from_uuid(r.id),
            booking_id: BookingId::from_uuid(r.booking_id),
            user_id: UserId::from_uuid(r.user_id),
            kind: PaymentKind::parse(&r.kind).with_context(|| format!("payment kind {}", r.kind))?,
            parent_id: r.parent_id.map(PaymentId::from_uuid),
            failure,
            amount: Money::from_minor(r.amount_minor, currency),
            card_last4: r.card_last4,
            card_brand: r.card_brand,
            gateway_reference: r.gateway_reference,
            created_at: r.created_at,
            purpose: Purpose::parse(&r.purpose).with_context(|| format!("payment purpose {}", r.purpose))?,
        })
    }
}

/// Serialises every movement of one booking's money until the transaction ends, so two
/// requests never both spend what one hold has left.
pub async fn lock_booking(conn: &mut PgConnection, booking: BookingId) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock($1, hashtext($2))")
        .bind(BOOKING_LOCK_CLASS)
        .bind(booking.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

pub(crate) const COLUMNS: &str = "id, booking_id, user_id, kind, parent_id, failure_code, amount_minor, currency, card_last4, card_brand,
     gateway_reference, created_at, purpose";

/// A booking's ledger for its stay, oldest first: what follows the booking's due.
pub async fn for_booking(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<Vec<Payment>> {
    ledger(conn, booking, "AND purpose = 'stay'").await
}

/// Every row of a booking's ledger, the desk's folio payments included, oldest first.
pub async fn for_booking_all(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<Vec<Payment>> {
    ledger(conn, booking, "").await
}

async fn ledger(conn: &mut PgConnection, booking: BookingId, filter: &'static str) -> anyhow::Result<Vec<Payment>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM payments.payments WHERE booking_id = $1 {filter} ORDER BY created_at, id"
    )))
    .bind(booking.as_uuid())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(Payment::try_from).collect()
}

/// Adds `p` to the ledger with its `payment.completed` or `payment.failed` event. Call inside
/// the transaction that holds the booking's lock.
pub async fn record(conn: &mut PgConnection, p: &Payment, card_token: Option<&str>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO payments.payments (id, booking_id, user_id, kind, parent_id, status, amount_minor, currency,
             card_token, card_last4, card_brand, gateway_reference, failure_code, failure_message, created_at, purpose)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(p.id.as_uuid())
    .bind(p.booking_id.as_uuid())
    .bind(p.user_id.as_uuid())
    .bind(p.kind.as_str())
    .bind(p.parent_id.map(|id| id.as_uuid()))
    .bind(if p.succeeded() { "succeeded" } else { "failed" })
    .bind(p.amount.minor())
    .bind(p.amount.currency().code())
    .bind(card_token)
    .bind(&p.card_last4)
    .bind(&p.card_brand)
    .bind(&p.gateway_reference)
    .bind(p.failure.map(|f| f.as_str()))
    .bind(p.failure.map(|f| f.message()))
    .bind(p.created_at)
    .bind(p.purpose.as_str())
    .execute(&mut *conn)
    .await
    .with_context(|| format!("recording {} {}", p.kind.as_str(), p.id))?;
    let now = Utc::now();
    match p.failure {
        None => {
            let event = PaymentCompleted {
                payment_id: p.id,
                booking_id: p.booking_id,
                user_id: p.user_id,
                kind: p.kind.as_str().to_owned(),
                amount: p.amount.to_decimal_string(),
                currency: p.amount.currency().code().to_owned(),
                card_last4: p.card_last4.clone(),
                timestamp: p.created_at,
            };
            eventbus::enqueue(conn, OUTBOX, &Envelope::new(event, now)).await?;
        }
        Some(reason) => {
            let event = PaymentFailed {
                payment_id: p.id,
                booking_id: p.booking_id,
                user_id: p.user_id,
                kind: p.kind.as_str().to_owned(),
                amount: p.amount.to_decimal_string(),
                currency: p.amount.currency().code().to_owned(),
                card_last4: p.card_last4.clone(),
                reason: reason.as_str().to_owned(),
                message: reason.message(),
                timestamp: p.created_at,
            };
            eventbus::enqueue(conn, OUTBOX, &Envelope::new(event, now)).await?;
        }
    }
    Ok(())
}

pub async fn capture_policy(conn: &mut PgConnection) -> anyhow::Result<CapturePolicy> {
    let policy: String = sqlx::query_scalar("SELECT capture_at FROM payments.settings").fetch_one(conn).await?;
    CapturePolicy::parse(&policy).with_context(|| format!("capture policy {policy}"))
}

pub async fn set_capture_policy(conn: &mut PgConnection, policy: CapturePolicy) -> sqlx::Result<()> {
    sqlx::query("UPDATE payments.settings SET capture_at = $1, updated_at = now()")
        .bind(policy.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn is_processed(conn: &mut PgConnection, event: EventId) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM payments.processed_events WHERE event_id = $1)")
        .bind(event.as_uuid())
        .fetch_one(conn)
        .await
}

pub async fn mark_processed(conn: &mut PgConnection, event: EventId, topic: &str) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO payments.processed_events (event_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(event.as_uuid())
        .bind(topic)
        .execute(conn)
        .await?;
    Ok(())
}

/// One payment by its id (the gateway reference of its request).
pub async fn payment(conn: &mut PgConnection, id: PaymentId) -> anyhow::Result<Option<Payment>> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM payments.payments WHERE id = $1")))
    .bind(id.as_uuid())
    .fetch_optional(conn)
    .await?;
    row.map(Payment::try_from).transpose()
}

/// A card as the gateway keeps it for this hotel: its token, and what a person may see of it.
#[derive(Debug, Clone)]
pub struct KeptCard {
    pub token: String,
    pub last4: String,
    pub brand: String,
}

impl KeptCard {
    pub fn of(card: &crate::CardDetails, token: String) -> Self {
        let number = card.number();
        Self { token, last4: number.last4().to_owned(), brand: number.brand().as_str().to_owned() }
    }
}

/// The card of the booking's latest succeeded hold, to hold more on it when the stay grows.
pub async fn kept_card(conn: &mut PgConnection, booking: BookingId) -> sqlx::Result<Option<KeptCard>> {
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT card_token, card_last4, card_brand FROM payments.payments
         WHERE booking_id = $1 AND kind = 'authorisation' AND status = 'succeeded' AND card_token IS NOT NULL
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(booking.as_uuid())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(token, last4, brand)| KeptCard { token, last4, brand }))
}

/// What a booking should cost now, as of the bookings service's event `version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub booking: BookingId,
    pub amount: Money,
    pub version: i64,
    /// Set by the first hold only; later dues keep it.
    pub capture_at: Option<CapturePolicy>,
}

/// Keeps `due` unless a later version is already known; answers whether it was kept.
pub async fn set_due(conn: &mut PgConnection, due: &Due) -> sqlx::Result<bool> {
    let kept = sqlx::query(
        "INSERT INTO payments.booking_dues (booking_id, due_minor, currency, version, capture_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (booking_id) DO UPDATE SET due_minor = EXCLUDED.due_minor, currency = EXCLUDED.currency,
             version = EXCLUDED.version, updated_at = now(),
             capture_at = COALESCE(payments.booking_dues.capture_at, EXCLUDED.capture_at)
         WHERE payments.booking_dues.version < EXCLUDED.version",
    )
    .bind(due.booking.as_uuid())
    .bind(due.amount.minor())
    .bind(due.amount.currency().code())
    .bind(due.version)
    .bind(due.capture_at.map(CapturePolicy::as_str))
    .execute(conn)
    .await?;
    Ok(kept.rows_affected() == 1)
}

/// What the booking is due now: as the bookings service said, less what the desk gave back of
/// the stay's money.
pub async fn due(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<Option<Due>> {
    let row: Option<(i64, String, i64, Option<String>)> =
        sqlx::query_as(
            "SELECT GREATEST(due_minor - credited_minor, 0), currency, version, capture_at FROM payments.booking_dues WHERE booking_id = $1",
        )
            .bind(booking.as_uuid())
            .fetch_optional(conn)
            .await?;
    row.map(|(minor, currency, version, capture_at)| {
        let currency = Currency::parse(currency.trim()).with_context(|| format!("currency {currency}"))?;
        let capture_at = capture_at.as_deref().map(|p| CapturePolicy::parse(p).with_context(|| format!("capture policy {p}"))).transpose()?;
        Ok(Due { booking, amount: Money::from_minor(minor, currency), version, capture_at })
    })
    .transpose()
}

/// Records that the desk gave back `amount` of the stay's own money: the stay is due that less.
pub async fn credit_due(conn: &mut PgConnection, booking: BookingId, amount: Money) -> anyhow::Result<()> {
    let done = sqlx::query("UPDATE payments.booking_dues SET credited_minor = credited_minor + $2, updated_at = now() WHERE booking_id = $1")
        .bind(booking.as_uuid())
        .bind(amount.minor())
        .execute(conn)
        .await?;
    anyhow::ensure!(done.rows_affected() == 1, "booking {booking} has no due to credit");
    Ok(())
}
