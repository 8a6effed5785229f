use kernel::RoomTypeCode;

#[derive(Debug, thiserror::Error)]
pub enum BookingError {
    #[error("there is no room type '{0}'")]
    UnknownRoomType(RoomTypeCode),
    #[error("this room sleeps at most {max_adults} adults and {max_children} children")]
    PartyDoesNotFit { max_adults: u8, max_children: u8 },
    #[error("sorry, this room type is no longer available for those dates")]
    NoLongerAvailable,
    /// A restriction of the room type forbids these dates; says which.
    #[error("{0}")]
    Restricted(#[from] crate::Refusal),
    /// The promo code does not apply to this stay; says why.
    #[error("{0}")]
    Pricing(#[from] crate::PricingError),
    #[error("there is no promo code '{0}'")]
    UnknownPromo(String),
    #[error("room {room} cannot take this stay: {why}")]
    RoomUnsuitable { room: String, why: &'static str },
    #[error(transparent)]
    Desk(#[from] crate::DeskRefusal),
    #[error("booking not found")]
    NotFound,
    /// Waiving a cancellation fee is a manager's decision.
    #[error("only a manager can waive the cancellation fee")]
    WaiverNotAllowed,
    /// The booking's status does not allow this, e.g. cancelling a finished stay.
    #[error(transparent)]
    IllegalTransition(#[from] crate::lifecycle::IllegalTransition),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for BookingError {
    fn from(e: sqlx::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("bookings database"))
    }
}

impl From<rooms::RoomsError> for BookingError {
    fn from(e: rooms::RoomsError) -> Self {
        match e {
            rooms::RoomsError::UnknownRoomType(code) => match RoomTypeCode::parse(&code) {
                Ok(code) => Self::UnknownRoomType(code),
                Err(_) => Self::Unexpected(anyhow::anyhow!("invalid room type code {code}")),
            },
            rooms::RoomsError::Unexpected(e) => Self::Unexpected(e),
        }
    }
}
