//! What attendants and supervisors do to a room, each a rule of `crate::status` applied under
//! the room's lock with its `room.status.changed` (see `RoomsService::change_status`).
use crate::status::{RoomStatus, StatusRefused};
use crate::{GuestService, HousekeepingError, Note, Occupancy, RoomsService, StatusUpdate};
use chrono::NaiveDate;
use kernel::{RoomId, UserId};

/// One thing done to a room by housekeeping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomAction {
    StartCleaning,
    /// Clean, or inspected when the hotel does not inspect (`HousekeepingSettings`).
    FinishCleaning,
    PassInspection,
    /// A supervisor sends a room back to be cleaned (a complaint, a room left too long).
    NeedsCleaning,
    /// Back to dirty; the reason is what the attendant is told.
    FailInspection(Note),
    GuestService(GuestService),
    /// What the attendant found at the door: a skip or a sleep shows on the board.
    Report(Occupancy),
    /// Flags the room out of service (still sold), with why; `None` clears the flag.
    OutOfService(Option<Note>),
    /// Not sold through the end of `until`; `today` is the hotel's date.
    OutOfOrder { until: NaiveDate, today: NaiveDate, reason: Note },
    BackInOrder,
}

impl RoomAction {
    /// What only a housekeeping supervisor may do: judge a room's cleaning, take it out of
    /// sale or flag it.
    pub fn needs_supervisor(&self) -> bool {
        matches!(
            self,
            RoomAction::PassInspection
                | RoomAction::NeedsCleaning
                | RoomAction::FailInspection(_)
                | RoomAction::OutOfService(_)
                | RoomAction::OutOfOrder { .. }
                | RoomAction::BackInOrder
        )
    }

    fn reason(&self) -> Option<String> {
        match self {
            RoomAction::FailInspection(n) | RoomAction::OutOfOrder { reason: n, .. } => Some(n.as_str().to_owned()),
            RoomAction::OutOfService(n) => n.as_ref().map(|n| n.as_str().to_owned()),
            _ => None,
        }
    }

    fn apply(&self, s: RoomStatus, inspection_required: bool) -> Result<Option<RoomStatus>, StatusRefused> {
        match self {
            RoomAction::StartCleaning => s.start_cleaning(),
            RoomAction::FinishCleaning => s.finish_cleaning(inspection_required),
            RoomAction::PassInspection => s.pass_inspection(),
            RoomAction::NeedsCleaning => s.needs_cleaning(),
            RoomAction::FailInspection(_) => s.fail_inspection(),
            RoomAction::GuestService(to) => s.with_guest_service(*to),
            RoomAction::Report(seen) => s.with_report(*seen),
            RoomAction::OutOfService(reason) => s.with_out_of_service(reason.is_some()),
            RoomAction::OutOfOrder { until, today, .. } => s.take_out_of_order(*until, *today),
            RoomAction::BackInOrder => s.back_in_order(),
        }
    }
}

impl RoomsService {
    /// Does `action` to `room`; under a `key`, at most once however often it is asked.
    #[tracing::instrument(skip(self, key))]
    pub async fn act(
        &self,
        room: RoomId,
        action: RoomAction,
        by: UserId,
        key: Option<&str>,
    ) -> Result<StatusUpdate, HousekeepingError> {
        let inspection = match action {
            RoomAction::FinishCleaning => self.housekeeping_settings().await?.inspection_required,
            _ => true,
        };
        let rule = |s| action.apply(s, inspection);
        match key {
            Some(key) => self.change_status_once(room, by, action.reason(), key, rule).await,
            None => self.change_status(room, by, action.reason(), rule).await,
        }
    }

    pub async fn start_cleaning(&self, room: RoomId, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.act(room, RoomAction::StartCleaning, by, None).await
    }

    /// A note is kept as the reason of the change.
    pub async fn finish_cleaning(&self, room: RoomId, by: UserId, note: Option<Note>) -> Result<StatusUpdate, HousekeepingError> {
        let inspection = self.housekeeping_settings().await?.inspection_required;
        self.change_status(room, by, note.map(String::from), |s| s.finish_cleaning(inspection)).await
    }

    pub async fn pass_inspection(&self, room: RoomId, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.act(room, RoomAction::PassInspection, by, None).await
    }

    pub async fn fail_inspection(&self, room: RoomId, by: UserId, reason: Note) -> Result<StatusUpdate, HousekeepingError> {
        self.act(room, RoomAction::FailInspection(reason), by, None).await
    }

    pub async fn set_guest_service(&self, room: RoomId, to: GuestService, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.act(room, RoomAction::GuestService(to), by, None).await
    }

    pub async fn set_out_of_service(&self, room: RoomId, reason: Option<Note>, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.act(room, RoomAction::OutOfService(reason), by, None).await
    }

    pub async fn take_out_of_order(
        &self,
        room: RoomId,
        until: NaiveDate,
        today: NaiveDate,
        reason: Note,
        by: UserId,
    ) -> Result<StatusUpdate, HousekeepingError> {
        self.act(room, RoomAction::OutOfOrder { until, today, reason }, by, None).await
    }

    pub async fn back_in_order(&self, room: RoomId, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.act(room, RoomAction::BackInOrder, by, None).await
    }

    pub async fn report_occupancy(&self, room: RoomId, seen: Occupancy, by: UserId) -> Result<StatusUpdate, HousekeepingError> {
        self.act(room, RoomAction::Report(seen), by, None).await
    }
}
