//! The hotel's staff, kept in Keycloak: listed with their roles, invited, given another role,
//! disabled and enabled again. A change shows in the person's sessions at their next request.
use crate::dto::admin::{InvitedView, StaffPageView, StaffView};
use crate::error::AppError;
use leptos::prelude::*;

/// Staff on one page: the users service's page, which the browser cannot name.
pub const STAFF_PER_PAGE: u32 = 25;
#[cfg(feature = "ssr")]
const _: () = assert!(STAFF_PER_PAGE as usize == users::STAFF_PER_PAGE);

/// A role as staff read it: "front desk".
pub fn role_label(role: &str) -> String {
    match role {
        "guest" => "no staff role (guest)".into(),
        r => r.replace('_', " "),
    }
}

#[server(endpoint = "admin/staff")]
pub async fn staff_page(#[server(default)] page: u32) -> Result<StaffPageView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let (staff, total) = state.staff.staff(page as usize).await.map_err(server::staff_error)?;
    let roles = std::iter::once(kernel::Role::Guest)
        .chain(users::STAFF_ROLES)
        .filter(|r| me.role == kernel::Role::Admin || *r != kernel::Role::Admin)
        .map(|r| (r.as_str().to_owned(), role_label(r.as_str())))
        .collect();
    Ok(StaffPageView { staff: staff.iter().map(server::view).collect(), total: total as u64, page, roles })
}

/// Creates the person's account with `role`. `how` is `email` (Keycloak mails them a link to
/// choose a password) or `password` (a temporary password made here, shown once, changed at
/// their first sign-in).
#[server(endpoint = "admin/invite_staff")]
pub async fn invite_staff(email: String, first_name: String, last_name: String, role: String, how: String) -> Result<InvitedView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let email = kernel::Email::parse(email.trim()).map_err(|e| AppError::field("email", e.to_string()))?;
    let role = server::staff_role(&role)?;
    let password = (how == "password").then(server::temporary_password);
    let first_sign_in = match &password {
        Some(p) => users::FirstSignIn::TemporaryPassword(p.clone()),
        None => users::FirstSignIn::Email,
    };
    let invite = users::Invite { email, first_name, last_name, role, first_sign_in };
    let member = state.staff.invite(invite, me.user_id, me.role).await.map_err(server::staff_error)?;
    Ok(InvitedView { member: server::view(&member), temporary_password: password })
}

/// Gives the person `role` (`guest`: takes their staff role away).
#[server(endpoint = "admin/set_staff_role")]
pub async fn set_staff_role(id: String, role: String) -> Result<StaffView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let role = kernel::Role::parse(role.trim()).ok_or_else(|| AppError::field("role", "choose a role from the list"))?;
    let member = state.staff.set_role(id.trim(), role, me.user_id, me.role).await.map_err(server::staff_error)?;
    Ok(server::view(&member))
}

/// Disables the account (`enabled` empty) or enables it again (`enabled` = `on`).
#[server(endpoint = "admin/set_staff_enabled")]
pub async fn set_staff_enabled(id: String, #[server(default)] enabled: Option<String>) -> Result<StaffView, AppError> {
    let me = super::access::require_manager().await?;
    let state = crate::state::state()?;
    let member = state.staff.set_enabled(id.trim(), enabled.is_some(), me.user_id, me.role).await.map_err(server::staff_error)?;
    Ok(server::view(&member))
}

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::admin::StaffView;
    use crate::error::AppError;
    use users::{StaffError, StaffMember};

    pub fn view(m: &StaffMember) -> StaffView {
        StaffView { id: m.id.clone(), email: m.email.clone(), name: m.name.clone(), role: m.role.as_str().into(), enabled: m.enabled }
    }

    pub fn staff_role(s: &str) -> Result<kernel::Role, AppError> {
        kernel::Role::parse(s.trim())
            .filter(|r| users::STAFF_ROLES.contains(r))
            .ok_or_else(|| AppError::field("role", "choose a staff role from the list"))
    }

    /// Twelve letters and digits, none that read alike (0/O, 1/l/I).
    pub fn temporary_password() -> String {
        const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        let bytes = uuid::Uuid::new_v4().into_bytes();
        let more = uuid::Uuid::new_v4().into_bytes();
        bytes.iter().chain(more.iter()).take(12).map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char).collect()
    }

    pub fn staff_error(e: StaffError) -> AppError {
        match e {
            StaffError::Invalid { field, message } => AppError::field(field, message),
            StaffError::EmailTaken => AppError::field("email", e.to_string()),
            StaffError::NotFound => AppError::NotFound(e.to_string()),
            StaffError::NotAllowed(why) => AppError::NotAllowed(why),
            StaffError::Unavailable => AppError::Conflict(e.to_string()),
            StaffError::Unexpected(e) => crate::state::internal(e),
        }
    }
}
