//! The payments service: card authorisations, captures, refunds and voids through a gateway,
//! recorded in its own ledger (`payments` schema) with an event for every outcome. Card
//! numbers never leave `card` and the gateway: only tokens, last four digits and brands are kept.
pub mod billing;
mod booked;
pub mod card;
mod cash;
mod desk;
mod domain;
mod error;
mod events;
mod folio_turn;
mod gateway;
mod guarded;
mod idempotency;
mod money_change;
mod movements;
mod release;
pub mod resilience;
mod service;
mod stay_cards;
mod store;
mod test_gateway;

pub use card::{CardBrand, CardDetails, CardError, CardNumber, Cvc, Expiry};
pub use cash::{CashKind, CashMovement};
pub use desk::DeskCard;
pub use domain::{AuthoriseRequest, CapturePolicy, FailureReason, Ledger, Payment, PaymentKind, Purpose};
pub use error::PaymentError;
pub use events::PaymentsConsumer;
pub use gateway::{GatewayError, GatewayRef, Lookup, PaymentGateway, Tokenised};
pub use money_change::MoneyChange;
pub use resilience::{Backoff, BreakerConfig};
pub use service::{PaymentsConfig, PaymentsService};
pub use stay_cards::StayCard;
pub use store::OUTBOX;
pub use test_gateway::{test_cards, TestGateway};
