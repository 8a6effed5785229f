//! The front desk's lists for one hotel day: who arrives, who is in the house, who leaves.
use crate::store::{BookingRow, COLUMNS};
use crate::{Booking, BookingError, BookingsService};
use chrono::NaiveDate;
use kernel::{RoomId, UserId};

/// One of the day's three lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayList {
    /// Arriving that day: still to check in, or already in.
    Arrivals,
    /// Checked in and staying that night or leaving that day.
    InHouse,
    /// Leaving that day: still in, or already gone.
    Departures,
}

impl DayList {
    pub const ALL: [DayList; 3] = [DayList::Arrivals, DayList::InHouse, DayList::Departures];

    fn condition(self) -> &'static str {
        match self {
            DayList::Arrivals => "check_in = $1 AND status IN ('confirmed', 'checked_in')",
            DayList::InHouse => "status = 'checked_in' AND check_in <= $1 AND check_out >= $1",
            DayList::Departures => "check_out = $1 AND status IN ('checked_in', 'checked_out')",
        }
    }
}

/// The order a list is shown in; each ends on the booking id so pages never overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DaySort {
    #[default]
    Room,
    Arrival,
    Departure,
    Booked,
}

impl DaySort {
    fn order(self) -> &'static str {
        match self {
            DaySort::Room => "room_number, id",
            DaySort::Arrival => "check_in, room_number, id",
            DaySort::Departure => "check_out, room_number, id",
            DaySort::Booked => "created_at DESC, id",
        }
    }
}

/// Narrows a list to some guests (found by name or email in the users service) or to the
/// bookings whose reference starts with the text typed.
#[derive(Debug, Clone, Default)]
pub struct DayFilter {
    pub guests: Vec<UserId>,
    pub reference: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DayQuery {
    pub date: NaiveDate,
    pub list: DayList,
    pub filter: Option<DayFilter>,
    pub sort: DaySort,
    pub page: u32,
    pub per_page: u32,
}

#[derive(Debug, Clone)]
pub struct DayPage {
    pub bookings: Vec<Booking>,
    /// All the list holds under the filter, over every page.
    pub total: u64,
}

/// The bind values of a query's filter: guests, and a reference prefix.
fn filter_binds(q: &DayQuery) -> (Option<Vec<uuid::Uuid>>, Option<String>) {
    match &q.filter {
        Some(f) => (
            Some(f.guests.iter().map(|g| g.as_uuid()).collect()),
            f.reference
                .as_ref()
                .map(|r| format!("{}%", r.to_lowercase())),
        ),
        None => (None, None),
    }
}

const FILTER: &str =
    "($2::uuid[] IS NULL OR user_id = ANY($2) OR ($3::text IS NOT NULL AND id::text LIKE $3))";

impl BookingsService {
    /// One page of one of the day's lists.
    #[tracing::instrument(skip(self))]
    pub async fn day_list(&self, q: &DayQuery) -> Result<DayPage, BookingError> {
        let per_page = q.per_page.clamp(1, 100) as i64;
        let (guests, reference) = filter_binds(q);
        let mut conn = self.pool().acquire().await?;
        let rows: Vec<BookingRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM bookings.bookings WHERE {} AND {FILTER} ORDER BY {} LIMIT $4 OFFSET $5",
            q.list.condition(),
            q.sort.order()
        )))
        .bind(q.date)
        .bind(&guests)
        .bind(&reference)
        .bind(per_page)
        .bind(i64::from(q.page) * per_page)
        .fetch_all(&mut *conn)
        .await
        .map_err(anyhow::Error::from)?;
        drop(conn);
        let bookings = rows
            .into_iter()
            .map(Booking::try_from)
            .collect::<anyhow::Result<_>>()?;
        Ok(DayPage {
            bookings,
            total: self.day_count(q).await?,
        })
    }

    /// Every booking on any of the day's three lists, in one read (through the stay index, not
    /// a scan per list and page): what housekeeping's board needs of the front desk. Only those
    /// of `rooms` when they are named.
    #[tracing::instrument(skip(self, rooms))]
    pub async fn on_day(&self, date: NaiveDate, rooms: Option<&[RoomId]>) -> Result<Vec<Booking>, BookingError> {
        let lists = DayList::ALL.map(|l| format!("({})", l.condition())).join(" OR ");
        let rows: Vec<BookingRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM bookings.bookings \
             WHERE status NOT IN ('cancelled', 'no_show') \
               AND daterange(check_in, check_out, '[)') && daterange($1::date - 1, $1::date, '[]') \
               AND ({lists}) AND ($2::uuid[] IS NULL OR room_id = ANY($2)) \
             ORDER BY room_number, id"
        )))
        .bind(date)
        .bind(rooms.map(|r| r.iter().map(RoomId::as_uuid).collect::<Vec<_>>()))
        .fetch_all(self.pool())
        .await
        .map_err(anyhow::Error::from)?;
        Ok(rows.into_iter().map(Booking::try_from).collect::<anyhow::Result<_>>()?)
    }

    /// How many bookings the query's list holds under its filter, over every page.
    pub async fn day_count(&self, q: &DayQuery) -> Result<u64, BookingError> {
        let (guests, reference) = filter_binds(q);
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT count(*) FROM bookings.bookings WHERE {} AND {FILTER}",
            q.list.condition()
        )))
        .bind(q.date)
        .bind(&guests)
        .bind(&reference)
        .fetch_one(self.pool())
        .await
        .map_err(anyhow::Error::from)?;
        Ok(total as u64)
    }
}
