//! Giving rooms to housekeeping attendants for a business date, and taking them back. Each
//! change writes the assignment, its audit line and its `housekeeping.assigned` event in one
//! single-document write (see `crate::assignment_store`).
use crate::assignment::Assignment;
use crate::assignment_store::{self as store, AssignmentDoc};
use crate::distribute::{distribute, Held, RoomWork, WorkKind};
use crate::lock::{is_duplicate_key, Lock};
use crate::{outbox, AssignmentError, Room, RoomsService};
use anyhow::Context;
use chrono::NaiveDate;
use kernel::events::{Envelope, HousekeepingAssigned};
use kernel::{RoomId, UserId};
use mongodb::bson::{self, doc};
use std::collections::HashMap;
use std::time::Duration;

/// As for room status changes (`crate::housekeeping`): a writer needs milliseconds; a waiter
/// outlasts a holder that died.
const LOCK_TTL: Duration = Duration::from_secs(5);
const LOCK_WAIT: Duration = Duration::from_secs(6);
const ATTEMPTS: usize = 3;

/// The lock every writer of an assignment document holds, the relay included.
pub(crate) fn assignment_lock(id: &str) -> String {
    format!("assignment:{id}")
}

impl RoomsService {
    /// Gives `room` to `attendant` for `date`, taking it from whoever had it. Giving it to the
    /// attendant who has it changes nothing and publishes nothing.
    #[tracing::instrument(skip(self))]
    pub async fn assign(
        &self,
        date: NaiveDate,
        room: RoomId,
        attendant: UserId,
        by: UserId,
    ) -> Result<Assignment, AssignmentError> {
        let room = self.assignable(room).await?;
        self.change_assignment(date, &room, Some(attendant), by, |_| true)
            .await?;
        let doc = self
            .assignment_doc(date, room.id)
            .await?
            .context("an assignment just written is gone")?;
        Ok(doc
            .assignment()?
            .context("an assignment just written has no attendant")?)
    }

    /// Takes `room` back for `date`; `false` if nobody had it.
    #[tracing::instrument(skip(self))]
    pub async fn unassign(
        &self,
        date: NaiveDate,
        room: RoomId,
        by: UserId,
    ) -> Result<bool, AssignmentError> {
        let room = self.assignable(room).await?;
        self.change_assignment(date, &room, None, by, |_| true)
            .await
    }

    /// Shares the rooms of `work` that nobody has on `date` among `attendants` (see
    /// `crate::distribute`) and assigns them; returns the new assignments. A room somebody has
    /// is never taken from them, even one assigned while this ran.
    #[tracing::instrument(skip(self, attendants, work), fields(attendants = attendants.len(), rooms = work.len()))]
    pub async fn distribute(
        &self,
        date: NaiveDate,
        attendants: &[UserId],
        work: &[(RoomId, WorkKind)],
        by: UserId,
    ) -> Result<Vec<Assignment>, AssignmentError> {
        if attendants.is_empty() {
            return Err(AssignmentError::NoAttendants);
        }
        let ids: Vec<RoomId> = work.iter().map(|(r, _)| *r).collect();
        let rooms: HashMap<RoomId, Room> = self
            .rooms(&ids)
            .await
            .map_err(anyhow::Error::new)?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        if let Some((missing, _)) = work.iter().find(|(r, _)| !rooms.contains_key(r)) {
            return Err(AssignmentError::UnknownRoom(*missing));
        }
        let kinds: HashMap<RoomId, WorkKind> = work.iter().copied().collect();
        let held: Vec<Held> = self
            .assignments(date)
            .await?
            .iter()
            .map(|a| Held {
                room: a.room_id,
                attendant: a.attendant,
                floor: a.floor,
                weight: kinds.get(&a.room_id).map_or(0, |k| k.weight()),
            })
            .collect();
        let work: Vec<RoomWork> = work
            .iter()
            .map(|(id, kind)| RoomWork {
                room: *id,
                number: rooms[id].number.clone(),
                floor: rooms[id].floor,
                kind: *kind,
            })
            .collect();
        let mut made = Vec::new();
        for (room, attendant) in distribute(&work, attendants, &held) {
            if self
                .change_assignment(date, &rooms[&room], Some(attendant), by, |current| {
                    current.is_none()
                })
                .await?
            {
                made.extend(
                    self.assignment_doc(date, room)
                        .await?
                        .map(|d| d.assignment())
                        .transpose()?
                        .flatten(),
                );
            }
        }
        Ok(made)
    }
}

