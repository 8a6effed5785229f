//! Server functions of the front desk's console. Every one checks on the server that the
//! caller is front desk, manager or admin, whatever the page showed.
pub mod access;
pub mod stay;
pub mod today;

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::error::AppError;

    pub fn desk_error(e: desk::DeskError) -> AppError {
        match e {
            desk::DeskError::Invalid(message) => AppError::Invalid(message),
            desk::DeskError::NotFound(message) => AppError::NotFound(message),
            desk::DeskError::Unexpected(e) => crate::state::internal(e),
        }
    }
}
