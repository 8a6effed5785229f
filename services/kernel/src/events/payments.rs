//! What the payments service publishes.
use super::*;
use crate::{BookingId, PaymentId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Money moved: an authorisation held, a capture taken, a refund given or an authorisation voided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentCompleted {
    pub payment_id: PaymentId,
    pub booking_id: BookingId,
    pub user_id: UserId,
    /// `authorisation`, `capture`, `refund` or `void`.
    pub kind: String,
    /// Decimal string (`"389.00"`): never a float on the wire.
    pub amount: String,
    pub currency: String,
    pub card_last4: Option<String>,
    pub timestamp: DateTime<Utc>,
}

impl Event for PaymentCompleted {
    const TYPE: &'static str = PAYMENT_COMPLETED;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}

/// The gateway refused or could not be reached; nothing was charged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaymentFailed {
    pub payment_id: PaymentId,
    pub booking_id: BookingId,
    pub user_id: UserId,
    pub kind: String,
    pub amount: String,
    pub currency: String,
    pub card_last4: Option<String>,
    /// `declined`, `insufficient_funds`, `gateway_error` or `timeout`.
    pub reason: String,
    /// What the guest was told.
    pub message: String,
    pub timestamp: DateTime<Utc>,
}

impl Event for PaymentFailed {
    const TYPE: &'static str = PAYMENT_FAILED;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}

/// Staff changed a folio at the desk: a posting (extra, free-text charge, allowance) or cash
/// taken or given back. Card money is told by `payment.completed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FolioChanged {
    pub booking_id: BookingId,
    pub change: FolioChange,
    /// Decimal string, VAT included, never negative: `change` says which way it went.
    pub amount: String,
    pub currency: String,
    /// The member of staff who made the change.
    pub by: UserId,
    /// What the guest owes on the folio after it (negative: what the hotel owes the guest).
    pub balance: String,
    pub timestamp: DateTime<Utc>,
}

/// What staff did to the folio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FolioChange {
    /// An extra from the hotel's list.
    ExtraPosted,
    /// A charge the list does not have, in staff's words.
    ChargePosted,
    AllowancePosted,
    CashReceived,
    CashRefunded,
}

impl Event for FolioChanged {
    const TYPE: &'static str = FOLIO_CHANGED;
    fn key(&self) -> String {
        self.booking_id.to_string()
    }
}
