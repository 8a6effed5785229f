//! The end of a booking's life at the desk: a no-show, a cancellation (at the terms' fee, or
//! waived by a manager with a reason) and a check-in taken back. Each answers with the booking as
//! it now stands.
use crate::dto::BookingView;
use crate::error::AppError;
use leptos::prelude::*;

/// Marks a confirmed booking whose arrival day is over as a no-show, at the fee of a
/// cancellation at arrival.
#[server(endpoint = "desk/no_show")]
pub async fn desk_no_show(id: String) -> Result<BookingView, AppError> {
    let user = super::access::require_desk().await?;
    let bookings = crate::state::state()?.bookings;
    let b = bookings
        .mark_no_show(server::booking_id(&id)?, user.user_id)
        .await
        .map_err(crate::api::bookings::server::app_error)?;
    Ok(crate::api::bookings::server::view(&b, &bookings.clock()))
}

/// Cancels a booking at the fee its terms set for now or, with `waive`, at no fee: a manager's
/// or admin's decision, with the `reason` kept in the booking's history.
#[server(endpoint = "desk/cancel")]
pub async fn desk_cancel(
    id: String,
    #[server(default)] waive: bool,
    #[server(default)] reason: String,
) -> Result<BookingView, AppError> {
    use crate::api::bookings::server::{app_error, view};
    let user = super::access::require_desk().await?;
    let bookings = crate::state::state()?.bookings;
    let id = server::booking_id(&id)?;
    let b = if waive {
        let reason = bookings::WaiverReason::parse(&reason).map_err(|e| AppError::Invalid(e.to_string()))?;
        bookings.cancel_waiving_fee(id, user.user_id, user.role, &reason).await
    } else {
        bookings.cancel(id, user.user_id, true).await
    }
    .map_err(app_error)?;
    Ok(view(&b, &bookings.clock()))
}

/// Takes back a check-in made by mistake, on the business day it was made.
#[server(endpoint = "desk/revert_check_in")]
pub async fn desk_revert_check_in(id: String) -> Result<BookingView, AppError> {
    let user = super::access::require_desk().await?;
    let bookings = crate::state::state()?.bookings;
    let b = bookings
        .revert_check_in(server::booking_id(&id)?, user.user_id)
        .await
        .map_err(crate::api::bookings::server::app_error)?;
    Ok(crate::api::bookings::server::view(&b, &bookings.clock()))
}

#[cfg(feature = "ssr")]
mod server {
    use crate::error::AppError;
    use kernel::BookingId;

    pub fn booking_id(id: &str) -> Result<BookingId, AppError> {
        id.trim().parse().map_err(|_| AppError::NotFound("booking not found".into()))
    }
}
