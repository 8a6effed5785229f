use kernel::RoomId;

/// Why assigning rooms to attendants failed.
#[derive(Debug, thiserror::Error)]
pub enum AssignmentError {
    #[error("there is no such room to assign ({0}); it may have left the inventory")]
    UnknownRoom(RoomId),
    #[error("nobody is on shift to share the rooms among")]
    NoAttendants,
    /// Another writer held the assignment for longer than we wait.
    #[error("someone else is changing this assignment right now; please try again")]
    Busy,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<mongodb::error::Error> for AssignmentError {
    fn from(e: mongodb::error::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("housekeeping assignments database"))
    }
}
