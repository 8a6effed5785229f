//! Taking back a check-in made by mistake: the booking is confirmed again and its room, which
//! nobody slept in, vacant again. Only on the hotel's business day of the check-in: by the next
//! day the guest has had the night. Money captured at check-in stays captured (payments do not
//! follow `booking.check_in_reverted`), so checking in again finds nothing more to take.
use crate::audit::{self, AuditAction};
use crate::lifecycle::Action;
use crate::{store, Booking, BookingError, BookingStatus, BookingsService, DeskRefusal, HotelClock};
use chrono::{DateTime, NaiveDate, Utc};
use kernel::events::{BookingCheckInReverted, Envelope};
use kernel::{BookingId, UserId};

impl Booking {
    /// Whether its check-in, made at `checked_in_at` (`None`: no record of it), can be taken back
    /// on `today`.
    pub fn check_in_revertible(
        &self,
        checked_in_at: Option<DateTime<Utc>>,
        clock: &HotelClock,
        today: NaiveDate,
    ) -> bool {
        reverted(self, checked_in_at, clock, today).is_ok()
    }
}

/// The status after taking back `b`'s check-in, or why it cannot be.
fn reverted(
    b: &Booking,
    checked_in_at: Option<DateTime<Utc>>,
    clock: &HotelClock,
    today: NaiveDate,
) -> Result<BookingStatus, BookingError> {
    let to = b.status.transition(Action::RevertCheckIn)?;
    let day = checked_in_at.map(|at| clock.today_at(at));
    if day != Some(today) {
        return Err(DeskRefusal::RevertTooLate(day).into());
    }
    Ok(to)
}

/// [`DeskRefusal::RevertTooLate`] in words.
pub(crate) fn too_late(day: Option<NaiveDate>) -> String {
    let rule = "a check-in can be taken back only on the day it was made";
    match day {
        Some(day) => format!("this guest was checked in on {day}: {rule}"),
        None => format!("there is no record of when this guest was checked in: {rule}"),
    }
}

impl BookingsService {
    /// Takes back the booking's check-in, by `by` (staff). The row is locked while the rule is
    /// checked against the check-in's own audit entry; the status, the audit entry and
    /// `booking.check_in_reverted` are written in one transaction.
    #[tracing::instrument(skip(self), fields(booking = %id, by = %by))]
    pub async fn revert_check_in(&self, id: BookingId, by: UserId) -> Result<Booking, BookingError> {
        let mut tx = self.pool().begin().await?;
        let mut b = store::find_for_update(&mut tx, id).await?.ok_or(BookingError::NotFound)?;
        let before = b.clone();
        let checked_in_at = audit::last_at(&mut tx, id, AuditAction::CheckIn).await?;
        b.status = reverted(&b, checked_in_at, &self.clock(), self.today())?;
        store::set_status(&mut tx, id, b.status, None).await?;
        let entry = audit::Entry {
            booking_id: id,
            actor: by,
            action: AuditAction::RevertCheckIn,
            before: Some(&before),
            after: Some(&b),
            reason: None,
        };
        audit::record(&mut tx, entry).await?;
        let now = Utc::now();
        let event = BookingCheckInReverted {
            booking_id: b.id,
            user_id: b.user_id,
            room_id: b.room_id,
            room_number: b.room_number.clone(),
            check_in: b.stay.check_in(),
            check_out: b.stay.check_out(),
            by,
            timestamp: now,
            version: store::version(&mut tx, id).await?,
        };
        eventbus::enqueue(&mut tx, store::OUTBOX, &Envelope::new(event, now)).await?;
        tx.commit().await?;
        Ok(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ending::tests::booking;

    #[test]
    fn a_check_in_is_taken_back_only_on_its_own_business_day() {
        let clock = HotelClock::default();
        let b = booking(BookingStatus::CheckedIn);
        let today: NaiveDate = "2027-03-10".parse().unwrap();
        let at = |s: &str| Some(s.parse::<DateTime<Utc>>().unwrap());
        assert_eq!(reverted(&b, at("2027-03-10T14:00:00Z"), &clock, today).unwrap(), BookingStatus::Confirmed);
        assert!(b.check_in_revertible(at("2027-03-09T23:30:00Z"), &clock, today), "00:30 in Berlin is the 10th");
        let err = reverted(&b, at("2027-03-09T22:30:00Z"), &clock, today).unwrap_err();
        assert_eq!(
            err.to_string(),
            "this guest was checked in on 2027-03-09: a check-in can be taken back only on the day it was made"
        );
        assert!(!b.check_in_revertible(None, &clock, today), "no record of the check-in");
        let confirmed = booking(BookingStatus::Confirmed);
        assert!(matches!(
            reverted(&confirmed, at("2027-03-10T14:00:00Z"), &clock, today),
            Err(BookingError::IllegalTransition(_))
        ));
    }
}
