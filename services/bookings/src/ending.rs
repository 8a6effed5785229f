//! How a booking ends before its stay: cancelled (at the fee its terms set for now, or with the
//! fee waived by a manager) or marked as a no-show (at the fee a cancellation at arrival costs).
//! All three publish `booking.cancelled` with the fee: payments keep exactly the fee and release
//! the rest, billing replaces the stay's charges by the fee, and rooms free an in-house guest's
//! room (a no-show's guest never had it). `reason` tells a no-show ([`NO_SHOW_REASON`]) and a
//! waiver (its reason) from a cancellation at the terms' fee.
use crate::audit::{self, AuditAction};
use crate::lifecycle::Action;
use crate::{store, Booking, BookingError, BookingStatus, BookingsService, DeskRefusal, HotelClock, WaiverReason};
use chrono::{DateTime, NaiveDate, Utc};
use kernel::events::{BookingCancelled, Envelope};
use kernel::{BookingId, Money, UserId};

/// `booking.cancelled`'s `reason` when the guest never came.
pub const NO_SHOW_REASON: &str = kernel::events::NO_SHOW;

/// One way a booking ends.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Ending<'a> {
    Cancel,
    Waive(&'a WaiverReason),
    NoShow,
}

impl<'a> Ending<'a> {
    fn audit(self) -> AuditAction {
        match self {
            Self::Cancel => AuditAction::Cancel,
            Self::Waive(_) => AuditAction::CancelFeeWaived,
            Self::NoShow => AuditAction::NoShow,
        }
    }

    /// What the audit entry and the event say about why.
    fn reason(self) -> Option<&'a str> {
        match self {
            Self::Cancel => None,
            Self::Waive(why) => Some(why.as_str()),
            Self::NoShow => Some(NO_SHOW_REASON),
        }
    }

    /// Whether `b` has ended so already: a retry, answered with the booking as it is. A waiver
    /// asked of a booking cancelled at a fee is not one: that fee stands, and saying so is the
    /// lifecycle's refusal.
    fn done(self, b: &Booking) -> bool {
        match self {
            Self::Cancel => b.status == BookingStatus::Cancelled,
            Self::Waive(_) => b.status == BookingStatus::Cancelled && b.cancellation_fee.is_none_or(|f| f.minor() == 0),
            Self::NoShow => b.status == BookingStatus::NoShow,
        }
    }

    /// The status `b` ends in on `today`, or why it cannot end so.
    fn check(self, b: &Booking, today: NaiveDate) -> Result<BookingStatus, BookingError> {
        let action = match self {
            Self::Cancel | Self::Waive(_) => Action::Cancel,
            Self::NoShow => Action::MarkNoShow,
        };
        let to = b.status.transition(action)?;
        let (arrival, departure) = (b.stay.check_in(), b.stay.check_out());
        match self {
            // The guest may still come until the arrival day is over.
            Self::NoShow if today <= arrival => Err(DeskRefusal::NoShowTooEarly(arrival).into()),
            // Its nights are spent: cancelling now would refund a stay the hotel held for the guest.
            Self::Cancel | Self::Waive(_) if b.status == BookingStatus::Confirmed && departure <= today => {
                Err(DeskRefusal::StayOver(departure).into())
            }
            _ => Ok(to),
        }
    }

    fn fee(self, b: &Booking, clock: &HotelClock, now: DateTime<Utc>) -> Money {
        match self {
            Self::Cancel => b.terms.fee_at(now),
            Self::Waive(_) => Money::zero(b.total.currency()),
            Self::NoShow => b.no_show_fee(clock),
        }
    }
}

impl Booking {
    /// Whether staff may cancel it on `today`.
    pub fn cancellable_on(&self, today: NaiveDate) -> bool {
        Ending::Cancel.check(self, today).is_ok()
    }

    /// Whether it may be marked as a no-show on `today`: confirmed, and its arrival day over.
    pub fn no_show_on(&self, today: NaiveDate) -> bool {
        Ending::NoShow.check(self, today).is_ok()
    }

    /// What marking it as a no-show costs: what cancelling at check-in time on the arrival day would.
    pub fn no_show_fee(&self, clock: &HotelClock) -> Money {
        self.terms.fee_at(clock.check_in_on(self.stay.check_in()))
    }
}

impl BookingsService {
    /// Ends the booking `ending`'s way, by `by`: a guest only their own booking (anyone else's is
    /// simply not found), staff any. The row is locked while the lifecycle decides, so a
    /// concurrent check-in or cancel waits its turn; the status, the fee, the audit entry and
    /// `booking.cancelled` are written in one transaction.
    pub(crate) async fn end(
        &self,
        id: BookingId,
        by: UserId,
        is_staff: bool,
        ending: Ending<'_>,
    ) -> Result<Booking, BookingError> {
        let mut tx = self.pool().begin().await?;
        let mut booking = store::find_for_update(&mut tx, id)
            .await?
            .filter(|b| is_staff || b.user_id == by)
            .ok_or(BookingError::NotFound)?;
        if ending.done(&booking) {
            return Ok(booking);
        }
        let before = booking.clone();
        booking.status = ending.check(&booking, self.today())?;
        let now = Utc::now();
        let fee = ending.fee(&booking, &self.clock(), now);
        booking.cancellation_fee = Some(fee);
        store::set_status(&mut tx, id, booking.status, Some(fee)).await?;
        let reason = ending.reason();
        let entry = audit::Entry {
            booking_id: id,
            actor: by,
            action: ending.audit(),
            before: Some(&before),
            after: Some(&booking),
            reason,
        };
        audit::record(&mut tx, entry).await?;
        let event = BookingCancelled {
            booking_id: booking.id,
            user_id: booking.user_id,
            room_id: booking.room_id,
            check_in: booking.stay.check_in(),
            check_out: booking.stay.check_out(),
            cancelled_by: by,
            reason: reason.map(str::to_owned),
            cancellation_fee: fee.to_decimal_string(),
            currency: fee.currency().code().to_owned(),
            timestamp: now,
            version: store::version(&mut tx, id).await?,
        };
        eventbus::enqueue(&mut tx, store::OUTBOX, &Envelope::new(event, now)).await?;
        tx.commit().await?;
        Ok(booking)
    }
}

#[cfg(test)]
#[path = "ending_tests.rs"]
pub(crate) mod tests;
