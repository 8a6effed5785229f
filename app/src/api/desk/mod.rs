//! Server functions of the front desk's console. Every one checks on the server that the
//! caller is front desk, manager or admin, whatever the page showed.
pub mod access;
pub mod folio;
#[cfg(feature = "ssr")]
mod folio_view;
pub mod lifecycle;
pub mod rooms;
pub mod rack;
pub mod stay;
pub mod today;
pub mod walk_in;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::error::AppError;

    pub fn desk_error(e: desk::DeskError) -> AppError {
        match e {
            desk::DeskError::Invalid(message) => AppError::Invalid(message),
            desk::DeskError::NotFound(message) => AppError::NotFound(message),
            e @ (desk::DeskError::Conflict(_) | desk::DeskError::NotReady(_)) => {
                AppError::Conflict(e.to_string())
            }
            desk::DeskError::Unexpected(e) => crate::state::internal(e),
        }
    }
}
