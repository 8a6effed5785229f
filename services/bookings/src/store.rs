use crate::{Booking, BookingStatus};
use chrono::{DateTime, NaiveDate, Utc};
use eventbus::OutboxTable;
use kernel::{BookingId, Currency, Money, Party, RoomId, RoomTypeCode, Stay, UserId};
use sqlx::PgConnection;
use uuid::Uuid;

pub const OUTBOX: OutboxTable = OutboxTable("bookings.outbox");
/// The exclusion constraint that makes a double booking impossible.
pub const NO_DOUBLE_BOOKING: &str = "bookings_no_double_booking";
const IDEMPOTENCY: &str = "bookings_idempotency_key";

const COLUMNS: &str = "id, user_id, room_id, room_number, room_type, check_in, check_out, adults, children, \
                       total_minor, currency, status, created_at";

#[derive(sqlx::FromRow)]
struct BookingRow {
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
        })
    }
}

pub enum InsertError {
    RoomTaken,
    DuplicateKey,
    Other(sqlx::Error),
}

pub async fn insert(conn: &mut PgConnection, b: &Booking, idempotency_key: Uuid) -> Result<(), InsertError> {
    let result = sqlx::query(
        "INSERT INTO bookings.bookings (id, user_id, room_id, room_number, room_type, check_in, check_out,
             adults, children, total_minor, currency, status, idempotency_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(b.id.as_uuid())
    .bind(b.user_id.as_uuid())
    .bind(b.room_id.as_uuid())
    .bind(&b.room_number)
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
    .execute(conn)
    .await;
    match result {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(db)) if db.constraint() == Some(NO_DOUBLE_BOOKING) => Err(InsertError::RoomTaken),
        Err(sqlx::Error::Database(db)) if db.constraint() == Some(IDEMPOTENCY) => Err(InsertError::DuplicateKey),
        Err(e) => Err(InsertError::Other(e)),
    }
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

/// Rooms of `room_type` held by a live booking on any night of `stay`.
pub async fn rooms_taken(conn: &mut PgConnection, room_type: &RoomTypeCode, stay: &Stay) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT DISTINCT room_id FROM bookings.bookings
         WHERE room_type = $1 AND status NOT IN ('cancelled', 'no_show')
           AND daterange(check_in, check_out, '[)') && daterange($2, $3, '[)')",
    )
    .bind(room_type.as_str())
    .bind(stay.check_in())
    .bind(stay.check_out())
    .fetch_all(conn)
    .await
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
    let row: Option<BookingRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM bookings.bookings WHERE id = $1")))
            .bind(id.as_uuid())
            .fetch_optional(conn)
            .await?;
    row.map(Booking::try_from).transpose()
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
    let row: Option<BookingRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM bookings.bookings WHERE id = $1 FOR UPDATE")))
            .bind(id.as_uuid())
            .fetch_optional(conn)
            .await?;
    row.map(Booking::try_from).transpose()
}

pub async fn set_status(conn: &mut PgConnection, id: BookingId, status: BookingStatus) -> sqlx::Result<()> {
    sqlx::query("UPDATE bookings.bookings SET status = $2 WHERE id = $1")
        .bind(id.as_uuid())
        .bind(status.as_str())
        .execute(conn)
        .await?;
    Ok(())
}
