//! Rooms follow the front desk: a check-in occupies the booking's room, a check-out (or the
//! cancellation of the stay in it) frees it for housekeeping, and moving an in-house guest frees
//! the old room and occupies the new one. The rules are in `crate::occupant`; the room document
//! records who is in it (`occupied_by`) and the last booking event applied (`stay_booking`,
//! `stay_version`, `stay_event_at`) in the same single-document update that changes its status
//! and queues `room.status.changed`, so nothing can be applied twice or half-way.
use crate::housekeeping::{changed, room_lock, ATTEMPTS};
use crate::occupant::{Decision, Occupant, StayEvent, StayMark};
use crate::status::RoomStatus;
use crate::store::{self, RoomDoc};
use crate::{outbox, HousekeepingError, Room, RoomsService};
use anyhow::Context;
use chrono::{DateTime, SecondsFormat, Utc};
use kernel::events::{
    BookingCancelled, BookingCheckInReverted, BookingCheckedIn, BookingCheckedOut, BookingModified, Envelope,
};
use kernel::{BookingId, EventId, RoomId, UserId};
use mongodb::bson::{doc, Bson, Document};

const OCCUPIED_BY: &str = "occupied_by";
/// RFC 3339 with nanoseconds: BSON dates keep milliseconds only, and a redelivered event must
/// compare equal to itself.
const STAY_EVENT_AT: &str = "stay_event_at";
/// The booking of the last booking event applied, and its version.
const STAY_BOOKING: &str = "stay_booking";
const STAY_VERSION: &str = "stay_version";
/// `room_moved` in `booking.modified`; only a guest `checked_in` is in the room to move.
const ROOM_MOVED: &str = "room_moved";
const CHECKED_IN: &str = "checked_in";

/// One booking event as it concerns a room.
#[derive(Debug)]
struct StayChange {
    room: RoomId,
    event: StayEvent,
    mark: StayMark,
    by: UserId,
}

impl StayChange {
    fn new(room: RoomId, event: StayEvent, booking: BookingId, version: i64, at: DateTime<Utc>, by: UserId) -> Self {
        Self { room, event, mark: StayMark { booking, version, at }, by }
    }
}

/// A room as read for a booking event, with `stay_event_at` and `stay_version` exactly as stored.
struct Stored {
    room: Room,
    occupant: Occupant,
    stamp: Option<String>,
    version: Option<Bson>,
    seq: Option<i64>,
}

impl RoomsService {
    /// The guest's room becomes occupied. Returns the `room.status.changed` queued, if any.
    #[tracing::instrument(skip_all, fields(booking = %e.payload.booking_id, room = %e.payload.room_id))]
    pub async fn on_booking_checked_in(&self, e: &Envelope<BookingCheckedIn>) -> Result<Option<EventId>, HousekeepingError> {
        let p = &e.payload;
        self.apply_stay(StayChange::new(p.room_id, StayEvent::CheckedIn, p.booking_id, p.version, p.timestamp, p.by)).await
    }

    /// The guest's room becomes vacant, and dirty unless it is out of order or out of service.
    #[tracing::instrument(skip_all, fields(booking = %e.payload.booking_id, room = %e.payload.room_id))]
    pub async fn on_booking_checked_out(&self, e: &Envelope<BookingCheckedOut>) -> Result<Option<EventId>, HousekeepingError> {
        let p = &e.payload;
        self.apply_stay(StayChange::new(p.room_id, StayEvent::CheckedOut, p.booking_id, p.version, p.timestamp, p.by)).await
    }

    /// Frees the room if the cancelled booking's guest is in it; otherwise changes nothing.
    #[tracing::instrument(skip_all, fields(booking = %e.payload.booking_id, room = %e.payload.room_id))]
    pub async fn on_booking_cancelled(&self, e: &Envelope<BookingCancelled>) -> Result<Option<EventId>, HousekeepingError> {
        let p = &e.payload;
        let change = StayChange::new(p.room_id, StayEvent::Cancelled, p.booking_id, p.version, p.timestamp, p.cancelled_by);
        self.apply_stay(change).await
    }

    /// The check-in was taken back: the room is vacant again, its housekeeping as it was.
    #[tracing::instrument(skip_all, fields(booking = %e.payload.booking_id, room = %e.payload.room_id))]
    pub async fn on_booking_check_in_reverted(
        &self,
        e: &Envelope<BookingCheckInReverted>,
    ) -> Result<Option<EventId>, HousekeepingError> {
        let p = &e.payload;
        self.apply_stay(StayChange::new(p.room_id, StayEvent::CheckInReverted, p.booking_id, p.version, p.timestamp, p.by)).await
    }

