//! Payments as the ledger records them, and what a booking's ledger allows next. Pure.
use crate::card::CardDetails;
use chrono::{DateTime, Utc};
use kernel::{BookingId, Money, PaymentId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    Authorisation,
    Capture,
    Refund,
    Void,
}

impl PaymentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Authorisation => "authorisation",
            Self::Capture => "capture",
            Self::Refund => "refund",
            Self::Void => "void",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Authorisation, Self::Capture, Self::Refund, Self::Void].into_iter().find(|k| k.as_str() == s)
    }
}

/// Why the gateway did not move the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureReason {
    Declined,
    InsufficientFunds,
    GatewayError,
    Timeout,
    /// The circuit breaker was open: the gateway was not asked.
    Unavailable,
}

impl FailureReason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Declined => "declined",
            Self::InsufficientFunds => "insufficient_funds",
            Self::GatewayError => "gateway_error",
            Self::Timeout => "timeout",
            Self::Unavailable => "unavailable",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Declined, Self::InsufficientFunds, Self::GatewayError, Self::Timeout, Self::Unavailable]
            .into_iter()
            .find(|r| r.as_str() == s)
    }

    /// What the guest is told.
    pub fn message(self) -> String {
        crate::PaymentError::from_failure(self).to_string()
    }
}

/// One row of the ledger. Card data appears only as its last four digits and brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub id: PaymentId,
    pub booking_id: BookingId,
    pub user_id: UserId,
    pub kind: PaymentKind,
    /// The authorisation a capture or void acts on; the capture a refund acts on.
    pub parent_id: Option<PaymentId>,
    /// `None` when it succeeded.
    pub failure: Option<FailureReason>,
    pub amount: Money,
    pub card_last4: Option<String>,
    pub card_brand: Option<String>,
    pub gateway_reference: Option<String>,
    pub created_at: DateTime<Utc>,
    pub purpose: Purpose,
}

/// What a card movement pays: the stay as booked (it follows the booking's due), or the folio at
/// the desk (extras, a balance), which following the due never touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Stay,
    Folio,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stay => "stay",
            Self::Folio => "folio",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Stay, Self::Folio].into_iter().find(|p| p.as_str() == s)
    }
}

impl Payment {
    pub fn succeeded(&self) -> bool {
        self.failure.is_none()
    }
}

/// When the hotel takes the money it authorised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapturePolicy {
    Booking,
    CheckIn,
    CheckOut,
}

impl CapturePolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Booking => "booking",
            Self::CheckIn => "check_in",
            Self::CheckOut => "check_out",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Booking, Self::CheckIn, Self::CheckOut].into_iter().find(|p| p.as_str() == s)
    }
}

/// A guest's card offered for a booking. The key comes with the form, so a double click or a
/// retried request charges once.
#[derive(Debug, Clone)]
pub struct AuthoriseRequest {
    pub booking_id: BookingId,
    pub user_id: UserId,
    pub amount: Money,
    pub card: CardDetails,
    pub idempotency_key: uuid::Uuid,
}

/// The succeeded movements of one booking, and what they allow next.
pub struct Ledger<'a>(pub &'a [Payment]);

impl<'a> Ledger<'a> {
    fn children(&self, parent: PaymentId, kind: PaymentKind) -> impl Iterator<Item = &'a Payment> {
        self.0.iter().filter(move |p| p.succeeded() && p.kind == kind && p.parent_id == Some(parent))
    }

    fn sum(payments: impl Iterator<Item = &'a Payment>) -> i64 {
        payments.map(|p| p.amount.minor()).sum()
    }

    /// The latest authorisation not voided, with what it still holds (possibly nothing).
    pub fn authorisation(&self) -> Option<(&'a Payment, Money)> {
        let auth = self
            .0
            .iter()
            .rev()
            .find(|p| p.succeeded() && p.kind == PaymentKind::Authorisation)
            .filter(|a| self.children(a.id, PaymentKind::Void).next().is_none())?;
        let captured = Self::sum(self.children(auth.id, PaymentKind::Capture));
        Some((auth, Money::from_minor(auth.amount.minor() - captured, auth.amount.currency())))
    }

    /// The authorisation that still holds money, with how much.
    pub fn holding(&self) -> Option<(&'a Payment, Money)> {
        self.authorisation().filter(|(_, held)| held.minor() > 0)
    }

    /// Every authorisation still holding money (two, for a moment, while a larger hold replaces
    /// a smaller one), oldest first.
    pub fn holds(&self) -> Vec<(&'a Payment, Money)> {
        self.0
            .iter()
            .filter(|p| p.succeeded() && p.kind == PaymentKind::Authorisation)
            .filter(|a| self.children(a.id, PaymentKind::Void).next().is_none())
            .map(|a| (a, Money::from_minor(a.amount.minor() - Self::sum(self.children(a.id, PaymentKind::Capture)), a.amount.currency())))
            .filter(|(_, held)| held.minor() > 0)
            .collect()
    }

    /// What the holds still hold, in all.
    pub fn held(&self) -> i64 {
        self.holds().iter().map(|(_, h)| h.minor()).sum()
    }

    /// Every capture with what of it can still be refunded, latest first.
    pub fn refundable(&self) -> Vec<(&'a Payment, Money)> {
        self.0
            .iter()
            .rev()
            .filter(|p| p.succeeded() && p.kind == PaymentKind::Capture)
            .map(|c| (c, Money::from_minor(c.amount.minor() - Self::sum(self.children(c.id, PaymentKind::Refund)), c.amount.currency())))
            .filter(|(_, left)| left.minor() > 0)
            .collect()
    }

    /// What the hotel has kept: captured minus refunded.
    pub fn kept(&self) -> i64 {
        self.refundable().iter().map(|(_, left)| left.minor()).sum()
    }

    /// `minor` given back over the captures, latest first, as far as they have it; nothing when
    /// it is not positive.
    pub fn refunds_of(&self, minor: i64) -> Vec<(PaymentId, Money)> {
        let mut left_to_refund = minor;
        let mut refunds = Vec::new();
        for (capture, left) in self.refundable() {
            if left_to_refund <= 0 {
                break;
            }
            let amount = left_to_refund.min(left.minor());
            refunds.push((capture.id, Money::from_minor(amount, left.currency())));
            left_to_refund -= amount;
        }
        refunds
    }
}

