//! Changing a room where the bookings service holds stays in it: a room with stays ahead keeps
//! its number and type (stays carry both) and stays in the inventory. The rooms service makes
//! the change; the bookings service says whether a stay holds the room.
use crate::Office;
use kernel::{RoomId, UserId};
use rooms::{CatalogueError, Room, RoomInput};
use std::time::Duration;

/// How long a booking may still pick a room from an inventory snapshot read before the change:
/// the snapshot's life plus the few milliseconds a booking's insert takes, with room to spare.
const SNAPSHOT_SETTLES: Duration = Duration::from_secs(3);

#[derive(Debug, thiserror::Error)]
pub enum RoomChangeError {
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    #[error("room {number} has {stays} stays ahead; it keeps its number and type, and stays in the inventory, until they are moved")]
    StaysAhead { number: String, stays: i64 },
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl Office {
    async fn stays_ahead(&self, room: RoomId) -> Result<i64, RoomChangeError> {
        let from = self.bookings.business_date().await.map_err(|e| anyhow::anyhow!("{e}"))?.date;
        self.bookings.stays_ahead_in(room, from).await.map_err(|e| RoomChangeError::Unexpected(anyhow::anyhow!("{e}")))
    }

    /// Adds a room or changes one. A new number or type for a room with stays ahead is
    /// refused; the change is made first and checked again once every snapshot read before it
    /// has settled, so a booking racing the change is found and the change undone.
    #[tracing::instrument(skip(self, input))]
    pub async fn save_room(&self, id: Option<RoomId>, input: RoomInput, by: UserId) -> Result<Room, RoomChangeError> {
        let Some(id) = id else { return Ok(self.rooms.save_room(None, input, by).await?) };
        let before = self.rooms.catalogue_room(id).await?.room;
        let moves = before.number != input.number.trim() || before.room_type != input.room_type;
        if !moves {
            return Ok(self.rooms.save_room(Some(id), input, by).await?);
        }
        self.refuse_with_stays(&before).await?;
        let saved = self.rooms.save_room(Some(id), input, by).await?;
        tokio::time::sleep(SNAPSHOT_SETTLES).await;
        if let Err(refused) = self.refuse_with_stays(&before).await {
            let back = RoomInput { number: before.number.clone(), floor: before.floor, room_type: before.room_type.clone(), features: before.features.clone(), notes: before.notes.clone() };
            self.rooms.save_room(Some(id), back, by).await?;
            return Err(refused);
        }
        Ok(saved)
    }

    /// Retires a vacant room with no stay ahead, checked the same way as [`Office::save_room`].
    #[tracing::instrument(skip(self))]
    pub async fn retire_room(&self, id: RoomId, by: UserId) -> Result<Room, RoomChangeError> {
        let room = self.rooms.catalogue_room(id).await?.room;
        self.refuse_with_stays(&room).await?;
        let retired = self.rooms.set_room_retired(id, true, by).await?;
        tokio::time::sleep(SNAPSHOT_SETTLES).await;
        if let Err(refused) = self.refuse_with_stays(&room).await {
            self.rooms.set_room_retired(id, false, by).await?;
            return Err(refused);
        }
        Ok(retired)
    }

    async fn refuse_with_stays(&self, room: &Room) -> Result<(), RoomChangeError> {
        match self.stays_ahead(room.id).await? {
            0 => Ok(()),
            stays => Err(RoomChangeError::StaysAhead { number: room.number.clone(), stays }),
        }
    }
}
