//! Prices a stay from a room type's [`RatePlan`]. Pure: no I/O, no clock, no floats.
//!
//! # Precedence
//! Each night is priced on its own, in this order:
//! 1. **season or base**: the season containing the night either fixes its price or adjusts
//!    the base price by a percentage; outside every season the base price applies;
//! 2. **day of week**: a percentage on that (e.g. "Weekend +15%" on Friday and Saturday nights);
//! 3. **occupancy**: a fixed surcharge per night for each adult and child beyond those included,
//!    added after the percentages so a weekend never inflates a child's cot.
//!
//! Then for the whole stay, each on what the step before left:
//! 4. **length of stay**: the best tier the stay is long enough for, on the sum of the nights;
//! 5. **promo code**: a percentage of, or a fixed amount off (never more than), what remains;
//! 6. **VAT**: a percentage of the room total after both discounts;
//! 7. **city tax**: a fixed amount per adult per night, for at most a capped number of nights.
//!
//! # Rounding
//! Amounts are integer minor units of one currency; percentages are [`BasisPoints`]. A night
//! is kept as an exact fraction (in `i128`) through steps 1–3 and rounded once; each
//! percentage line of steps 4–6 is rounded once. All rounding is half away from zero
//! ("commercial" rounding) in `basis_points::round_half_up`, the only place money is rounded.
//! The total is the exact sum of the rounded lines, so a bill always adds up.
//!
//! Dates are `NaiveDate`s of the hotel's calendar: a night is a night, whatever the clocks do.
mod basis_points;
mod engine;
mod priced;
mod rate_plan;
mod rules;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

pub use basis_points::BasisPoints;
pub use engine::{price, PricingError};
pub use priced::{NightLine, PricedStay, StayLine, StayLineKind};
pub use rate_plan::{InvalidPricingRule, RatePlan};
pub use rules::{
    CityTax, DayOfWeekAdjustment, LengthOfStayDiscount, Occupancy, PromoCode, PromoDiscount, Season, SeasonPrice, Taxes,
};

#[cfg(test)]
use {
    chrono::NaiveDate,
    kernel::{Money, Party, Stay},
};
