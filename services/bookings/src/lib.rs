//! The bookings service: availability, pricing and reservations. Owns the `bookings` schema.
mod availability;
mod cancel;
mod domain;
mod error;
pub mod lifecycle;
pub mod pricing;
pub mod restrictions;
mod service;
mod store;

pub use availability::Availability;
pub use domain::{BookRequest, Booking, BookingStatus};
pub use error::BookingError;
pub use pricing::{
    price, quote, BasisPoints, CityTax, DayOfWeekAdjustment, InvalidPricingRule, LengthOfStayDiscount, NightLine,
    Occupancy, PricedStay, PricingError, PromoCode, PromoDiscount, Quote, RatePlan, Season, SeasonPrice, StayLine,
    StayLineKind, Taxes,
};
pub use restrictions::{check as check_restrictions, InvalidRestriction, Refusal, Restriction, Rule as RestrictionRule};
pub use service::BookingsService;
pub use store::{NO_DOUBLE_BOOKING, OUTBOX};
