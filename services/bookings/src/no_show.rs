//! Marking a booking whose guest never came as a no-show (see `crate::ending`).
use crate::ending::Ending;
use crate::{Booking, BookingError, BookingsService};
use kernel::{BookingId, UserId};

impl BookingsService {
    /// Marks a confirmed booking as a no-show, from the day after its arrival day: the room is
    /// free for the nights left, and the guest owes what a cancellation at check-in time on the
    /// arrival day would have cost ([`Booking::no_show_fee`]). Marking it again is a retry.
    #[tracing::instrument(skip(self), fields(booking = %id, by = %by))]
    pub async fn mark_no_show(&self, id: BookingId, by: UserId) -> Result<Booking, BookingError> {
        self.end(id, by, true, Ending::NoShow).await
    }
}
