//! The rules for changing a room's status, without I/O. Kept deliberately few:
//! - setting a status the room already has changes nothing (and publishes nothing);
//! - a room is `inspected` only after it was cleaned (`clean` → `inspected`);
//! - a guest cannot be checked into an out-of-order or out-of-service room;
//! - when a guest leaves (`occupied` → `vacant`) a sellable room becomes `dirty`.
//!
//! Everything else is allowed: an occupied room may be inspected, marked dirty or taken out of
//! order (a burst pipe does not wait for check-out).
use crate::{Housekeeping, Occupancy};

/// A room's housekeeping and occupancy together: what `room.status.changed` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoomStatus {
    pub housekeeping: Housekeeping,
    pub occupancy: Occupancy,
}

/// Why a status change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StatusRefused {
    #[error("a room can be inspected only after it was cleaned; it is {0}")]
    InspectBeforeClean(Housekeeping),
    #[error("a guest cannot check into a room that is {0}")]
    NotSellable(Housekeeping),
}

impl RoomStatus {
    /// The status after housekeeping sets `to`; `None` when nothing changes.
    pub fn with_housekeeping(self, to: Housekeeping) -> Result<Option<RoomStatus>, StatusRefused> {
        if to == self.housekeeping {
            return Ok(None);
        }
        if to == Housekeeping::Inspected && self.housekeeping != Housekeeping::Clean {
            return Err(StatusRefused::InspectBeforeClean(self.housekeeping));
        }
        Ok(Some(RoomStatus { housekeeping: to, ..self }))
    }

    /// The status after the front desk sets `to`; `None` when nothing changes.
    pub fn with_occupancy(self, to: Occupancy) -> Result<Option<RoomStatus>, StatusRefused> {
        if to == self.occupancy {
            return Ok(None);
        }
        let housekeeping = match to {
            Occupancy::Occupied if !self.housekeeping.sellable() => {
                return Err(StatusRefused::NotSellable(self.housekeeping))
            }
            Occupancy::Occupied => self.housekeeping,
            Occupancy::Vacant if self.housekeeping.sellable() => Housekeeping::Dirty,
            Occupancy::Vacant => self.housekeeping,
        };
        Ok(Some(RoomStatus { housekeeping, occupancy: to }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Housekeeping::*;
    use Occupancy::*;

    fn status(housekeeping: Housekeeping, occupancy: Occupancy) -> RoomStatus {
        RoomStatus { housekeeping, occupancy }
    }

    #[test]
    fn the_same_status_again_changes_nothing() {
        for h in [Clean, Dirty, Inspected, OutOfOrder, OutOfService] {
            for o in [Vacant, Occupied] {
                assert_eq!(status(h, o).with_housekeeping(h), Ok(None));
                assert_eq!(status(h, o).with_occupancy(o), Ok(None));
            }
        }
    }

    #[test]
    fn only_a_clean_room_can_be_inspected() {
        assert_eq!(status(Clean, Occupied).with_housekeeping(Inspected), Ok(Some(status(Inspected, Occupied))));
        for h in [Dirty, OutOfOrder, OutOfService] {
            assert_eq!(status(h, Vacant).with_housekeeping(Inspected), Err(StatusRefused::InspectBeforeClean(h)));
        }
    }

    #[test]
    fn any_room_can_be_taken_out_of_order_and_back() {
        for h in [Clean, Dirty, Inspected, OutOfService] {
            assert_eq!(status(h, Occupied).with_housekeeping(OutOfOrder), Ok(Some(status(OutOfOrder, Occupied))));
        }
        assert_eq!(status(OutOfOrder, Vacant).with_housekeeping(Dirty), Ok(Some(status(Dirty, Vacant))));
    }

    #[test]
    fn guests_check_into_sellable_rooms_only() {
        assert_eq!(status(Dirty, Vacant).with_occupancy(Occupied), Ok(Some(status(Dirty, Occupied))));
        assert_eq!(status(OutOfOrder, Vacant).with_occupancy(Occupied), Err(StatusRefused::NotSellable(OutOfOrder)));
        assert_eq!(status(OutOfService, Vacant).with_occupancy(Occupied), Err(StatusRefused::NotSellable(OutOfService)));
    }

    #[test]
    fn a_room_a_guest_left_needs_cleaning_unless_it_is_out_of_order() {
        assert_eq!(status(Inspected, Occupied).with_occupancy(Vacant), Ok(Some(status(Dirty, Vacant))));
        assert_eq!(status(OutOfOrder, Occupied).with_occupancy(Vacant), Ok(Some(status(OutOfOrder, Vacant))));
    }
}
