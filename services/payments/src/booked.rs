//! What the checkout asks of a booking's money around booking the room: whether what was held
//! covers the price, and taking it once the room is the guest's.
use crate::domain::Ledger;
use crate::{CapturePolicy, PaymentError, PaymentsService};
use kernel::{BookingId, Money};
use uuid::Uuid;

impl PaymentsService {
    /// Whether the booking's money covers `amount`: held or captured and not refunded.
    pub async fn covers(&self, booking: BookingId, amount: Money) -> Result<bool, PaymentError> {
        let rows = self.for_booking(booking).await?;
        let ledger = Ledger(&rows);
        Ok(ledger.held() + ledger.kept() >= amount.minor())
    }

    /// Takes what the checkout held, when the hotel captures at booking; the room is the guest's.
    pub async fn capture_booked(&self, booking: BookingId, key: Uuid) -> Result<(), PaymentError> {
        if self.policy_for(booking).await? != CapturePolicy::Booking {
            return Ok(());
        }
        self.capture(booking, None, key).await.map(|_| ())
    }
}
