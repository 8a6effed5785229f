//! What the bookings service publishes.
//!
//! Every event carries the booking's `version`: 1 when it is created, one more with every change
//! of its row (the database counts, in the transaction that writes the event). Events about one
//! booking travel on different topics with no order between them, so a consumer that keeps state
//! orders them by version, never by arrival or timestamp. `0` marks an event published before
//! versions existed (`serde` default).
use super::*;
use crate::{BookingId, RoomId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

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
    /// The booking's version: always 1 at creation (see the module's doc).
    #[serde(default)]
    pub version: i64,
    /// What the total is made of, for the folio: every night, then discounts and taxes.
    #[serde(default)]
    pub lines: Vec<ChargeLine>,
}

impl Event for BookingCreated {
    const TYPE: &'static str = BOOKING_CREATED;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}

/// `BookingCancelled::reason` of a booking whose guest never came: it ends like a cancellation
/// at arrival, at that fee.
pub const NO_SHOW: &str = "no_show";

/// A booking was cancelled, or marked as a no-show (`reason` [`NO_SHOW`]); its room is free
/// again for those nights.
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
    /// The booking's version after this change (see the module's doc).
    #[serde(default)]
    pub version: i64,
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
    /// The booking's status after the change (`confirmed`, `checked_in`, ...): a `room_moved`
    /// stay that is `checked_in` moves its guest from one room to the other. `None` in events
    /// published before it was added.
    #[serde(default)]
    pub status: Option<String>,
    pub timestamp: DateTime<Utc>,
    /// The booking's version after this change (see the module's doc).
    #[serde(default)]
    pub version: i64,
    /// What the new total is made of; replaces the lines the booking had.
    #[serde(default)]
    pub lines: Vec<ChargeLine>,
}

impl Event for BookingModified {
    const TYPE: &'static str = BOOKING_MODIFIED;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}

/// One line of a priced stay as the folio posts it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChargeLine {
    /// `room_night`, `length_of_stay`, `promo`, `vat` or `city_tax`.
    pub kind: String,
    /// The night, for `room_night` lines.
    pub date: Option<NaiveDate>,
    /// e.g. "Summer 2027 · Weekend +15%" or "VAT 7%".
    pub description: String,
    /// Decimal string, negative for discounts.
    pub amount: String,
}

/// A guest arrived: their room is theirs now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingCheckedIn {
    pub booking_id: BookingId,
    pub user_id: UserId,
    pub room_id: RoomId,
    pub room_number: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    /// The member of staff at the desk.
    pub by: UserId,
    pub timestamp: DateTime<Utc>,
    /// The booking's version after this change (see the module's doc).
    #[serde(default)]
    pub version: i64,
}

impl Event for BookingCheckedIn {
    const TYPE: &'static str = BOOKING_CHECKED_IN;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}

/// A guest left: their room needs cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingCheckedOut {
    pub booking_id: BookingId,
    pub user_id: UserId,
    pub room_id: RoomId,
    pub room_number: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub by: UserId,
    pub timestamp: DateTime<Utc>,
    /// The booking's version after this change (see the module's doc).
    #[serde(default)]
    pub version: i64,
}

impl Event for BookingCheckedOut {
    const TYPE: &'static str = BOOKING_CHECKED_OUT;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}

/// A check-in made by mistake was taken back: the booking is confirmed again and its room, which
/// nobody slept in, is vacant again as it was (housekeeping unchanged).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingCheckInReverted {
    pub booking_id: BookingId,
    pub user_id: UserId,
    pub room_id: RoomId,
    pub room_number: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub by: UserId,
    pub timestamp: DateTime<Utc>,
    /// The booking's version after this change (see the module's doc).
    #[serde(default)]
    pub version: i64,
}

impl Event for BookingCheckInReverted {
    const TYPE: &'static str = BOOKING_CHECK_IN_REVERTED;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}
