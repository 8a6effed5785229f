use crate::dto::SessionUser;
use crate::error::AppError;
use leptos::prelude::*;

/// The roles that run the front desk.
pub const DESK_ROLES: [kernel::Role; 3] = [
    kernel::Role::FrontDesk,
    kernel::Role::Manager,
    kernel::Role::Admin,
];

/// Who may open the console: the signed-in staff member, or why not (sign in first, or 403).
#[server(endpoint = "desk/access")]
pub async fn desk_access() -> Result<SessionUser, AppError> {
    Ok(require_desk().await?.view())
}

/// The signed-in member of the desk's staff, or the refusal every desk function gives.
#[cfg(feature = "ssr")]
pub async fn require_desk() -> Result<crate::api::session::server::Signed, AppError> {
    crate::api::session::server::require(&DESK_ROLES).await
}

/// [`require_desk`] for a request's session outside a server function.
#[cfg(feature = "ssr")]
pub async fn require_desk_in(
    session: &tower_sessions::Session,
    guard: &users::SessionGuard,
) -> Result<crate::api::session::server::Signed, AppError> {
    crate::api::session::server::require_in(session, guard, &DESK_ROLES).await
}
