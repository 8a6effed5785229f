use crate::{Booking, BookingStatus, CancellationTerms};
use chrono::{DateTime, NaiveDate, Utc};
use eventbus::OutboxTable;
use kernel::{BookingId, Currency, Money, Party, RoomId, RoomTypeCode, Stay, UserId};
use sqlx::PgConnection;
use uuid::Uuid;

pub const OUTBOX: OutboxTable = OutboxTable("bookings.outbox");
/// The exclusion constraint that makes a double booking impossible.
pub const NO_DOUBLE_BOOKING: &str = "bookings_no_double_booking";
const IDEMPOTENCY: &str = "bookings_idempotency_key";
const DEADLOCK_DETECTED: &str = "40P01";

pub(crate) const COLUMNS: &str = "id, user_id, room_id, room_number, room_type, check_in, check_out, adults, children, \
                       total_minor, currency, status, created_at, price_detail, promo_code, free_cancellation_until, \
                       late_cancellation_minor, cancellation_fee_minor";

#[derive(sqlx::FromRow)]
pub(crate) struct BookingRow {
    id: Uuid,
    user_id: Uuid,
    room_id: Uuid,
    room_number: String,
    room_type: String,
    check_in: NaiveDate,
    check_out: NaiveDate,
    adults: i16,
    children: i16,
    total_minor: i64,
    currency: String,
    status: String,
    created_at: DateTime<Utc>,
    price_detail: serde_json::Value,
    promo_code: Option<String>,
    free_cancellation_until: Option<DateTime<Utc>>,
    late_cancellation_minor: i64,
    cancellation_fee_minor: Option<i64>,
}

impl TryFrom<BookingRow> for Booking {
    type Error = anyhow::Error;
    fn try_from(r: BookingRow) -> anyhow::Result<Self> {
        let currency = Currency::parse(r.currency.trim()).ok_or_else(|| anyhow::anyhow!("currency {}", r.currency))?;
        Ok(Booking {
            id: BookingId::from_uuid(r.id),
            user_id: UserId::from_uuid(r.user_id),
            room_id: RoomId::from_uuid(r.room_id),
            room_number: r.room_number,
            room_type: RoomTypeCode::parse(&r.room_type)?,
            stay: Stay::new(r.check_in, r.check_out)?,
            party: Party::new(u8::try_from(r.adults)?, u8::try_from(r.children)?)?,
            total: Money::from_minor(r.total_minor, currency),
            status: BookingStatus::parse(&r.status).ok_or_else(|| anyhow::anyhow!("status {}", r.status))?,
            created_at: r.created_at,
            price: serde_json::from_value(r.price_detail).ok(),
            promo_code: r.promo_code,
            terms: match r.free_cancellation_until {
                Some(free_until) => {
                    CancellationTerms { free_until, late_fee: Money::from_minor(r.late_cancellation_minor, currency) }
                }
                None => CancellationTerms::free(currency),
            },
            cancellation_fee: r.cancellation_fee_minor.map(|m| Money::from_minor(m, currency)),
        })
    }
}

pub enum InsertError {
    RoomTaken,
    DuplicateKey,
    Other(sqlx::Error),
}

