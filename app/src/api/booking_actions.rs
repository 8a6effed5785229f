//! Server functions that move a booking through its lifecycle.
use crate::dto::BookingView;
use crate::error::AppError;
use leptos::prelude::*;

/// Cancels a booking: guests their own, front desk, managers and admins any. Answers with the
/// booking as it now stands, so the page can show it without asking again.
#[server(endpoint = "cancel_booking")]
pub async fn cancel_booking(id: String) -> Result<BookingView, AppError> {
    use super::bookings::server::{app_error, view};
    use kernel::Role;
    let user = super::session::server::require(&Role::ALL).await?;
    let id = id.parse().map_err(|_| AppError::NotFound("booking not found".into()))?;
    let is_staff = matches!(user.role, Role::FrontDesk | Role::Manager | Role::Admin);
    let b = crate::state::state()?.bookings.cancel(id, user.user_id, is_staff).await.map_err(app_error)?;
    Ok(view(&b))
}
