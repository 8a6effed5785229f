//! Invoices, credit notes and their numbering in SQL.
use super::invoice::{CreditNote, Invoice, InvoiceLine, Series};
use chrono::{DateTime, Utc};
use kernel::{BookingId, CreditNoteId, Currency, InvoiceId, Money, PaymentId, UserId};
use sqlx::PgConnection;
use uuid::Uuid;

/// The next number of `series` for `hotel` and `year`, from a counter row locked until the
/// transaction ends: concurrent issuers wait their turn, and a rollback gives the number back.
pub async fn next_sequence(conn: &mut PgConnection, series: Series, hotel: &str, year: i32) -> sqlx::Result<i32> {
    sqlx::query("INSERT INTO payments.document_counters (series, hotel, year) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(series.as_str())
        .bind(hotel)
        .bind(year)
        .execute(&mut *conn)
        .await?;
    let last: i32 = sqlx::query_scalar(
        "SELECT last FROM payments.document_counters WHERE series = $1 AND hotel = $2 AND year = $3 FOR UPDATE",
    )
    .bind(series.as_str())
    .bind(hotel)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    let next = last + 1;
    sqlx::query("UPDATE payments.document_counters SET last = $4 WHERE series = $1 AND hotel = $2 AND year = $3")
        .bind(series.as_str())
        .bind(hotel)
        .bind(year)
        .bind(next)
        .execute(conn)
        .await?;
    Ok(next)
}

/// Stores `invoice` and marks `charges` as invoiced by it.
pub async fn insert_invoice(
    conn: &mut PgConnection,
    invoice: &Invoice,
    hotel: &str,
    (year, sequence): (i32, i32),
    charges: &[Uuid],
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO payments.invoices (id, hotel, year, sequence, number, booking_id, user_id, currency, lines,
             vat_minor, city_tax_minor, total_minor, issued_by, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(invoice.id.as_uuid())
    .bind(hotel)
    .bind(year)
    .bind(sequence)
    .bind(&invoice.number)
    .bind(invoice.booking_id.as_uuid())
    .bind(invoice.user_id.as_uuid())
    .bind(invoice.currency.code())
    .bind(serde_json::to_value(&invoice.lines)?)
    .bind(invoice.vat.minor())
    .bind(invoice.city_tax.minor())
    .bind(invoice.total.minor())
    .bind(invoice.issued_by.as_uuid())
    .bind(invoice.issued_at)
    .execute(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO payments.invoice_charges (charge_id, invoice_id) SELECT unnest($1::uuid[]), $2")
        .bind(charges)
        .bind(invoice.id.as_uuid())
        .execute(conn)
        .await?;
    Ok(())
}

const INVOICE_COLUMNS: &str = "id, number, booking_id, user_id, currency::text AS currency, lines, vat_minor, \
                               city_tax_minor, total_minor, issued_by, issued_at";

#[derive(sqlx::FromRow)]
struct InvoiceRow {
    id: Uuid,
    number: String,
    booking_id: Uuid,
    user_id: Uuid,
    currency: String,
    lines: serde_json::Value,
    vat_minor: i64,
    city_tax_minor: i64,
    total_minor: i64,
    issued_by: Uuid,
    issued_at: DateTime<Utc>,
}

fn currency(code: &str) -> anyhow::Result<Currency> {
    Currency::parse(code.trim()).ok_or_else(|| anyhow::anyhow!("unknown currency {code}"))
}

impl TryFrom<InvoiceRow> for Invoice {
    type Error = anyhow::Error;
    fn try_from(r: InvoiceRow) -> anyhow::Result<Self> {
        let c = currency(&r.currency)?;
        let lines: Vec<InvoiceLine> = serde_json::from_value(r.lines)?;
        Ok(Self {
            id: InvoiceId::from_uuid(r.id),
            number: r.number,
            booking_id: BookingId::from_uuid(r.booking_id),
            user_id: UserId::from_uuid(r.user_id),
            currency: c,
            lines,
            vat: Money::from_minor(r.vat_minor, c),
            city_tax: Money::from_minor(r.city_tax_minor, c),
            total: Money::from_minor(r.total_minor, c),
            issued_by: UserId::from_uuid(r.issued_by),
            issued_at: r.issued_at,
        })
    }
}

pub async fn invoice(conn: &mut PgConnection, id: InvoiceId) -> anyhow::Result<Option<Invoice>> {
    let row: Option<InvoiceRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {INVOICE_COLUMNS} FROM payments.invoices WHERE id = $1")))
            .bind(id.as_uuid())
            .fetch_optional(conn)
            .await?;
    row.map(Invoice::try_from).transpose()
}

/// The booking's invoices, oldest first.
pub async fn invoices_for(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<Vec<Invoice>> {
    let rows: Vec<InvoiceRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {INVOICE_COLUMNS} FROM payments.invoices WHERE booking_id = $1 ORDER BY issued_at, year, sequence"
    )))
    .bind(booking.as_uuid())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(Invoice::try_from).collect()
}

pub async fn invoice_ids(conn: &mut PgConnection, booking: BookingId) -> sqlx::Result<Vec<InvoiceId>> {
    let ids: Vec<Uuid> =
        sqlx::query_scalar("SELECT id FROM payments.invoices WHERE booking_id = $1 ORDER BY issued_at, year, sequence")
            .bind(booking.as_uuid())
            .fetch_all(conn)
            .await?;
    Ok(ids.into_iter().map(InvoiceId::from_uuid).collect())
}

/// What invoices for the booking add up to, less what credit notes gave back.
pub async fn creditable(conn: &mut PgConnection, booking: BookingId) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT (SELECT coalesce(sum(total_minor), 0) FROM payments.invoices WHERE booking_id = $1)::bigint
              - (SELECT coalesce(sum(amount_minor), 0) FROM payments.credit_notes WHERE booking_id = $1)::bigint",
    )
    .bind(booking.as_uuid())
    .fetch_one(conn)
    .await
}

