//! A manager cancelling with the fee waived: the booking ends as cancelled at no cost, and the
//! reason is kept in its history and carried by `booking.cancelled`.
use crate::ending::Ending;
use crate::{Booking, BookingError, BookingsService};
use kernel::{BookingId, Role, UserId};

/// The shortest and longest reason for a waiver, in characters (the CHECK on
/// `bookings.audit_log.reason` for `cancel_fee_waived`).
pub const WAIVER_REASON_MIN_CHARS: usize = 3;
pub const WAIVER_REASON_MAX_CHARS: usize = 500;

/// Why a fee is waived: trimmed, 3 to 500 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaiverReason(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidWaiverReason {
    #[error("say why the fee is waived, in at least {WAIVER_REASON_MIN_CHARS} characters")]
    TooShort,
    #[error("a reason is at most {WAIVER_REASON_MAX_CHARS} characters (this one has {0})")]
    TooLong(usize),
}

impl WaiverReason {
    pub fn parse(text: &str) -> Result<Self, InvalidWaiverReason> {
        let text = text.trim();
        match text.chars().count() {
            n if n < WAIVER_REASON_MIN_CHARS => Err(InvalidWaiverReason::TooShort),
            n if n > WAIVER_REASON_MAX_CHARS => Err(InvalidWaiverReason::TooLong(n)),
            _ => Ok(Self(text.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether `role` may waive a cancellation fee: managers and admins.
pub fn may_waive_fees(role: Role) -> bool {
    matches!(role, Role::Manager | Role::Admin)
}

impl BookingsService {
    /// Cancels any booking at no fee, by `by` acting as `role`, which must be allowed to waive
    /// fees. Otherwise as [`BookingsService::cancel`]; a booking already cancelled at a fee is
    /// refused (that money is the folio's to give back, not a second cancellation's).
    #[tracing::instrument(skip(self, reason), fields(booking = %id, by = %by))]
    pub async fn cancel_waiving_fee(
        &self,
        id: BookingId,
        by: UserId,
        role: Role,
        reason: &WaiverReason,
    ) -> Result<Booking, BookingError> {
        if !may_waive_fees(role) {
            return Err(BookingError::WaiverNotAllowed);
        }
        self.end(id, by, true, Ending::Waive(reason)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_trimmed_and_between_3_and_500_characters() {
        assert_eq!(WaiverReason::parse("  flight cancelled ").unwrap().as_str(), "flight cancelled");
        assert_eq!(WaiverReason::parse("  ok  "), Err(InvalidWaiverReason::TooShort));
        assert_eq!(WaiverReason::parse(""), Err(InvalidWaiverReason::TooShort));
        assert!(WaiverReason::parse(&"é".repeat(500)).is_ok(), "characters, not bytes");
        assert_eq!(WaiverReason::parse(&"x".repeat(501)), Err(InvalidWaiverReason::TooLong(501)));
    }

    #[test]
    fn only_managers_and_admins_waive_fees() {
        let waivers: Vec<Role> = Role::ALL.into_iter().filter(|r| may_waive_fees(*r)).collect();
        assert_eq!(waivers, [Role::Manager, Role::Admin]);
    }
}
