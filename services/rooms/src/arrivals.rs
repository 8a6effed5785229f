//! Rooms follow the front desk: a check-in occupies the booking's room, a check-out (or the
//! cancellation of the stay in it) frees it for housekeeping. The rules are in
//! `crate::occupant`; the room document records who is in it (`occupied_by`) and the last
//! booking event applied (`stay_event_at`) in the same single-document update that changes its
//! status and queues `room.status.changed`, so nothing can be applied twice or half-way.
use crate::housekeeping::{changed, room_lock, ATTEMPTS};
use crate::occupant::{Decision, Occupant, StayEvent};
use crate::status::RoomStatus;
use crate::store::{self, RoomDoc};
use crate::{outbox, HousekeepingError, Room, RoomsService};
use anyhow::Context;
use chrono::{DateTime, SecondsFormat, Utc};
use kernel::events::{BookingCancelled, BookingCheckedIn, BookingCheckedOut, Envelope};
use kernel::{BookingId, EventId, RoomId, UserId};
use mongodb::bson::{doc, Bson, Document};

const OCCUPIED_BY: &str = "occupied_by";
/// RFC 3339 with nanoseconds: BSON dates keep milliseconds only, and a redelivered event must
/// compare equal to itself.
const STAY_EVENT_AT: &str = "stay_event_at";

/// One booking event as it concerns a room.
#[derive(Debug)]
struct StayChange {
    room: RoomId,
    event: StayEvent,
    booking: BookingId,
    by: UserId,
    at: DateTime<Utc>,
}

/// A room as read for a booking event, with `stay_event_at` exactly as stored.
struct Stored {
    room: Room,
    occupant: Occupant,
    stamp: Option<String>,
}

impl RoomsService {
    /// The guest's room becomes occupied. Returns the `room.status.changed` queued, if any.
    #[tracing::instrument(skip_all, fields(booking = %e.payload.booking_id, room = %e.payload.room_id))]
    pub async fn on_booking_checked_in(&self, e: &Envelope<BookingCheckedIn>) -> Result<Option<EventId>, HousekeepingError> {
        let p = &e.payload;
        self.apply_stay(StayChange { room: p.room_id, event: StayEvent::CheckedIn, booking: p.booking_id, by: p.by, at: p.timestamp })
            .await
    }

    /// The guest's room becomes vacant, and dirty unless it is out of order or out of service.
    #[tracing::instrument(skip_all, fields(booking = %e.payload.booking_id, room = %e.payload.room_id))]
    pub async fn on_booking_checked_out(&self, e: &Envelope<BookingCheckedOut>) -> Result<Option<EventId>, HousekeepingError> {
        let p = &e.payload;
        self.apply_stay(StayChange { room: p.room_id, event: StayEvent::CheckedOut, booking: p.booking_id, by: p.by, at: p.timestamp })
            .await
    }

    /// Frees the room if the cancelled booking's guest is in it; otherwise changes nothing.
    #[tracing::instrument(skip_all, fields(booking = %e.payload.booking_id, room = %e.payload.room_id))]
    pub async fn on_booking_cancelled(&self, e: &Envelope<BookingCancelled>) -> Result<Option<EventId>, HousekeepingError> {
        let p = &e.payload;
        let change =
            StayChange { room: p.room_id, event: StayEvent::Cancelled, booking: p.booking_id, by: p.cancelled_by, at: p.timestamp };
        self.apply_stay(change).await
    }

    async fn apply_stay(&self, change: StayChange) -> Result<Option<EventId>, HousekeepingError> {
        self.locked(room_lock(change.room), self.apply_stay_locked(&change)).await
    }

