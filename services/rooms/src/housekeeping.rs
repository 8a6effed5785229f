//! Changing a room's housekeeping and occupancy status, with its `room.status.changed` event
//! written in the same single-document update.
use crate::status::{RoomStatus, StatusRefused};
use crate::store::{self, RoomDoc};
use crate::lock::Lock;
use crate::{outbox, Housekeeping, HousekeepingError, Note, Occupancy, Room, RoomsService};
use anyhow::Context;
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use kernel::events::{Envelope, RoomStatusChanged};
use kernel::{EventId, RoomId, UserId};
use mongodb::bson::doc;
use std::time::Duration;

/// Writes racing past the lock (the demo seed, a manual edit) before giving up.
pub(crate) const ATTEMPTS: usize = 3;
/// How long a writer may hold a room or ticket (it needs milliseconds), and how long another
/// waits: longer than the TTL, so a holder that died delays others but never fails them.
const LOCK_TTL: Duration = Duration::from_secs(5);
const LOCK_WAIT: Duration = Duration::from_secs(6);

/// The room after a status change, and the event that reports it (`None`: nothing changed).
#[derive(Debug, Clone, PartialEq)]
pub struct StatusUpdate {
    pub room: Room,
    pub event_id: Option<EventId>,
}

impl RoomsService {
    /// One room as it is now, not from the inventory snapshot.
    #[tracing::instrument(skip(self))]
    pub async fn room(&self, id: RoomId) -> Result<Room, HousekeepingError> {
        let doc: RoomDoc = store::rooms(&self.db)
            .find_one(doc! { "_id": id.to_string() })
            .projection(store::room_fields())
            .await?
            .ok_or(HousekeepingError::RoomNotFound(id))?;
        Ok(Room::try_from(doc).context("a stored room is invalid")?)
    }

    /// The room numbered `number` as it is now, out of order or not; `None` when there is none.
    #[tracing::instrument(skip(self))]
    pub async fn room_by_number(&self, number: &str) -> Result<Option<Room>, HousekeepingError> {
        let doc: Option<RoomDoc> =
            store::rooms(&self.db).find_one(doc! { "number": number }).projection(store::room_fields()).await?;
        Ok(doc.map(Room::try_from).transpose().context("a stored room is invalid")?)
    }

    /// These rooms as they are now (unknown ids are left out).
    #[tracing::instrument(skip(self, ids), fields(rooms = ids.len()))]
    pub async fn rooms(&self, ids: &[RoomId]) -> Result<Vec<Room>, HousekeepingError> {
        let ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
        let docs: Vec<RoomDoc> = store::rooms(&self.db)
            .find(doc! { "_id": { "$in": ids } })
            .projection(store::room_fields())
            .await?
            .try_collect()
            .await?;
        docs.into_iter()
            .map(|d| Ok(Room::try_from(d).context("a stored room is invalid")?))
            .collect()
    }

    /// Housekeeping reports a room clean, dirty, inspected, out of order or out of service.
    /// Setting the status the room already has changes nothing and publishes nothing.
    #[tracing::instrument(skip(self, note))]
    pub async fn set_housekeeping(
        &self,
        room: RoomId,
        to: Housekeeping,
        by: UserId,
        note: Option<Note>,
    ) -> Result<StatusUpdate, HousekeepingError> {
        let reason = note.map(|n| n.as_str().to_owned());
        self.change_status(room, by, reason, |s| s.with_housekeeping(to)).await
    }

    /// The front desk checks a guest in (`Occupied`) or out (`Vacant`, which leaves the room dirty).
    #[tracing::instrument(skip(self))]
    pub async fn set_occupancy(&self, room: RoomId, to: Occupancy, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.change_status(room, by, None, |s| s.with_occupancy(to)).await
    }

    /// Holds `key` (see `crate::lock`) while `f` reads and writes what it names.
    pub(crate) async fn locked<T>(
        &self,
        key: String,
        f: impl std::future::Future<Output = Result<T, HousekeepingError>>,
    ) -> Result<T, HousekeepingError> {
        let lock = Lock::acquire(&self.db, key, LOCK_TTL, LOCK_WAIT).await?.ok_or(HousekeepingError::Busy)?;
        let result = f.await;
        lock.release().await;
        result
    }

    /// Reads the room, asks `rule` for its next status and writes it with its event, holding
    /// the room's lock and only if the room is still as read (compare-and-set on both
    /// statuses), so the event's "from" is always true.
    pub(crate) async fn change_status(
        &self,
        id: RoomId,
        by: UserId,
        reason: Option<String>,
        rule: impl Fn(RoomStatus) -> Result<Option<RoomStatus>, StatusRefused>,
    ) -> Result<StatusUpdate, HousekeepingError> {
        self.locked(room_lock(id), self.change_status_locked(id, by, reason, rule)).await
    }

    async fn change_status_locked(
        &self,
        id: RoomId,
        by: UserId,
        reason: Option<String>,
        rule: impl Fn(RoomStatus) -> Result<Option<RoomStatus>, StatusRefused>,
    ) -> Result<StatusUpdate, HousekeepingError> {
        for _ in 0..ATTEMPTS {
            let room = self.room(id).await?;
            let from = RoomStatus { housekeeping: room.housekeeping, occupancy: room.occupancy };
            let Some(to) = rule(from)? else {
                return Ok(StatusUpdate { room, event_id: None });
            };
            let now = Utc::now();
            let event = Envelope::new(changed(&room, from, to, by, reason.clone(), now), now);
            let update = outbox::set_and_queue(
                doc! { "housekeeping": to.housekeeping.as_str(), "occupancy": to.occupancy.as_str() },
                outbox::entry(&event)?,
            );
            let written = store::rooms(&self.db)
                .update_one(
                    doc! {
                        "_id": id.to_string(),
                        "housekeeping": from.housekeeping.as_str(),
                        "occupancy": from.occupancy.as_str(),
                    },
                    update,
                )
                .await?;
            if written.matched_count == 1 {
                self.inventory.invalidate().await;
                tracing::info!(room = %room.number, from = ?from, to = ?to, "room status changed");
                let room = Room { housekeeping: to.housekeeping, occupancy: to.occupancy, ..room };
                return Ok(StatusUpdate { room, event_id: Some(event.event_id) });
            }
        }
        Err(anyhow::anyhow!("room {id} kept changing while its status was being set").into())
    }
}

/// The lock every writer of a room document holds, the relay included.
pub(crate) fn room_lock(id: RoomId) -> String {
    format!("room:{id}")
}

pub(crate) fn changed(room: &Room, from: RoomStatus, to: RoomStatus, by: UserId, reason: Option<String>, at: DateTime<Utc>) -> RoomStatusChanged {
    RoomStatusChanged {
        room_id: room.id,
        room_number: room.number.clone(),
        housekeeping_from: from.housekeeping.as_str().to_owned(),
        housekeeping_to: to.housekeeping.as_str().to_owned(),
        occupancy_from: from.occupancy.as_str().to_owned(),
        occupancy_to: to.occupancy.as_str().to_owned(),
        sellable: to.housekeeping.sellable(),
        changed_by: by,
        reason,
        timestamp: at,
    }
}
