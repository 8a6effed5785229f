//! A booking's lifecycle as an explicit state machine: which action moves which status where.
//! Pure: no I/O, so every rule is in the table below and tested in full.
//!
//! ```text
//! pending ──confirm──▶ confirmed ──check in──▶ checked_in ──check out──▶ checked_out
//!    │                   │    │  ◀──revert check-in──┘
//!    └──cancel──▶ cancelled ◀─┘ └──mark no-show──▶ no_show
//! ```
use crate::BookingStatus;

/// What staff, a guest or the system can do to a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Confirm,
    CheckIn,
    CheckOut,
    Cancel,
    MarkNoShow,
    /// Change dates, party or room type; the status stays.
    Modify,
    /// Staff move the stay to another room; the status stays.
    MoveRoom,
    /// Staff take back a check-in made by mistake: the guest is expected again.
    RevertCheckIn,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Self::Confirm,
        Self::CheckIn,
        Self::CheckOut,
        Self::Cancel,
        Self::MarkNoShow,
        Self::Modify,
        Self::MoveRoom,
        Self::RevertCheckIn,
    ];

    /// How the action reads after "cannot be …".
    fn past(self) -> &'static str {
        match self {
            Self::Confirm => "confirmed",
            Self::CheckIn => "checked in",
            Self::CheckOut => "checked out",
            Self::Cancel => "cancelled",
            Self::MarkNoShow => "marked as a no-show",
            Self::Modify => "changed",
            Self::MoveRoom => "moved to another room",
            Self::RevertCheckIn => "taken back to before check-in",
        }
    }
}

/// An action the booking's current status does not allow, e.g. cancelling a finished stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a {} booking cannot be {}", adjective(*from), action.past())]
pub struct IllegalTransition {
    pub from: BookingStatus,
    pub action: Action,
}

fn adjective(status: BookingStatus) -> &'static str {
    match status {
        BookingStatus::Pending => "pending",
        BookingStatus::Confirmed => "confirmed",
        BookingStatus::CheckedIn => "checked-in",
        BookingStatus::CheckedOut => "checked-out",
        BookingStatus::Cancelled => "cancelled",
        BookingStatus::NoShow => "no-show",
    }
}

impl BookingStatus {
    /// The status after `action`, or why the action is refused. Checked-out, cancelled and
    /// no-show are final: nothing moves a booking out of them.
    pub fn transition(self, action: Action) -> Result<BookingStatus, IllegalTransition> {
        use Action::*;
        use BookingStatus::*;
        match (self, action) {
            (Pending, Confirm) => Ok(Confirmed),
            (Pending | Confirmed, Cancel) => Ok(Cancelled),
            (Confirmed, CheckIn) => Ok(CheckedIn),
            (Confirmed, MarkNoShow) => Ok(NoShow),
            (CheckedIn, CheckOut) => Ok(CheckedOut),
            (CheckedIn, RevertCheckIn) => Ok(Confirmed),
            (Pending | Confirmed, Modify) => Ok(self),
            (Pending | Confirmed | CheckedIn, MoveRoom) => Ok(self),
            (from, action) => Err(IllegalTransition { from, action }),
        }
    }

    /// Whether `action` is allowed from this status.
    pub fn allows(self, action: Action) -> bool {
        self.transition(action).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Action::{self, *};
    use crate::BookingStatus::{self, *};

    const STATUSES: [BookingStatus; 6] = [Pending, Confirmed, CheckedIn, CheckedOut, Cancelled, NoShow];

    /// The whole table, one row per status, one column per action (`None`: refused).
    fn expected(from: BookingStatus, action: Action) -> Option<BookingStatus> {
        let row: [Option<BookingStatus>; 8] = match from {
            // Columns, in `Action::ALL` order: confirm, check in, check out, cancel, mark no-show,
            // modify, move room, revert check-in.
            Pending => [Some(Confirmed), None, None, Some(Cancelled), None, Some(Pending), Some(Pending), None],
            Confirmed => [None, Some(CheckedIn), None, Some(Cancelled), Some(NoShow), Some(Confirmed), Some(Confirmed), None],
            CheckedIn => [None, None, Some(CheckedOut), None, None, None, Some(CheckedIn), Some(Confirmed)],
            CheckedOut => [None; 8],
            Cancelled => [None; 8],
            NoShow => [None; 8],
        };
        row[Action::ALL.iter().position(|a| *a == action).unwrap()]
    }

    #[test]
    fn every_status_and_action_follows_the_table() {
        for from in STATUSES {
            for action in Action::ALL {
                let got = from.transition(action);
                match expected(from, action) {
                    Some(to) => assert_eq!(got, Ok(to), "{from:?} --{action:?}-->"),
                    None => {
                        let err = got.expect_err(&format!("{from:?} --{action:?}--> must be refused"));
                        assert_eq!((err.from, err.action), (from, action));
                        assert!(!from.allows(action));
                    }
                }
            }
        }
    }

    #[test]
    fn final_statuses_allow_nothing() {
        for from in [CheckedOut, Cancelled, NoShow] {
            assert!(Action::ALL.iter().all(|a| !from.allows(*a)), "{from:?} is final");
        }
    }

    #[test]
    fn a_stay_runs_from_pending_to_checked_out() {
        let end = [Confirm, CheckIn, CheckOut].into_iter().try_fold(Pending, BookingStatus::transition);
        assert_eq!(end, Ok(CheckedOut));
    }

    #[test]
    fn a_reverted_check_in_can_check_in_again_or_end_as_a_no_show() {
        let back = [CheckIn, RevertCheckIn].into_iter().try_fold(Confirmed, BookingStatus::transition);
        assert_eq!(back, Ok(Confirmed));
        assert_eq!(back.and_then(|s| s.transition(CheckIn)), Ok(CheckedIn), "checked in again");
        assert_eq!(back.and_then(|s| s.transition(MarkNoShow)), Ok(NoShow), "or never came after all");
    }

    #[test]
    fn refusals_say_what_was_refused_and_why() {
        let msg = |from: BookingStatus, action| from.transition(action).unwrap_err().to_string();
        assert_eq!(msg(CheckedOut, Cancel), "a checked-out booking cannot be cancelled");
        assert_eq!(msg(CheckedIn, Cancel), "a checked-in booking cannot be cancelled");
        assert_eq!(msg(Cancelled, CheckIn), "a cancelled booking cannot be checked in");
        assert_eq!(msg(Pending, CheckIn), "a pending booking cannot be checked in");
        assert_eq!(msg(NoShow, CheckOut), "a no-show booking cannot be checked out");
        assert_eq!(msg(Pending, MarkNoShow), "a pending booking cannot be marked as a no-show");
        assert_eq!(msg(Confirmed, Confirm), "a confirmed booking cannot be confirmed");
        assert_eq!(msg(CheckedIn, Modify), "a checked-in booking cannot be changed");
        assert_eq!(msg(Cancelled, MoveRoom), "a cancelled booking cannot be moved to another room");
        assert_eq!(msg(Confirmed, RevertCheckIn), "a confirmed booking cannot be taken back to before check-in");
        assert_eq!(msg(CheckedOut, RevertCheckIn), "a checked-out booking cannot be taken back to before check-in");
        assert_eq!(msg(CheckedIn, MarkNoShow), "a checked-in booking cannot be marked as a no-show");
    }
}