/// Inserts `b` into the first of `candidates` (room id, number) free for its stay, and answers
/// which room it got; `Ok(None)` when every candidate is held. A race lost between the check
/// and the insert comes back as [`InsertError::RoomTaken`] from the exclusion constraint.
/// Held until the transaction ends.
pub async fn lock_room_type(conn: &mut PgConnection, room_type: &RoomTypeCode) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('bookings.room_type.' || $1, 0))")
        .bind(room_type.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_into_free_room(
    conn: &mut PgConnection,
    b: &Booking,
    candidates: &[(Uuid, String)],
    idempotency_key: Uuid,
) -> Result<Option<(Uuid, String)>, InsertError> {
    let (ids, numbers): (Vec<Uuid>, Vec<String>) = candidates.iter().cloned().unzip();
    let result = sqlx::query_as(
        "INSERT INTO bookings.bookings (id, user_id, room_id, room_number, room_type, check_in, check_out,
             adults, children, total_minor, currency, status, idempotency_key, created_at, updated_at,
             price_detail, promo_code, free_cancellation_until, late_cancellation_minor)
         SELECT $1, $2, c.id, c.number, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16, $17, $18
         FROM unnest($3::uuid[], $4::text[]) WITH ORDINALITY AS c(id, number, ord)
         WHERE NOT EXISTS (
             SELECT 1 FROM bookings.bookings held
             WHERE held.room_id = c.id AND held.status NOT IN ('cancelled', 'no_show')
               AND daterange(held.check_in, held.check_out, '[)') && daterange($6, $7, '[)'))
         ORDER BY c.ord LIMIT 1
         RETURNING room_id, room_number",
    )
    .bind(b.id.as_uuid())
    .bind(b.user_id.as_uuid())
    .bind(ids)
    .bind(numbers)
    .bind(b.room_type.as_str())
    .bind(b.stay.check_in())
    .bind(b.stay.check_out())
    .bind(i16::from(b.party.adults()))
    .bind(i16::from(b.party.children()))
    .bind(b.total.minor())
    .bind(b.total.currency().code())
    .bind(b.status.as_str())
    .bind(idempotency_key)
    .bind(b.created_at)
    .bind(price_json(b))
    .bind(&b.promo_code)
    .bind(b.terms.free_until)
    .bind(b.terms.late_fee.minor())
    .fetch_optional(conn)
    .await;
    classify(result)
}

/// Moves `b` (already locked) to its new room, dates, party and price. The exclusion
/// constraint refuses a room held by another booking on any of the new nights.
pub async fn update(conn: &mut PgConnection, b: &Booking) -> Result<(), InsertError> {
    let result = sqlx::query(
        "UPDATE bookings.bookings SET room_id = $2, room_number = $3, room_type = $4, check_in = $5, check_out = $6,
             adults = $7, children = $8, total_minor = $9, price_detail = $10, free_cancellation_until = $11,
             late_cancellation_minor = $12, updated_at = now()
         WHERE id = $1",
    )
    .bind(b.id.as_uuid())
    .bind(b.room_id.as_uuid())
    .bind(&b.room_number)
    .bind(b.room_type.as_str())
    .bind(b.stay.check_in())
    .bind(b.stay.check_out())
    .bind(i16::from(b.party.adults()))
    .bind(i16::from(b.party.children()))
    .bind(b.total.minor())
    .bind(price_json(b))
    .bind(b.terms.free_until)
    .bind(b.terms.late_fee.minor())
    .execute(conn)
    .await
    .map(|_| ());
    classify(result)
}

fn price_json(b: &Booking) -> serde_json::Value {
    b.price.as_ref().map(|p| serde_json::to_value(p).expect("a priced stay serializes")).unwrap_or_default()
}

fn classify<T>(result: sqlx::Result<T>) -> Result<T, InsertError> {
    match result {
        Ok(v) => Ok(v),
        Err(sqlx::Error::Database(db)) if db.constraint() == Some(NO_DOUBLE_BOOKING) => Err(InsertError::RoomTaken),
        // Two inserts conflicting on the exclusion constraint can each wait for the other;
        // PostgreSQL then aborts one of them, which lost the room just as if it had waited.
        Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some(DEADLOCK_DETECTED) => Err(InsertError::RoomTaken),
        Err(sqlx::Error::Database(db)) if matches!(db.constraint(), Some(IDEMPOTENCY | "bookings_pkey")) => {
            Err(InsertError::DuplicateKey)
        }
        Err(e) => Err(InsertError::Other(e)),
    }
}

/// The first of `candidates` with no live booking other than `except` on any night of `stay`.
pub async fn first_free(
    conn: &mut PgConnection,
    candidates: &[Uuid],
    stay: &Stay,
    except: BookingId,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "SELECT c.id FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, ord)
         WHERE NOT EXISTS (
             SELECT 1 FROM bookings.bookings held
             WHERE held.room_id = c.id AND held.id <> $4 AND held.status NOT IN ('cancelled', 'no_show')
               AND daterange(held.check_in, held.check_out, '[)') && daterange($2, $3, '[)'))
         ORDER BY c.ord LIMIT 1",
    )
    .bind(candidates)
    .bind(stay.check_in())
    .bind(stay.check_out())
    .bind(except.as_uuid())
    .fetch_optional(conn)
    .await
}

