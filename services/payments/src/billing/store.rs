//! Folios in SQL: the folio row, its postings, and the payments ledger read for the balance.
use super::domain::{Tender, ChargeKind, FolioCharge, FolioPayment, MovementKind};
use chrono::{DateTime, NaiveDate, Utc};
use kernel::{BookingId, Currency, Money, PaymentId, UserId};
use sqlx::PgConnection;
use uuid::Uuid;

/// A folio's owner and currency.
#[derive(Debug, Clone, Copy)]
pub struct FolioHead {
    pub booking_id: BookingId,
    pub user_id: UserId,
    pub currency: Currency,
}

#[derive(sqlx::FromRow)]
struct HeadRow {
    booking_id: Uuid,
    user_id: Uuid,
    currency: String,
}

fn currency(code: &str) -> anyhow::Result<Currency> {
    Currency::parse(code.trim()).ok_or_else(|| anyhow::anyhow!("unknown currency {code}"))
}

impl TryFrom<HeadRow> for FolioHead {
    type Error = anyhow::Error;
    fn try_from(r: HeadRow) -> anyhow::Result<Self> {
        Ok(Self {
            booking_id: BookingId::from_uuid(r.booking_id),
            user_id: UserId::from_uuid(r.user_id),
            currency: currency(&r.currency)?,
        })
    }
}

/// Opens the booking's folio unless it is open already.
pub async fn open(conn: &mut PgConnection, head: FolioHead) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO payments.folios (booking_id, user_id, currency) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(head.booking_id.as_uuid())
        .bind(head.user_id.as_uuid())
        .bind(head.currency.code())
        .execute(conn)
        .await?;
    Ok(())
}

/// The folio, locked until the transaction ends: postings and invoicing take turns.
pub async fn lock(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<Option<FolioHead>> {
    head(conn, booking, "FOR UPDATE").await
}

pub async fn find(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<Option<FolioHead>> {
    head(conn, booking, "").await
}

async fn head(conn: &mut PgConnection, booking: BookingId, lock: &'static str) -> anyhow::Result<Option<FolioHead>> {
    let row: Option<HeadRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT booking_id, user_id, currency FROM payments.folios WHERE booking_id = $1 {lock}"
    )))
    .bind(booking.as_uuid())
    .fetch_optional(conn)
    .await?;
    row.map(FolioHead::try_from).transpose()
}

/// A posting about to be made.
pub struct NewCharge<'a> {
    pub kind: ChargeKind,
    pub night: Option<NaiveDate>,
    pub description: &'a str,
    pub amount: Money,
    pub reverses: Option<Uuid>,
    pub source_event_id: Option<Uuid>,
    pub posted_by: Option<UserId>,
    pub idempotency_key: Option<Uuid>,
    pub credit_note_id: Option<Uuid>,
    /// The catalogue's extra it was posted from.
    pub extra_id: Option<Uuid>,
    /// The posting a VAT line belongs to.
    pub vat_of: Option<Uuid>,
}

const CHARGE_COLUMNS: &str = "id, kind, night, description, amount_minor, currency, reverses, posted_by, posted_at";

#[derive(sqlx::FromRow)]
struct ChargeRow {
    id: Uuid,
    kind: String,
    night: Option<NaiveDate>,
    description: String,
    amount_minor: i64,
    currency: String,
    reverses: Option<Uuid>,
    posted_by: Option<Uuid>,
    posted_at: DateTime<Utc>,
}

impl TryFrom<ChargeRow> for FolioCharge {
    type Error = anyhow::Error;
    fn try_from(r: ChargeRow) -> anyhow::Result<Self> {
        Ok(Self {
            id: r.id,
            kind: ChargeKind::parse(&r.kind).ok_or_else(|| anyhow::anyhow!("charge kind {}", r.kind))?,
            night: r.night,
            description: r.description,
            amount: Money::from_minor(r.amount_minor, currency(&r.currency)?),
            reverses: r.reverses,
            posted_by: r.posted_by.map(UserId::from_uuid),
            posted_at: r.posted_at,
        })
    }
}

/// Posts a charge; `None` when a posting with the same idempotency key is already there.
pub async fn post(conn: &mut PgConnection, booking: BookingId, c: &NewCharge<'_>) -> anyhow::Result<Option<FolioCharge>> {
    let row: Option<ChargeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO payments.folio_charges (id, booking_id, kind, night, description, amount_minor, currency,
             reverses, source_event_id, posted_by, idempotency_key, credit_note_id, extra_id, vat_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (booking_id, idempotency_key) DO NOTHING
         RETURNING {CHARGE_COLUMNS}"
    )))
    .bind(Uuid::new_v4())
    .bind(booking.as_uuid())
    .bind(c.kind.as_str())
    .bind(c.night)
    .bind(c.description)
    .bind(c.amount.minor())
    .bind(c.amount.currency().code())
    .bind(c.reverses)
    .bind(c.source_event_id)
    .bind(c.posted_by.map(|u| u.as_uuid()))
    .bind(c.idempotency_key)
    .bind(c.credit_note_id)
    .bind(c.extra_id)
    .bind(c.vat_of)
    .fetch_optional(conn)
    .await?;
    row.map(FolioCharge::try_from).transpose()
}

