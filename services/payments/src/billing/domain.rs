//! A booking's folio: the charges posted to it, the money received and returned, and what is
//! still owed. Pure.
use chrono::{DateTime, NaiveDate, Utc};
use kernel::{BookingId, Currency, InvoiceId, Money, PaymentId, UserId};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a posting is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChargeKind {
    /// One night, at the rate that priced it.
    RoomNight,
    /// A long-stay discount (negative).
    LengthOfStay,
    /// A promo code's discount (negative).
    Promo,
    Vat,
    CityTax,
    CancellationFee,
    /// Minibar, breakfast… posted by staff during the stay, net of its VAT.
    Extra,
    /// The VAT of one extra, allowance or free-text charge (`vat_of` names it).
    ExtraVat,
    /// A correction in the guest's favour (negative), net of its VAT; the reason is its text.
    Allowance,
    /// The folio's side of a credit note (negative).
    Credit,
}

const KINDS: [ChargeKind; 10] = [
    ChargeKind::RoomNight,
    ChargeKind::LengthOfStay,
    ChargeKind::Promo,
    ChargeKind::Vat,
    ChargeKind::CityTax,
    ChargeKind::CancellationFee,
    ChargeKind::Extra,
    ChargeKind::ExtraVat,
    ChargeKind::Allowance,
    ChargeKind::Credit,
];

impl ChargeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RoomNight => "room_night",
            Self::LengthOfStay => "length_of_stay",
            Self::Promo => "promo",
            Self::Vat => "vat",
            Self::CityTax => "city_tax",
            Self::CancellationFee => "cancellation_fee",
            Self::Extra => "extra",
            Self::ExtraVat => "extra_vat",
            Self::Allowance => "allowance",
            Self::Credit => "credit",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        KINDS.into_iter().find(|k| k.as_str() == s)
    }

    /// Lines of the priced stay, which a modification or cancellation replaces.
    pub fn is_stay_line(self) -> bool {
        matches!(self, Self::RoomNight | Self::LengthOfStay | Self::Promo | Self::Vat | Self::CityTax)
    }

    /// A VAT line, the stay's or a charge's: what an invoice adds up as VAT.
    pub fn is_vat(self) -> bool {
        matches!(self, Self::Vat | Self::ExtraVat)
    }
}

/// One posting on a folio. Reversals are postings too: the opposite amount, naming the charge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolioCharge {
    pub id: Uuid,
    pub kind: ChargeKind,
    /// The night, for room nights.
    pub night: Option<NaiveDate>,
    /// The rate that priced a night, the tax rate, what an extra was.
    pub description: String,
    pub amount: Money,
    /// The charge this posting cancels.
    pub reverses: Option<Uuid>,
    pub posted_by: Option<UserId>,
    pub posted_at: DateTime<Utc>,
}

/// How money moved on the booking's card, as the payments ledger records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MovementKind {
    /// Money held, not taken: information only.
    Authorisation,
    /// Money received.
    Capture,
    /// Money given back.
    Refund,
    /// A hold released: information only.
    Void,
}

impl MovementKind {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "authorisation" => Some(Self::Authorisation),
            "capture" => Some(Self::Capture),
            "refund" => Some(Self::Refund),
            "void" => Some(Self::Void),
            _ => None,
        }
    }
}

/// How the money moved: through the card gateway, or as cash at the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tender {
    Card,
    Cash,
}

/// A succeeded movement of money for the booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolioPayment {
    pub id: PaymentId,
    pub kind: MovementKind,
    pub amount: Money,
    pub card_last4: Option<String>,
    pub at: DateTime<Utc>,
    pub tender: Tender,
}

/// A booking's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Folio {
    pub booking_id: BookingId,
    /// The guest.
    pub user_id: UserId,
    pub currency: Currency,
    /// Charges that stand: posted and not reversed. Room nights by date, then the stay's
    /// discounts and taxes, then the rest in the order they were posted.
    pub charges: Vec<FolioCharge>,
    /// Every posting in order, reversals included: the audit trail.
    pub postings: Vec<FolioCharge>,
    /// Succeeded movements; only captures and refunds count in the balance.
    pub payments: Vec<FolioPayment>,
    /// What the guest still owes (negative: what the hotel owes the guest).
    pub balance: Money,
    /// Invoices issued for this booking so far.
    pub invoices: Vec<InvoiceId>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FolioError {
    #[error("an amount in {found} on a folio kept in {folio}")]
    MixedCurrency { folio: &'static str, found: &'static str },
    #[error("the folio's sums overflow")]
    Overflow,
}

/// Adds up `amounts` in `currency`, refusing another currency or an overflow.
pub fn sum(currency: Currency, amounts: impl IntoIterator<Item = Money>) -> Result<Money, FolioError> {
    amounts.into_iter().try_fold(Money::zero(currency), |acc, m| {
        if m.currency() != currency {
            return Err(FolioError::MixedCurrency { folio: currency.code(), found: m.currency().code() });
        }
        acc.plus(m).ok_or(FolioError::Overflow)
    })
}

/// Charges minus captures plus refunds. Authorisations and voids only hold or release money,
/// so they never count.
pub fn balance(currency: Currency, postings: &[FolioCharge], payments: &[FolioPayment]) -> Result<Money, FolioError> {
    let charged = sum(currency, postings.iter().map(|c| c.amount))?;
    let moved = payments.iter().filter_map(|p| match p.kind {
        MovementKind::Capture => Some(negate(p.amount)),
        MovementKind::Refund => Some(p.amount),
        MovementKind::Authorisation | MovementKind::Void => None,
    });
    sum(currency, std::iter::once(charged).chain(moved))
}

/// The charges that stand: neither reversed nor reversals, in the folio's reading order.
pub fn standing(postings: &[FolioCharge]) -> Vec<FolioCharge> {
    let reversed: std::collections::HashSet<Uuid> = postings.iter().filter_map(|c| c.reverses).collect();
    let mut out: Vec<FolioCharge> =
        postings.iter().filter(|c| c.reverses.is_none() && !reversed.contains(&c.id)).cloned().collect();
    // Stable: within a group, posting order is kept.
    out.sort_by_key(|c| (reading_order(c.kind), c.night));
    out
}

/// Nights first, then the stay's discounts, VAT, city tax, and everything else.
pub fn reading_order(kind: ChargeKind) -> u8 {
    match kind {
        ChargeKind::RoomNight => 0,
        ChargeKind::LengthOfStay | ChargeKind::Promo => 1,
        ChargeKind::Vat => 2,
        ChargeKind::CityTax => 3,
        _ => 4,
    }
}

pub fn negate(m: Money) -> Money {
    Money::from_minor(-m.minor(), m.currency())
}

/// Parses a decimal string as events carry amounts (`"129.50"`, `"-12.5"`, `"7"`).
pub fn parse_amount(s: &str, currency: Currency) -> Option<Money> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let numeric = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || fraction.len() > 2 || !numeric(whole) || !numeric(fraction) {
        return None;
    }
    let cents: i64 = format!("{fraction:0<2}").parse().ok()?;
    let minor = whole.parse::<i64>().ok()?.checked_mul(100)?.checked_add(cents)?;
    Some(Money::from_minor(if negative { -minor } else { minor }, currency))
}

#[cfg(test)]
#[path = "domain_tests.rs"]
mod tests;