    /// Like `change_status`, compare-and-set on what was read, `stay_event_at` included.
    async fn apply_stay_locked(&self, c: &StayChange) -> Result<Option<EventId>, HousekeepingError> {
        for _ in 0..ATTEMPTS {
            let Stored { room, occupant, stamp } = self.stored(c.room).await?;
            let (to, occupied_by) = match occupant.on(c.event, c.booking, c.at) {
                Decision::Apply { status, occupied_by } => (status, occupied_by),
                Decision::Stale => {
                    tracing::debug!(event = ?c.event, "applied already or overtaken by a later event");
                    return Ok(None);
                }
                Decision::NotTheOccupant => {
                    tracing::info!(event = ?c.event, occupied_by = ?occupant.occupied_by, "not the room's occupant");
                    return Ok(None);
                }
                Decision::Refused(refused) => {
                    tracing::warn!(event = ?c.event, %refused, "the room cannot follow the front desk; move the guest");
                    return Ok(None);
                }
            };
            let (update, event_id) = stay_update(&room, occupant.status, to, occupied_by, c)?;
            let mut filter = doc! {
                "_id": c.room.to_string(),
                "housekeeping": occupant.status.housekeeping.as_str(),
                "occupancy": occupant.status.occupancy.as_str(),
            };
            filter.insert(STAY_EVENT_AT, stamp.map_or_else(|| doc! { "$exists": false }.into(), Bson::String));
            if store::rooms(&self.db).update_one(filter, update).await?.matched_count == 1 {
                if let Some(to) = to {
                    self.inventory.invalidate().await;
                    tracing::info!(room = %room.number, from = ?occupant.status, to = ?to, "room status follows the front desk");
                }
                return Ok(event_id);
            }
        }
        Err(anyhow::anyhow!("room {} kept changing while a booking event was applied", c.room).into())
    }

    async fn stored(&self, id: RoomId) -> Result<Stored, HousekeepingError> {
        let stored = self
            .db
            .collection::<Document>("rooms")
            .find_one(doc! { "_id": id.to_string() })
            .projection(store::room_fields())
            .await?
            .ok_or(HousekeepingError::RoomNotFound(id))?;
        let occupied_by = match stored.get_str(OCCUPIED_BY) {
            Ok(b) => Some(b.parse::<BookingId>().context("a room occupied by an invalid booking id")?),
            Err(_) => None,
        };
        let stamp = stored.get_str(STAY_EVENT_AT).ok().map(str::to_owned);
        let last_event_at = match &stamp {
            Some(s) => Some(DateTime::parse_from_rfc3339(s).context("an invalid stay_event_at")?.to_utc()),
            None => None,
        };
        let doc: RoomDoc = mongodb::bson::from_document(stored).context("a stored room is invalid")?;
        let room = Room::try_from(doc).context("a stored room is invalid")?;
        let status = RoomStatus { housekeeping: room.housekeeping, occupancy: room.occupancy };
        Ok(Stored { room, occupant: Occupant { status, occupied_by, last_event_at }, stamp })
    }
}

/// The update recording `c`, with the status change and its event when there is one.
fn stay_update(
    room: &Room,
    from: RoomStatus,
    to: Option<RoomStatus>,
    occupied_by: Option<BookingId>,
    c: &StayChange,
) -> anyhow::Result<(Document, Option<EventId>)> {
    let mut set = doc! { STAY_EVENT_AT: c.at.to_rfc3339_opts(SecondsFormat::Nanos, true) };
    if let Some(booking) = occupied_by {
        set.insert(OCCUPIED_BY, booking.to_string());
    }
    let (mut update, event_id) = match to {
        Some(to) => {
            set.insert("housekeeping", to.housekeeping.as_str());
            set.insert("occupancy", to.occupancy.as_str());
            let now = Utc::now();
            let event = Envelope::new(changed(room, from, to, c.by, None, now), now);
            (outbox::set_and_queue(set, outbox::entry(&event)?), Some(event.event_id))
        }
        None => (doc! { "$set": set }, None),
    };
    if occupied_by.is_none() {
        update.insert("$unset", doc! { OCCUPIED_BY: "" });
    }
    Ok((update, event_id))
}
