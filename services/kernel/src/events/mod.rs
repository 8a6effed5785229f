//! The event contract on Kafka: an envelope around a versioned payload.
//! Schemas live in `docs/events/`; a topic's name is its event type.
use crate::EventId;
use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

pub const BOOKING_CREATED: &str = "booking.created";
pub const BOOKING_CANCELLED: &str = "booking.cancelled";
pub const BOOKING_MODIFIED: &str = "booking.modified";
pub const BOOKING_CHECKED_IN: &str = "booking.checked_in";
pub const BOOKING_CHECKED_OUT: &str = "booking.checked_out";
pub const BOOKING_CHECK_IN_REVERTED: &str = "booking.check_in_reverted";
pub const PAYMENT_COMPLETED: &str = "payment.completed";
pub const PAYMENT_FAILED: &str = "payment.failed";
pub const FOLIO_CHANGED: &str = "folio.changed";
pub const ROOM_STATUS_CHANGED: &str = "room.status.changed";
pub const HOUSEKEEPING_ASSIGNED: &str = "housekeeping.assigned";
pub const USER_REGISTERED: &str = "user.registered";
pub const NOTIFICATION_SENT: &str = "notification.sent";
pub const NIGHT_AUDIT_COMPLETED: &str = "night_audit.completed";

pub const ALL_TOPICS: [&str; 14] = [
    BOOKING_CREATED,
    BOOKING_CANCELLED,
    BOOKING_MODIFIED,
    BOOKING_CHECKED_IN,
    BOOKING_CHECKED_OUT,
    BOOKING_CHECK_IN_REVERTED,
    PAYMENT_COMPLETED,
    PAYMENT_FAILED,
    FOLIO_CHANGED,
    ROOM_STATUS_CHANGED,
    HOUSEKEEPING_ASSIGNED,
    USER_REGISTERED,
    NOTIFICATION_SENT,
    NIGHT_AUDIT_COMPLETED,
];

/// A payload knows its topic and schema version, so it cannot be sent to the wrong place.
pub trait Event: Serialize + DeserializeOwned {
    const TYPE: &'static str;
    const VERSION: u32 = 1;
    /// Kafka key: events about one aggregate stay in order on one partition.
    fn key(&self) -> String;
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<P> {
    pub event_id: EventId,
    pub event_type: String,
    pub schema_version: u32,
    pub occurred_at: DateTime<Utc>,
    pub payload: P,
}

impl<P: Event> Envelope<P> {
    pub fn new(payload: P, occurred_at: DateTime<Utc>) -> Self {
        Self {
            event_id: EventId::new(),
            event_type: P::TYPE.to_owned(),
            schema_version: P::VERSION,
            occurred_at,
            payload,
        }
    }
}

mod bookings;
mod housekeeping;
mod night_audit;
mod notifications;
mod payments;
mod rooms;
mod users;

pub use bookings::*;
pub use housekeeping::*;
pub use night_audit::*;
pub use notifications::*;
pub use payments::*;
pub use rooms::*;
pub use users::*;
