//! Who asks for a page of a staff area, worked out before the page is drawn: the server puts
//! it in the request's extensions for the areas' pages (server/src/startup.rs), and the area's
//! frame reads it back with [`StaffViewer::of_request`]. Known synchronously, the frame draws
//! its page once instead of under a `Suspense`, which runs its children (and so the page and
//! its resources) several times on the server.
#[cfg(feature = "ssr")]
pub use server::StaffViewer;

#[cfg(feature = "ssr")]
mod server {
    use crate::dto::SessionUser;
    use crate::error::AppError;
    use kernel::Role;

    #[derive(Debug, Clone)]
    pub struct StaffViewer(pub Result<SessionUser, AppError>);

    impl StaffViewer {
        /// The staff area whose pages `path` is one of, by the roles it admits.
        pub fn roles_for(path: &str) -> Option<&'static [Role]> {
            let under = |area: &str| path == area || path.strip_prefix(area).is_some_and(|rest| rest.starts_with('/'));
            if under("/desk") {
                Some(&crate::api::desk::access::DESK_ROLES)
            } else if under("/housekeeping") {
                Some(&crate::api::housekeeping::access::HOUSEKEEPING_ROLES)
            } else if under("/admin") {
                Some(&crate::api::admin::access::ADMIN_ROLES)
            } else {
                None
            }
        }

        /// The answer the area's access check would give for this session.
        pub async fn of(session: &tower_sessions::Session, guard: &users::SessionGuard, roles: &[Role]) -> Self {
            let signed = crate::api::session::server::require_in(session, guard, roles).await;
            Self(signed.map(|signed| signed.view()))
        }

        /// The answer put into the request being rendered, if the server put one there.
        pub fn of_request() -> Option<Result<SessionUser, AppError>> {
            let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
            parts.extensions.get::<Self>().map(|viewer| viewer.0.clone())
        }
    }
}
