/// What the desk's use cases answer when they cannot.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

macro_rules! unexpected_from {
    ($($t:ty),*) => {$(
        impl From<$t> for DeskError {
            fn from(e: $t) -> Self {
                DeskError::Unexpected(anyhow::Error::new(e))
            }
        }
    )*};
}

unexpected_from!(
    bookings::BookingError,
    users::UsersError,
    rooms::HousekeepingError,
    payments::PaymentError,
    payments::billing::BillingError
);
