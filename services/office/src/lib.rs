//! The manager's office: what managers run across services. Each service keeps its own data;
//! this crate only drives them in order.
mod audit_log;
mod catalogue;
mod night_audit;
pub mod reports;
mod schedule;
mod settings;

pub use audit_log::{audit_log, AuditPage, AuditSources};
pub use catalogue::RoomChangeError;
pub use night_audit::NightAuditError;
pub use settings::{hotel_settings, save_hotel_settings, HotelSettings, SettingsError, SettingsSources};

use bookings::BookingsService;
use payments::billing::BillingService;
use rooms::RoomsService;

/// The office's use cases. Cheap to clone.
#[derive(Clone)]
pub struct Office {
    pub bookings: BookingsService,
    pub rooms: RoomsService,
    pub billing: BillingService,
}
