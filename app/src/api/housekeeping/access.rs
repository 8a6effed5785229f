use crate::dto::SessionUser;
use crate::error::AppError;
use kernel::Role;
use leptos::prelude::*;

/// Who may open the housekeeping tablet.
pub const HOUSEKEEPING_ROLES: [Role; 3] = [Role::Housekeeping, Role::Manager, Role::Admin];
/// Who supervises: inspects, assigns, takes rooms out of order.
pub const SUPERVISOR_ROLES: [Role; 2] = [Role::Manager, Role::Admin];

pub fn supervises(role: Role) -> bool {
    SUPERVISOR_ROLES.contains(&role)
}

#[server(endpoint = "housekeeping/access")]
pub async fn housekeeping_access() -> Result<SessionUser, AppError> {
    Ok(require_housekeeping().await?.view())
}

#[cfg(feature = "ssr")]
pub async fn require_housekeeping() -> Result<crate::api::session::server::Signed, AppError> {
    crate::api::session::server::require(&HOUSEKEEPING_ROLES).await
}

/// A supervisor, or the refusal naming who may.
#[cfg(feature = "ssr")]
pub async fn require_supervisor() -> Result<crate::api::session::server::Signed, AppError> {
    let signed = require_housekeeping().await?;
    if supervises(signed.role) {
        Ok(signed)
    } else {
        Err(AppError::NotAllowed("only a housekeeping supervisor (manager or admin) may do this".into()))
    }
}
