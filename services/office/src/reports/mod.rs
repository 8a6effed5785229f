//! The revenue manager's report: occupancy, ADR, RevPAR, TRevPAR, room and other revenue, ALOS,
//! cancellations and no-shows over any range by day, week or month and by room type, and pickup
//! from the night audits' snapshots. Every figure comes from whole counts and cents (`figures`).
mod chart;
mod csv;
mod figures;
mod nights;
mod period;

pub use chart::occupancy_svg;
pub use csv::to_csv;
pub use figures::{Counts, Figures};
pub use period::{Grain, Span};

use crate::Office;
use chrono::{Duration, NaiveDate};
use kernel::hotel::HOTEL;
use kernel::{Currency, RoomTypeCode};

/// The longest range, by day: five years.
pub const MAX_NIGHTS: i64 = 5 * 366;
/// Pickup compares with the snapshot of this many days ago unless asked otherwise.
pub const PICKUP_DAYS: i64 = 7;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportQuery {
    /// The first and last nights reported.
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub grain: Grain,
    pub room_type: Option<RoomTypeCode>,
    pub pickup_days: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A field of the query is wrong: `field` names it.
    #[error("{message}")]
    Invalid { field: &'static str, message: String },
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl ReportQuery {
    pub fn check(&self) -> Result<(), ReportError> {
        let invalid = |field, message: &str| Err(ReportError::Invalid { field, message: message.to_owned() });
        if self.last < self.first {
            return invalid("last", "the last night comes before the first");
        }
        if (self.last - self.first).num_days() >= MAX_NIGHTS {
            return invalid("last", "a report covers at most five years");
        }
        if !(1..=365).contains(&self.pickup_days) {
            return invalid("pickup_days", "pickup compares with 1 to 365 days ago");
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub span: Span,
    pub figures: Figures,
}

/// Rooms and room revenue on the books for the future nights of a period, now and then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickupRow {
    pub span: Span,
    pub rooms_now: i64,
    pub rooms_then: i64,
    pub revenue_now_minor: i64,
    pub revenue_then_minor: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pickup {
    /// The night audit whose snapshot is "then"; `None` when it has not run (no snapshot).
    pub taken_on: NaiveDate,
    pub snapshot_exists: bool,
    pub rows: Vec<PickupRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub query: ReportQuery,
    pub currency: Currency,
    pub rows: Vec<Row>,
    pub total: Figures,
    /// For the range's nights from today on; `None` when the range is all in the past.
    pub pickup: Option<Pickup>,
}

impl Office {
    pub async fn report(&self, query: ReportQuery) -> Result<Report, ReportError> {
        query.check()?;
        let currency = HOTEL.currency;
        let nightly = nights::counted(self, &query).await?;
        let spans = period::spans(query.grain, query.first, query.last);
        let mut total = Counts { other_revenue_minor: query.room_type.is_none().then_some(0), ..Counts::default() };
        let rows = spans
            .into_iter()
            .map(|span| {
                let mut counts = Counts { other_revenue_minor: query.room_type.is_none().then_some(0), ..Counts::default() };
                for night in nights::of(&span) {
                    if let Some(c) = nightly.get(&night) {
                        counts.add(c);
                    }
                }
                total.add(&counts);
                Row { span, figures: Figures::of(counts, currency) }
            })
            .collect();
        let pickup = self.pickup(&query).await?;
        Ok(Report { total: Figures::of(total, currency), query, currency, rows, pickup })
    }

    async fn pickup(&self, query: &ReportQuery) -> Result<Option<Pickup>, ReportError> {
        let today = self.bookings.today();
        let first = query.first.max(today);
        if first > query.last {
            return Ok(None);
        }
        let to = query.last + Duration::days(1);
        let taken_on = today - Duration::days(query.pickup_days);
        let type_ = query.room_type.as_ref();
        let now = self.bookings.nights_sold(first, to, type_).await?;
        let then = self.bookings.pickup_snapshot(taken_on, first, to, type_).await?;
        let snapshot_exists = !then.is_empty() || self.bookings.night_audits_on(taken_on).await?;
        let rows = period::spans(query.grain, first, query.last)
            .into_iter()
            .map(|span| {
                let (rooms_now, revenue_now_minor) = within(&now, &span);
                let (rooms_then, revenue_then_minor) = within(&then, &span);
                PickupRow { span, rooms_now, rooms_then, revenue_now_minor, revenue_then_minor }
            })
            .collect();
        Ok(Some(Pickup { taken_on, snapshot_exists, rows }))
    }
}

/// Rooms and revenue of the nights of `span`, over every room type.
fn within(nights: &bookings::statistics::ByNight<bookings::statistics::NightSold>, span: &Span) -> (i64, i64) {
    nights
        .range((span.first, String::new())..)
        .take_while(|((night, _), _)| *night <= span.last)
        .fold((0, 0), |(rooms, revenue), (_, sold)| (rooms + sold.rooms, revenue + sold.revenue_minor))
}
