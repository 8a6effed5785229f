//! Moving a stay to another room at the desk: the rooms it could go to, each as housekeeping
//! has it now, and the move itself. A guest who sleeps in the new room tonight is put into a
//! room that is not ready only on the staff's word. The bookings service has the last word on
//! nights taken and party size (and audits the move); the rooms service on what is out of order.
use crate::{Desk, DeskError};
use bookings::lifecycle::Action;
use bookings::{Booking, BookingError, BookingStatus};
use chrono::NaiveDate;
use kernel::{BookingId, RoomId, RoomTypeCode, Stay, UserId};
use rooms::{Housekeeping, Occupancy, Room, RoomType};
use std::collections::HashMap;

/// A room the stay could move to, as it is now.
#[derive(Debug, Clone)]
pub struct FreeRoom {
    pub room: Room,
    pub room_type: RoomType,
    /// Why it is not ready for this stay's guest tonight; `None` when it is, or when the guest
    /// arrives on a later day (housekeeping has time until then).
    pub not_ready: Option<NotReady>,
}

/// Why a room is not ready for a guest to walk into now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotReady {
    pub room: String,
    /// "dirty", "clean but not yet inspected", "still occupied".
    pub state: &'static str,
}

impl std::fmt::Display for NotReady {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Room {} is {}", self.room, self.state)
    }
}

impl NotReady {
    /// Ready means vacant and inspected, or only clean where the hotel does not inspect
    /// (`inspection_required`): a clean room otherwise still waits for its inspection.
    pub fn of(room: &Room, inspection_required: bool) -> Option<Self> {
        let state = match (room.occupancy, room.housekeeping) {
            (Occupancy::Occupied, _) => "still occupied",
            (_, Housekeeping::Inspected) => return None,
            (_, Housekeeping::Clean) if !inspection_required => return None,
            (_, Housekeeping::Clean) => "clean but not yet inspected",
            (_, Housekeeping::Dirty) => "dirty",
            (_, Housekeeping::OutOfOrder) => "out of order",
            (_, Housekeeping::Cleaning) => "being cleaned",
        };
        Some(Self {
            room: room.number.clone(),
            state,
        })
    }

    /// What stops `b`'s guest from going into `room` without a second thought, as of `today`.
    fn for_stay(b: &Booking, room: &Room, today: NaiveDate, inspection_required: bool) -> Option<Self> {
        sleeps_there_tonight(b.status, &b.stay, today)
            .then(|| Self::of(room, inspection_required))
            .flatten()
    }
}

/// In house, or due to arrive: the guest needs the room now, not on a later day.
fn sleeps_there_tonight(status: BookingStatus, stay: &Stay, today: NaiveDate) -> bool {
    match status {
        BookingStatus::CheckedIn => true,
        BookingStatus::Pending | BookingStatus::Confirmed => {
            stay.check_in() <= today && today < stay.check_out()
        }
        _ => false,
    }
}

/// The types whose capacity fits the party, the booked one first, then in the order given.
fn fitting_types<'a>(
    types: &'a [RoomType],
    booked: &RoomTypeCode,
    party: &kernel::Party,
) -> Vec<&'a RoomType> {
    let mut fitting: Vec<&RoomType> = types.iter().filter(|t| t.fits(party)).collect();
    fitting.sort_by_key(|t| &t.code != booked);
    fitting
}

impl Desk {
    /// The rooms stay `id` could move to: sellable rooms of the types that fit its party (its
    /// own type first, by room number within each type), free on every night of the stay.
    /// Empty when the stay can no longer be moved.
    #[tracing::instrument(skip(self))]
    pub async fn free_rooms(&self, id: BookingId) -> Result<Vec<FreeRoom>, DeskError> {
        let booking = self.bookings.find(id).await.map_err(refusal)?;
        if !booking.status.allows(Action::MoveRoom) {
            return Ok(Vec::new());
        }
        let inventory = self.rooms.inventory().await?;
        let types = fitting_types(&inventory.room_types, &booking.room_type, &booking.party);
        let candidates: Vec<RoomId> = types
            .iter()
            .flat_map(|t| {
                let mut rooms: Vec<&Room> = inventory
                    .sellable
                    .get(&t.code)
                    .into_iter()
                    .flatten()
                    .collect();
                rooms.sort_by_key(|r| (r.number.len(), r.number.clone()));
                rooms.into_iter().map(|r| r.id)
            })
            .filter(|r| *r != booking.room_id)
            .collect();
        let free = self.bookings.free_for_move(&booking, &candidates).await?;
        // The inventory is a snapshot; the rooms as they are now decide what is shown.
        let mut now: HashMap<RoomId, Room> = self
            .rooms
            .rooms(&free)
            .await?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        let type_of: HashMap<&RoomTypeCode, &RoomType> =
            types.iter().map(|t| (&t.code, *t)).collect();
        let today = self.bookings.today();
        let inspection = self.rooms.housekeeping_settings().await?.inspection_required;
        Ok(free
            .iter()
            .filter_map(|id| now.remove(id))
            .filter(|room| room.housekeeping.sellable())
            .filter_map(|room| {
                let room_type = (*type_of.get(&room.room_type)?).clone();
                let not_ready = NotReady::for_stay(&booking, &room, today, inspection);
                Some(FreeRoom {
                    room,
                    room_type,
                    not_ready,
                })
            })
            .collect())
    }