/// What a cancellation does to a booking's money so the hotel keeps exactly the fee.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CancellationPlan {
    /// Taken from the hold when less than the fee was captured so far.
    pub capture: Option<Money>,
    /// Release whatever the hold still has after that.
    pub void: bool,
    /// Given back from these captures when more than the fee was captured.
    pub refunds: Vec<(PaymentId, Money)>,
}

impl CancellationPlan {
    pub fn for_fee(ledger: &Ledger<'_>, fee: Money) -> Self {
        let kept = ledger.kept();
        let held = ledger.holding();
        let capture = (fee.minor() > kept)
            .then(|| held.map(|(_, h)| Money::from_minor((fee.minor() - kept).min(h.minor()), h.currency())))
            .flatten();
        let void = held.is_some_and(|(_, h)| h.minor() > capture.map_or(0, |c| c.minor()));
        Self {
            capture,
            void,
            refunds: ledger.refunds_of(kept - fee.minor()),
        }
    }
}

/// How a booking's money comes to what it is due now, planned from its ledger: a surplus
/// captured is refunded, and a shortfall the holds do not cover is held anew as one hold of all
/// still to pay, replacing the older holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuePlan {
    pub refunds: Vec<(PaymentId, Money)>,
    /// What is still to pay beyond what the hotel has kept.
    pub needed: Money,
    /// When the holds fall short of `needed`: the holds the new one replaces, to void once it
    /// is placed.
    pub hold_anew: Option<Vec<PaymentId>>,
}

impl DuePlan {
    /// `None` for a booking with no money moved. Without a `due` (a booking made before dues
    /// were kept) everything held is due.
    pub fn for_due(ledger: &Ledger<'_>, due: Option<Money>) -> Option<Self> {
        let currency = ledger.0.first()?.amount.currency();
        let (kept, held) = (ledger.kept(), ledger.held());
        let due = due.map_or(kept + held, |d| d.minor());
        let needed = (due - kept).max(0);
        let hold_anew =
            (held < needed).then(|| ledger.holds().into_iter().map(|(a, _)| a.id).collect());
        Some(Self {
            refunds: ledger.refunds_of(kept - due),
            needed: Money::from_minor(needed, currency),
            hold_anew,
        })
    }

    /// What to capture of `ledger` (the plan's ledger with what its steps recorded) to take what
    /// is due: all still to pay, as far as the latest hold has it.
    pub fn capture(&self, ledger: &Ledger<'_>) -> Option<Money> {
        let needed = self.needed.minor();
        let (_, held) = ledger.holding().filter(|_| needed > 0)?;
        Some(Money::from_minor(
            needed.min(held.minor()),
            self.needed.currency(),
        ))
    }
}

/// Parses an event's decimal amount (`"389.00"`, `"12.5"`, `"7"`) into minor units.
pub fn parse_decimal(s: &str, currency: kernel::Currency) -> Option<Money> {
    let (units, cents) = s.split_once('.').unwrap_or((s, ""));
    if units.is_empty() || !units.bytes().all(|b| b.is_ascii_digit()) || cents.len() > 2 || !cents.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let cents: i64 = format!("{cents:0<2}").parse().ok()?;
    let minor = units.parse::<i64>().ok()?.checked_mul(100)?.checked_add(cents)?;
    Some(Money::from_minor(minor, currency))
}

#[cfg(test)]
#[path = "domain_tests.rs"]
mod tests;
