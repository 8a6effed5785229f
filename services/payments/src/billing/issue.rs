//! Issuing invoices and credit notes: numbered inside the issuing transaction, so a rollback
//! gives its number back and the sequence never has a gap.
use super::domain::{self, ChargeKind};
use super::hotel::{HotelCalendar, HOTEL};
use super::invoice::{self, CreditNote, Invoice, Series};
use super::store::{self, NewCharge};
use super::{invoice_store, BillingError, BillingService};
use chrono::{SubsecRound, Utc};
use kernel::{BookingId, CreditNoteId, InvoiceId, Money, PaymentId, UserId};
use sqlx::PgConnection;

impl BillingService {
    /// Invoices the folio's charges that no invoice covers yet. When there is nothing new, a
    /// retry for example, answers with the booking's latest invoice.
    #[tracing::instrument(skip(self))]
    pub async fn invoice(&self, booking_id: BookingId, by: UserId) -> Result<Invoice, BillingError> {
        let mut tx = self.pool().begin().await?;
        match issue_invoice_in(&mut tx, booking_id, by).await {
            Ok(issued) => {
                tx.commit().await?;
                Ok(issued)
            }
            Err(BillingError::NothingToInvoice) => {
                let latest = invoice_store::invoices_for(&mut tx, booking_id).await?.pop();
                latest.ok_or(BillingError::NothingToInvoice)
            }
            Err(e) => Err(e),
        }
    }

    /// Credits `amount` of what the booking was invoiced, against its latest invoice, with a
    /// credit note of its own number series; the folio gets the opposite posting.
    #[tracing::instrument(skip(self))]
    pub async fn credit_note(&self, booking_id: BookingId, amount: Money, reason: &str, by: UserId) -> Result<CreditNote, BillingError> {
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > 200 {
            return Err(BillingError::InvalidDescription);
        }
        let mut tx = self.pool().begin().await?;
        let note = issue_credit_note_in(&mut tx, booking_id, amount, reason, Some(by), None).await?;
        tx.commit().await?;
        Ok(note)
    }

    /// The booking's invoices, oldest first.
    pub async fn invoices_for_booking(&self, booking_id: BookingId) -> Result<Vec<Invoice>, BillingError> {
        Ok(invoice_store::invoices_for(&mut *self.pool().acquire().await?, booking_id).await?)
    }

    pub async fn credit_notes_for_booking(&self, booking_id: BookingId) -> Result<Vec<CreditNote>, BillingError> {
        Ok(invoice_store::credit_notes_for(&mut *self.pool().acquire().await?, booking_id).await?)
    }

    /// Any invoice, for staff.
    pub async fn find_invoice(&self, id: InvoiceId) -> Result<Invoice, BillingError> {
        let found = invoice_store::invoice(&mut *self.pool().acquire().await?, id).await?;
        found.ok_or(BillingError::InvoiceNotFound)
    }

    /// An invoice as `viewer` may see it: a guest's own, or any for staff. Someone else's
    /// invoice is simply not found.
    pub async fn invoice_for(&self, id: InvoiceId, viewer: UserId, is_staff: bool) -> Result<Invoice, BillingError> {
        let found = self.find_invoice(id).await?;
        found.is_visible_to(viewer, is_staff).then_some(found).ok_or(BillingError::InvoiceNotFound)
    }

    pub async fn find_credit_note(&self, id: CreditNoteId) -> Result<CreditNote, BillingError> {
        let found = invoice_store::credit_note(&mut *self.pool().acquire().await?, id).await?;
        found.ok_or(BillingError::CreditNoteNotFound)
    }

    pub async fn credit_note_for(&self, id: CreditNoteId, viewer: UserId, is_staff: bool) -> Result<CreditNote, BillingError> {
        let found = self.find_credit_note(id).await?;
        found.is_visible_to(viewer, is_staff).then_some(found).ok_or(BillingError::CreditNoteNotFound)
    }
}