pub async fn by_key(conn: &mut PgConnection, booking: BookingId, key: Uuid) -> anyhow::Result<Option<FolioCharge>> {
    let row: Option<ChargeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CHARGE_COLUMNS} FROM payments.folio_charges WHERE booking_id = $1 AND idempotency_key = $2"
    )))
    .bind(booking.as_uuid())
    .bind(key)
    .fetch_optional(conn)
    .await?;
    row.map(FolioCharge::try_from).transpose()
}

pub async fn charge(conn: &mut PgConnection, id: Uuid) -> anyhow::Result<Option<FolioCharge>> {
    let row: Option<ChargeRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {CHARGE_COLUMNS} FROM payments.folio_charges WHERE id = $1")))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(FolioCharge::try_from).transpose()
}

/// Every posting on the folio, in the order posted.
pub async fn postings(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<Vec<FolioCharge>> {
    charges(conn, booking, "").await
}

/// Postings no invoice or credit note covers yet: what changed since the last document.
pub async fn uncovered(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<Vec<FolioCharge>> {
    charges(
        conn,
        booking,
        "AND c.credit_note_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM payments.invoice_charges i WHERE i.charge_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM payments.credit_note_charges n WHERE n.charge_id = c.id)",
    )
    .await
}

async fn charges(conn: &mut PgConnection, booking: BookingId, filter: &'static str) -> anyhow::Result<Vec<FolioCharge>> {
    let rows: Vec<ChargeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CHARGE_COLUMNS} FROM payments.folio_charges c WHERE c.booking_id = $1 {filter} ORDER BY c.seq"
    )))
    .bind(booking.as_uuid())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(FolioCharge::try_from).collect()
}

#[derive(sqlx::FromRow)]
struct PaymentRow {
    id: Uuid,
    kind: String,
    amount_minor: i64,
    currency: String,
    card_last4: Option<String>,
    created_at: DateTime<Utc>,
    cash: bool,
}

/// The booking's succeeded money movements, card and cash, oldest first. The ledger belongs to the payments
/// core of this service; before its table exists there is simply nothing to read.
pub async fn payments(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<Vec<FolioPayment>> {
    let ledger: bool = sqlx::query_scalar("SELECT to_regclass('payments.payments') IS NOT NULL").fetch_one(&mut *conn).await?;
    if !ledger {
        return Ok(Vec::new());
    }
    let rows: Vec<PaymentRow> = sqlx::query_as(
        "SELECT id, kind, amount_minor, currency::text AS currency, card_last4::text AS card_last4, created_at, false AS cash
         FROM payments.payments WHERE booking_id = $1 AND status = 'succeeded'
         UNION ALL
         SELECT id, CASE kind WHEN 'receipt' THEN 'capture' ELSE 'refund' END, amount_minor, currency::text, NULL, created_at, true
         FROM payments.cash_movements WHERE booking_id = $1
         ORDER BY created_at, id",
    )
    .bind(booking.as_uuid())
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(FolioPayment {
                id: PaymentId::from_uuid(r.id),
                kind: MovementKind::parse(&r.kind).ok_or_else(|| anyhow::anyhow!("payment kind {}", r.kind))?,
                amount: Money::from_minor(r.amount_minor, currency(&r.currency)?),
                card_last4: r.card_last4,
                at: r.created_at,
                tender: if r.cash { Tender::Cash } else { Tender::Card },
            })
        })
        .collect()
}

/// Remembers that billing handled `event`; `false` when it already had.
pub async fn first_time(conn: &mut PgConnection, event: Uuid, topic: &str) -> sqlx::Result<bool> {
    let inserted = sqlx::query(
        "INSERT INTO payments.billing_processed_events (event_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(event)
    .bind(topic)
    .execute(conn)
    .await?;
    Ok(inserted.rows_affected() == 1)
}

/// Records that the folio (locked) now stands at booking `version`; `false`, changing nothing,
/// when it has applied that version or a later one already.
pub async fn advance_booking_version(conn: &mut PgConnection, booking: BookingId, version: i64) -> sqlx::Result<bool> {
    let advanced = sqlx::query("UPDATE payments.folios SET booking_version = $2 WHERE booking_id = $1 AND booking_version < $2")
        .bind(booking.as_uuid())
        .bind(version)
        .execute(conn)
        .await?;
    Ok(advanced.rows_affected() == 1)
}
