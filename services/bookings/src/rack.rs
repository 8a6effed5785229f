//! The stays a room rack shows: every booking holding a room on a night of a window, or leaving
//! on its first day (a departure still fills the morning of that day).
use crate::store::{BookingRow, COLUMNS};
use crate::{Booking, BookingError, BookingsService};
use chrono::Days;
use kernel::{RoomId, Stay};

impl BookingsService {
    /// Bookings in a room on any day of `window` (cancelled ones and no-shows hold none), by room
    /// then arrival; only those in `rooms` when given. One query, on the live-stay index: the
    /// window starts a day early so that stays ending on its first day are found by the same
    /// range test the index holds.
    #[tracing::instrument(skip(self, rooms), fields(rooms = rooms.map(<[RoomId]>::len)))]
    pub async fn stays_on_rack(
        &self,
        window: Stay,
        rooms: Option<&[RoomId]>,
    ) -> Result<Vec<Booking>, BookingError> {
        let rooms: Option<Vec<uuid::Uuid>> =
            rooms.map(|ids| ids.iter().map(|id| id.as_uuid()).collect());
        let rows: Vec<BookingRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM bookings.bookings
             WHERE status NOT IN ('cancelled', 'no_show')
               AND daterange(check_in, check_out, '[)') && daterange($1, $2, '[)')
               AND ($3::uuid[] IS NULL OR room_id = ANY($3))
             ORDER BY room_number, check_in"
        )))
        .bind(window.check_in() - Days::new(1))
        .bind(window.check_out())
        .bind(&rooms)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(Booking::try_from)
            .collect::<anyhow::Result<_>>()?)
    }
}

impl BookingsService {
    /// How many live stays (booked or in house, not checked out) hold `room` for a night from
    /// `from` on: while any does, the room keeps its number and type and stays in the inventory.
    #[tracing::instrument(skip(self))]
    pub async fn stays_ahead_in(&self, room: RoomId, from: chrono::NaiveDate) -> Result<i64, BookingError> {
        Ok(sqlx::query_scalar(
            "SELECT count(*) FROM bookings.bookings
             WHERE room_id = $1 AND status IN ('pending', 'confirmed', 'checked_in')
               AND daterange(check_in, check_out, '[)') && daterange($2, NULL, '[)')",
        )
        .bind(room.as_uuid())
        .bind(from)
        .fetch_one(self.pool())
        .await?)
    }
}
