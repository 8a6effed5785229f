//! Walk-in and phone bookings: the desk finds the guest or registers them, then books for them
//! with the guest site's rules and prices, the card taken now or the balance left for check-out
//! (the folio takes it then). The booking is the guest's; its history names the receptionist.
use crate::Desk;
use bookings::checkout::{checkout_by, CheckoutError};
use bookings::{BookRequest, Booking};
use kernel::UserId;
use payments::CardDetails;
use users::{NewProfile, Profile, User, UsersError};

/// At most this many guests answer one search; a longer list asks for a longer text.
pub const GUESTS_SHOWN: usize = 10;

/// The guests a search found, and whether there were more than are shown.
#[derive(Debug, Clone)]
pub struct GuestMatches {
    pub guests: Vec<Profile>,
    pub more: bool,
}

/// A booking the desk makes for a guest: `card` pays now, `None` leaves it for check-out.
#[derive(Debug, Clone)]
pub struct WalkIn {
    pub request: BookRequest,
    pub card: Option<CardDetails>,
}

#[derive(Debug, thiserror::Error)]
pub enum WalkInError {
    #[error("{0}")]
    Invalid(String),
    /// Someone has the email already: the desk should book for them instead.
    #[error("{} already has a profile with this email", .0.user.name)]
    GuestExists(Box<Profile>),
    #[error("that guest is no longer known; search again")]
    UnknownGuest,
    #[error(transparent)]
    Checkout(#[from] CheckoutError),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<UsersError> for WalkInError {
    fn from(e: UsersError) -> Self {
        match e {
            UsersError::EmailTaken(existing) => Self::GuestExists(existing),
            e => Self::Unexpected(anyhow::Error::new(e).context("users service")),
        }
    }
}

impl Desk {
    /// The guests whose name or email contains `text`, at most [`GUESTS_SHOWN`] of them.
    #[tracing::instrument(skip(self))]
    pub async fn find_guests(&self, text: &str) -> Result<GuestMatches, WalkInError> {
        let text = text.trim();
        if text.chars().count() < 2 {
            return Err(WalkInError::Invalid(
                "type at least two letters of the guest's name or email".into(),
            ));
        }
        let mut guests = self
            .users
            .find_profiles(text, GUESTS_SHOWN as u32 + 1)
            .await?;
        let more = guests.len() > GUESTS_SHOWN;
        guests.truncate(GUESTS_SHOWN);
        Ok(GuestMatches { guests, more })
    }

    /// Registers a guest who has no account, made by `by`.
    #[tracing::instrument(skip(self, profile))]
    pub async fn create_guest(
        &self,
        profile: &NewProfile,
        by: UserId,
    ) -> Result<User, WalkInError> {
        Ok(self.users.create_profile(profile, by).await?)
    }

    /// Books for the guest as the guest site would (same availability, price and terms), paid
    /// with the card now when there is one. A retry with the same guest and key books once.
    #[tracing::instrument(skip(self, walk_in), fields(guest = %walk_in.request.user_id))]
    pub async fn book_walk_in(&self, walk_in: WalkIn, by: UserId) -> Result<Booking, WalkInError> {
        let WalkIn { request, card } = walk_in;
        if self.users.find(request.user_id).await?.is_none() {
            return Err(WalkInError::UnknownGuest);
        }
        Ok(match card {
            Some(card) => {
                checkout_by(&self.bookings, &self.payments, request, card, Some(by)).await?
            }
            None => self
                .bookings
                .book_by(request, Some(by))
                .await
                .map_err(CheckoutError::from)?,
        })
    }
}
