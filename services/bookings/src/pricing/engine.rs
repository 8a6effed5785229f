//! Applies a rate plan to a stay, in the order documented on the module.
use super::basis_points::round_half_up;
use super::priced::{NightLine, PricedStay, StayLine, StayLineKind};
use super::rules::{PromoCode, PromoDiscount, SeasonPrice};
use super::{BasisPoints, RatePlan};
use chrono::{Datelike, NaiveDate};
use kernel::{Money, Party, Stay};

/// Why a stay could not be priced, said to the guest.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    #[error("the code {code} is valid for arrivals from {from} to {last}")]
    PromoNotValidForArrival { code: String, from: NaiveDate, last: NaiveDate },
    #[error("the code {code} needs a stay of at least {min_nights} nights")]
    PromoNeedsLongerStay { code: String, min_nights: u32 },
    #[error("the code {code} cannot be used for prices in {currency}")]
    PromoCurrency { code: String, currency: &'static str },
    #[error("this stay cannot be priced: the amount is out of range")]
    OutOfRange,
}

/// Prices `stay` for `party` under `plan`, with an optional promo code.
pub fn price(
    plan: &RatePlan,
    stay: &Stay,
    party: &Party,
    promo: Option<&PromoCode>,
) -> Result<PricedStay, PricingError> {
    let currency = plan.currency();
    let money = |minor: i128| {
        i64::try_from(minor).map(|m| Money::from_minor(m, currency)).map_err(|_| PricingError::OutOfRange)
    };
    let nights = nights_of(stay).map(|date| night_line(plan, date, party, money)).collect::<Result<Vec<_>, _>>()?;
    let nights_total: i128 = nights.iter().map(|n| i128::from(n.amount.minor())).sum();
    let mut lines = Vec::new();
    let mut room = nights_total;

    if let Some(tier) = plan.best_length_of_stay(stay.nights()) {
        let off = tier.discount.share_of(room);
        room -= off;
        lines.push(StayLine { kind: StayLineKind::LengthOfStay, label: tier.label(), amount: money(-off)? });
    }
    if let Some(promo) = promo {
        check_promo(promo, stay, plan)?;
        let off = match promo.discount {
            PromoDiscount::Percent(bp) => bp.share_of(room),
            PromoDiscount::Fixed(m) => i128::from(m.minor()).min(room),
        };
        room -= off;
        lines.push(StayLine { kind: StayLineKind::Promo, label: promo.label(), amount: money(-off)? });
    }
    if plan.taxes.vat > BasisPoints::ZERO {
        let vat = plan.taxes.vat;
        lines.push(StayLine {
            kind: StayLineKind::Vat,
            label: format!("VAT {vat}"),
            amount: money(vat.share_of(room))?,
        });
    }
    if let Some(city) = plan.taxes.city_tax {
        let taxed_nights = stay.nights().min(i64::from(city.max_nights));
        let amount =
            i128::from(city.per_adult_per_night.minor()) * i128::from(party.adults()) * i128::from(taxed_nights);
        let (per, adults) = (city.per_adult_per_night, count(i64::from(party.adults()), "adult", "adults"));
        let label = format!("City tax {per} × {adults} × {}", count(taxed_nights, "night", "nights"));
        lines.push(StayLine { kind: StayLineKind::CityTax, label, amount: money(amount)? });
    }
    PricedStay::new(currency, nights, lines).ok_or(PricingError::OutOfRange)
}

/// The dates a guest sleeps in: check-in up to, not including, check-out.
fn nights_of(stay: &Stay) -> impl Iterator<Item = NaiveDate> {
    stay.check_in().iter_days().take(stay.nights() as usize)
}

/// One night, kept as an exact fraction until the single rounding at the end.
fn night_line(
    plan: &RatePlan,
    date: NaiveDate,
    party: &Party,
    money: impl Fn(i128) -> Result<Money, PricingError>,
) -> Result<NightLine, PricingError> {
    let whole = i128::from(BasisPoints::WHOLE.get());
    let base = i128::from(plan.base.minor());
    let mut rules = Vec::new();
    let (mut numerator, mut denominator) = match plan.season_of(date) {
        None => (base, 1),
        Some(season) => {
            rules.push(season.name().to_owned());
            match season.price {
                SeasonPrice::Fixed(m) => (i128::from(m.minor()), 1),
                SeasonPrice::Adjust(bp) => (base * bp.factor(), whole),
            }
        }
    };
    if rules.is_empty() {
        rules.push("Base rate".to_owned());
    }
    if let Some(dow) = plan.day_of_week_of(date.weekday()) {
        numerator *= dow.adjustment.factor();
        denominator *= whole;
        rules.push(dow.label());
    }
    if let Some(occ) = plan.occupancy {
        let extra_adults = party.adults().saturating_sub(occ.included_adults);
        let extra_children = party.children().saturating_sub(occ.included_children);
        let surcharge = i128::from(extra_adults) * i128::from(occ.extra_adult.minor())
            + i128::from(extra_children) * i128::from(occ.extra_child.minor());
        numerator += surcharge * denominator;
        if extra_adults > 0 {
            rules.push(count(extra_adults.into(), "extra adult", "extra adults"));
        }
        if extra_children > 0 {
            rules.push(count(extra_children.into(), "child", "children"));
        }
    }
    let amount = money(round_half_up(numerator, denominator))?;
    Ok(NightLine { date, amount, rules })
}

fn count(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn check_promo(promo: &PromoCode, stay: &Stay, plan: &RatePlan) -> Result<(), PricingError> {
    let arrival = stay.check_in();
    if arrival < promo.valid_from || arrival >= promo.valid_to {
        return Err(PricingError::PromoNotValidForArrival {
            code: promo.code.clone(),
            from: promo.valid_from,
            last: promo.valid_to.pred_opt().unwrap_or(promo.valid_to),
        });
    }
    if stay.nights() < i64::from(promo.min_nights) {
        return Err(PricingError::PromoNeedsLongerStay { code: promo.code.clone(), min_nights: promo.min_nights });
    }
    if let PromoDiscount::Fixed(m) = promo.discount {
        if m.currency() != plan.currency() {
            return Err(PricingError::PromoCurrency { code: promo.code.clone(), currency: m.currency().code() });
        }
    }
    Ok(())
}
