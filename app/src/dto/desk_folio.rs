//! What the desk's folio panel shows and what its actions answer.
use kernel::Money;
use serde::{Deserialize, Serialize};

/// A stay's folio as the desk works on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FolioView {
    pub booking_id: String,
    /// Charges that stand, in reading order.
    pub lines: Vec<FolioEntryView>,
    /// Money received and given back, card and cash.
    pub payments: Vec<FolioMoneyView>,
    pub balance: Money,
    /// Of the balance, what the card hold takes by itself.
    pub on_card: Money,
    /// What the desk must take (positive) or give back (negative).
    pub to_settle: Money,
    /// "Visa •••• 4242" when a card is on file.
    pub card_on_file: Option<String>,
    pub invoices: Vec<InvoiceLinkView>,
    /// The stay is booked or in-house: charges and payments can be posted.
    pub open: bool,
    pub can_check_out: bool,
    pub extras: Vec<ExtraView>,
    /// The VAT rates staff choose from: (basis points, label).
    pub vat_rates: Vec<(u16, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FolioEntryView {
    /// `room_night`, `extra`, `extra_vat`, `allowance`…
    pub kind: String,
    pub night: Option<chrono::NaiveDate>,
    pub description: String,
    pub amount: Money,
    /// Who posted it and when, for staff postings.
    pub posted: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FolioMoneyView {
    /// "Card payment", "Card refund", "Cash received", "Cash paid out".
    pub what: String,
    pub amount: Money,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvoiceLinkView {
    pub number: String,
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtraView {
    pub id: String,
    pub name: String,
    /// VAT included.
    pub price: Money,
    pub vat: String,
}
