//! Server functions of the housekeeping tablet. Every one checks on the server that the caller
//! is housekeeping staff or a supervisor (manager, admin), and what only a supervisor may do.
pub mod access;
pub mod board;
pub mod act;
pub mod assign;
pub mod maintenance;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::error::AppError;
    use rooms::HousekeepingError;

    pub fn housekeeping_error(e: HousekeepingError) -> AppError {
        match e {
            HousekeepingError::RoomNotFound(_) | HousekeepingError::TicketNotFound(_) => AppError::NotFound(e.to_string()),
            HousekeepingError::Refused(_)
            | HousekeepingError::IllegalTransition(_)
            | HousekeepingError::Busy
            | HousekeepingError::KeyReused(_) => {
                AppError::Conflict(e.to_string())
            }
            HousekeepingError::InvalidPage => AppError::Invalid(e.to_string()),
            HousekeepingError::Unexpected(e) => crate::state::internal(e),
        }
    }
}
