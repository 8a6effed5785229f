//! What a change of a booking's price would do to the guest's money, told before they confirm
//! it. The consumer of `booking.modified` (`events.rs`) then does it.
use crate::domain::Ledger;
use crate::{CapturePolicy, PaymentError, PaymentsService};
use kernel::{BookingId, Money};

/// What a change of a booking's price would do to the guest's money, before they confirm it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyChange {
    Nothing,
    /// Charged to the card now (the hotel captures at booking).
    Charge(Money),
    /// Held on the card now, taken at check-in or check-out.
    HoldMore(Money),
    /// Given back to the card.
    Refund(Money),
    /// Less will be taken from what is held.
    HoldLess(Money),
}

impl PaymentsService {
    /// What moving the booking's price to `total` would do to its money, and the card's last
    /// four digits. Mirrors what the consumer of `booking.modified` then does.
    pub async fn preview_change(
        &self,
        booking: BookingId,
        total: Money,
    ) -> Result<(MoneyChange, Option<String>), PaymentError> {
        let rows = self.for_booking(booking).await?;
        let ledger = Ledger(&rows);
        let (kept, held) = (ledger.kept(), ledger.held());
        let last4 = rows
            .iter()
            .rev()
            .find(|p| p.succeeded())
            .and_then(|p| p.card_last4.clone());
        let money = |minor| Money::from_minor(minor, total.currency());
        let needed = total.minor() - kept;
        let change = if rows.iter().all(|p| !p.succeeded()) {
            MoneyChange::Nothing
        } else if needed < 0 {
            MoneyChange::Refund(money(-needed))
        } else if self.policy_for(booking).await? == CapturePolicy::Booking {
            if needed > 0 {
                MoneyChange::Charge(money(needed))
            } else {
                MoneyChange::Nothing
            }
        } else if needed > held {
            MoneyChange::HoldMore(money(needed - held))
        } else if needed < held {
            MoneyChange::HoldLess(money(held - needed))
        } else {
            MoneyChange::Nothing
        };
        Ok((change, last4))
    }
}
