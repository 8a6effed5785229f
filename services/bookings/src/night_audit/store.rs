use super::{BusinessDate, InHouse, NightAuditReport, NightAuditRun, PickupTotals, Trigger};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use kernel::hotel::HOTEL;
use kernel::{BookingId, Currency, Money, UserId};
use sqlx::PgConnection;
use uuid::Uuid;

pub(super) async fn business_date(conn: &mut PgConnection, today: NaiveDate) -> anyhow::Result<BusinessDate> {
    async fn read(conn: &mut PgConnection) -> sqlx::Result<(Option<NaiveDate>, NaiveTime)> {
        sqlx::query_as("SELECT business_date, night_audit_time FROM bookings.hotel").fetch_one(conn).await
    }
    let (date, night_audit_time) = match read(&mut *conn).await? {
        (Some(date), at) => (date, at),
        (None, _) => {
            // Only when none is set: two instances starting at once agree on the first.
            sqlx::query("UPDATE bookings.hotel SET business_date = $1 WHERE business_date IS NULL")
                .bind(today)
                .execute(&mut *conn)
                .await?;
            match read(conn).await? {
                (Some(date), at) => (date, at),
                (None, _) => anyhow::bail!("bookings.hotel has no business date after setting one"),
            }
        }
    };
    Ok(BusinessDate { date, night_audit_time })
}

/// The open date, locked for this transaction; `None` when another transaction holds it, which
/// only a running audit does.
pub(super) async fn lock_business_date(conn: &mut PgConnection) -> sqlx::Result<Option<BusinessDate>> {
    let row: Option<(Option<NaiveDate>, NaiveTime)> =
        sqlx::query_as("SELECT business_date, night_audit_time FROM bookings.hotel FOR UPDATE SKIP LOCKED")
            .fetch_optional(conn)
            .await?;
    Ok(row.and_then(|(date, night_audit_time)| Some(BusinessDate { date: date?, night_audit_time })))
}

pub(super) async fn not_arrived_by(conn: &mut PgConnection, date: NaiveDate) -> sqlx::Result<Vec<BookingId>> {
    let ids: Vec<Uuid> = sqlx::query_scalar(
        "SELECT id FROM bookings.bookings WHERE status = 'confirmed' AND check_in <= $1 ORDER BY check_in, room_number",
    )
    .bind(date)
    .fetch_all(conn)
    .await?;
    Ok(ids.into_iter().map(BookingId::from_uuid).collect())
}

pub(super) async fn in_house_on(conn: &mut PgConnection, date: NaiveDate) -> anyhow::Result<Vec<InHouse>> {
    let rows: Vec<(Uuid, String, Option<i64>, String)> = sqlx::query_as(
        "SELECT b.id, b.room_number, (n->'amount'->>'minor')::bigint, b.currency \
         FROM bookings.bookings b \
         LEFT JOIN LATERAL jsonb_array_elements(b.price_detail->'nights') n ON (n->>'date')::date = $1 \
         WHERE b.status = 'checked_in' AND daterange(b.check_in, b.check_out, '[)') @> $1 \
         ORDER BY b.room_number",
    )
    .bind(date)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, room_number, minor, currency)| {
            let currency = Currency::parse(currency.trim()).ok_or_else(|| anyhow::anyhow!("currency {currency}"))?;
            Ok(InHouse { booking_id: BookingId::from_uuid(id), room_number, night: minor.map(|m| Money::from_minor(m, currency)) })
        })
        .collect()
}

