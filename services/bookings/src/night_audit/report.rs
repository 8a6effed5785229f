//! What a night audit did, kept with it and shown on the manager's page.
use chrono::{DateTime, NaiveDate, Utc};
use kernel::events::NightAuditCompleted;
use kernel::hotel::HOTEL;
use kernel::{BookingId, Money, UserId};
use serde::{Deserialize, Serialize};

/// Who started the audit: its schedule, or a manager on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    Scheduled,
    Manager,
}

impl Trigger {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::Manager => "manager",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Scheduled, Self::Manager].into_iter().find(|t| t.as_str() == s)
    }
}

/// A booking the audit marked as a no-show, and the fee it left the guest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoShowLine {
    pub booking_id: BookingId,
    pub room_number: String,
    pub arrival: NaiveDate,
    pub fee: Money,
}

/// The rooms and room revenue on the books for the stay dates ahead, as snapshotted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickupTotals {
    pub stay_dates: u32,
    pub room_nights: u64,
    pub revenue: Money,
}

impl PickupTotals {
    pub fn none() -> Self {
        Self { stay_dates: 0, room_nights: 0, revenue: Money::zero(HOTEL.currency) }
    }
}

/// The rooms of one type on the night closed: the reports' rooms available.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomCount {
    pub room_type: String,
    pub physical: u32,
    pub out_of_order: u32,
}

/// What the audit of one business date found and did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NightAuditReport {
    pub no_shows: Vec<NoShowLine>,
    pub no_show_fees: Money,
    /// Stays checked in on the night closed.
    pub in_house: u32,
    /// What the nights of those stays cost, before taxes: the night's room revenue.
    pub room_revenue: Money,
    /// In-house stays whose folio does not carry the night closed: each is for a person to look at.
    pub nights_not_on_folio: Vec<String>,
    /// Rooms set to need their stay-over service on the new day.
    pub rooms_for_service: u32,
    pub pickup: PickupTotals,
    /// Per room type, the rooms there were and those out of order.
    #[serde(default)]
    pub rooms: Vec<RoomCount>,
}

/// One audit run, as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct NightAuditRun {
    pub business_date: NaiveDate,
    pub run_by: UserId,
    pub trigger: Trigger,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub report: NightAuditReport,
}

impl NightAuditRun {
    pub(crate) fn event(&self) -> NightAuditCompleted {
        let r = &self.report;
        NightAuditCompleted {
            hotel: HOTEL.code.to_owned(),
            business_date: self.business_date,
            next_business_date: self.business_date + chrono::Duration::days(1),
            trigger: self.trigger.as_str().to_owned(),
            run_by: self.run_by,
            no_shows: r.no_shows.len() as u32,
            no_show_fees: r.no_show_fees.to_decimal_string(),
            in_house: r.in_house,
            room_revenue: r.room_revenue.to_decimal_string(),
            currency: r.room_revenue.currency().code().to_owned(),
            rooms_for_service: r.rooms_for_service,
            pickup_stay_dates: r.pickup.stay_dates,
            started_at: self.started_at,
            finished_at: self.finished_at,
        }
    }
}
