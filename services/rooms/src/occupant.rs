//! What a guest's arrival, departure or cancelled stay does to their room, without I/O.
//!
//! A room remembers which booking's guest is in it (`occupied_by`) and when the last booking
//! event it applied happened. Events about one booking arrive in order, but any event may come
//! again, and events about two bookings of one room travel on different partitions and may
//! overtake each other. So an event no newer than the last one applied is stale and changes
//! nothing: a redelivery, or a check-in arriving after its own check-out (or after the next
//! guest's check-in), leaves the room as it is.
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
}

/// A room as booking events see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occupant {
    pub status: RoomStatus,
    /// The booking whose guest a check-in put in the room.
    pub occupied_by: Option<BookingId>,
    /// When the last booking event applied to the room happened.
    pub last_event_at: Option<DateTime<Utc>>,
}

/// What to do with one booking event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// No newer than the last event applied: seen already, or overtaken by a later stay.
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
    /// What `event` about `booking`, which happened `at`, does to this room.
    pub fn on(&self, event: StayEvent, booking: BookingId, at: DateTime<Utc>) -> Decision {
        if self.last_event_at.is_some_and(|last| at <= last) {
            return Decision::Stale;
        }
        let (to, occupied_by) = match event {
            StayEvent::CheckedIn => (Occupancy::Occupied, Some(booking)),
            // A room set occupied by hand (no booking recorded) is freed by the departure too.
            StayEvent::CheckedOut if self.occupied_by.is_none_or(|b| b == booking) => (Occupancy::Vacant, None),
            StayEvent::Cancelled if self.occupied_by == Some(booking) => (Occupancy::Vacant, None),
            StayEvent::CheckedOut | StayEvent::Cancelled => return Decision::NotTheOccupant,
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

    fn room(housekeeping: Housekeeping, occupancy: Occupancy, occupied_by: Option<BookingId>, last: Option<DateTime<Utc>>) -> Occupant {
        Occupant { status: RoomStatus { housekeeping, occupancy }, occupied_by, last_event_at: last }
    }

    fn status(housekeeping: Housekeeping, occupancy: Occupancy) -> Option<RoomStatus> {
        Some(RoomStatus { housekeeping, occupancy })
    }

    #[test]
    fn a_check_in_occupies_the_room_for_its_booking() {
        let (a, now) = (BookingId::new(), Utc::now());
        let decision = room(Inspected, Vacant, None, None).on(CheckedIn, a, now);
        assert_eq!(decision, Decision::Apply { status: status(Inspected, Occupied), occupied_by: Some(a) });
    }

    #[test]
    fn a_check_out_leaves_the_room_dirty_and_free() {
        let (a, now) = (BookingId::new(), Utc::now());
        let in_house = room(Clean, Occupied, Some(a), Some(now - TimeDelta::hours(20)));
        assert_eq!(in_house.on(CheckedOut, a, now), Decision::Apply { status: status(Dirty, Vacant), occupied_by: None });
        let broken = room(OutOfOrder, Occupied, Some(a), None);
        assert_eq!(broken.on(CheckedOut, a, now), Decision::Apply { status: status(OutOfOrder, Vacant), occupied_by: None });
    }

    #[test]
    fn an_event_seen_before_or_overtaken_changes_nothing() {
        let (a, now) = (BookingId::new(), Utc::now());
        let in_house = room(Clean, Occupied, Some(a), Some(now));
        assert_eq!(in_house.on(CheckedIn, a, now), Decision::Stale, "a redelivered check-in");
        let left = room(Dirty, Vacant, None, Some(now));
        assert_eq!(left.on(CheckedOut, a, now), Decision::Stale, "a redelivered check-out");
        assert_eq!(left.on(CheckedIn, a, now - TimeDelta::hours(20)), Decision::Stale, "a check-in after its check-out");
    }

    #[test]
    fn only_the_occupants_departure_or_cancellation_frees_the_room() {
        let (a, b, now) = (BookingId::new(), BookingId::new(), Utc::now());
        let b_in_house = room(Clean, Occupied, Some(b), Some(now - TimeDelta::hours(1)));
        assert_eq!(b_in_house.on(CheckedOut, a, now), Decision::NotTheOccupant);
        assert_eq!(b_in_house.on(Cancelled, a, now), Decision::NotTheOccupant);
        assert_eq!(b_in_house.on(Cancelled, b, now), Decision::Apply { status: status(Dirty, Vacant), occupied_by: None });
        assert_eq!(room(Clean, Vacant, None, None).on(Cancelled, a, now), Decision::NotTheOccupant);
    }

    #[test]
    fn a_room_occupied_by_hand_is_freed_by_a_departure_and_taken_over_by_an_arrival() {
        let (a, now) = (BookingId::new(), Utc::now());
        let by_hand = room(Clean, Occupied, None, None);
        assert_eq!(by_hand.on(CheckedOut, a, now), Decision::Apply { status: status(Dirty, Vacant), occupied_by: None });
        assert_eq!(by_hand.on(CheckedIn, a, now), Decision::Apply { status: None, occupied_by: Some(a) });
    }

    #[test]
    fn the_next_guest_arriving_before_the_last_left_keeps_the_room() {
        let (a, b, now) = (BookingId::new(), BookingId::new(), Utc::now());
        let a_in_house = room(Clean, Occupied, Some(a), Some(now - TimeDelta::hours(30)));
        let b_arrives = a_in_house.on(CheckedIn, b, now);
        assert_eq!(b_arrives, Decision::Apply { status: None, occupied_by: Some(b) });
        let b_in_house = room(Clean, Occupied, Some(b), Some(now));
        assert_eq!(b_in_house.on(CheckedOut, a, now - TimeDelta::hours(4)), Decision::Stale, "A's late departure");
    }

    #[test]
    fn no_guest_checks_into_a_room_out_of_order() {
        let decision = room(OutOfOrder, Vacant, None, None).on(CheckedIn, BookingId::new(), Utc::now());
        assert_eq!(decision, Decision::Refused(StatusRefused::NotSellable(OutOfOrder)));
    }
}
