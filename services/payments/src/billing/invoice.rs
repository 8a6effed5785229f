//! Invoices and credit notes as issued: numbered, dated, never changed. Pure.
use super::domain::{self, ChargeKind, FolioCharge, FolioError};
use chrono::{DateTime, NaiveDate, Utc};
use kernel::{BookingId, CreditNoteId, Currency, InvoiceId, Money, UserId};
use serde::{Deserialize, Serialize};

/// A numbering sequence: each has its own gapless counter per hotel and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Invoice,
    CreditNote,
}

impl Series {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invoice => "invoice",
            Self::CreditNote => "credit_note",
        }
    }

    /// `2026-000001` for invoices, `CN-2026-000001` for credit notes.
    pub fn number(self, year: i32, sequence: i32) -> String {
        match self {
            Self::Invoice => format!("{year}-{sequence:06}"),
            Self::CreditNote => format!("CN-{year}-{sequence:06}"),
        }
    }
}

/// One line of an invoice, copied from the folio when it was issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceLine {
    pub kind: ChargeKind,
    pub night: Option<NaiveDate>,
    pub description: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub id: InvoiceId,
    /// e.g. `2026-000001`: gapless per hotel and year.
    pub number: String,
    pub booking_id: BookingId,
    /// The guest: who, besides staff, may download it.
    pub user_id: UserId,
    pub currency: Currency,
    pub lines: Vec<InvoiceLine>,
    pub vat: Money,
    pub city_tax: Money,
    pub total: Money,
    pub issued_by: UserId,
    pub issued_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditNote {
    pub id: CreditNoteId,
    /// e.g. `CN-2026-000001`: gapless per hotel and year, apart from invoices.
    pub number: String,
    pub invoice_id: InvoiceId,
    /// The number of the invoice credited.
    pub invoice_number: String,
    pub booking_id: BookingId,
    pub user_id: UserId,
    pub amount: Money,
    pub reason: String,
    /// The refund it was issued for, when a refund caused it.
    pub payment_id: Option<kernel::PaymentId>,
    /// `None` when issued automatically for a refund.
    pub issued_by: Option<UserId>,
    pub issued_at: DateTime<Utc>,
}

/// `A1B2C3D4`: the first eight characters of the booking id, as guests quote it.
pub fn booking_reference(id: BookingId) -> String {
    id.as_uuid().simple().to_string()[..8].to_uppercase()
}

impl Invoice {
    pub fn booking_reference(&self) -> String {
        booking_reference(self.booking_id)
    }

    /// Staff see every invoice; a guest only their own.
    pub fn is_visible_to(&self, user: UserId, is_staff: bool) -> bool {
        is_staff || self.user_id == user
    }
}

impl CreditNote {
    pub fn booking_reference(&self) -> String {
        booking_reference(self.booking_id)
    }

    pub fn is_visible_to(&self, user: UserId, is_staff: bool) -> bool {
        is_staff || self.user_id == user
    }
}

/// What an invoice shows of the postings no invoice covers yet: a charge reversed before it
/// was ever invoiced cancels out and shows neither. Lines read as the folio does.
pub fn invoice_lines(uninvoiced: &[FolioCharge]) -> Vec<InvoiceLine> {
    let ids: std::collections::HashSet<uuid::Uuid> = uninvoiced.iter().map(|c| c.id).collect();
    let cancelled: std::collections::HashSet<uuid::Uuid> = uninvoiced.iter().filter_map(|c| c.reverses).filter(|r| ids.contains(r)).collect();
    let mut shown: Vec<&FolioCharge> = uninvoiced
        .iter()
        .filter(|c| !cancelled.contains(&c.id) && !c.reverses.is_some_and(|r| cancelled.contains(&r)))
        .collect();
    shown.sort_by_key(|c| (c.reverses.is_some(), domain::reading_order(c.kind), c.night));
    shown
        .into_iter()
        .map(|c| InvoiceLine { kind: c.kind, night: c.night, description: c.description.clone(), amount: c.amount })
        .collect()
}

/// VAT, city tax and the total of `lines`.
pub fn totals(currency: Currency, lines: &[InvoiceLine]) -> Result<(Money, Money, Money), FolioError> {
    let of = |kept: fn(ChargeKind) -> bool| domain::sum(currency, lines.iter().filter(|l| kept(l.kind)).map(|l| l.amount));
    Ok((of(ChargeKind::is_vat)?, of(|k| k == ChargeKind::CityTax)?, domain::sum(currency, lines.iter().map(|l| l.amount))?))
}

#[cfg(test)]
#[path = "invoice_tests.rs"]
mod tests;
