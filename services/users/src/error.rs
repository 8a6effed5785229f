#[derive(Debug, thiserror::Error)]
pub enum UsersError {
    #[error("the sign-in could not be completed: {0}")]
    SignIn(String),
    #[error("your account has no role in this hotel; ask the front desk")]
    NoRole,
    /// The identity provider no longer vouches for the person (disabled, signed out there,
    /// refresh token expired): their session here ends too.
    #[error("your sign-in has ended ({0}); please sign in again")]
    SignInEnded(String),
    /// The desk tried to register a guest whose email someone already has: this is who.
    #[error("{} already has a profile with this email", .0.user.name)]
    EmailTaken(Box<crate::Profile>),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for UsersError {
    fn from(e: sqlx::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("users database"))
    }
}
