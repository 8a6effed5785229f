//! What a guest's arrival, departure, move or cancelled stay does to their room, without I/O.
//!
//! A room remembers which booking's guest is in it (`occupied_by`) and the last booking event it
//! applied: that event's booking, the booking's version, and when it happened. Events about one
//! booking travel on different topics and may arrive in any order, and any event may come again;
//! the booking's version orders them (a check-out is later than its check-in whatever the clocks
//! of the instances that wrote them say). Events about two bookings of one room have no common
//! version, so between bookings the time they happened decides. Either way an event no newer
//! than the last one applied is stale and changes nothing: a redelivery, a check-in arriving
//! after its own check-out or move, or a departure arriving after the next guest's check-in.
use crate::status::{RoomStatus, StatusRefused};
use crate::Occupancy;
use chrono::{DateTime, Utc};
use kernel::BookingId;

/// What the front desk did, as the bookings service reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StayEvent {
    CheckedIn,
    CheckedOut,
    Cancelled,
    /// An in-house guest was moved into this room.
    MovedIn,
    /// An in-house guest was moved out of this room into another.
    MovedOut,
    /// The guest's check-in was taken back: nobody slept in the room.
    CheckInReverted,
}

/// Which booking event this is: its booking, the booking's version after it, and when it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StayMark {
    pub booking: BookingId,
    /// `0` for an event published before versions existed: ordered by `at` alone.
    pub version: i64,
    pub at: DateTime<Utc>,
}

impl StayMark {
    /// Whether this event is no newer than `last`, the last one the room applied.
    fn is_stale_after(&self, last: &StayMark) -> bool {
        if last.booking == self.booking && last.version > 0 && self.version > 0 {
            self.version <= last.version
        } else {
            self.at <= last.at
        }
    }

    /// What the room remembers after applying `self` on top of `last`: this event, at the later
    /// of the two times, so an event of another booking is still compared with the latest one.
    pub fn after(self, last: Option<StayMark>) -> StayMark {
        StayMark { at: last.map_or(self.at, |l| l.at.max(self.at)), ..self }
    }
}

/// A room as booking events see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occupant {
    pub status: RoomStatus,
    /// The booking whose guest a check-in put in the room.
    pub occupied_by: Option<BookingId>,
    /// The last booking event applied to the room.
    pub last: Option<StayMark>,
}

/// What to do with one booking event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// No newer than the last event applied: seen already, or overtaken by a later one.
    Stale,
    /// About a booking whose guest is not in the room: nothing to free.
    NotTheOccupant,
    /// The room cannot take the guest (it is out of order): the desk has to move them.
    Refused(StatusRefused),
    /// Remember the event and who occupies the room now; `status` is the room's new status,
    /// `None` when it has it already (nothing to publish).
    Apply { status: Option<RoomStatus>, occupied_by: Option<BookingId> },
}

