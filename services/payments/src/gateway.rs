//! The card gateway as this service needs it. `TestGateway` is the only implementation here;
//! production needs an adapter for a real gateway behind the same trait.
use crate::card::{CardBrand, CardDetails};
use async_trait::async_trait;
use kernel::Money;

/// What the gateway keeps in place of a card: the only card data this service stores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokenised {
    pub token: String,
    pub last4: String,
    pub brand: CardBrand,
}

/// The gateway's id for an authorisation, capture, refund or void.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayRef(pub String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GatewayError {
    #[error("the card was declined")]
    Declined,
    #[error("the card has insufficient funds")]
    InsufficientFunds,
    /// The gateway failed to process the request; trying again may work.
    #[error("the gateway failed: {0}")]
    Failed(String),
    #[error("the gateway did not answer in time")]
    Timeout,
}

impl GatewayError {
    /// Worth retrying, and a sign the gateway is unwell (counts towards the circuit breaker).
    /// A decline is the gateway working normally.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Failed(_) | Self::Timeout)
    }
}

/// What became of a request the gateway was sent with a given reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// The gateway never received it: sending it again is safe.
    NotReceived,
    Succeeded(GatewayRef),
    Failed(GatewayError),
}

/// A card gateway. `reference` is this service's payment id; an adapter sends it as the
/// gateway's idempotency key, so a retry after a timeout never moves money twice.
#[async_trait]
pub trait PaymentGateway: Send + Sync {
    /// Swaps card details for a token; the card number goes nowhere else.
    async fn tokenise(&self, card: &CardDetails) -> Result<Tokenised, GatewayError>;
    /// Holds `amount` on the card.
    async fn authorise(&self, token: &str, amount: Money, reference: &str) -> Result<GatewayRef, GatewayError>;
    /// Takes `amount` (at most what is still held) of an authorisation.
    async fn capture(&self, authorisation: &GatewayRef, amount: Money, reference: &str) -> Result<GatewayRef, GatewayError>;
    /// Gives back `amount` (at most what is not yet refunded) of a capture.
    async fn refund(&self, capture: &GatewayRef, amount: Money, reference: &str) -> Result<GatewayRef, GatewayError>;
    /// Releases what an authorisation still holds.
    async fn void(&self, authorisation: &GatewayRef, reference: &str) -> Result<GatewayRef, GatewayError>;
    /// Asks what the gateway did with the request sent with `reference`, after a timeout left
    /// its outcome unknown (every real gateway has such a query: Stripe's idempotent replay,
    /// Adyen's payment status).
    async fn lookup(&self, reference: &str) -> Result<Lookup, GatewayError>;
}
