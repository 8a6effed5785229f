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

/// The report as the page shows it; the CSV carries the same figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// `day`, `week` or `month`.
    pub by: String,
    /// The room type's code, or empty for all.
    pub room_type: String,
    pub pickup_days: i64,
    /// Every room type as (code, name), for the filter.
    pub room_types: Vec<(String, String)>,
    /// One page of the periods.
    pub rows: Vec<ReportRowView>,
    pub periods: u64,
    /// From 0, as the pager counts.
    pub page: u32,
    pub total: ReportRowView,
    /// The occupancy of every period, as SVG drawn on the server.
    pub chart_svg: String,
    pub pickup: Option<PickupView>,
    /// Where the CSV of exactly these figures is.
    pub csv_href: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRowView {
    pub label: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub rooms_available: i64,
    pub rooms_sold: i64,
    /// Percent with two decimals; empty when no room was available.
    pub occupancy: String,
    pub room_revenue: Money,
    /// `None` for one room type: extras are not kept by room type.
    pub other_revenue: Option<Money>,
    pub adr: Option<Money>,
    pub revpar: Option<Money>,
    pub trevpar: Option<Money>,
    pub arrivals: i64,
    pub alos: String,
    pub cancellations: i64,
    pub no_shows: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickupView {
    pub taken_on: NaiveDate,
    pub snapshot_exists: bool,
    pub rows: Vec<PickupRowView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickupRowView {
    pub label: String,
    pub rooms_now: i64,
    pub rooms_then: i64,
    pub revenue_now: Money,
    pub revenue_then: Money,
}

/// One of the hotel's extras, as the catalogue page lists and edits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtraView {
    pub id: String,
    pub code: String,
    pub name: String,
    /// What the guest pays, VAT included.
    pub price: Money,
    /// The VAT rate in percent as typed, e.g. `19` or `7.5`.
    pub vat_percent: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtrasPageView {
    pub extras: Vec<ExtraView>,
    pub total: u64,
    /// From 0, as the pager counts.
    pub page: u32,
}

/// One email template: an event's message in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateView {
    pub event: String,
    /// What the event is, in words: "Booking confirmed".
    pub title: String,
    pub language: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// The variables the message can use, with the sample values a preview shows.
    pub variables: Vec<(String, String)>,
}

/// A draft rendered with the sample data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewView {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Whom a test was sent to, when one was.
    pub sent_to: Option<String>,
}

/// One feature of a room or room type: `("balcony", "yes", "yes/no")`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureView {
    pub key: String,
    pub value: String,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomTypeAdminView {
    pub code: String,
    pub name: String,
    pub description: String,
    pub max_adults: u8,
    pub max_children: u8,
    pub base_price: Money,
    pub beds: String,
    pub size_m2: u16,
    /// As the form takes them: separated by commas.
    pub amenities: String,
    /// As the form takes them: one `key: value` a line.
    pub features_text: String,
    pub features: Vec<FeatureView>,
    pub retired: bool,
    /// Rooms of this type in the inventory.
    pub rooms: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomAdminView {
    pub id: String,
    pub number: String,
    pub floor: i32,
    pub room_type: String,
    pub features_text: String,
    pub features: Vec<FeatureView>,
    pub notes: String,
    /// Housekeeping's state, in words.
    pub state: String,
    pub occupied: bool,
    pub retired: bool,
}

/// The room types and one page of rooms (of one type, when chosen).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomsAdminPageView {
    pub types: Vec<RoomTypeAdminView>,
    pub rooms: Vec<RoomAdminView>,
    pub total: u64,
    /// From 0, as the pager counts.
    pub page: u32,
    pub room_type: String,
}

/// A staff member as the office lists them; `id` is the sign-in server's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffView {
    pub id: String,
    pub email: String,
    pub name: String,
    /// `front_desk`, as the role select takes it.
    pub role: String,
    pub enabled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffPageView {
    pub staff: Vec<StaffView>,
    pub total: u64,
    /// From 0, as the pager counts.
    pub page: u32,
    /// The roles the person looking may give, as (value, label).
    pub roles: Vec<(String, String)>,
}

/// An invited staff member, and the temporary password to hand them when one was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvitedView {
    pub member: StaffView,
    pub temporary_password: Option<String>,
}

/// A page of the audit log, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditLogView {
    pub entries: Vec<AuditEntryView>,
    /// The cursor of the next (older) page, when there is one.
    pub next: Option<String>,
    /// (id, name and role) of each member of staff, for the filter.
    pub people: Vec<(String, String)>,
    pub person: String,
    pub from: String,
    pub to: String,
    pub booking: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntryView {
    /// The hotel's local time, `YYYY-MM-DD HH:MM:SS`.
    pub at: String,
    pub by: String,
    pub area: String,
    pub action: String,
    pub subject: String,
    /// The booking's id and its short reference.
    pub booking: Option<(String, String)>,
}

/// The hotel's settings: who it is (read only here) and what a manager sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SettingsView {
    pub name: String,
    pub address: Vec<String>,
    pub vat_id: String,
    pub time_zone: String,
    pub currency: String,
    pub reservations_email: String,
    /// `HH:MM`, hotel time.
    pub check_in: String,
    pub check_out: String,
    pub night_audit: String,
    /// `booking`, `check_in` or `check_out`.
    pub capture: String,
    pub capture_fixed: bool,
    pub inspection_required: bool,
}
