//! What attendants and supervisors do to a room, each a rule of `crate::status` applied under
//! the room's lock with its `room.status.changed` (see `RoomsService::change_status`).
use crate::{GuestService, HousekeepingError, Note, Occupancy, RoomsService, StatusUpdate};
use chrono::NaiveDate;
use kernel::{RoomId, UserId};

impl RoomsService {
    #[tracing::instrument(skip(self))]
    pub async fn start_cleaning(&self, room: RoomId, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.change_status(room, by, None, |s| s.start_cleaning()).await
    }

    /// Clean, or inspected when the hotel does not inspect (`HousekeepingSettings`).
    #[tracing::instrument(skip(self, note))]
    pub async fn finish_cleaning(&self, room: RoomId, by: UserId, note: Option<Note>) -> Result<StatusUpdate, HousekeepingError> {
        let inspection = self.housekeeping_settings().await?.inspection_required;
        self.change_status(room, by, note.map(String::from), |s| s.finish_cleaning(inspection)).await
    }

    #[tracing::instrument(skip(self))]
    pub async fn pass_inspection(&self, room: RoomId, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.change_status(room, by, None, |s| s.pass_inspection()).await
    }

    /// Back to dirty; the reason is what the attendant is told.
    #[tracing::instrument(skip(self, reason))]
    pub async fn fail_inspection(&self, room: RoomId, by: UserId, reason: Note) -> Result<StatusUpdate, HousekeepingError> {
        self.change_status(room, by, Some(reason.into()), |s| s.fail_inspection()).await
    }

    #[tracing::instrument(skip(self))]
    pub async fn set_guest_service(&self, room: RoomId, to: GuestService, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.change_status(room, by, None, |s| s.with_guest_service(to)).await
    }

    /// Flags the room out of service (still sold), with why; `None` clears the flag.
    #[tracing::instrument(skip(self, reason))]
    pub async fn set_out_of_service(&self, room: RoomId, reason: Option<Note>, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        let flagged = reason.is_some();
        self.change_status(room, by, reason.map(String::from), move |s| s.with_out_of_service(flagged)).await
    }

    /// Out of order (not sold) through the end of `until`; `today` is the hotel's date.
    #[tracing::instrument(skip(self, reason))]
    pub async fn take_out_of_order(
        &self,
        room: RoomId,
        until: NaiveDate,
        today: NaiveDate,
        reason: Note,
        by: UserId,
    ) -> Result<StatusUpdate, HousekeepingError> {
        self.change_status(room, by, Some(reason.into()), |s| s.take_out_of_order(until, today)).await
    }

    #[tracing::instrument(skip(self))]
    pub async fn back_in_order(&self, room: RoomId, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.change_status(room, by, None, |s| s.back_in_order()).await
    }

    /// What the attendant found at the door: a skip or a sleep shows on the board.
    #[tracing::instrument(skip(self))]
    pub async fn report_occupancy(&self, room: RoomId, seen: Occupancy, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.change_status(room, by, None, |s| s.with_report(seen)).await
    }
}
