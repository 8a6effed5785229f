use crate::domain::FailureReason;
use kernel::{Currency, Money};

/// What can go wrong with a payment. Every message but `Unexpected`'s is written for the guest
/// or the member of staff who asked.
#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("your card was declined; please use another card")]
    Declined,
    #[error("your card has insufficient funds; please use another card")]
    InsufficientFunds,
    #[error("the payment provider had a problem and nothing was charged; please try again")]
    GatewayError,
    #[error("the payment provider did not answer in time; please try again")]
    Timeout,
    /// The gateway is down and the circuit breaker is open.
    #[error("card payments are unavailable right now; please try again in a few minutes")]
    Unavailable,
    #[error("this request was already used for a different payment")]
    KeyReused,
    #[error("this payment is still being processed; please check the booking again in a moment")]
    InProgress,
    #[error("an amount to pay must be more than zero")]
    NotPositive,
    #[error("this booking is paid in {}, not {}", .expected.code(), .given.code())]
    WrongCurrency { expected: Currency, given: Currency },
    #[error("this booking already has a card authorisation")]
    AlreadyAuthorised,
    #[error("there is no card authorisation holding money for this booking")]
    NothingHeld,
    #[error("there is no captured payment to refund for this booking")]
    NothingToRefund,
    #[error("that is more than the {0} available")]
    TooMuch(Money),
    #[error("this booking has no card on file; take the guest's card")]
    NoCardOnFile,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl PaymentError {
    /// The gateway's answer, as an error for the caller.
    pub fn from_failure(reason: FailureReason) -> Self {
        match reason {
            FailureReason::Declined => Self::Declined,
            FailureReason::InsufficientFunds => Self::InsufficientFunds,
            FailureReason::GatewayError => Self::GatewayError,
            FailureReason::Timeout => Self::Timeout,
            FailureReason::Unavailable => Self::Unavailable,
        }
    }

    /// Worth trying the same request again later (the consumer retries these).
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::GatewayError | Self::Timeout | Self::Unavailable | Self::InProgress | Self::Unexpected(_))
    }
}

impl From<sqlx::Error> for PaymentError {
    fn from(e: sqlx::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("payments database"))
    }
}
