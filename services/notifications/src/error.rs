/// What can go wrong in the notifications service. Nothing here is the guest's doing yet: a
/// missing or broken template, an unreachable database or an event that cannot be read all
/// need a person to look at the logs.
#[derive(Debug, thiserror::Error)]
pub enum NotificationsError {
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for NotificationsError {
    fn from(e: sqlx::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("notifications database"))
    }
}
