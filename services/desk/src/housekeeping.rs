//! The housekeeping supervisor's morning: what each room needs today, read from the front
//! desk's lists (bookings) and the rooms' status (rooms), shared among the attendants on shift
//! (users say who is an attendant). It lives here because it reads three services; the rooms
//! service assigns and never reads bookings.
use crate::{Desk, DeskError};
use bookings::{Booking, BookingStatus};
use chrono::NaiveDate;
use kernel::{Role, RoomId, UserId};
use rooms::{Assignment, AssignmentError, Housekeeping, Room, WorkKind};
use std::collections::{BTreeMap, HashMap};

impl Desk {
    /// Every room that needs housekeeping on `date`, with the heaviest work it needs.
    #[tracing::instrument(skip(self))]
    pub async fn housekeeping_work(
        &self,
        date: NaiveDate,
    ) -> Result<Vec<(RoomId, WorkKind)>, DeskError> {
        let bookings = self.bookings.on_day(date, None).await?;
        let ids: Vec<RoomId> = bookings.iter().map(|b| b.room_id).collect();
        let rooms: HashMap<RoomId, Room> = self
            .rooms
            .rooms(&ids)
            .await?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        Ok(work_of(date, &bookings, &rooms))
    }

    /// Shares the rooms that need work on `date` and nobody has yet among `attendants`, who
    /// must all be housekeeping staff; returns the new assignments.
    #[tracing::instrument(skip(self, attendants), fields(attendants = attendants.len()))]
    pub async fn distribute_housekeeping(
        &self,
        date: NaiveDate,
        attendants: &[UserId],
        by: UserId,
    ) -> Result<Vec<Assignment>, DeskError> {
        self.attendants(attendants).await?;
        let work = self.housekeeping_work(date).await?;
        Ok(self.rooms.distribute(date, attendants, &work, by).await?)
    }

    /// Gives `room` to `attendant` (housekeeping staff) for `date`.
    #[tracing::instrument(skip(self))]
    pub async fn assign_attendant(
        &self,
        date: NaiveDate,
        room: RoomId,
        attendant: UserId,
        by: UserId,
    ) -> Result<Assignment, DeskError> {
        self.attendants(&[attendant]).await?;
        Ok(self.rooms.assign(date, room, attendant, by).await?)
    }

    /// Refuses anyone who is not housekeeping staff.
    async fn attendants(&self, ids: &[UserId]) -> Result<(), DeskError> {
        let staff = self.users.having_role(ids, Role::Housekeeping).await?;
        match ids.iter().find(|id| !staff.contains(id)) {
            Some(_) => Err(DeskError::Invalid(
                "rooms can be given only to housekeeping staff".into(),
            )),
            None => Ok(()),
        }
    }
}

/// What each room needs on `date`, the heaviest when bookings disagree (a departure and an
/// arrival in one room is a departure). Rooms out of order or out of service get nothing.
/// - a guest leaving that day, or gone and the room still dirty: a departure;
/// - a guest who arrived before and stays on: a stay-over;
/// - a guest still to arrive: a check of a clean room, a full clean of a dirty one.
pub fn work_of(
    date: NaiveDate,
    bookings: &[Booking],
    rooms: &HashMap<RoomId, Room>,
) -> Vec<(RoomId, WorkKind)> {
    let mut work = BTreeMap::<RoomId, WorkKind>::new();
    for b in bookings {
        let Some(room) = rooms.get(&b.room_id).filter(|r| r.housekeeping.sellable()) else {
            continue;
        };
        let dirty = room.housekeeping == Housekeeping::Dirty;
        let (arrives, leaves) = (b.stay.check_in(), b.stay.check_out());
        let kind = match b.status {
            BookingStatus::CheckedIn if leaves == date => Some(WorkKind::Departure),
            BookingStatus::CheckedOut if leaves == date && dirty => Some(WorkKind::Departure),
            BookingStatus::CheckedIn if arrives < date && date < leaves => Some(WorkKind::StayOver),
            BookingStatus::Confirmed if arrives == date && dirty => Some(WorkKind::Departure),
            BookingStatus::Confirmed
                if arrives == date && room.housekeeping == Housekeeping::Clean =>
            {
                Some(WorkKind::ArrivalCheck)
            }
            _ => None,
        };
        if let Some(kind) = kind {
            work.entry(room.id)
                .and_modify(|k| *k = (*k).min(kind))
                .or_insert(kind);
        }
    }
    work.into_iter().collect()
}

impl From<AssignmentError> for DeskError {
    fn from(e: AssignmentError) -> Self {
        match e {
            AssignmentError::UnknownRoom(_) => DeskError::NotFound(e.to_string()),
            AssignmentError::NoAttendants => DeskError::Invalid(e.to_string()),
            AssignmentError::Busy => DeskError::Conflict(e.to_string()),
            AssignmentError::Unexpected(e) => DeskError::Unexpected(e),
        }
    }
}
