/// What the desk's use cases answer when they cannot.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    /// The stay cannot have what was asked as things stand; says why (a room taken, too small,
    /// out of order; a status that does not allow it).
    #[error("{0}")]
    Conflict(String),
    /// The room is not ready for a guest who sleeps there tonight; asked again with the staff's
    /// confirmation, the move goes ahead.
    #[error("{0}: confirm to move the guest there anyway")]
    NotReady(crate::NotReady),
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
    rooms::RoomsError,
    payments::PaymentError,
    payments::billing::BillingError
);
