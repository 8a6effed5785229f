//! Changing a room's housekeeping and occupancy status, with its `room.status.changed` event
//! written in the same single-document update.
use crate::status::{RoomStatus, StatusRefused};
use crate::store::{self, RoomDoc};
use crate::lock::Lock;
use crate::{outbox, Discrepancy, Housekeeping, HousekeepingError, Note, Occupancy, Room, RoomsService};
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
/// Keyed changes a room remembers: far more than a tablet queues in a dead spot.
const KEYS_KEPT: usize = 100;

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
        Ok(self.room_at(id).await?.0)
    }

    /// The room numbered `number` as it is now, out of order or not; `None` when there is none.
    #[tracing::instrument(skip(self))]
    pub async fn room_by_number(&self, number: &str) -> Result<Option<Room>, HousekeepingError> {
        let doc: Option<RoomDoc> =
            store::rooms(&self.db).find_one(doc! { "number": number }).projection(store::room_fields()).await?;
        Ok(doc.map(Room::try_from).transpose().context("a stored room is invalid")?)
    }

    /// The ids of the rooms in `condition` now (those waiting for inspection, say).
    #[tracing::instrument(skip(self))]
    pub async fn rooms_in(&self, condition: Housekeeping) -> Result<Vec<RoomId>, HousekeepingError> {
        let docs: Vec<RoomDoc> = store::rooms(&self.db)
            .find(store::in_service(doc! { "housekeeping": condition.as_str() }))
            .projection(store::room_fields())
            .await?
            .try_collect()
            .await?;
        docs.iter()
            .map(|d| Ok(d.id.parse::<RoomId>().context("a stored room id is invalid")?))
            .collect()
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
        self.locked(room_lock(id), self.change_status_locked(id, by, reason, None, rule)).await
    }

    /// [`Self::change_status`] once per `key`: a change already made under it changes nothing
    /// again (a tablet replaying what it queued offline).
    pub(crate) async fn change_status_once(
        &self,
        id: RoomId,
        by: UserId,
        reason: Option<String>,
        key: &str,
        rule: impl Fn(RoomStatus) -> Result<Option<RoomStatus>, StatusRefused>,
    ) -> Result<StatusUpdate, HousekeepingError> {
        self.locked(room_lock(id), self.change_status_locked(id, by, reason, Some(key), rule)).await
    }

    async fn change_status_locked(
        &self,
        id: RoomId,
        by: UserId,
        reason: Option<String>,
        key: Option<&str>,
        rule: impl Fn(RoomStatus) -> Result<Option<RoomStatus>, StatusRefused>,
    ) -> Result<StatusUpdate, HousekeepingError> {
        for _ in 0..ATTEMPTS {
            let (room, seq, mut keys) = self.room_at(id).await?;
            if key.is_some_and(|k| keys.iter().any(|seen| seen == k)) {
                return Ok(StatusUpdate { room, event_id: None });
            }
            let from = room.status();
            let Some(to) = rule(from)? else {
                return Ok(StatusUpdate { room, event_id: None });
            };
            let (mut set, filter) = store::state_change(id, seq, &to, reason.as_deref());
            if let Some(key) = key {
                keys.push(key.to_owned());
                let keep = keys.len().saturating_sub(KEYS_KEPT);
                set.insert("action_keys", keys.split_off(keep));
            }
            // Passing into a new business day alone is bookkeeping, not news.
            let news = RoomStatus { business_day: from.business_day, ..to } != from;
            let now = Utc::now();
            let event = news.then(|| Envelope::new(changed(&room, from, to, by, reason.clone(), now), now));
            let update = match &event {
                Some(event) => outbox::set_and_queue(set, outbox::entry(event)?),
                None => doc! { "$set": set },
            };
            if store::rooms(&self.db).update_one(filter, update).await?.matched_count == 1 {
                self.inventory.invalidate().await;
                tracing::info!(room = %room.number, from = ?from, to = ?to, "room status changed");
                if news {
                    crate::staff_actions::record_status(self, &room, from, to, by, reason.as_deref(), now).await;
                }
                let room = Room { status_note: reason, ..room.with_status(to) };
                return Ok(StatusUpdate { room, event_id: event.map(|e| e.event_id) });
            }
        }
        Err(anyhow::anyhow!("room {id} kept changing while its status was being set").into())
    }

    /// The room and the sequence number of its state, read together.
    pub(crate) async fn room_at(&self, id: RoomId) -> Result<(Room, Option<i64>, Vec<String>), HousekeepingError> {
        let mut doc: RoomDoc = store::rooms(&self.db)
            .find_one(doc! { "_id": id.to_string() })
            .projection(store::room_fields_with_keys())
            .await?
            .ok_or(HousekeepingError::RoomNotFound(id))?;
        let (seq, keys) = (doc.state_seq, std::mem::take(&mut doc.action_keys));
        Ok((Room::try_from(doc).context("a stored room is invalid")?, seq, keys))
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
        guest_service_from: from.guest_service.as_str().to_owned(),
        guest_service_to: to.guest_service.as_str().to_owned(),
        out_of_service: to.out_of_service,
        out_of_order_until: to.out_of_order_until,
        reported: to.reported.map(|o| o.as_str().to_owned()),
        discrepancy: Discrepancy::of(to.reported, to.occupancy).map(|d| d.as_str().to_owned()),
        changed_by: by,
        reason,
        timestamp: at,
    }
}
