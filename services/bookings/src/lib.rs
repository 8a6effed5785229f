//! The bookings service: availability, pricing and reservations. Owns the `bookings` schema.
mod audit;
mod availability;
mod cancel;
mod cancel_waiver;
mod cancellation;
pub mod checkout;
mod clock;
pub mod demo;
mod desk;
mod domain;
mod ending;
mod error;
mod front_desk;
pub mod lifecycle;
mod modify;
pub mod night_audit;
mod no_show;
mod notes;
mod offer;
mod outcome;
pub mod pricing;
mod rack;
pub mod rates;
pub mod restrictions;
mod revert;
mod service;
mod hotel_times;
mod staff_actions;
pub mod statistics;
mod store;

pub use audit::{AuditAction, AuditEntry, Snapshot};
pub use availability::Availability;
pub use cancel_waiver::{
    may_waive_fees, InvalidWaiverReason, WaiverReason, WAIVER_REASON_MAX_CHARS, WAIVER_REASON_MIN_CHARS,
};
pub use cancellation::{CancellationPolicy, CancellationTerms, LateFee};
pub use clock::HotelClock;
pub use desk::{DayFilter, DayList, DayPage, DayQuery, DaySort};
pub use domain::{booking_id_for, BookRequest, Booking, BookingStatus, ModifyRequest};
pub use ending::NO_SHOW_REASON;
pub use error::BookingError;
pub use front_desk::DeskRefusal;
pub use hotel_times::{HotelTimes, HotelTimesError};
pub use notes::{InvalidNote, NoteText, StayNote, NOTE_MAX_CHARS};
pub use offer::Offer;
pub use outcome::Abandon;
pub use pricing::{
    price, BasisPoints, CityTax, DayOfWeekAdjustment, InvalidPricingRule, LengthOfStayDiscount, NightLine, Occupancy,
    PricedStay, PricingError, PromoCode, PromoDiscount, RatePlan, Season, SeasonPrice, StayLine, StayLineKind, Taxes,
};
pub use rates::{CalendarNight, PromoCodeRule, RateChange, RatePlanSettings, RatePreview, RateRules, RatesError, SeasonInput};
pub use restrictions::{check as check_restrictions, InvalidRestriction, Refusal, Restriction, Rule as RestrictionRule};
pub use service::BookingsService;
pub use store::{NO_DOUBLE_BOOKING, OUTBOX};
