//! Everything the desk's folio panel shows, read in one go.
use crate::{Desk, FolioError, Settlement};
use bookings::Booking;
use kernel::BookingId;
use payments::billing::{Extra, Invoice};
use payments::Payment;
use users::User;

#[derive(Debug, Clone)]
pub struct FolioPanel {
    pub booking: Booking,
    pub settlement: Settlement,
    /// The extras staff can post.
    pub extras: Vec<Extra>,
    pub invoices: Vec<Invoice>,
    /// Every card movement, the desk's included, failures too.
    pub ledger: Vec<Payment>,
    /// The staff who posted the charges.
    pub people: Vec<User>,
}

impl Desk {
    pub async fn folio_panel(&self, id: BookingId) -> Result<FolioPanel, FolioError> {
        let booking = self.bookings.find(id).await?;
        let (settlement, extras, invoices, ledger) = futures::try_join!(
            self.settlement(id),
            async { Ok(self.billing.extras().await?) },
            async { Ok(self.billing.invoices_for_booking(id).await?) },
            async { Ok(self.payments.ledger_of(id).await?) },
        )?;
        let mut staff: Vec<_> = settlement.folio.charges.iter().filter_map(|c| c.posted_by).collect();
        staff.sort_by_key(|u| u.as_uuid());
        staff.dedup();
        let people = self.users.find_many(&staff).await.map_err(anyhow::Error::new)?;
        Ok(FolioPanel { booking, settlement, extras, invoices, ledger, people })
    }
}
