use crate::dto::BookingView;
use crate::error::AppError;
use leptos::prelude::*;

/// One page (20 a page) of the signed-in person's own bookings.
#[server(endpoint = "my_bookings")]
pub async fn my_bookings(page: u32) -> Result<Vec<BookingView>, AppError> {
    let user = super::session::server::require(&kernel::Role::ALL).await?;
    let bookings = crate::state::state()?.bookings;
    let list = bookings.for_user(user.user_id, page, 20).await.map_err(server::app_error)?;
    Ok(list.iter().map(|b| server::view(b, &bookings.clock())).collect())
}

#[server(endpoint = "booking")]
pub async fn booking(id: String) -> Result<BookingView, AppError> {
    let user = super::session::server::require(&kernel::Role::ALL).await?;
    let id = id.parse().map_err(|_| AppError::NotFound("booking not found".into()))?;
    let state = crate::state::state()?;
    let b = match user.role.manages_bookings() {
        true => state.bookings.find(id).await,
        false => state.bookings.find_for_user(id, user.user_id).await,
    }
    .map_err(server::app_error)?;
    let mut view = server::view(&b, &state.bookings.clock());
    super::checkout::server::add_money(&state, &mut view, b.id).await?;
    Ok(view)
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::dto::BookingView;
    use crate::error::AppError;
    use bookings::BookingError;

    pub fn app_error(e: BookingError) -> AppError {
        match e {
            BookingError::UnknownRoomType(_) | BookingError::NotFound => AppError::NotFound(e.to_string()),
            BookingError::PartyDoesNotFit { .. }
            | BookingError::Restricted(_)
            | BookingError::Pricing(_)
            | BookingError::UnknownPromo(_) => AppError::Invalid(e.to_string()),
            BookingError::NoLongerAvailable
            | BookingError::IllegalTransition(_)
            | BookingError::RoomUnsuitable { .. }
            | BookingError::Desk(_) => {
                AppError::Conflict(e.to_string())
            }
            BookingError::WaiverNotAllowed => AppError::NotAllowed(e.to_string()),
            BookingError::Unexpected(e) => crate::state::internal(e),
        }
    }

    pub fn view(b: &bookings::Booking, clock: &bookings::HotelClock) -> BookingView {
        use bookings::lifecycle::Action;
        use crate::api::quote::server::{price_view, terms_view};
        BookingView {
            id: b.id.to_string(),
            reference: b.id.to_string()[..8].to_uppercase(),
            room_type: b.room_type.to_string(),
            room_number: b.room_number.clone(),
            check_in: b.stay.check_in(),
            check_out: b.stay.check_out(),
            nights: b.stay.nights(),
            adults: b.party.adults(),
            children: b.party.children(),
            total: b.total,
            status: b.status.as_str().replace('_', " "),
            can_cancel: b.status.allows(Action::Cancel),
            can_modify: b.status.allows(Action::Modify),
            room_type_code: b.room_type.to_string(),
            price: b.price.as_ref().map(price_view),
            promo_code: b.promo_code.clone(),
            terms: terms_view(&b.terms, clock),
            fee_now: b.terms.fee_at(chrono::Utc::now()),
            cancellation_fee: b.cancellation_fee,
            payments: Vec::new(),
            documents: Vec::new(),
        }
    }
}