    /// An in-house guest moved by the desk: the old room becomes vacant (and dirty), the new one
    /// occupied. Any other change of a booking leaves rooms as they are. Returns the
    /// `room.status.changed` events queued.
    #[tracing::instrument(skip_all, fields(booking = %e.payload.booking_id, room = %e.payload.room_id))]
    pub async fn on_booking_modified(&self, e: &Envelope<BookingModified>) -> Result<Vec<EventId>, HousekeepingError> {
        let p = &e.payload;
        let in_house = p.status.as_deref() == Some(CHECKED_IN);
        if p.change != ROOM_MOVED || !in_house || p.previous_room_id == p.room_id {
            return Ok(Vec::new());
        }
        let change = |room, event| StayChange::new(room, event, p.booking_id, p.version, p.timestamp, p.changed_by);
        let left = self.apply_stay(change(p.previous_room_id, StayEvent::MovedOut)).await?;
        let arrived = self.apply_stay(change(p.room_id, StayEvent::MovedIn)).await?;
        Ok(left.into_iter().chain(arrived).collect())
    }

    async fn apply_stay(&self, change: StayChange) -> Result<Option<EventId>, HousekeepingError> {
        self.locked(room_lock(change.room), self.apply_stay_locked(&change)).await
    }

    /// Like `change_status`, compare-and-set on what was read, the last booking event included.
    async fn apply_stay_locked(&self, c: &StayChange) -> Result<Option<EventId>, HousekeepingError> {
        for _ in 0..ATTEMPTS {
            let Stored { room, occupant, stamp, version, seq } = self.stored(c.room).await?;
            let (to, occupied_by) = match occupant.on(c.event, c.mark) {
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
            let (update, mut filter, event_id) = stay_update(&room, occupant, seq, to, occupied_by, c)?;
            filter.insert(STAY_EVENT_AT, stamp.map_or_else(|| doc! { "$exists": false }.into(), Bson::String));
            filter.insert(STAY_VERSION, version.unwrap_or_else(|| doc! { "$exists": false }.into()));
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
        let version = stored.get(STAY_VERSION).cloned();
        let number = match &version {
            Some(Bson::Int64(v)) => Some(*v),
            Some(Bson::Int32(v)) => Some(i64::from(*v)),
            Some(other) => return Err(anyhow::anyhow!("an invalid stay_version {other}").into()),
            None => None,
        };
        let last = match &stamp {
            Some(s) => Some(StayMark {
                // A room last stamped before versions: version 0, so time alone decides.
                booking: match stored.get_str(STAY_BOOKING) {
                    Ok(b) => b.parse::<BookingId>().context("an invalid stay_booking")?,
                    Err(_) => BookingId::from_uuid(uuid::Uuid::nil()),
                },
                version: number.unwrap_or(0),
                at: DateTime::parse_from_rfc3339(s).context("an invalid stay_event_at")?.to_utc(),
            }),
            None => None,
        };
        let doc: RoomDoc = mongodb::bson::from_document(stored).context("a stored room is invalid")?;
        let seq = doc.state_seq;
        let room = Room::try_from(doc).context("a stored room is invalid")?;
        let status = room.status();
        Ok(Stored { room, occupant: Occupant { status, occupied_by, last }, stamp, version, seq })
    }
}

/// The update recording `c`, with the status change and its event when there is one, and the
/// filter matching the room only while its state is as read.
fn stay_update(
    room: &Room,
    occupant: Occupant,
    seq: Option<i64>,
    to: Option<RoomStatus>,
    occupied_by: Option<BookingId>,
    c: &StayChange,
) -> anyhow::Result<(Document, Document, Option<EventId>)> {
    let from = occupant.status;
    let mark = c.mark.after(occupant.last);
    let mut set = doc! {
        STAY_EVENT_AT: mark.at.to_rfc3339_opts(SecondsFormat::Nanos, true),
        STAY_BOOKING: mark.booking.to_string(),
        STAY_VERSION: mark.version,
    };
    if let Some(booking) = occupied_by {
        set.insert(OCCUPIED_BY, booking.to_string());
    }
    let (state, filter) = store::state_change(room.id, seq, &to.unwrap_or(from), None);
    let (mut update, event_id) = match to {
        Some(to) => {
            set.extend(state);
            let now = Utc::now();
            let event = Envelope::new(changed(room, from, to, c.by, None, now), now);
            (outbox::set_and_queue(set, outbox::entry(&event)?), Some(event.event_id))
        }
        None => (doc! { "$set": set }, None),
    };
    if occupied_by.is_none() {
        update.insert("$unset", doc! { OCCUPIED_BY: "" });
    }
    Ok((update, filter, event_id))
}
