//! What the bookings service publishes when the night audit closes a business date.
use super::*;
use crate::UserId;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The night audit closed `business_date`; the hotel's business date is now `next_business_date`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NightAuditCompleted {
    /// The hotel's code (`kernel::hotel`).
    pub hotel: String,
    pub business_date: NaiveDate,
    pub next_business_date: NaiveDate,
    /// `scheduled` or `manager`.
    pub trigger: String,
    pub run_by: UserId,
    pub no_shows: u32,
    /// Decimal strings (`"120.00"`) in `currency`: never a float on the wire.
    pub no_show_fees: String,
    pub in_house: u32,
    pub room_revenue: String,
    pub currency: String,
    pub rooms_for_service: u32,
    /// Stay dates ahead with rooms on the books, as snapshotted for pickup.
    pub pickup_stay_dates: u32,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
}

impl Event for NightAuditCompleted {
    const TYPE: &'static str = NIGHT_AUDIT_COMPLETED;
    fn key(&self) -> String {
        self.hotel.clone()
    }
}
