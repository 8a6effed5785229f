use crate::dto::SessionUser;
use crate::error::AppError;
use kernel::Role;
use leptos::prelude::*;

/// Who may open the manager's office.
pub const ADMIN_ROLES: [Role; 2] = [Role::Manager, Role::Admin];

#[server(endpoint = "admin/access")]
pub async fn admin_access() -> Result<SessionUser, AppError> {
    Ok(require_manager().await?.view())
}

#[cfg(feature = "ssr")]
pub async fn require_manager() -> Result<crate::api::session::server::Signed, AppError> {
    crate::api::session::server::require(&ADMIN_ROLES).await
}
