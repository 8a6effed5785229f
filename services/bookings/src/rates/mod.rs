//! The pricing rules, restrictions and cancellation policy of each room type, as stored in
//! PostgreSQL, and the short-lived snapshot searches and bookings read them from.
mod admin;
mod changes;
mod editor;
mod promos;
mod snapshot;
mod store;

pub(crate) use store::{clock, load, promo};

pub use admin::{RatePlanSettings, RatesError, SeasonInput};
pub use changes::RateChange;
pub use editor::{CalendarNight, RatePreview, RateRules};
pub use promos::PromoCodeRule;
pub(crate) use snapshot::RatesCache;

use crate::cancellation::CancellationPolicy;
use crate::pricing::{CityTax, DayOfWeekAdjustment, InvalidPricingRule, LengthOfStayDiscount, Occupancy, RatePlan, Season, Taxes};
use crate::restrictions::Restriction;
use kernel::{Money, RoomTypeCode};
use std::collections::HashMap;

/// Everything that prices and restricts one room type, except its base price (the rooms
/// service's). A room type without a stored plan sells at its base price, free to cancel.
#[derive(Debug, Clone, Default)]
pub struct RoomTypeRates {
    pub(crate) settings: Option<RatePlanSettings>,
    pub(crate) seasons: Vec<SeasonInput>,
    /// (name, ISO weekday, basis points)
    pub(crate) weekdays: Vec<(String, u32, i32)>,
    /// (min nights, basis points)
    pub(crate) stay_discounts: Vec<(u32, i32)>,
    pub(crate) restrictions: Vec<Restriction>,
}

/// The rules of every room type.
#[derive(Debug, Default)]
pub struct Rates {
    pub(crate) by_type: HashMap<RoomTypeCode, RoomTypeRates>,
}

static NONE: std::sync::LazyLock<RoomTypeRates> = std::sync::LazyLock::new(RoomTypeRates::default);

impl Rates {
    pub fn of(&self, code: &RoomTypeCode) -> &RoomTypeRates {
        self.by_type.get(code).unwrap_or(&NONE)
    }
}

impl RoomTypeRates {
    /// The rate plan on `base`, in `base`'s currency.
    pub fn plan(&self, base: Money) -> Result<RatePlan, InvalidPricingRule> {
        let money = |minor: i64| Money::from_minor(minor, base.currency());
        let mut plan = RatePlan::new(base)?;
        for s in &self.seasons {
            plan = plan.with_season(Season::new(&s.name, s.starts, s.ends, s.price(base.currency()))?)?;
        }
        let mut by_rule: Vec<(&str, i32, Vec<chrono::Weekday>)> = Vec::new();
        for (name, isodow, bp) in &self.weekdays {
            let day = weekday(*isodow).ok_or(InvalidPricingRule::NoDays { rule: name.clone() })?;
            match by_rule.iter_mut().find(|(n, b, _)| n == name && b == bp) {
                Some((_, _, days)) => days.push(day),
                None => by_rule.push((name, *bp, vec![day])),
            }
        }
        for (name, bp, days) in by_rule {
            plan = plan.with_day_of_week(DayOfWeekAdjustment::new(name, &days, crate::BasisPoints::new(bp))?)?;
        }
        for (nights, bp) in &self.stay_discounts {
            plan = plan.with_length_of_stay(LengthOfStayDiscount::new(*nights, crate::BasisPoints::new(*bp))?)?;
        }
        if let Some(s) = &self.settings {
            plan = plan.with_occupancy(Occupancy::new(
                s.included_adults,
                money(s.extra_adult_minor),
                s.included_children,
                money(s.extra_child_minor),
            )?)?;
            let city = (s.city_tax_minor > 0 && s.city_tax_max_nights > 0)
                .then(|| CityTax::new(money(s.city_tax_minor), s.city_tax_max_nights))
                .transpose()?;
            plan = plan.with_taxes(Taxes::new(crate::BasisPoints::new(s.vat_bp), city)?)?;
        }
        Ok(plan)
    }

    pub fn restrictions(&self) -> &[Restriction] {
        &self.restrictions
    }

    pub fn cancellation(&self) -> CancellationPolicy {
        self.settings.as_ref().map(|s| s.cancellation).unwrap_or_default()
    }
}

fn weekday(isodow: u32) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    [Mon, Tue, Wed, Thu, Fri, Sat, Sun].get(usize::try_from(isodow).ok()?.checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::price;
    use kernel::{Currency, Party, Stay};

    fn stay(from: &str, to: &str) -> Stay {
        Stay::new(from.parse().unwrap(), to.parse().unwrap()).unwrap()
    }

    #[test]
    fn a_room_type_without_a_plan_sells_every_night_at_its_base_price() {
        let plan = Rates::default().of(&RoomTypeCode::parse("STD").unwrap()).plan(Money::from_minor(12_345, Currency::EUR));
        let priced = price(&plan.unwrap(), &stay("2026-12-30", "2027-01-02"), &Party::new(2, 0).unwrap(), None).unwrap();
        assert_eq!(priced.nights().len(), 3);
        assert_eq!(priced.total().minor(), 3 * 12_345);
        assert!(priced.stay_lines().is_empty());
    }

    #[test]
    fn stored_weekday_rows_with_one_name_and_percentage_make_one_rule() {
        let rates = RoomTypeRates {
            weekdays: vec![("Weekend".into(), 5, 1_500), ("Weekend".into(), 6, 1_500), ("Sunday".into(), 7, -500)],
            ..RoomTypeRates::default()
        };
        let plan = rates.plan(Money::from_minor(10_000, Currency::EUR)).unwrap();
        // 2026-12-04 is a Friday: Fri, Sat, Sun, Mon.
        let priced = price(&plan, &stay("2026-12-04", "2026-12-08"), &Party::new(2, 0).unwrap(), None).unwrap();
        let amounts: Vec<i64> = priced.nights().iter().map(|n| n.amount.minor()).collect();
        assert_eq!(amounts, [11_500, 11_500, 9_500, 10_000]);
        assert_eq!(priced.nights()[0].rules, ["Base rate", "Weekend +15%"]);
    }

    #[test]
    fn a_stored_weekday_outside_one_to_seven_is_refused() {
        let rates = RoomTypeRates { weekdays: vec![("Odd".into(), 8, 100)], ..RoomTypeRates::default() };
        assert!(rates.plan(Money::from_minor(10_000, Currency::EUR)).is_err());
    }
}