/// Every one of `candidates` with no live booking other than `except` on any night of `stay`,
/// in the order given.
pub async fn all_free(
    conn: &mut PgConnection,
    candidates: &[Uuid],
    stay: &Stay,
    except: BookingId,
) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT c.id FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, ord)
         WHERE NOT EXISTS (
             SELECT 1 FROM bookings.bookings held
             WHERE held.room_id = c.id AND held.id <> $4 AND held.status NOT IN ('cancelled', 'no_show')
               AND daterange(held.check_in, held.check_out, '[)') && daterange($2, $3, '[)'))
         ORDER BY c.ord",
    )
    .bind(candidates)
    .bind(stay.check_in())
    .bind(stay.check_out())
    .bind(except.as_uuid())
    .fetch_all(conn)
    .await
}

pub async fn find_by_key(conn: &mut PgConnection, user: UserId, key: Uuid) -> anyhow::Result<Option<Booking>> {
    let row: Option<BookingRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM bookings.bookings WHERE user_id = $1 AND idempotency_key = $2"
    )))
    .bind(user.as_uuid())
    .bind(key)
    .fetch_optional(conn)
    .await?;
    row.map(Booking::try_from).transpose()
}

/// One page of a guest's bookings, latest arrival first.
pub async fn for_user(conn: &mut PgConnection, user: UserId, limit: i64, offset: i64) -> anyhow::Result<Vec<Booking>> {
    let rows: Vec<BookingRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM bookings.bookings WHERE user_id = $1
         ORDER BY check_in DESC, created_at DESC LIMIT $2 OFFSET $3"
    )))
    .bind(user.as_uuid())
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(Booking::try_from).collect()
}

pub async fn find(conn: &mut PgConnection, id: BookingId) -> anyhow::Result<Option<Booking>> {
    find_by_id(conn, id, "").await
}

/// Rooms of any type held by a live booking on any night of `stay`.
pub async fn rooms_taken_any(conn: &mut PgConnection, stay: &Stay) -> sqlx::Result<std::collections::HashSet<Uuid>> {
    let ids: Vec<Uuid> = sqlx::query_scalar(
        "SELECT DISTINCT room_id FROM bookings.bookings
         WHERE status NOT IN ('cancelled', 'no_show')
           AND daterange(check_in, check_out, '[)') && daterange($1, $2, '[)')",
    )
    .bind(stay.check_in())
    .bind(stay.check_out())
    .fetch_all(conn)
    .await?;
    Ok(ids.into_iter().collect())
}

/// A booking with its row locked until the transaction ends, for a status change.
pub async fn find_for_update(conn: &mut PgConnection, id: BookingId) -> anyhow::Result<Option<Booking>> {
    find_by_id(conn, id, "FOR UPDATE").await
}

async fn find_by_id(conn: &mut PgConnection, id: BookingId, lock: &'static str) -> anyhow::Result<Option<Booking>> {
    let row: Option<BookingRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM bookings.bookings WHERE id = $1 {lock}")))
            .bind(id.as_uuid())
            .fetch_optional(conn)
            .await?;
    row.map(Booking::try_from).transpose()
}

pub async fn set_status(
    conn: &mut PgConnection,
    id: BookingId,
    status: BookingStatus,
    fee: Option<Money>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE bookings.bookings SET status = $2, cancellation_fee_minor = $3, updated_at = now() WHERE id = $1")
        .bind(id.as_uuid())
        .bind(status.as_str())
        .bind(fee.map(|f| f.minor()))
        .execute(conn)
        .await?;
    Ok(())
}

/// The booking's version as the database counts it (see the `bookings_version` trigger): read
/// inside the transaction that changed the row, it is the version the change's event carries.
pub async fn version(conn: &mut PgConnection, id: BookingId) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT version FROM bookings.bookings WHERE id = $1").bind(id.as_uuid()).fetch_one(conn).await
}

/// Ends a stay on `check_out`, earlier than booked: the nights after it are free for others.
pub async fn end_stay(conn: &mut PgConnection, id: BookingId, check_out: NaiveDate) -> sqlx::Result<()> {
    sqlx::query("UPDATE bookings.bookings SET check_out = $2, updated_at = now() WHERE id = $1")
        .bind(id.as_uuid())
        .bind(check_out)
        .execute(conn)
        .await?;
    Ok(())
}
