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

/// Who asks for a page of the desk, worked out before the page is drawn: the server puts it in
/// the request's extensions for `/desk` pages (server/src/startup.rs), and the console reads it
/// back with [`DeskViewer::of_request`]. Known synchronously, the console draws its page once
/// instead of under a `Suspense`, which runs its children (and so the page and its resources)
/// several times on the server.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone)]
pub struct DeskViewer(pub Result<SessionUser, AppError>);

#[cfg(feature = "ssr")]
impl DeskViewer {
    /// The answer [`desk_access`] would give for this session.
    pub async fn of(session: &tower_sessions::Session, guard: &users::SessionGuard) -> Self {
        Self(require_desk_in(session, guard).await.map(|signed| signed.view()))
    }

    /// The answer put into the request being rendered, if the server put one there.
    pub fn of_request() -> Option<Result<SessionUser, AppError>> {
        let parts = use_context::<axum::http::request::Parts>()?;
        parts.extensions.get::<Self>().map(|viewer| viewer.0.clone())
    }
}
