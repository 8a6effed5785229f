#[derive(Debug, thiserror::Error)]
pub enum UsersError {
    #[error("the sign-in could not be completed: {0}")]
    SignIn(String),
    #[error("your account has no role in this hotel; ask the front desk")]
    NoRole,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for UsersError {
    fn from(e: sqlx::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("users database"))
    }
}
