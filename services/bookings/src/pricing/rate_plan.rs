//! One room type's prices: a base price and the rules that refine it.
use super::rules::{DayOfWeekAdjustment, LengthOfStayDiscount, Occupancy, Season, SeasonPrice, Taxes};
use chrono::{NaiveDate, Weekday};
use kernel::{Currency, Money};

/// A rule that cannot be part of a rate plan or promo code, said to the manager entering it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidPricingRule {
    #[error("'{rule}' must end after it starts")]
    EmptyRange { rule: String },
    #[error("seasons '{first}' and '{second}' overlap")]
    OverlappingSeasons { first: String, second: String },
    #[error("prices, surcharges and taxes cannot be negative")]
    Negative,
    #[error("'{rule}' cannot take more than 100% off")]
    MoreThanFree { rule: String },
    #[error("a discount must be between 0% and 100%")]
    DiscountOutOfRange,
    #[error("'{rule}' must name at least one weekday")]
    NoDays { rule: String },
    #[error("{day} already has a day-of-week adjustment")]
    DayTwice { day: Weekday },
    #[error("a length-of-stay discount needs at least one night")]
    ZeroNights,
    #[error("amounts must be in {expected}, not {found}")]
    CurrencyMismatch { expected: &'static str, found: &'static str },
}

/// The prices of one room type. Seasons never overlap and every amount is in the base price's
/// currency; both are checked as rules are added.
#[derive(Debug, Clone, PartialEq)]
pub struct RatePlan {
    pub(super) base: Money,
    pub(super) seasons: Vec<Season>,
    pub(super) day_of_week: Vec<DayOfWeekAdjustment>,
    pub(super) length_of_stay: Vec<LengthOfStayDiscount>,
    pub(super) occupancy: Option<Occupancy>,
    pub(super) taxes: Taxes,
}

impl RatePlan {
    /// A plan where every night costs `base` and nothing else applies.
    pub fn new(base: Money) -> Result<Self, InvalidPricingRule> {
        if base.minor() < 0 {
            return Err(InvalidPricingRule::Negative);
        }
        Ok(Self::flat(base))
    }

    /// Base price only, unchecked: what [`super::quote`] has always charged, whatever the
    /// room type's stored price.
    pub(super) fn flat(base: Money) -> Self {
        Self {
            base,
            seasons: Vec::new(),
            day_of_week: Vec::new(),
            length_of_stay: Vec::new(),
            occupancy: None,
            taxes: Taxes::default(),
        }
    }

    /// Adds a season; refuses one that overlaps a season already in the plan.
    pub fn with_season(mut self, season: Season) -> Result<Self, InvalidPricingRule> {
        if let SeasonPrice::Fixed(m) = season.price {
            self.same_currency(m)?;
        }
        if let Some(clash) = self.seasons.iter().find(|s| s.overlaps(&season)) {
            return Err(InvalidPricingRule::OverlappingSeasons { first: clash.name.clone(), second: season.name });
        }
        self.seasons.push(season);
        Ok(self)
    }

    /// Adds a weekday adjustment; refuses a weekday that already has one, so a night gets at most one.
    pub fn with_day_of_week(mut self, rule: DayOfWeekAdjustment) -> Result<Self, InvalidPricingRule> {
        for day in &rule.days {
            if self.day_of_week.iter().any(|r| r.days.contains(day))
                || rule.days.iter().filter(|d| *d == day).count() > 1
            {
                return Err(InvalidPricingRule::DayTwice { day: *day });
            }
        }
        self.day_of_week.push(rule);
        Ok(self)
    }

    /// Adds a tier; a stay gets only the best tier it is long enough for.
    pub fn with_length_of_stay(mut self, tier: LengthOfStayDiscount) -> Result<Self, InvalidPricingRule> {
        self.length_of_stay.push(tier);
        Ok(self)
    }

    /// Sets the included guests and surcharges, replacing any set before.
    pub fn with_occupancy(mut self, occupancy: Occupancy) -> Result<Self, InvalidPricingRule> {
        self.same_currency(occupancy.extra_adult)?;
        self.same_currency(occupancy.extra_child)?;
        self.occupancy = Some(occupancy);
        Ok(self)
    }

    /// Sets VAT and city tax, replacing any set before.
    pub fn with_taxes(mut self, taxes: Taxes) -> Result<Self, InvalidPricingRule> {
        if let Some(city) = taxes.city_tax {
            self.same_currency(city.per_adult_per_night)?;
        }
        self.taxes = taxes;
        Ok(self)
    }

    pub fn currency(&self) -> Currency {
        self.base.currency()
    }

    pub(super) fn season_of(&self, night: NaiveDate) -> Option<&Season> {
        self.seasons.iter().find(|s| s.contains(night))
    }

    pub(super) fn day_of_week_of(&self, day: Weekday) -> Option<&DayOfWeekAdjustment> {
        self.day_of_week.iter().find(|r| r.days.contains(&day))
    }

    /// The tier with the largest discount among those the stay is long enough for.
    pub(super) fn best_length_of_stay(&self, nights: i64) -> Option<&LengthOfStayDiscount> {
        self.length_of_stay
            .iter()
            .filter(|t| i64::from(t.min_nights) <= nights && t.discount.get() > 0)
            .max_by_key(|t| (t.discount, t.min_nights))
    }

    fn same_currency(&self, m: Money) -> Result<(), InvalidPricingRule> {
        if m.currency() != self.currency() {
            return Err(InvalidPricingRule::CurrencyMismatch {
                expected: self.currency().code(),
                found: m.currency().code(),
            });
        }
        Ok(())
    }
}
