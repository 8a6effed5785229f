//! The rules for changing a room's state, without I/O. Each rule returns the state after the
//! change, `None` when nothing changes (and nothing is published), or why it is refused:
//! - condition: dirty → cleaning → clean → inspected (or straight to inspected when the hotel
//!   does not inspect); a failed inspection sends it back to dirty;
//! - a guest who keeps housekeeping out (do not disturb, refused service) is not cleaned;
//! - a guest cannot be checked into an out-of-order room; out of service only flags a room;
//! - when a guest leaves a sellable room it becomes dirty, and the guest's requests end;
//! - at the start of each business day an occupied room needs its stay-over service, the day's
//!   requests and reports end, and a room out of order until the day before comes back dirty.
//!
//! Staff may still set any condition by hand (`with_housekeeping`): a burst pipe does not wait.
use crate::{GuestService, Housekeeping, Occupancy};
use chrono::NaiveDate;

/// Everything about a room that these rules read and change: what `room.status.changed` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoomStatus {
    pub housekeeping: Housekeeping,
    pub occupancy: Occupancy,
    pub guest_service: GuestService,
    pub out_of_service: bool,
    pub out_of_order_until: Option<NaiveDate>,
    pub reported: Option<Occupancy>,
    pub business_day: Option<NaiveDate>,
}

/// Why a change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StatusRefused {
    #[error("a room can be inspected only after it was cleaned; it is {0}")]
    InspectBeforeClean(Housekeeping),
    #[error("a guest cannot check into a room that is {0}")]
    NotSellable(Housekeeping),
    #[error("the room is out of order; put it back in order first")]
    OutOfOrder,
    #[error("the guest asked for {0}; the room is not cleaned today")]
    GuestKeepsOut(GuestService),
    #[error("a room needs cleaning before it can be finished; it is {0}")]
    NothingToFinish(Housekeeping),
    #[error("only a cleaned room can fail its inspection; it is {0}")]
    NothingToFail(Housekeeping),
    #[error("nobody is staying in the room, so there is no guest to ask for that")]
    NoGuest,
    #[error("a room cannot be out of order until a day that has passed")]
    UntilInThePast,
}

type Rule = Result<Option<RoomStatus>, StatusRefused>;

impl RoomStatus {
    /// A room in this condition and occupancy with no request, flag or report.
    pub fn new(housekeeping: Housekeeping, occupancy: Occupancy) -> Self {
        RoomStatus {
            housekeeping,
            occupancy,
            guest_service: GuestService::None,
            out_of_service: false,
            out_of_order_until: None,
            reported: None,
            business_day: None,
        }
    }

    fn to(self, next: RoomStatus) -> Rule {
        Ok((next != self).then_some(next))
    }

    /// Staff set the condition by hand (the ticket desk, a supervisor's correction).
    pub fn with_housekeeping(self, to: Housekeeping) -> Rule {
        if to == Housekeeping::Inspected && !matches!(self.housekeeping, Housekeeping::Clean | Housekeeping::Inspected) {
            return Err(StatusRefused::InspectBeforeClean(self.housekeeping));
        }
        let until = if to == Housekeeping::OutOfOrder { self.out_of_order_until } else { None };
        self.to(RoomStatus { housekeeping: to, out_of_order_until: until, ..self })
    }

    /// An attendant starts cleaning: a dirty room, or a clean one whose guest asked for a make-up.
    pub fn start_cleaning(self) -> Rule {
        self.may_clean()?;
        match self.housekeeping {
            Housekeeping::Dirty => self.to(RoomStatus { housekeeping: Housekeeping::Cleaning, ..self }),
            Housekeeping::Clean | Housekeeping::Inspected if self.guest_service == GuestService::MakeUpRequested => {
                self.to(RoomStatus { housekeeping: Housekeeping::Cleaning, ..self })
            }
            _ => Ok(None),
        }
    }

    /// The attendant is done: clean, or inspected at once when the hotel does not inspect.
    /// A room still dirty counts as cleaned too (the start was not tapped).
    pub fn finish_cleaning(self, inspection_required: bool) -> Rule {
        self.may_clean()?;
        let done = if inspection_required { Housekeeping::Clean } else { Housekeeping::Inspected };
        let made_up = self.guest_service == GuestService::MakeUpRequested;
        match self.housekeeping {
            Housekeeping::Dirty | Housekeeping::Cleaning => {}
            Housekeeping::Clean | Housekeeping::Inspected if made_up => {}
            Housekeeping::Clean | Housekeeping::Inspected => return Ok(None),
            h => return Err(StatusRefused::NothingToFinish(h)),
        }
        let guest_service = if made_up { GuestService::None } else { self.guest_service };
        self.to(RoomStatus { housekeeping: done, guest_service, ..self })
    }

