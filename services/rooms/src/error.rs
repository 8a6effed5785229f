#[derive(Debug, thiserror::Error)]
pub enum RoomsError {
    #[error("there is no room type '{0}'")]
    UnknownRoomType(String),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<mongodb::error::Error> for RoomsError {
    fn from(e: mongodb::error::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("rooms database"))
    }
}