/// Stores `note`, documenting `covers`: postings made since the invoice that it corrects.
pub async fn insert_credit_note(
    conn: &mut PgConnection,
    note: &CreditNote,
    hotel: &str,
    (year, sequence): (i32, i32),
    covers: &[Uuid],
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO payments.credit_notes (id, hotel, year, sequence, number, invoice_id, booking_id, user_id, currency,
             amount_minor, reason, payment_id, issued_by, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(note.id.as_uuid())
    .bind(hotel)
    .bind(year)
    .bind(sequence)
    .bind(&note.number)
    .bind(note.invoice_id.as_uuid())
    .bind(note.booking_id.as_uuid())
    .bind(note.user_id.as_uuid())
    .bind(note.amount.currency().code())
    .bind(note.amount.minor())
    .bind(&note.reason)
    .bind(note.payment_id.map(|p| p.as_uuid()))
    .bind(note.issued_by.map(|u| u.as_uuid()))
    .bind(note.issued_at)
    .execute(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO payments.credit_note_charges (charge_id, credit_note_id) SELECT unnest($1::uuid[]), $2")
        .bind(covers)
        .bind(note.id.as_uuid())
        .execute(conn)
        .await?;
    Ok(())
}

const NOTE_COLUMNS: &str = "n.id, n.number, n.invoice_id, i.number AS invoice_number, n.booking_id, n.user_id, \
                            n.currency::text AS currency, n.amount_minor, n.reason, n.payment_id, n.issued_by, n.issued_at";

#[derive(sqlx::FromRow)]
struct NoteRow {
    id: Uuid,
    number: String,
    invoice_id: Uuid,
    invoice_number: String,
    booking_id: Uuid,
    user_id: Uuid,
    currency: String,
    amount_minor: i64,
    reason: String,
    payment_id: Option<Uuid>,
    issued_by: Option<Uuid>,
    issued_at: DateTime<Utc>,
}

impl TryFrom<NoteRow> for CreditNote {
    type Error = anyhow::Error;
    fn try_from(r: NoteRow) -> anyhow::Result<Self> {
        Ok(Self {
            id: CreditNoteId::from_uuid(r.id),
            number: r.number,
            invoice_id: InvoiceId::from_uuid(r.invoice_id),
            invoice_number: r.invoice_number,
            booking_id: BookingId::from_uuid(r.booking_id),
            user_id: UserId::from_uuid(r.user_id),
            amount: Money::from_minor(r.amount_minor, currency(&r.currency)?),
            reason: r.reason,
            payment_id: r.payment_id.map(PaymentId::from_uuid),
            issued_by: r.issued_by.map(UserId::from_uuid),
            issued_at: r.issued_at,
        })
    }
}

async fn notes(conn: &mut PgConnection, filter: &'static str, id: Uuid) -> anyhow::Result<Vec<CreditNote>> {
    let rows: Vec<NoteRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {NOTE_COLUMNS} FROM payments.credit_notes n JOIN payments.invoices i ON i.id = n.invoice_id
         WHERE {filter} = $1 ORDER BY n.issued_at, n.year, n.sequence"
    )))
    .bind(id)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(CreditNote::try_from).collect()
}

pub async fn credit_note(conn: &mut PgConnection, id: CreditNoteId) -> anyhow::Result<Option<CreditNote>> {
    Ok(notes(conn, "n.id", id.as_uuid()).await?.pop())
}

pub async fn credit_notes_for(conn: &mut PgConnection, booking: BookingId) -> anyhow::Result<Vec<CreditNote>> {
    notes(conn, "n.booking_id", booking.as_uuid()).await
}

pub async fn credit_note_for_payment(conn: &mut PgConnection, payment: PaymentId) -> anyhow::Result<Option<CreditNote>> {
    Ok(notes(conn, "n.payment_id", payment.as_uuid()).await?.pop())
}
