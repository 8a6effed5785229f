//! Cancelling a booking at the fee its terms set for now (see `crate::ending`).
use crate::ending::Ending;
use crate::{Booking, BookingError, BookingsService};
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
        self.end(id, by, is_staff, Ending::Cancel).await
    }
}