    /// Moves stay `id` to room `number`, by `by`. Refused with the reason when the stay cannot
    /// move, the room does not exist, is out of order, too small for the party or taken on some
    /// night; and, unless `confirm_not_ready`, when the guest sleeps there tonight and the room
    /// is not ready ([`DeskError::NotReady`]).
    #[tracing::instrument(skip(self))]
    pub async fn move_room(
        &self,
        id: BookingId,
        number: &str,
        by: UserId,
        confirm_not_ready: bool,
    ) -> Result<Booking, DeskError> {
        let booking = self.bookings.find(id).await.map_err(refusal)?;
        booking
            .status
            .transition(Action::MoveRoom)
            .map_err(|e| DeskError::Conflict(e.to_string()))?;
        let unsuitable = |why: String| {
            DeskError::Conflict(format!("room {number} cannot take this stay: {why}"))
        };
        let room = self
            .rooms
            .room_by_number(number)
            .await?
            .ok_or_else(|| unsuitable("there is no such room".into()))?;
        if !room.housekeeping.sellable() {
            return Err(unsuitable(format!("it is {}", room.housekeeping)));
        }
        if room.id != booking.room_id && !confirm_not_ready {
            // Asked only of a move that would otherwise go ahead: a room too small or taken
            // is refused outright, not after the staff said yes.
            self.check_fits_and_free(&booking, &room).await?;
            let inspection = self.rooms.housekeeping_settings().await?.inspection_required;
            if let Some(not_ready) = NotReady::for_stay(&booking, &room, self.bookings.today(), inspection) {
                return Err(DeskError::NotReady(not_ready));
            }
        }
        self.bookings
            .move_room(id, number, by)
            .await
            .map_err(refusal)
    }

    async fn check_fits_and_free(&self, b: &Booking, room: &Room) -> Result<(), DeskError> {
        let unsuitable = |why| {
            refusal(BookingError::RoomUnsuitable {
                room: room.number.clone(),
                why,
            })
        };
        let inventory = self.rooms.inventory().await?;
        let fits = inventory
            .room_types
            .iter()
            .find(|t| t.code == room.room_type)
            .is_some_and(|t| t.fits(&b.party));
        if !fits {
            return Err(unsuitable("it is too small for this party"));
        }
        if self.bookings.free_for_move(b, &[room.id]).await?.is_empty() {
            return Err(unsuitable("it is booked on some of these nights"));
        }
        Ok(())
    }
}

/// The bookings service's refusals, in its words; anything else is unexpected.
fn refusal(e: BookingError) -> DeskError {
    match e {
        BookingError::NotFound => DeskError::NotFound("booking not found".into()),
        BookingError::RoomUnsuitable { .. }
        | BookingError::IllegalTransition(_)
        | BookingError::NoLongerAvailable
        | BookingError::PartyDoesNotFit { .. } => DeskError::Conflict(e.to_string()),
        e => e.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel::Party;

    fn room(housekeeping: Housekeeping, occupancy: Occupancy) -> Room {
        let code = RoomTypeCode::parse("STD").unwrap();
        Room {
            housekeeping,
            occupancy,
            ..Room::new("204".into(), 2, code)
        }
    }

    #[test]
    fn only_a_vacant_inspected_room_is_ready() {
        use Housekeeping::*;
        assert_eq!(NotReady::of(&room(Inspected, Occupancy::Vacant), true), None);
        let state = |h, o| NotReady::of(&room(h, o), true).map(|n| n.state);
        assert_eq!(state(Dirty, Occupancy::Vacant), Some("dirty"));
        assert_eq!(
            state(Clean, Occupancy::Vacant),
            Some("clean but not yet inspected")
        );
        assert_eq!(
            state(Inspected, Occupancy::Occupied),
            Some("still occupied")
        );
        assert_eq!(
            NotReady::of(&room(Dirty, Occupancy::Vacant), true)
                .unwrap()
                .to_string(),
            "Room 204 is dirty"
        );
    }

    #[test]
    fn where_the_hotel_does_not_inspect_a_clean_vacant_room_is_ready() {
        use Housekeeping::*;
        assert_eq!(NotReady::of(&room(Clean, Occupancy::Vacant), false), None);
        assert_eq!(NotReady::of(&room(Dirty, Occupancy::Vacant), false).map(|n| n.state), Some("dirty"));
        assert_eq!(NotReady::of(&room(Clean, Occupancy::Occupied), false).map(|n| n.state), Some("still occupied"));
    }

    #[test]
    fn the_room_matters_now_for_guests_in_house_or_due_today() {
        use BookingStatus::*;
        let today = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
        let from = |days: i64, nights: i64| {
            let check_in = today + chrono::Duration::days(days);
            Stay::new(check_in, check_in + chrono::Duration::days(nights)).unwrap()
        };
        assert!(sleeps_there_tonight(CheckedIn, &from(-2, 3), today));
        assert!(sleeps_there_tonight(Confirmed, &from(0, 1), today));
        assert!(
            sleeps_there_tonight(Pending, &from(-1, 2), today),
            "a late arrival"
        );
        assert!(!sleeps_there_tonight(Confirmed, &from(1, 2), today));
        assert!(!sleeps_there_tonight(Confirmed, &from(-2, 2), today));
        assert!(!sleeps_there_tonight(CheckedOut, &from(-2, 3), today));
        assert!(!sleeps_there_tonight(Cancelled, &from(0, 1), today));
    }

    #[test]
    fn the_booked_type_comes_first_then_every_type_the_party_fits() {
        let types = rooms::demo::room_types();
        let booked = RoomTypeCode::parse("SUP").unwrap();
        let codes = |party| {
            fitting_types(&types, &booked, &party)
                .iter()
                .map(|t| t.code.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(Party::new(2, 0).unwrap()),
            ["SUP", "STD", "TWN", "DLX", "FAM", "STE"]
        );
        assert_eq!(codes(Party::new(3, 0).unwrap()), ["DLX", "FAM"]);
    }
}
