//! Cancelling a booking: the lifecycle's rule, the status change and its event in one transaction.
use crate::audit::{self, AuditAction};
use crate::lifecycle::Action;
use crate::{store, Booking, BookingError, BookingStatus, BookingsService, DeskRefusal};
use chrono::Utc;
use kernel::events::{BookingCancelled, Envelope};
use kernel::{BookingId, UserId};

impl BookingsService {
    /// Cancels a booking, freeing its room for those nights, at the fee its terms set for now. A
    /// guest may cancel only their own booking (anyone else's is simply not found); staff may
    /// cancel any. A confirmed stay that has ended (check-out on or before the hotel's today) is
    /// refused: the guest did not come, so it is a no-show, not a cancellation. The row is locked
    /// while the lifecycle decides, so a concurrent check-in or cancel waits its turn. Cancelling
    /// an already cancelled booking is a retry: it answers with the booking and emits nothing.
    #[tracing::instrument(skip(self), fields(booking = %id, by = %by))]
    pub async fn cancel(&self, id: BookingId, by: UserId, is_staff: bool) -> Result<Booking, BookingError> {
        let mut tx = self.pool().begin().await?;
        let mut booking = store::find_for_update(&mut tx, id)
            .await?
            .filter(|b| is_staff || b.user_id == by)
            .ok_or(BookingError::NotFound)?;
        if booking.status == BookingStatus::Cancelled {
            return Ok(booking);
        }
        let before = booking.clone();
        let confirmed = booking.status == BookingStatus::Confirmed;
        booking.status = booking.status.transition(Action::Cancel)?;
        // Its nights are spent: cancelling now would refund a stay the hotel held for the guest.
        if confirmed && booking.stay.check_out() <= self.today() {
            return Err(DeskRefusal::StayOver(booking.stay.check_out()).into());
        }
        let now = Utc::now();
        let fee = booking.terms.fee_at(now);
        booking.cancellation_fee = Some(fee);
        store::set_status(&mut tx, id, booking.status, Some(fee)).await?;
        let entry = audit::Entry {
            booking_id: id,
            actor: by,
            action: AuditAction::Cancel,
            before: Some(&before),
            after: Some(&booking),
            reason: None,
        };
        audit::record(&mut tx, entry).await?;
        let event = BookingCancelled {
            booking_id: booking.id,
            user_id: booking.user_id,
            room_id: booking.room_id,
            check_in: booking.stay.check_in(),
            check_out: booking.stay.check_out(),
            cancelled_by: by,
            reason: None,
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
