//! The manager's office as its pages show it.
use chrono::NaiveDate;
use kernel::Money;
use serde::{Deserialize, Serialize};

/// The business date, whether its night audit may run now, and the audits run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NightAuditPageView {
    pub business_date: NaiveDate,
    /// The hotel's calendar date now.
    pub calendar_date: NaiveDate,
    /// `HH:MM`, hotel time, on the day after the business date.
    pub night_audit_time: String,
    /// Why it cannot run now, when it cannot.
    pub not_yet: Option<String>,
    pub runs: Vec<NightAuditRunView>,
    pub total: u64,
    /// From 0, as the pager counts.
    pub page: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NightAuditRunView {
    pub business_date: NaiveDate,
    /// The manager's name, or "schedule".
    pub run_by: String,
    pub scheduled: bool,
    /// The hotel's local time, `YYYY-MM-DD HH:MM`.
    pub finished: String,
    pub took_ms: i64,
    pub no_shows: Vec<NoShowView>,
    pub no_show_fees: Money,
    pub in_house: u32,
    pub room_revenue: Money,
    /// Rooms whose in-house stay's folio lacks the night.
    pub nights_not_on_folio: Vec<String>,
    pub rooms_for_service: u32,
    pub pickup_stay_dates: u32,
    pub pickup_room_nights: u64,
    pub pickup_revenue: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoShowView {
    pub booking_id: String,
    pub room_number: String,
    pub arrival: NaiveDate,
    pub fee: Money,
}
