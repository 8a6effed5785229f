//! The bookings service: availability, pricing and reservations. Owns the `bookings` schema.
mod domain;
mod error;
mod pricing;
mod service;
mod store;

pub use domain::{BookRequest, Booking, BookingStatus};
pub use error::BookingError;
pub use pricing::{quote, Quote};
pub use service::BookingsService;
pub use store::{NO_DOUBLE_BOOKING, OUTBOX};
