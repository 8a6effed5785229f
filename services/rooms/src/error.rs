use crate::status::StatusRefused;
use crate::ticket::IllegalTicketTransition;
use kernel::{RoomId, TicketId};

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

/// Why a housekeeping or maintenance request failed: the staff side of the rooms service.
/// Kept apart from `RoomsError`, which the bookings service matches exhaustively and which
/// none of these cases can reach.
#[derive(Debug, thiserror::Error)]
pub enum HousekeepingError {
    #[error("there is no room {0}")]
    RoomNotFound(RoomId),
    #[error("there is no maintenance ticket {0}")]
    TicketNotFound(TicketId),
    /// The room's status does not allow the change, e.g. inspecting a dirty room.
    #[error(transparent)]
    Refused(#[from] StatusRefused),
    /// The ticket's status does not allow the action, e.g. starting a resolved ticket.
    #[error(transparent)]
    IllegalTransition(#[from] IllegalTicketTransition),
    /// Another writer held the room or ticket for longer than we wait.
    #[error("someone else is changing this right now; please try again")]
    Busy,
    /// A report's key already opened a ticket for another room or reporter.
    #[error("this report's key already opened another ticket ({0}); send the report again as a new one")]
    KeyReused(TicketId),
    #[error("pages are numbered from 1 and hold 1 to {max} tickets", max = crate::maintenance::MAX_PER_PAGE)]
    InvalidPage,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<mongodb::error::Error> for HousekeepingError {
    fn from(e: mongodb::error::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("rooms database"))
    }
}
