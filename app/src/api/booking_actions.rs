//! Server functions that change a booking: cancel, modify, move.
use crate::dto::{BookingView, ChangeForm};
use crate::error::AppError;
use leptos::prelude::*;

/// Cancels a booking: guests their own, front desk, managers and admins any. Answers with the
/// booking as it now stands, so the page can show it (and the fee charged) without asking again.
#[server(endpoint = "cancel_booking")]
pub async fn cancel_booking(id: String) -> Result<BookingView, AppError> {
    use super::bookings::server::{app_error, view};
    let user = super::session::server::require(&kernel::Role::ALL).await?;
    let id = id.parse().map_err(|_| AppError::NotFound("booking not found".into()))?;
    let bookings = crate::state::state()?.bookings;
    let b = bookings.cancel(id, user.user_id, user.role.manages_bookings()).await.map_err(app_error)?;
    Ok(view(&b, &bookings.clock()))
}

/// Changes the dates, party or room type of a booking, re-priced; then shows the booking.
#[server(endpoint = "modify_booking")]
pub async fn modify_booking(
    #[server(flatten)] change: ChangeForm,
) -> Result<BookingView, AppError> {
    use super::bookings::server::{app_error, view};
    let user = super::session::server::require(&kernel::Role::ALL).await?;
    let bookings = crate::state::state()?.bookings;
    let request = server::modify_request(&user, &bookings, &change)?;
    let b = bookings.modify(request).await.map_err(app_error)?;
    leptos_axum::redirect(&format!("/bookings/{}", b.id));
    Ok(view(&b, &bookings.clock()))
}

/// What a change would cost and do to the guest's money, before they confirm it.
#[server(endpoint = "preview_change")]
pub async fn preview_change(
    #[server(flatten)] change: ChangeForm,
) -> Result<crate::dto::ChangePreviewView, AppError> {
    let user = super::session::server::require(&kernel::Role::ALL).await?;
    let state = crate::state::state()?;
    let request = server::modify_request(&user, &state.bookings, &change)?;
    let preview = bookings::checkout::preview_change(&state.bookings, &state.payments, &request)
        .await
        .map_err(super::checkout::server::checkout_error)?;
    Ok(server::preview_view(&preview, &state.bookings.clock()))
}

/// Moves a stay to another room, at the price it was sold at. Front desk, managers and admins.
/// A guest who sleeps there tonight goes into a room that is not ready (dirty, not yet
/// inspected) only with `confirm_not_ready`; without it the answer is a conflict saying why.
/// The one way to move a stay, so no other door skips that question.
#[server(endpoint = "move_booking")]
pub async fn move_booking(
    id: String,
    room_number: String,
    #[server(default)] confirm_not_ready: bool,
) -> Result<BookingView, AppError> {
    use super::bookings::server::view;
    let user = super::desk::access::require_desk().await?;
    let id = id.parse().map_err(|_| AppError::NotFound("booking not found".into()))?;
    let state = crate::state::state()?;
    let b = state
        .desk
        .move_room(id, room_number.trim(), user.user_id, confirm_not_ready)
        .await
        .map_err(super::desk::server::desk_error)?;
    Ok(view(&b, &state.bookings.clock()))
}

/// Checks a guest in at the desk, from their arrival day. Front desk, managers and admins.
#[server(endpoint = "check_in_booking")]
pub async fn check_in_booking(id: String) -> Result<BookingView, AppError> {
    use super::bookings::server::{app_error, view};
    use kernel::Role;
    let user = super::session::server::require(&[Role::FrontDesk, Role::Manager, Role::Admin]).await?;
    let id = id.parse().map_err(|_| AppError::NotFound("booking not found".into()))?;
    let bookings = crate::state::state()?.bookings;
    let b = bookings.check_in(id, user.user_id).await.map_err(app_error)?;
    Ok(view(&b, &bookings.clock()))
}

/// Checks a guest out, on any day of their stay, once the folio is settled; the invoice is
/// issued with it. Front desk, managers and admins.
#[server(endpoint = "check_out_booking")]
pub async fn check_out_booking(id: String) -> Result<BookingView, AppError> {
    use super::bookings::server::view;
    use kernel::Role;
    let user = super::session::server::require(&[Role::FrontDesk, Role::Manager, Role::Admin]).await?;
    let id = id.parse().map_err(|_| AppError::NotFound("booking not found".into()))?;
    let state = crate::state::state()?;
    let (b, _invoice) = state.desk.check_out(id, user.user_id).await.map_err(crate::api::desk::folio::server::folio_error)?;
    Ok(view(&b, &state.bookings.clock()))
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::session::server::Signed;
    use crate::dto::{ChangeForm, ChangePreviewView, QuoteView};
    use crate::error::AppError;
    use bookings::checkout::ChangePreview;
    use kernel::{Party, RoomTypeCode, Stay};
    use payments::MoneyChange;

    /// The change the form asks for, by whom: parsed once for the change and its preview.
    pub fn modify_request(
        user: &Signed,
        bookings: &bookings::BookingsService,
        form: &ChangeForm,
    ) -> Result<bookings::ModifyRequest, AppError> {
        let invalid = |e: &dyn std::fmt::Display| AppError::Invalid(e.to_string());
        Ok(bookings::ModifyRequest {
            booking_id: form
                .id
                .parse()
                .map_err(|_| AppError::NotFound("booking not found".into()))?,
            by: user.user_id,
            is_staff: user.role.manages_bookings(),
            room_type: RoomTypeCode::parse(&form.room_type).map_err(|e| invalid(&e))?,
            stay: Stay::parse(&form.check_in, &form.check_out, bookings.today())
                .map_err(|e| invalid(&e))?,
            party: Party::new(form.adults, form.children).map_err(|e| invalid(&e))?,
        })
    }

    pub fn preview_view(p: &ChangePreview, clock: &bookings::HotelClock) -> ChangePreviewView {
        use crate::api::quote::server::{price_view, terms_view};
        let card = p.card_last4.as_deref().map(|l| format!("your card ending {l}")).unwrap_or_else(|| "your card".into());
        let money = match &p.money {
            MoneyChange::Nothing => "Nothing more is charged or refunded.".to_owned(),
            MoneyChange::Charge(m) => format!("{m} more will be charged to {card} when you save."),
            MoneyChange::HoldMore(m) => format!("{m} more will be held on {card} when you save and taken with the rest of the stay."),
            MoneyChange::Refund(m) => format!("{m} will be refunded to {card}."),
            MoneyChange::HoldLess(m) => format!("{m} less will be taken from what is held on {card}."),
        };
        ChangePreviewView {
            quote: QuoteView {
                nights: p.offer.priced.nights().len() as i64,
                price: price_view(&p.offer.priced),
                terms: terms_view(&p.offer.terms, clock),
            },
            was: p.before.total,
            money,
        }
    }
}
