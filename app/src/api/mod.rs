//! Server functions, one file per service they drive. Each parses input, checks the caller's
//! role, calls one service method and maps its error.
pub mod admin;
pub mod booking_actions;
#[cfg(feature = "ssr")]
pub(crate) mod book_form;
pub mod bookings;
pub mod checkout;
pub mod desk;
pub mod housekeeping;
pub mod quote;
pub mod rooms;
pub mod search;
pub mod session;
pub mod staff;
