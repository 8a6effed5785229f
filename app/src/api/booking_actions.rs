//! Server functions that change a booking: cancel, modify, move.
use crate::dto::BookingView;
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
    Ok(view(&b, bookings.clock()))
}

/// Changes the dates, party or room type of a booking, re-priced; then shows the booking.
#[server(endpoint = "modify_booking")]
pub async fn modify_booking(
    id: String,
    room_type: String,
    check_in: String,
    check_out: String,
    adults: u8,
    children: u8,
) -> Result<BookingView, AppError> {
    use super::bookings::server::{app_error, view};
    use kernel::{Party, RoomTypeCode, Stay};
    let user = super::session::server::require(&kernel::Role::ALL).await?;
    let bookings = crate::state::state()?.bookings;
    let invalid = |e: &dyn std::fmt::Display| AppError::Invalid(e.to_string());
    let request = bookings::ModifyRequest {
        booking_id: id.parse().map_err(|_| AppError::NotFound("booking not found".into()))?,
        by: user.user_id,
        is_staff: user.role.manages_bookings(),
        room_type: RoomTypeCode::parse(&room_type).map_err(|e| invalid(&e))?,
        stay: Stay::parse(&check_in, &check_out, bookings.today()).map_err(|e| invalid(&e))?,
        party: Party::new(adults, children).map_err(|e| invalid(&e))?,
    };
    let b = bookings.modify(request).await.map_err(app_error)?;
    leptos_axum::redirect(&format!("/bookings/{}", b.id));
    Ok(view(&b, bookings.clock()))
}

/// Moves a stay to another room, at the price it was sold at. Front desk, managers and admins.
#[server(endpoint = "move_booking")]
pub async fn move_booking(id: String, room_number: String) -> Result<BookingView, AppError> {
    use super::bookings::server::{app_error, view};
    use kernel::Role;
    let user = super::session::server::require(&[Role::FrontDesk, Role::Manager, Role::Admin]).await?;
    let id = id.parse().map_err(|_| AppError::NotFound("booking not found".into()))?;
    let bookings = crate::state::state()?.bookings;
    let b = bookings.move_room(id, room_number.trim(), user.user_id).await.map_err(app_error)?;
    Ok(view(&b, bookings.clock()))
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
    Ok(view(&b, bookings.clock()))
}

/// Checks a guest out, on any day of their stay. Front desk, managers and admins.
#[server(endpoint = "check_out_booking")]
pub async fn check_out_booking(id: String) -> Result<BookingView, AppError> {
    use super::bookings::server::{app_error, view};
    use kernel::Role;
    let user = super::session::server::require(&[Role::FrontDesk, Role::Manager, Role::Admin]).await?;
    let id = id.parse().map_err(|_| AppError::NotFound("booking not found".into()))?;
    let bookings = crate::state::state()?.bookings;
    let b = bookings.check_out(id, user.user_id).await.map_err(app_error)?;
    Ok(view(&b, bookings.clock()))
}
