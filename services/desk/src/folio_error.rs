/// What the desk's folio actions answer when they cannot: a refusal in words, or the service's
/// own error, which the caller maps as it maps that service's.
#[derive(Debug, thiserror::Error)]
pub enum FolioError {
    /// The stay or its balance does not allow it now; says why.
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Booking(#[from] bookings::BookingError),
    #[error(transparent)]
    Payment(#[from] payments::PaymentError),
    #[error(transparent)]
    Billing(#[from] payments::billing::BillingError),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}
