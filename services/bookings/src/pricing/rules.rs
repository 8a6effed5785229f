//! The rules a rate plan is made of. Each checks itself on construction; checks that need
//! several rules at once (overlaps, one currency) live in [`super::RatePlan`].
use super::{BasisPoints, InvalidPricingRule};
use chrono::{NaiveDate, Weekday};
use kernel::Money;

/// Nights in `[from, to)` priced differently from the base price.
#[derive(Debug, Clone, PartialEq)]
pub struct Season {
    pub(super) name: String,
    pub(super) from: NaiveDate,
    pub(super) to: NaiveDate,
    pub(super) price: SeasonPrice,
}

/// What a season does to a night: replaces the base price or adjusts it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SeasonPrice {
    Fixed(Money),
    Adjust(BasisPoints),
}

impl Season {
    /// Refuses an empty range, a negative price and an adjustment of more than −100%.
    pub fn new(name: &str, from: NaiveDate, to: NaiveDate, price: SeasonPrice) -> Result<Self, InvalidPricingRule> {
        if to <= from {
            return Err(InvalidPricingRule::EmptyRange { rule: name.to_owned() });
        }
        match price {
            SeasonPrice::Fixed(m) => non_negative(m)?,
            SeasonPrice::Adjust(bp) => not_below_free(name, bp)?,
        }
        Ok(Self { name: name.to_owned(), from, to, price })
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Whether the night starting on `night` falls in `[from, to)`.
    pub fn contains(&self, night: NaiveDate) -> bool {
        self.from <= night && night < self.to
    }
    pub(super) fn overlaps(&self, other: &Season) -> bool {
        self.from < other.to && other.from < self.to
    }
}

/// A percentage on the nights of some weekdays, e.g. "Weekend +15%" on Friday and Saturday.
#[derive(Debug, Clone, PartialEq)]
pub struct DayOfWeekAdjustment {
    pub(super) name: String,
    pub(super) days: Vec<Weekday>,
    pub(super) adjustment: BasisPoints,
}

impl DayOfWeekAdjustment {
    /// `days` are the weekdays of the night, i.e. of the date a guest sleeps in.
    pub fn new(name: &str, days: &[Weekday], adjustment: BasisPoints) -> Result<Self, InvalidPricingRule> {
        if days.is_empty() {
            return Err(InvalidPricingRule::NoDays { rule: name.to_owned() });
        }
        not_below_free(name, adjustment)?;
        Ok(Self { name: name.to_owned(), days: days.to_vec(), adjustment })
    }
    pub(super) fn label(&self) -> String {
        format!("{} {}", self.name, self.adjustment.signed())
    }
}

/// A discount on the room total of stays of at least `min_nights`; the best tier applies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthOfStayDiscount {
    pub(super) min_nights: u32,
    pub(super) discount: BasisPoints,
}

impl LengthOfStayDiscount {
    pub fn new(min_nights: u32, discount: BasisPoints) -> Result<Self, InvalidPricingRule> {
        if min_nights == 0 {
            return Err(InvalidPricingRule::ZeroNights);
        }
        a_discount(discount)?;
        Ok(Self { min_nights, discount })
    }
    pub(super) fn label(&self) -> String {
        format!("{}+ nights −{}", self.min_nights, self.discount)
    }
}

/// Surcharges per night for each guest beyond those the price includes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Occupancy {
    pub(super) included_adults: u8,
    pub(super) extra_adult: Money,
    pub(super) included_children: u8,
    pub(super) extra_child: Money,
}

impl Occupancy {
    /// `extra_adult` per adult beyond `included_adults`, `extra_child` per child beyond `included_children`.
    pub fn new(
        included_adults: u8,
        extra_adult: Money,
        included_children: u8,
        extra_child: Money,
    ) -> Result<Self, InvalidPricingRule> {
        non_negative(extra_adult)?;
        non_negative(extra_child)?;
        Ok(Self { included_adults, extra_adult, included_children, extra_child })
    }
}

/// Taxes added on top of the room price.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Taxes {
    pub(super) vat: BasisPoints,
    pub(super) city_tax: Option<CityTax>,
}

/// A fixed tax per adult per night, charged for at most `max_nights` nights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CityTax {
    pub(super) per_adult_per_night: Money,
    pub(super) max_nights: u32,
}

impl Taxes {
    /// `vat` is charged on the room total after discounts; children pay no city tax.
    pub fn new(vat: BasisPoints, city_tax: Option<CityTax>) -> Result<Self, InvalidPricingRule> {
        if vat < BasisPoints::ZERO {
            return Err(InvalidPricingRule::Negative);
        }
        Ok(Self { vat, city_tax })
    }
}

impl CityTax {
    /// Refuses a negative amount; `max_nights` of 0 charges nothing.
    pub fn new(per_adult_per_night: Money, max_nights: u32) -> Result<Self, InvalidPricingRule> {
        non_negative(per_adult_per_night)?;
        Ok(Self { per_adult_per_night, max_nights })
    }
}

/// A code a guest types in for a discount on the room, for arrivals in `[valid_from, valid_to)`.
#[derive(Debug, Clone, PartialEq)]
pub struct PromoCode {
    pub(super) code: String,
    pub(super) discount: PromoDiscount,
    pub(super) valid_from: NaiveDate,
    pub(super) valid_to: NaiveDate,
    pub(super) min_nights: u32,
}

/// What a promo code takes off the room total of the stay.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PromoDiscount {
    Percent(BasisPoints),
    /// Once per stay, never more than the room costs.
    Fixed(Money),
}

impl PromoCode {
    /// Refuses an empty window and a discount below 0 or above 100%.
    pub fn new(
        code: &str,
        discount: PromoDiscount,
        valid_from: NaiveDate,
        valid_to: NaiveDate,
        min_nights: u32,
    ) -> Result<Self, InvalidPricingRule> {
        if valid_to <= valid_from {
            return Err(InvalidPricingRule::EmptyRange { rule: code.to_owned() });
        }
        match discount {
            PromoDiscount::Percent(bp) => a_discount(bp)?,
            PromoDiscount::Fixed(m) => non_negative(m)?,
        }
        Ok(Self { code: code.to_owned(), discount, valid_from, valid_to, min_nights })
    }
    pub fn code(&self) -> &str {
        &self.code
    }
    pub(super) fn label(&self) -> String {
        match self.discount {
            PromoDiscount::Percent(bp) => format!("Promo {} −{bp}", self.code),
            PromoDiscount::Fixed(m) => format!("Promo {} −{m}", self.code),
        }
    }
}

fn non_negative(m: Money) -> Result<(), InvalidPricingRule> {
    if m.minor() < 0 {
        return Err(InvalidPricingRule::Negative);
    }
    Ok(())
}

fn not_below_free(name: &str, bp: BasisPoints) -> Result<(), InvalidPricingRule> {
    if bp.get() < -BasisPoints::WHOLE.get() {
        return Err(InvalidPricingRule::MoreThanFree { rule: name.to_owned() });
    }
    Ok(())
}

fn a_discount(bp: BasisPoints) -> Result<(), InvalidPricingRule> {
    if bp < BasisPoints::ZERO || bp > BasisPoints::WHOLE {
        return Err(InvalidPricingRule::DiscountOutOfRange);
    }
    Ok(())
}