    fn may_clean(self) -> Result<(), StatusRefused> {
        if self.housekeeping == Housekeeping::OutOfOrder {
            return Err(StatusRefused::OutOfOrder);
        }
        if self.guest_service.keeps_out() {
            return Err(StatusRefused::GuestKeepsOut(self.guest_service));
        }
        Ok(())
    }

    /// Back to dirty, but never out of an out-of-order room (that is `back_in_order`).
    pub fn needs_cleaning(self) -> Rule {
        match self.housekeeping {
            Housekeeping::OutOfOrder => Err(StatusRefused::OutOfOrder),
            _ => self.to(RoomStatus { housekeeping: Housekeeping::Dirty, ..self }),
        }
    }

    /// A supervisor passes the room.
    pub fn pass_inspection(self) -> Rule {
        match self.housekeeping {
            Housekeeping::Clean | Housekeeping::Inspected => {
                self.to(RoomStatus { housekeeping: Housekeeping::Inspected, ..self })
            }
            h => Err(StatusRefused::InspectBeforeClean(h)),
        }
    }

    /// A supervisor fails the room: it goes back to dirty (the reason travels with the event).
    pub fn fail_inspection(self) -> Rule {
        match self.housekeeping {
            Housekeeping::Clean | Housekeeping::Inspected => {
                self.to(RoomStatus { housekeeping: Housekeeping::Dirty, ..self })
            }
            h => Err(StatusRefused::NothingToFail(h)),
        }
    }

    /// The guest's request for today; only a room with a guest in it can have one.
    pub fn with_guest_service(self, to: GuestService) -> Rule {
        if to != GuestService::None && self.occupancy == Occupancy::Vacant {
            return Err(StatusRefused::NoGuest);
        }
        self.to(RoomStatus { guest_service: to, ..self })
    }

    /// Flags the room out of service (still sold) or clears the flag.
    pub fn with_out_of_service(self, flagged: bool) -> Rule {
        self.to(RoomStatus { out_of_service: flagged, ..self })
    }

    /// Takes the room out of order until the end of `until` (`today` is the hotel's date).
    pub fn take_out_of_order(self, until: NaiveDate, today: NaiveDate) -> Rule {
        if until < today {
            return Err(StatusRefused::UntilInThePast);
        }
        self.to(RoomStatus { housekeeping: Housekeeping::OutOfOrder, out_of_order_until: Some(until), ..self })
    }

    /// Puts an out-of-order room back: it needs cleaning first.
    pub fn back_in_order(self) -> Rule {
        match self.housekeeping {
            Housekeeping::OutOfOrder => {
                self.to(RoomStatus { housekeeping: Housekeeping::Dirty, out_of_order_until: None, ..self })
            }
            _ => Ok(None),
        }
    }

    /// What housekeeping found at the door (see `crate::Discrepancy`).
    pub fn with_report(self, seen: Occupancy) -> Rule {
        self.to(RoomStatus { reported: Some(seen), ..self })
    }

    /// The front desk checks a guest in (`Occupied`) or out (`Vacant`). Either ends the
    /// guest's requests and what housekeeping last reported; a departure leaves the room dirty.
    pub fn with_occupancy(self, to: Occupancy) -> Rule {
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
        self.to(RoomStatus { housekeeping, occupancy: to, guest_service: GuestService::None, reported: None, ..self })
    }

    /// The start of business day `day`, once per room and day.
    pub fn start_of_day(self, day: NaiveDate) -> Rule {
        if self.business_day.is_some_and(|done| done >= day) {
            return Ok(None);
        }
        let housekeeping = match self.housekeeping {
            Housekeeping::OutOfOrder if self.out_of_order_until.is_some_and(|until| until < day) => Housekeeping::Dirty,
            Housekeeping::Clean | Housekeeping::Inspected if self.occupancy == Occupancy::Occupied => Housekeeping::Dirty,
            h => h,
        };
        let until = if housekeeping == Housekeeping::OutOfOrder { self.out_of_order_until } else { None };
        self.to(RoomStatus {
            housekeeping,
            guest_service: GuestService::None,
            reported: None,
            out_of_order_until: until,
            business_day: Some(day),
            ..self
        })
    }
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