/// Issues an invoice inside the caller's transaction; its number is the caller's until it
/// commits, and back in the pool if it rolls back.
pub async fn issue_invoice_in(conn: &mut PgConnection, booking_id: BookingId, by: UserId) -> Result<Invoice, BillingError> {
    let head = store::lock(conn, booking_id).await?.ok_or(BillingError::NoFolio)?;
    let uncovered = store::uncovered(conn, booking_id).await?;
    let lines = invoice::invoice_lines(&uncovered);
    if lines.is_empty() {
        return Err(BillingError::NothingToInvoice);
    }
    let (vat, city_tax, total) = invoice::totals(head.currency, &lines)?;
    if total.minor() < 0 {
        return Err(BillingError::NetReduction(domain::negate(total)));
    }
    let issued_at = Utc::now().trunc_subsecs(6);
    let year = HOTEL.year_at(issued_at);
    let sequence = invoice_store::next_sequence(conn, Series::Invoice, HOTEL.code, year).await?;
    let issued = Invoice {
        id: InvoiceId::new(),
        number: Series::Invoice.number(year, sequence),
        booking_id,
        user_id: head.user_id,
        currency: head.currency,
        lines,
        vat,
        city_tax,
        total,
        issued_by: by,
        issued_at,
    };
    let covered: Vec<uuid::Uuid> = uncovered.iter().map(|c| c.id).collect();
    invoice_store::insert_invoice(conn, &issued, HOTEL.code, (year, sequence), &covered).await?;
    Ok(issued)
}

/// Issues a credit note inside the caller's transaction. `by` is `None` when a refund issued it.
/// When the postings since the last invoice reduce it (a stay modified or cancelled after
/// invoicing), the note documents them and must credit at least that much; only the rest is
/// posted to the folio as a credit, so nothing is taken off twice.
pub async fn issue_credit_note_in(
    conn: &mut PgConnection,
    booking_id: BookingId,
    amount: Money,
    reason: &str,
    by: Option<UserId>,
    payment_id: Option<PaymentId>,
) -> Result<CreditNote, BillingError> {
    let head = store::lock(conn, booking_id).await?.ok_or(BillingError::NoFolio)?;
    let credited = invoice_store::invoices_for(conn, booking_id).await?.pop().ok_or(BillingError::NotInvoiced)?;
    if amount.currency() != head.currency {
        return Err(BillingError::WrongCurrency { folio: head.currency.code(), given: amount.currency().code() });
    }
    if amount.minor() <= 0 {
        return Err(BillingError::NotPositive);
    }
    let creditable = invoice_store::creditable(conn, booking_id).await?;
    if amount.minor() > creditable {
        return Err(BillingError::ExceedsInvoiced(Money::from_minor(creditable.max(0), head.currency)));
    }
    let pending = store::uncovered(conn, booking_id).await?;
    let reduction = pending_reduction(head.currency, &pending)?;
    if amount.minor() < reduction.minor() {
        return Err(BillingError::CreditTooSmall(reduction));
    }
    let covers: Vec<uuid::Uuid> = if reduction.minor() > 0 { pending.iter().map(|c| c.id).collect() } else { Vec::new() };
    let issued_at = Utc::now().trunc_subsecs(6);
    let year = HOTEL.year_at(issued_at);
    let sequence = invoice_store::next_sequence(conn, Series::CreditNote, HOTEL.code, year).await?;
    let note = CreditNote {
        id: CreditNoteId::new(),
        number: Series::CreditNote.number(year, sequence),
        invoice_id: credited.id,
        invoice_number: credited.number,
        booking_id,
        user_id: head.user_id,
        amount,
        reason: reason.to_owned(),
        payment_id,
        issued_by: by,
        issued_at,
    };
    invoice_store::insert_credit_note(conn, &note, HOTEL.code, (year, sequence), &covers).await?;
    let rest = Money::from_minor(amount.minor() - reduction.minor(), amount.currency());
    if rest.minor() == 0 {
        return Ok(note);
    }
    let description = format!("Credit note {}: {reason}", note.number);
    let posting = NewCharge {
        kind: ChargeKind::Credit,
        night: None,
        description: &description,
        amount: domain::negate(rest),
        reverses: None,
        source_event_id: None,
        posted_by: by,
        idempotency_key: None,
        credit_note_id: Some(note.id.as_uuid()),
        extra_id: None,
        vat_of: None,
    };
    store::post(conn, booking_id, &posting).await?;
    Ok(note)
}

/// How much the postings since the last document take off it (zero when they add to it).
pub(crate) fn pending_reduction(currency: kernel::Currency, pending: &[domain::FolioCharge]) -> Result<Money, BillingError> {
    let net = domain::sum(currency, pending.iter().map(|c| c.amount))?;
    Ok(Money::from_minor((-net.minor()).max(0), currency))
}
