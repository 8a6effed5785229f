//! The folio at the desk: charges posted while the stay is open, money taken or given back
//! against the balance, and the check-out that settles it and issues the invoice.
use crate::{Desk, FolioError};
use bookings::{Booking, BookingStatus};
use kernel::{BookingId, Money, UserId};
use payments::billing::{BillingError, ChargeText, Folio, Invoice, Posted, Quantity, VatRate};
use payments::{CardDetails, CashKind, DeskCard};
use uuid::Uuid;

/// The folio with what the desk still has to settle.
#[derive(Debug, Clone)]
pub struct Settlement {
    pub folio: Folio,
    /// Of the balance, what the stay's card hold takes by itself at check-in or check-out.
    pub on_card: Money,
    /// What the desk must take (positive) or give back (negative) before the guest leaves.
    pub to_settle: Money,
}

/// How the guest pays at the desk.
pub enum Tender<'a> {
    CardOnFile,
    Card(&'a CardDetails),
    Cash,
}

impl Desk {
    /// A stay whose folio is open: booked or in-house.
    async fn open_stay(&self, id: BookingId) -> Result<Booking, FolioError> {
        let booking = self.bookings.find(id).await?;
        match booking.status {
            BookingStatus::Confirmed | BookingStatus::CheckedIn => Ok(booking),
            status => Err(FolioError::Refused(format!("the folio of a {} stay is closed", status.as_str().replace('_', " ")))),
        }
    }

    /// The folio and what is left to settle on it.
    pub async fn settlement(&self, id: BookingId) -> Result<Settlement, FolioError> {
        let folio = self.billing.folio(id).await?;
        let on_card = self.payments.pending_on_card(id, folio.currency).await?;
        let to_settle = Money::from_minor(folio.balance.minor() - on_card.minor(), folio.currency);
        Ok(Settlement { folio, on_card, to_settle })
    }

    pub async fn post_extra(&self, id: BookingId, extra: Uuid, quantity: Quantity, by: UserId, key: Uuid) -> Result<Posted, FolioError> {
        self.open_stay(id).await?;
        Ok(self.billing.post_extra(id, extra, quantity, by, key).await?)
    }

    pub async fn post_charge(&self, id: BookingId, text: &ChargeText, gross: Money, vat: VatRate, by: UserId, key: Uuid) -> Result<Posted, FolioError> {
        self.open_stay(id).await?;
        Ok(self.billing.post_charge(id, text, gross, vat, by, key).await?)
    }

    pub async fn post_allowance(&self, id: BookingId, reason: &ChargeText, amount: Money, vat: VatRate, by: UserId, key: Uuid) -> Result<Posted, FolioError> {
        self.open_stay(id).await?;
        Ok(self.billing.post_allowance(id, reason, amount, vat, by, key).await?)
    }

    /// Takes `amount` of what is open, by card or in cash. A retried form is answered by its
    /// first outcome.
    #[tracing::instrument(skip(self, tender))]
    pub async fn take_payment(&self, id: BookingId, amount: Money, tender: Tender<'_>, by: UserId, key: Uuid) -> Result<(), FolioError> {
        let booking = self.open_stay(id).await?;
        self.in_turn(id, key, async {
            if !self.payments.desk_key_used(key).await? {
                let open = self.settlement(id).await?.to_settle;
                if open.minor() <= 0 {
                    return Err(FolioError::Refused("nothing is open on this folio".into()));
                }
                if amount.minor() > open.minor() {
                    return Err(FolioError::Refused(format!("only {open} is open on this folio")));
                }
            }
            match tender {
                Tender::Cash => self.payments.record_cash(id, CashKind::Receipt, amount, by, key).await.map(|_| ())?,
                Tender::CardOnFile => self.payments.charge_at_desk(id, booking.user_id, amount, DeskCard::OnFile, key).await.map(|_| ())?,
                Tender::Card(card) => self.payments.charge_at_desk(id, booking.user_id, amount, DeskCard::New(card), key).await.map(|_| ())?,
            }
            Ok(())
        })
        .await
    }

    /// Runs `f` in the folio's turn for the form sent with `key`: the balance `f` checks is
    /// still the balance when it moves the money, whatever another desk does meanwhile.
    async fn in_turn<T>(&self, id: BookingId, key: Uuid, f: impl std::future::Future<Output = Result<T, FolioError>>) -> Result<T, FolioError> {
        if !self.payments.take_folio_turn(id, key).await? {
            return Err(FolioError::Refused("another desk is settling this folio right now; try again in a moment".into()));
        }
        let outcome = f.await;
        self.payments.end_folio_turn(id, key).await?;
        outcome
    }

    /// Gives back `amount` of what the guest overpaid, to a card or in cash.
    #[tracing::instrument(skip(self, tender))]
    pub async fn refund(&self, id: BookingId, amount: Money, tender: Tender<'_>, by: UserId, key: Uuid) -> Result<(), FolioError> {
        self.bookings.find(id).await?;
        self.in_turn(id, key, async {
            if !self.payments.desk_key_used(key).await? {
                let owed = -self.settlement(id).await?.to_settle.minor();
                if owed <= 0 {
                    return Err(FolioError::Refused("the guest is owed nothing on this folio".into()));
                }
                if amount.minor() > owed {
                    return Err(FolioError::Refused(format!("the guest is owed only {}", Money::from_minor(owed, amount.currency()))));
                }
            }
            match tender {
                Tender::Cash => self.payments.record_cash(id, CashKind::Refund, amount, by, key).await.map(|_| ())?,
                Tender::CardOnFile | Tender::Card(_) => self.payments.refund_at_desk(id, amount, key).await.map(|_| ())?,
            }
            Ok(())
        })
        .await
    }

    /// Checks the guest out once nothing is open: takes what the card hold covers, ends the
    /// stay (the room becomes vacant and dirty) and issues the invoice for what was charged.
    #[tracing::instrument(skip(self))]
    pub async fn check_out(&self, id: BookingId, by: UserId) -> Result<(Booking, Option<Invoice>), FolioError> {
        let booking = self.bookings.find(id).await?;
        match booking.status {
            BookingStatus::CheckedIn => {}
            // A retry after the invoice could not be issued: the stay is over, the invoice is due.
            BookingStatus::CheckedOut => return Ok((booking, self.invoice_anything_new(id, by).await?)),
            _ => return Ok((self.bookings.check_out(id, by).await?, None)),
        }
        let booking = self
            .in_turn(id, Uuid::new_v4(), async {
                let s = self.settlement(id).await?;
                match s.to_settle.minor() {
                    0 => {}
                    open if open > 0 => return Err(FolioError::Refused(format!("{} is still open: take the payment before checking out", s.to_settle))),
                    _ => return Err(FolioError::Refused(format!("the guest is owed {}: refund it before checking out", Money::from_minor(-s.to_settle.minor(), s.to_settle.currency())))),
                }
                self.payments.take_pending(id, s.folio.currency).await?;
                Ok(self.bookings.check_out(id, by).await?)
            })
            .await?;
        Ok((booking, self.invoice_anything_new(id, by).await?))
    }

    async fn invoice_anything_new(&self, id: BookingId, by: UserId) -> Result<Option<Invoice>, FolioError> {
        match self.billing.invoice(id, by).await {
            Ok(invoice) => Ok(Some(invoice)),
            Err(BillingError::NothingToInvoice) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}