impl Occupant {
    /// What `event`, marked `mark`, does to this room.
    pub fn on(&self, event: StayEvent, mark: StayMark) -> Decision {
        if self.last.is_some_and(|last| mark.is_stale_after(&last)) {
            return Decision::Stale;
        }
        let booking = mark.booking;
        let (to, occupied_by) = match event {
            StayEvent::CheckedIn | StayEvent::MovedIn => (Occupancy::Occupied, Some(booking)),
            // A room set occupied by hand (no booking recorded) is freed by the departure too.
            StayEvent::CheckedOut | StayEvent::MovedOut if self.occupied_by.is_none_or(|b| b == booking) => {
                (Occupancy::Vacant, None)
            }
            StayEvent::Cancelled if self.occupied_by == Some(booking) => (Occupancy::Vacant, None),
            // Left as the guest found it: vacant, its housekeeping unchanged (nobody used it).
            StayEvent::CheckInReverted if self.occupied_by == Some(booking) => {
                let status = RoomStatus { occupancy: Occupancy::Vacant, ..self.status };
                return Decision::Apply { status: (status != self.status).then_some(status), occupied_by: None };
            }
            StayEvent::CheckedOut | StayEvent::MovedOut | StayEvent::Cancelled | StayEvent::CheckInReverted => {
                return Decision::NotTheOccupant
            }
        };
        match self.status.with_occupancy(to) {
            Ok(status) => Decision::Apply { status, occupied_by },
            Err(refused) => Decision::Refused(refused),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Housekeeping::{self, *};
    use chrono::TimeDelta;
    use Occupancy::*;
    use StayEvent::*;

    fn room(housekeeping: Housekeeping, occupancy: Occupancy, occupied_by: Option<BookingId>, last: Option<StayMark>) -> Occupant {
        Occupant { status: RoomStatus::new(housekeeping, occupancy), occupied_by, last }
    }

    fn mark(booking: BookingId, version: i64, at: DateTime<Utc>) -> StayMark {
        StayMark { booking, version, at }
    }

    fn status(housekeeping: Housekeeping, occupancy: Occupancy) -> Option<RoomStatus> {
        Some(RoomStatus::new(housekeeping, occupancy))
    }

    #[test]
    fn a_check_in_occupies_the_room_for_its_booking() {
        let (a, now) = (BookingId::new(), Utc::now());
        let decision = room(Inspected, Vacant, None, None).on(CheckedIn, mark(a, 2, now));
        assert_eq!(decision, Decision::Apply { status: status(Inspected, Occupied), occupied_by: Some(a) });
    }

    #[test]
    fn a_check_out_leaves_the_room_dirty_and_free() {
        let (a, now) = (BookingId::new(), Utc::now());
        let in_house = room(Clean, Occupied, Some(a), Some(mark(a, 2, now - TimeDelta::hours(20))));
        let left = Decision::Apply { status: status(Dirty, Vacant), occupied_by: None };
        assert_eq!(in_house.on(CheckedOut, mark(a, 3, now)), left);
        let broken = room(OutOfOrder, Occupied, Some(a), None);
        assert_eq!(broken.on(CheckedOut, mark(a, 3, now)), Decision::Apply { status: status(OutOfOrder, Vacant), occupied_by: None });
    }

    #[test]
    fn an_event_seen_before_or_overtaken_changes_nothing() {
        let (a, now) = (BookingId::new(), Utc::now());
        let in_house = room(Clean, Occupied, Some(a), Some(mark(a, 2, now)));
        assert_eq!(in_house.on(CheckedIn, mark(a, 2, now)), Decision::Stale, "a redelivered check-in");
        let left = room(Dirty, Vacant, None, Some(mark(a, 3, now)));
        assert_eq!(left.on(CheckedOut, mark(a, 3, now)), Decision::Stale, "a redelivered check-out");
        assert_eq!(left.on(CheckedIn, mark(a, 2, now - TimeDelta::hours(20))), Decision::Stale, "a check-in after its check-out");
    }

    #[test]
    fn one_bookings_events_are_ordered_by_version_whatever_their_clocks_say() {
        let (a, now) = (BookingId::new(), Utc::now());
        let in_house = room(Clean, Occupied, Some(a), Some(mark(a, 2, now)));
        let early_clock = mark(a, 3, now - TimeDelta::minutes(5));
        assert_eq!(in_house.on(CheckedOut, early_clock), Decision::Apply { status: status(Dirty, Vacant), occupied_by: None });
        let left = room(Dirty, Vacant, None, Some(early_clock.after(Some(mark(a, 2, now)))));
        assert_eq!(left.on(CheckedIn, mark(a, 2, now)), Decision::Stale, "the check-in it overtook");
        assert_eq!(left.last.unwrap().at, now, "the room keeps the latest time, for the next booking's events");
    }

    #[test]
    fn only_the_occupants_departure_or_cancellation_frees_the_room() {
        let (a, b, now) = (BookingId::new(), BookingId::new(), Utc::now());
        let b_in_house = room(Clean, Occupied, Some(b), Some(mark(b, 2, now - TimeDelta::hours(1))));
        assert_eq!(b_in_house.on(CheckedOut, mark(a, 3, now)), Decision::NotTheOccupant);
        assert_eq!(b_in_house.on(Cancelled, mark(a, 2, now)), Decision::NotTheOccupant);
        assert_eq!(b_in_house.on(MovedOut, mark(a, 3, now)), Decision::NotTheOccupant);
        assert_eq!(b_in_house.on(Cancelled, mark(b, 3, now)), Decision::Apply { status: status(Dirty, Vacant), occupied_by: None });
        assert_eq!(room(Clean, Vacant, None, None).on(Cancelled, mark(a, 2, now)), Decision::NotTheOccupant);
    }

    #[test]
    fn a_move_frees_the_old_room_and_occupies_the_new_one() {
        let (a, now) = (BookingId::new(), Utc::now());
        let old = room(Clean, Occupied, Some(a), Some(mark(a, 2, now - TimeDelta::hours(2))));
        assert_eq!(old.on(MovedOut, mark(a, 3, now)), Decision::Apply { status: status(Dirty, Vacant), occupied_by: None });
        let new = room(Inspected, Vacant, None, None);
        assert_eq!(new.on(MovedIn, mark(a, 3, now)), Decision::Apply { status: status(Inspected, Occupied), occupied_by: Some(a) });
        let moved_before_arriving = room(Clean, Vacant, None, Some(mark(a, 3, now)));
        assert_eq!(moved_before_arriving.on(CheckedIn, mark(a, 2, now - TimeDelta::hours(2))), Decision::Stale);
    }

    #[test]
    fn a_room_occupied_by_hand_is_freed_by_a_departure_and_taken_over_by_an_arrival() {
        let (a, now) = (BookingId::new(), Utc::now());
        let by_hand = room(Clean, Occupied, None, None);
        assert_eq!(by_hand.on(CheckedOut, mark(a, 3, now)), Decision::Apply { status: status(Dirty, Vacant), occupied_by: None });
        assert_eq!(by_hand.on(CheckedIn, mark(a, 2, now)), Decision::Apply { status: None, occupied_by: Some(a) });
    }

    #[test]
    fn the_next_guest_arriving_before_the_last_left_keeps_the_room() {
        let (a, b, now) = (BookingId::new(), BookingId::new(), Utc::now());
        let a_in_house = room(Clean, Occupied, Some(a), Some(mark(a, 2, now - TimeDelta::hours(30))));
        let b_arrives = a_in_house.on(CheckedIn, mark(b, 2, now));
        assert_eq!(b_arrives, Decision::Apply { status: None, occupied_by: Some(b) });
        let b_in_house = room(Clean, Occupied, Some(b), Some(mark(b, 2, now)));
        assert_eq!(b_in_house.on(CheckedOut, mark(a, 3, now - TimeDelta::hours(4))), Decision::Stale, "A's late departure");
    }

    #[test]
    fn an_event_from_before_versions_is_ordered_by_time() {
        let (a, now) = (BookingId::new(), Utc::now());
        let left = room(Dirty, Vacant, None, Some(mark(a, 0, now)));
        assert_eq!(left.on(CheckedIn, mark(a, 2, now - TimeDelta::hours(20))), Decision::Stale);
        assert!(matches!(left.on(CheckedIn, mark(a, 0, now + TimeDelta::hours(1))), Decision::Apply { .. }));
    }

    #[test]
    fn a_reverted_check_in_leaves_the_room_vacant_as_it_was_and_may_check_in_again() {
        let (a, b, now) = (BookingId::new(), BookingId::new(), Utc::now());
        let in_house = room(Inspected, Occupied, Some(a), Some(mark(a, 2, now - TimeDelta::minutes(5))));
        let reverted = Decision::Apply { status: status(Inspected, Vacant), occupied_by: None };
        assert_eq!(in_house.on(CheckInReverted, mark(a, 3, now)), reverted, "not dirty: nobody used it");
        assert_eq!(in_house.on(CheckInReverted, mark(b, 3, now)), Decision::NotTheOccupant);
        let back = room(Inspected, Vacant, None, Some(mark(a, 3, now)));
        assert_eq!(back.on(CheckInReverted, mark(a, 3, now)), Decision::Stale, "a redelivery");
        assert_eq!(back.on(CheckedIn, mark(a, 2, now)), Decision::Stale, "the check-in it took back");
        let again = Decision::Apply { status: status(Inspected, Occupied), occupied_by: Some(a) };
        assert_eq!(back.on(CheckedIn, mark(a, 4, now)), again, "checked in again");
    }

    #[test]
    fn no_guest_checks_into_a_room_out_of_order() {
        let decision = room(OutOfOrder, Vacant, None, None).on(CheckedIn, mark(BookingId::new(), 2, Utc::now()));
        assert_eq!(decision, Decision::Refused(StatusRefused::NotSellable(OutOfOrder)));
    }
}
