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
    //! The signed-in user as kept in the session; written by the sign-in callback and checked
    //! here, the one door every server function, page and download goes through.
    use crate::dto::SessionUser;
    use crate::error::AppError;
    use crate::state::internal;
    use kernel::{Role, UserId};
    use serde::{Deserialize, Serialize};
    use tower_sessions::Session;
    use users::{Grant, SessionGuard, Verdict};

    pub const USER_KEY: &str = "user";

    #[derive(Debug, Clone, Serialize, Deserialize)]
    pub struct Signed {
        pub user_id: UserId,
        pub name: String,
        pub email: String,
        pub role: Role,
        /// Kept only so sign-out can end the identity provider's session too.
        pub id_token: String,
        /// Lets [`signed_in`] re-check the role and end the session on time; never leaves the
        /// server (the session lives in Redis, the browser holds only its id).
        #[serde(default)]
        pub grant: Grant,
    }

    impl Signed {
        pub fn view(&self) -> SessionUser {
            SessionUser { name: self.name.clone(), email: self.email.clone(), role: self.role }
        }
    }

    /// The signed-in user of this request, re-checked by the session guard.
    pub async fn current() -> Result<Option<Signed>, AppError> {
        let session: Session = leptos_axum::extract().await.map_err(internal)?;
        signed_in(&session, &crate::state::state()?.sessions).await
    }

    /// The signed-in user of `session` once `guard` has checked the grant: renewed (new role,
    /// tokens) when due, `None` after signing the person out when the grant has ended.
    pub async fn signed_in(session: &Session, guard: &SessionGuard) -> Result<Option<Signed>, AppError> {
        let Some(mut signed) = session.get::<Signed>(USER_KEY).await.map_err(internal)? else {
            return Ok(None);
        };
        let key = session.id().map(|id| id.to_string()).unwrap_or_else(|| signed.user_id.to_string());
        match guard.check(&key, signed.user_id, &signed.grant).await.map_err(internal)? {
            Verdict::Valid => Ok(Some(signed)),
            Verdict::Renewed { user, grant, id_token } => {
                if user.role != signed.role {
                    tracing::info!(user = %user.id, from = %signed.role, to = %user.role, "role changed at the identity provider");
                }
                signed = Signed { user_id: user.id, name: user.name, email: user.email.to_string(), role: user.role, id_token, grant };
                session.insert(USER_KEY, &signed).await.map_err(internal)?;
                Ok(Some(signed))
            }
            Verdict::Ended(why) => {
                tracing::info!(user = %signed.user_id, why = %why, "session ended: signed out");
                session.flush().await.map_err(internal)?;
                Ok(None)
            }
        }
    }

    /// The signed-in user if their role is one of `allowed`; checked on the server for every call.
    pub async fn require(allowed: &[Role]) -> Result<Signed, AppError> {
        admit(current().await?, allowed)
    }

    /// [`require`] for a request's `session` where no server function runs (a middleware).
    pub async fn require_in(session: &Session, guard: &SessionGuard, allowed: &[Role]) -> Result<Signed, AppError> {
        admit(signed_in(session, guard).await?, allowed)
    }

    /// Sign in first when nobody is; the user when their role is one of `allowed`; else 403.
    fn admit(user: Option<Signed>, allowed: &[Role]) -> Result<Signed, AppError> {
        let user = user.ok_or(AppError::SignInRequired)?;
        if allowed.contains(&user.role) {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }
}
