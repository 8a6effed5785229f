//! Booking events for the tests to hand to consumers: read from the bookings outbox as the relay
//! publishes them, or built by hand for a stay the test describes.
use crate::helpers::TestApp;
use bookings::Booking;
use chrono::{NaiveDate, Utc};
use kernel::events::{BookingCancelled, BookingCheckedIn, BookingCheckedOut, Envelope};
use kernel::{BookingId, RoomId, UserId};
use serde::de::DeserializeOwned;

/// The booking's latest event on `topic` as the relay publishes it: the outbox row's JSON.
pub(crate) async fn outbox_payload(app: &TestApp, topic: &str, id: BookingId) -> Vec<u8> {
    let payload: serde_json::Value =
        sqlx::query_scalar("SELECT payload FROM bookings.outbox WHERE key = $1 AND topic = $2 ORDER BY id DESC LIMIT 1")
            .bind(id.to_string())
            .bind(topic)
            .fetch_one(&app.deps.pg)
            .await
            .unwrap();
    payload.to_string().into_bytes()
}

/// The booking's latest event on `topic`, parsed.
pub(crate) async fn outbox_event<P: DeserializeOwned>(
    app: &TestApp,
    topic: &str,
    id: BookingId,
) -> Envelope<P> {
    serde_json::from_slice(&outbox_payload(app, topic, id).await).unwrap()
}

/// Every event of the booking in the order written: (topic, JSON as the relay publishes it).
pub(crate) async fn outbox_events(
    app: &TestApp,
    id: BookingId,
) -> Vec<(String, serde_json::Value)> {
    sqlx::query_as("SELECT topic, payload FROM bookings.outbox WHERE key = $1 ORDER BY id")
        .bind(id.to_string())
        .fetch_all(&app.deps.pg)
        .await
        .unwrap()
}

/// What a hand-built booking event says about the stay, at the booking's `version`.
#[derive(Debug, Clone)]
pub(crate) struct StayEvent {
    pub booking: BookingId,
    pub user: UserId,
    pub room_id: RoomId,
    pub room_number: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub version: i64,
}

impl StayEvent {
    /// A stay of two nights from today in room "101", unknown to the rooms service: all that
    /// payments reads of it is the booking and its guest.
    pub fn unroomed(booking: BookingId, user: UserId) -> Self {
        let today = Utc::now().date_naive();
        Self {
            booking,
            user,
            room_id: RoomId::new(),
            room_number: "101".into(),
            check_in: today,
            check_out: today + chrono::Days::new(2),
            version: 0,
        }
    }

    /// The stay as the booking has it.
    pub fn of(b: &Booking) -> Self {
        let (room_id, room_number) = (b.room_id, b.room_number.clone());
        Self {
            booking: b.id,
            user: b.user_id,
            room_id,
            room_number,
            check_in: b.stay.check_in(),
            check_out: b.stay.check_out(),
            version: 0,
        }
    }

    /// The stay a check-in says.
    pub fn arrived(e: &BookingCheckedIn) -> Self {
        let (room_id, room_number) = (e.room_id, e.room_number.clone());
        Self {
            booking: e.booking_id,
            user: e.user_id,
            room_id,
            room_number,
            check_in: e.check_in,
            check_out: e.check_out,
            version: e.version,
        }
    }

    pub fn at(self, version: i64) -> Self {
        Self { version, ..self }
    }

    pub fn checked_in(&self, by: UserId) -> Envelope<BookingCheckedIn> {
        let payload = BookingCheckedIn {
            booking_id: self.booking,
            user_id: self.user,
            room_id: self.room_id,
            room_number: self.room_number.clone(),
            check_in: self.check_in,
            check_out: self.check_out,
            by,
            timestamp: Utc::now(),
            version: self.version,
        };
        Envelope::new(payload, Utc::now())
    }

    pub fn checked_out(&self, by: UserId) -> Envelope<BookingCheckedOut> {
        let payload = BookingCheckedOut {
            booking_id: self.booking,
            user_id: self.user,
            room_id: self.room_id,
            room_number: self.room_number.clone(),
            check_in: self.check_in,
            check_out: self.check_out,
            by,
            timestamp: Utc::now(),
            version: self.version,
        };
        Envelope::new(payload, Utc::now())
    }

    /// Cancelled by `by` for a fee in euros, as the event writes it (`"50.00"`).
    pub fn cancelled(&self, by: UserId, fee: &str) -> Envelope<BookingCancelled> {
        let payload = BookingCancelled {
            booking_id: self.booking,
            user_id: self.user,
            room_id: self.room_id,
            check_in: self.check_in,
            check_out: self.check_out,
            cancelled_by: by,
            reason: None,
            cancellation_fee: fee.into(),
            currency: "EUR".into(),
            timestamp: Utc::now(),
            version: self.version,
        };
        Envelope::new(payload, Utc::now())
    }
}
