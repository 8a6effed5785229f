//! Walk-in and phone bookings at the desk: find the guest or register them, then book for them
//! (availability and prices are the public `search` and `quote`). Each function checks the role
//! and calls one desk use case; the booking form carries its idempotency key.
use crate::dto::desk_walk_in::{GuestMatchView, GuestMatchesView};
use crate::error::AppError;
use leptos::prelude::*;

/// The guests whose name or email contains `text`, a few at a time.
#[server(endpoint = "desk/find_guests")]
pub async fn desk_find_guests(text: String) -> Result<GuestMatchesView, AppError> {
    super::access::require_desk().await?;
    let state = crate::state::state()?;
    let found = state
        .desk
        .find_guests(&text)
        .await
        .map_err(server::walk_in_error)?;
    Ok(GuestMatchesView {
        guests: found.guests.iter().map(server::guest_view).collect(),
        more: found.more,
    })
}

/// The hotel's today, where a new booking's dates start.
#[server(endpoint = "desk/hotel_today")]
pub async fn desk_hotel_today() -> Result<chrono::NaiveDate, AppError> {
    super::access::require_desk().await?;
    Ok(crate::state::state()?.bookings.today())
}

/// Registers a guest who has no account yet; they take it over when they sign up with the email.
#[server(endpoint = "desk/create_guest")]
pub async fn desk_create_guest(
    name: String,
    email: String,
    language: String,
    #[server(default)] phone: String,
) -> Result<GuestMatchView, AppError> {
    let user = super::access::require_desk().await?;
    let state = crate::state::state()?;
    let profile = server::new_profile(&name, &email, &language, &phone)?;
    let guest = state
        .desk
        .create_guest(&profile, user.user_id)
        .await
        .map_err(server::walk_in_error)?;
    Ok(server::guest_view(&users::Profile {
        user: guest,
        phone: profile.phone.map(|p| p.as_str().to_owned()),
        has_account: false,
    }))
}

/// Books for `guest`, paying with the card now (`payment` = `card`) or at check-out (`later`);
/// sends the browser to the stay.
#[server(endpoint = "desk/book")]
#[allow(clippy::too_many_arguments)]
pub async fn desk_book(
    guest: String,
    room_type: String,
    check_in: String,
    check_out: String,
    adults: u8,
    children: u8,
    idempotency_key: String,
    payment: String,
    #[server(default)] promo: String,
    #[server(default)] card_number: String,
    #[server(default)] card_month: String,
    #[server(default)] card_year: String,
    #[server(default)] card_cvc: String,
) -> Result<String, AppError> {
    use crate::api::book_form::{self, CardFields, StayFields};
    let user = super::access::require_desk().await?;
    let state = crate::state::state()?;
    let today = state.bookings.today();
    let guest = guest
        .trim()
        .parse()
        .map_err(|_| AppError::field("guest", "find or register the guest first"))?;
    let stay = StayFields {
        room_type: &room_type,
        check_in: &check_in,
        check_out: &check_out,
        adults,
        children,
        idempotency_key: &idempotency_key,
        promo: &promo,
    };
    let request = book_form::request(guest, stay, today)?;
    let card = match payment.as_str() {
        "card" => Some(book_form::card(
            CardFields {
                number: &card_number,
                month: &card_month,
                year: &card_year,
                cvc: &card_cvc,
            },
            today,
        )?),
        "later" => None,
        _ => {
            return Err(AppError::field(
                "payment",
                "choose card now or pay at check-out",
            ))
        }
    };
    let booking = state
        .desk
        .book_walk_in(desk::WalkIn { request, card }, user.user_id)
        .await
        .map_err(server::walk_in_error)?;
    let id = booking.id.to_string();
    leptos_axum::redirect(&format!("/desk/stays/{id}"));
    Ok(id)
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::bookings::server::app_error;
    use crate::api::checkout::server::checkout_error;
    use crate::dto::desk_walk_in::GuestMatchView;
    use crate::error::AppError;
    use bookings::checkout::CheckoutError;
    use bookings::BookingError;
    use desk::WalkInError;
    use payments::PaymentError;
    use users::{Language, NewProfile, PersonName, Phone, Profile};

    pub fn guest_view(p: &Profile) -> GuestMatchView {
        GuestMatchView {
            id: p.user.id.to_string(),
            name: p.user.name.clone(),
            email: p.user.email.to_string(),
            phone: p.phone.clone(),
            language: p.user.language.as_str().to_owned(),
            has_account: p.has_account,
        }
    }

    pub fn new_profile(
        name: &str,
        email: &str,
        language: &str,
        phone: &str,
    ) -> Result<NewProfile, AppError> {
        Ok(NewProfile {
            name: PersonName::parse(name).map_err(|e| AppError::field("name", e.to_string()))?,
            email: kernel::Email::parse(email)
                .map_err(|e| AppError::field("email", e.to_string()))?,
            language: Language::parse(language.trim())
                .ok_or_else(|| AppError::field("language", "choose English or Deutsch"))?,
            phone: match phone.trim() {
                "" => None,
                p => Some(Phone::parse(p).map_err(|e| AppError::field("phone", e.to_string()))?),
            },
        })
    }

    /// A refusal beside the field it is about where there is one.
    pub fn walk_in_error(e: WalkInError) -> AppError {
        match e {
            WalkInError::Invalid(m) => AppError::field("text", m),
            WalkInError::GuestExists(p) => AppError::field(
                "email",
                format!(
                    "{} ({}) already has a profile with this email: book for them instead",
                    p.user.name, p.user.email
                ),
            ),
            WalkInError::UnknownGuest => AppError::field("guest", e.to_string()),
            WalkInError::Checkout(CheckoutError::Booking(e @ BookingError::UnknownPromo(_))) => {
                AppError::field("promo", e.to_string())
            }
            WalkInError::Checkout(CheckoutError::Booking(
                e @ BookingError::PartyDoesNotFit { .. },
            )) => AppError::field("adults", e.to_string()),
            WalkInError::Checkout(CheckoutError::Payment(
                e @ (PaymentError::Declined | PaymentError::InsufficientFunds),
            )) => AppError::field("card_number", e.to_string()),
            WalkInError::Checkout(CheckoutError::Booking(e)) => app_error(e),
            WalkInError::Checkout(e) => checkout_error(e),
            WalkInError::Unexpected(e) => crate::state::internal(e),
        }
    }
}