/// Rooms and room revenue on the books for each stay date after `date`, up to `days` ahead, by
/// room type: stays confirmed or in the house, each night at the price it was sold at.
pub(super) async fn snapshot_pickup(conn: &mut PgConnection, date: NaiveDate, days: i64) -> sqlx::Result<PickupTotals> {
    let (stay_dates, room_nights, revenue): (i64, Option<i64>, Option<i64>) = sqlx::query_as(
        "WITH nights AS ( \
             SELECT (n->>'date')::date AS stay_date, b.room_type, (n->'amount'->>'minor')::bigint AS minor, b.currency \
             FROM bookings.bookings b, jsonb_array_elements(b.price_detail->'nights') n \
             WHERE b.status IN ('confirmed', 'checked_in') \
               AND daterange(b.check_in, b.check_out, '[)') && daterange($1 + 1, $1 + 1 + $2::int, '[)') \
               AND (n->>'date')::date > $1 AND (n->>'date')::date <= $1 + $2::int \
         ), taken AS ( \
             INSERT INTO bookings.pickup_snapshots (taken_on, stay_date, room_type, rooms, revenue_minor, currency) \
             SELECT $1, stay_date, room_type, count(*), sum(minor), min(currency) FROM nights \
             GROUP BY stay_date, room_type \
             ON CONFLICT DO NOTHING \
             RETURNING stay_date, rooms, revenue_minor \
         ) \
         SELECT count(DISTINCT stay_date), sum(rooms)::bigint, sum(revenue_minor)::bigint FROM taken",
    )
    .bind(date)
    .bind(days as i32)
    .fetch_one(conn)
    .await?;
    Ok(PickupTotals {
        stay_dates: stay_dates as u32,
        room_nights: room_nights.unwrap_or(0) as u64,
        revenue: Money::from_minor(revenue.unwrap_or(0), HOTEL.currency),
    })
}

pub(super) async fn keep_report(
    conn: &mut PgConnection,
    date: NaiveDate,
    by: UserId,
    trigger: Trigger,
    started_at: DateTime<Utc>,
    report: &NightAuditReport,
) -> anyhow::Result<NightAuditRun> {
    let finished_at: DateTime<Utc> = sqlx::query_scalar(
        "INSERT INTO bookings.night_audits (business_date, run_by, trigger, started_at, report) \
         VALUES ($1, $2, $3, $4, $5) RETURNING finished_at",
    )
    .bind(date)
    .bind(by.as_uuid())
    .bind(trigger.as_str())
    .bind(started_at)
    .bind(serde_json::to_value(report)?)
    .fetch_one(conn)
    .await?;
    Ok(NightAuditRun { business_date: date, run_by: by, trigger, started_at, finished_at, report: report.clone() })
}

pub(super) async fn keep_rooms(conn: &mut PgConnection, date: NaiveDate, rooms: &[super::RoomCount]) -> sqlx::Result<()> {
    for r in rooms {
        sqlx::query("INSERT INTO bookings.audited_rooms (business_date, room_type, physical, out_of_order) VALUES ($1, $2, $3, $4)")
            .bind(date)
            .bind(&r.room_type)
            .bind(r.physical as i32)
            .bind(r.out_of_order as i32)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub(super) async fn roll(conn: &mut PgConnection, date: NaiveDate) -> anyhow::Result<()> {
    let rolled = sqlx::query("UPDATE bookings.hotel SET business_date = $1 + 1 WHERE business_date = $1")
        .bind(date)
        .execute(conn)
        .await?
        .rows_affected();
    anyhow::ensure!(rolled == 1, "the business date moved from {date} during its audit");
    Ok(())
}

type RunRow = (NaiveDate, Uuid, String, DateTime<Utc>, DateTime<Utc>, serde_json::Value, i64);

pub(super) async fn runs(conn: &mut PgConnection, page: u32, per_page: u32) -> anyhow::Result<(Vec<NightAuditRun>, u64)> {
    let rows: Vec<RunRow> = sqlx::query_as(
        "SELECT business_date, run_by, trigger, started_at, finished_at, report, count(*) OVER () \
         FROM bookings.night_audits ORDER BY business_date DESC LIMIT $1 OFFSET $2",
    )
    .bind(i64::from(per_page))
    .bind(i64::from(page.saturating_sub(1)) * i64::from(per_page))
    .fetch_all(conn)
    .await?;
    let total = rows.first().map_or(0, |r| r.6 as u64);
    let runs = rows
        .into_iter()
        .map(|(business_date, run_by, trigger, started_at, finished_at, report, _)| {
            Ok(NightAuditRun {
                business_date,
                run_by: UserId::from_uuid(run_by),
                trigger: Trigger::parse(&trigger).ok_or_else(|| anyhow::anyhow!("trigger {trigger}"))?,
                started_at,
                finished_at,
                report: serde_json::from_value(report)?,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok((runs, total))
}