impl RoomsService {
    async fn assignable(&self, room: RoomId) -> Result<Room, AssignmentError> {
        self.rooms(&[room])
            .await
            .map_err(anyhow::Error::new)?
            .pop()
            .ok_or(AssignmentError::UnknownRoom(room))
    }

    async fn assignment_doc(
        &self,
        date: NaiveDate,
        room: RoomId,
    ) -> Result<Option<AssignmentDoc>, AssignmentError> {
        Ok(store::assignments(&self.db)
            .find_one(doc! { "_id": store::id_of(date, room) })
            .projection(store::fields())
            .await?)
    }

    /// Sets the room's attendant for `date` to `to` if `allowed` says so of the current one,
    /// holding the assignment's lock and only if it is still as read; `false` if nothing changed.
    async fn change_assignment(
        &self,
        date: NaiveDate,
        room: &Room,
        to: Option<UserId>,
        by: UserId,
        allowed: impl Fn(Option<UserId>) -> bool,
    ) -> Result<bool, AssignmentError> {
        let id = store::id_of(date, room.id);
        let lock = Lock::acquire(&self.db, assignment_lock(&id), LOCK_TTL, LOCK_WAIT)
            .await?
            .ok_or(AssignmentError::Busy)?;
        let result = self
            .change_assignment_locked(date, room, &id, to, by, allowed)
            .await;
        lock.release().await;
        result
    }

    async fn change_assignment_locked(
        &self,
        date: NaiveDate,
        room: &Room,
        id: &str,
        to: Option<UserId>,
        by: UserId,
        allowed: impl Fn(Option<UserId>) -> bool,
    ) -> Result<bool, AssignmentError> {
        for _ in 0..ATTEMPTS {
            let current = self.assignment_doc(date, room.id).await?;
            let from = match &current {
                Some(d) => d
                    .assignment()
                    .context("a stored assignment is invalid")?
                    .map(|a| a.attendant),
                None => None,
            };
            if from == to || !allowed(from) {
                return Ok(false);
            }
            let (line, at) = store::change(from, to, by);
            let updated_at = line.at;
            let event = Envelope::new(
                HousekeepingAssigned {
                    date,
                    room_id: room.id,
                    room_number: room.number.clone(),
                    floor: room.floor,
                    attendant: to,
                    previous: from,
                    changed_by: by,
                    timestamp: at,
                },
                at,
            );
            let entry = outbox::entry(&event)?;
            let attendant = to.map(|u| u.to_string());
            let written = match current {
                None => {
                    let doc = AssignmentDoc {
                        id: id.to_owned(),
                        date: date.to_string(),
                        room_id: room.id.to_string(),
                        room_number: room.number.clone(),
                        floor: room.floor,
                        attendant,
                        updated_by: by.to_string(),
                        updated_at: line.at,
                        history: vec![line],
                    };
                    let mut doc = bson::to_document(&doc).context("an assignment as BSON")?;
                    doc.insert("outbox", vec![entry]);
                    doc.insert(outbox::PENDING, true);
                    match store::assignments(&self.db)
                        .clone_with_type::<bson::Document>()
                        .insert_one(doc)
                        .await
                    {
                        Ok(_) => true,
                        // Another writer made the document first (the lock was broken): read again.
                        Err(e) if is_duplicate_key(&e) => false,
                        Err(e) => return Err(e.into()),
                    }
                }
                Some(_) => {
                    let line = bson::to_bson(&line).context("an audit line as BSON")?;
                    let update = doc! {
                        "$set": {
                            "attendant": attendant, "updated_by": by.to_string(), "updated_at": updated_at,
                            "room_number": &room.number, "floor": room.floor, outbox::PENDING: true,
                        },
                        "$push": { "outbox": entry, "history": line },
                    };
                    let filter = doc! { "_id": id, "attendant": from.map(|u| u.to_string()) };
                    store::assignments(&self.db)
                        .update_one(filter, update)
                        .await?
                        .matched_count
                        == 1
                }
            };
            if written {
                tracing::info!(room = %room.number, %date, ?from, ?to, "room assignment changed");
                crate::staff_actions::record_assignment(self, &room.number, date, from, to, by, at).await;
                return Ok(true);
            }
        }
        Err(anyhow::anyhow!(
            "the assignment of room {} on {date} kept changing",
            room.number
        )
        .into())
    }
}

