use crate::dto::SessionUser;
use crate::error::AppError;
use leptos::prelude::*;

/// Who is signed in, if anyone.
#[server(endpoint = "whoami")]
pub async fn whoami() -> Result<Option<SessionUser>, AppError> {
    Ok(server::current().await?.map(|s| s.view()))
}

#[cfg(feature = "ssr")]
pub mod server {
    //! The signed-in user as kept in the session; written by the sign-in callback.
    use crate::dto::SessionUser;
    use crate::error::AppError;
    use kernel::{Role, UserId};
    use serde::{Deserialize, Serialize};
    use tower_sessions::Session;

    pub const USER_KEY: &str = "user";

    #[derive(Debug, Clone, Serialize, Deserialize)]
    pub struct Signed {
        pub user_id: UserId,
        pub name: String,
        pub email: String,
        pub role: Role,
        /// Kept only so sign-out can end the identity provider's session too.
        pub id_token: String,
    }

    impl Signed {
        pub fn view(&self) -> SessionUser {
            SessionUser { name: self.name.clone(), email: self.email.clone(), role: self.role }
        }
    }

    pub async fn current() -> Result<Option<Signed>, AppError> {
        let session: Session = leptos_axum::extract().await.map_err(crate::state::internal)?;
        session.get::<Signed>(USER_KEY).await.map_err(crate::state::internal)
    }

    /// The signed-in user if their role is one of `allowed`; checked on the server for every call.
    pub async fn require(allowed: &[Role]) -> Result<Signed, AppError> {
        let user = current().await?.ok_or(AppError::SignInRequired)?;
        if allowed.contains(&user.role) {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }
}
