//! The event contract on Kafka: an envelope around a versioned payload.
//! Schemas live in `docs/events/`; a topic's name is its event type.
use crate::{BookingId, EventId, RoomId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

pub const BOOKING_CREATED: &str = "booking.created";
pub const BOOKING_CANCELLED: &str = "booking.cancelled";
pub const BOOKING_MODIFIED: &str = "booking.modified";
pub const PAYMENT_COMPLETED: &str = "payment.completed";
pub const PAYMENT_FAILED: &str = "payment.failed";
pub const ROOM_STATUS_CHANGED: &str = "room.status.changed";
pub const USER_REGISTERED: &str = "user.registered";
pub const NOTIFICATION_SENT: &str = "notification.sent";

pub const ALL_TOPICS: [&str; 8] = [
    BOOKING_CREATED,
    BOOKING_CANCELLED,
    BOOKING_MODIFIED,
    PAYMENT_COMPLETED,
    PAYMENT_FAILED,
    ROOM_STATUS_CHANGED,
    USER_REGISTERED,
    NOTIFICATION_SENT,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingCreated {
    pub booking_id: BookingId,
    pub user_id: UserId,
    pub room_id: RoomId,
    pub room_number: String,
    pub room_type: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub adults: u8,
    pub children: u8,
    /// Decimal string (`"389.00"`): never a float on the wire.
    pub total_amount: String,
    pub currency: String,
    pub timestamp: DateTime<Utc>,
}

impl Event for BookingCreated {
    const TYPE: &'static str = BOOKING_CREATED;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}

/// A booking was cancelled; its room is free again for those nights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingCancelled {
    pub booking_id: BookingId,
    /// The guest the booking belongs to.
    pub user_id: UserId,
    pub room_id: RoomId,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    /// Who cancelled: the guest, or a member of staff on their behalf.
    pub cancelled_by: UserId,
    pub reason: Option<String>,
    /// Decimal string (`"0.00"`): never a float on the wire.
    pub cancellation_fee: String,
    pub currency: String,
    pub timestamp: DateTime<Utc>,
}

impl Event for BookingCancelled {
    const TYPE: &'static str = BOOKING_CANCELLED;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}

/// A booking's dates, party, room type or room changed; the payload is the booking as it is
/// now, with the stay and room it had before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingModified {
    pub booking_id: BookingId,
    pub user_id: UserId,
    /// `modified` (guest or staff changed the stay) or `room_moved` (staff moved the guest).
    pub change: String,
    pub changed_by: UserId,
    pub room_id: RoomId,
    pub room_number: String,
    pub room_type: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub adults: u8,
    pub children: u8,
    /// Decimal string (`"389.00"`): never a float on the wire.
    pub total_amount: String,
    pub currency: String,
    pub previous_room_id: RoomId,
    pub previous_check_in: NaiveDate,
    pub previous_check_out: NaiveDate,
    pub previous_total_amount: String,
    pub timestamp: DateTime<Utc>,
}

impl Event for BookingModified {
    const TYPE: &'static str = BOOKING_MODIFIED;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRegistered {
    pub user_id: UserId,
    pub email: String,
    pub name: String,
    pub role: String,
    pub timestamp: DateTime<Utc>,
}

impl Event for UserRegistered {
    const TYPE: &'static str = USER_REGISTERED;
    fn key(&self) -> String {
        self.user_id.to_string()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotificationSent {
    pub notification_id: uuid::Uuid,
    /// The event that caused this message.
    pub cause_event_id: EventId,
    pub user_id: UserId,
    pub channel: String,
    pub template: String,
    pub recipient: String,
    pub timestamp: DateTime<Utc>,
}

impl Event for NotificationSent {
    const TYPE: &'static str = NOTIFICATION_SENT;
    fn key(&self) -> String {
        self.user_id.to_string()
    }
}

/// A room's housekeeping or occupancy status changed: cleaned, taken out of order, checked into.
/// Statuses are the rooms service's snake_case names (`out_of_order`, `occupied`…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomStatusChanged {
    pub room_id: RoomId,
    pub room_number: String,
    pub housekeeping_from: String,
    pub housekeeping_to: String,
    pub occupancy_from: String,
    pub occupancy_to: String,
    /// Whether the room may be sold after the change (not out of order or out of service).
    pub sellable: bool,
    pub changed_by: UserId,
    pub reason: Option<String>,
    pub timestamp: DateTime<Utc>,
}

impl Event for RoomStatusChanged {
    const TYPE: &'static str = ROOM_STATUS_CHANGED;
    fn key(&self) -> String {
        self.room_id.to_string()
    }
}
