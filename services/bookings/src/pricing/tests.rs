//! Unit tests of each rule, of their precedence and of rounding.
use super::*;
use chrono::Weekday::{Fri, Sat};
use kernel::Currency::EUR;

pub(super) fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}
pub(super) fn eur(minor: i64) -> Money {
    Money::from_minor(minor, EUR)
}
fn stay(from: &str, to: &str) -> Stay {
    Stay::new(d(from), d(to)).unwrap()
}
fn two_adults() -> Party {
    Party::new(2, 0).unwrap()
}
fn base(minor: i64) -> RatePlan {
    RatePlan::new(eur(minor)).unwrap()
}
fn winter() -> Season {
    Season::new("Winter season", d("2026-12-01"), d("2027-03-01"), SeasonPrice::Fixed(eur(15_000))).unwrap()
}
fn weekend() -> DayOfWeekAdjustment {
    DayOfWeekAdjustment::new("Weekend", &[Fri, Sat], BasisPoints::percent(15)).unwrap()
}
fn amounts(p: &PricedStay) -> Vec<i64> {
    p.nights().iter().map(|n| n.amount.minor()).collect()
}
fn line(p: &PricedStay, kind: StayLineKind) -> i64 {
    p.line(kind).map(|l| l.amount.minor()).unwrap_or(0)
}

#[test]
fn base_rate_outside_every_rule() {
    let p = price(&base(10_000), &stay("2026-06-01", "2026-06-03"), &two_adults(), None).unwrap();
    assert_eq!(amounts(&p), [10_000, 10_000]);
    assert_eq!(p.nights()[0].rules, ["Base rate"]);
    assert!(p.stay_lines().is_empty());
    assert_eq!(p.total(), eur(20_000));
}

#[test]
fn a_season_fixes_or_adjusts_the_nightly_price() {
    let fixed = base(10_000).with_season(winter()).unwrap();
    let p = price(&fixed, &stay("2026-12-01", "2026-12-02"), &two_adults(), None).unwrap();
    assert_eq!(p.nights()[0].amount, eur(15_000));
    assert_eq!(p.nights()[0].rules, ["Winter season"]);

    let low =
        Season::new("Low season", d("2026-11-01"), d("2026-12-01"), SeasonPrice::Adjust(BasisPoints::percent(-20)));
    let adjusted = base(10_000).with_season(low.unwrap()).unwrap();
    let p = price(&adjusted, &stay("2026-11-10", "2026-11-11"), &two_adults(), None).unwrap();
    assert_eq!(p.nights()[0].amount, eur(8_000));
}

#[test]
fn a_stay_across_a_season_boundary_prices_each_night_by_its_own_date() {
    let plan = base(10_000).with_season(winter()).unwrap();
    // Nov 29, Nov 30 at base; Dec 1, Dec 2 in winter. The season's `to` is exclusive too.
    let p = price(&plan, &stay("2026-11-29", "2026-12-03"), &two_adults(), None).unwrap();
    assert_eq!(amounts(&p), [10_000, 10_000, 15_000, 15_000]);
    let p = price(&plan, &stay("2027-02-28", "2027-03-02"), &two_adults(), None).unwrap();
    assert_eq!(amounts(&p), [15_000, 10_000]);
}

#[test]
fn a_stay_across_new_year_keeps_consecutive_dates() {
    let plan = base(10_000).with_season(winter()).unwrap().with_day_of_week(weekend()).unwrap();
    let p = price(&plan, &stay("2026-12-30", "2027-01-03"), &two_adults(), None).unwrap();
    let dates: Vec<_> = p.nights().iter().map(|n| n.date).collect();
    assert_eq!(dates, [d("2026-12-30"), d("2026-12-31"), d("2027-01-01"), d("2027-01-02")]);
    // 2027-01-01 is a Friday and 2027-01-02 a Saturday.
    assert_eq!(amounts(&p), [15_000, 15_000, 17_250, 17_250]);
}

#[test]
fn a_change_of_clocks_does_not_change_the_number_of_nights() {
    // Europe moves its clocks on 2026-03-29 and 2026-10-25; nights are dates, not hours.
    let plan = base(10_000);
    for (from, to) in [("2026-03-28", "2026-03-30"), ("2026-10-24", "2026-10-26")] {
        let p = price(&plan, &stay(from, to), &two_adults(), None).unwrap();
        assert_eq!(p.nights().len(), 2);
        assert_eq!(p.total(), eur(20_000));
    }
}

#[test]
fn weekend_nights_are_friday_and_saturday() {
    let plan = base(10_000).with_day_of_week(weekend()).unwrap();
    // 2026-06-04 is a Thursday.
    let p = price(&plan, &stay("2026-06-04", "2026-06-07"), &two_adults(), None).unwrap();
    assert_eq!(amounts(&p), [10_000, 11_500, 11_500]);
    assert_eq!(p.nights()[1].rules, ["Base rate", "Weekend +15%"]);
}

#[test]
fn extra_guests_pay_a_surcharge_per_night() {
    let occ = Occupancy::new(2, eur(3_000), 0, eur(1_500)).unwrap();
    let plan = base(10_000).with_occupancy(occ).unwrap();
    let family = Party::new(3, 2).unwrap();
    let p = price(&plan, &stay("2026-06-01", "2026-06-03"), &family, None).unwrap();
    assert_eq!(amounts(&p), [16_000, 16_000]);
    assert_eq!(p.nights()[0].rules, ["Base rate", "1 extra adult", "2 children"]);
    let p = price(&plan, &stay("2026-06-01", "2026-06-02"), &two_adults(), None).unwrap();
    assert_eq!(amounts(&p), [10_000]);
}

#[test]
fn precedence_season_then_weekday_then_surcharge() {
    let occ = Occupancy::new(2, eur(3_000), 0, eur(0)).unwrap();
    let plan = base(10_000).with_season(winter()).unwrap().with_day_of_week(weekend()).unwrap();
    let plan = plan.with_occupancy(occ).unwrap();
    // Saturday 2026-12-05: 150.00 fixed → +15% = 172.50 → +30.00 extra adult (not +15% of it).
    let p = price(&plan, &stay("2026-12-05", "2026-12-06"), &Party::new(3, 0).unwrap(), None).unwrap();
    assert_eq!(amounts(&p), [20_250]);
    assert_eq!(p.nights()[0].rules, ["Winter season", "Weekend +15%", "1 extra adult"]);
}

#[test]
fn only_the_best_length_of_stay_tier_applies() {
    let plan = base(10_000)
        .with_length_of_stay(LengthOfStayDiscount::new(3, BasisPoints::percent(5)).unwrap())
        .unwrap()
        .with_length_of_stay(LengthOfStayDiscount::new(7, BasisPoints::percent(10)).unwrap())
        .unwrap();
    let p = price(&plan, &stay("2026-06-01", "2026-06-08"), &two_adults(), None).unwrap();
    assert_eq!(line(&p, StayLineKind::LengthOfStay), -7_000);
    assert_eq!(p.line(StayLineKind::LengthOfStay).unwrap().label, "7+ nights −10%");
    let p = price(&plan, &stay("2026-06-01", "2026-06-04"), &two_adults(), None).unwrap();
    assert_eq!(line(&p, StayLineKind::LengthOfStay), -1_500);
    let p = price(&plan, &stay("2026-06-01", "2026-06-03"), &two_adults(), None).unwrap();
    assert!(p.line(StayLineKind::LengthOfStay).is_none());
}

fn promo(discount: PromoDiscount, min_nights: u32) -> PromoCode {
    PromoCode::new("SUMMER", discount, d("2026-06-01"), d("2026-09-01"), min_nights).unwrap()
}

#[test]
fn a_promo_applies_after_the_length_of_stay_discount() {
    let plan =
        base(10_000).with_length_of_stay(LengthOfStayDiscount::new(2, BasisPoints::percent(10)).unwrap()).unwrap();
    let code = promo(PromoDiscount::Percent(BasisPoints::percent(10)), 0);
    let p = price(&plan, &stay("2026-06-01", "2026-06-03"), &two_adults(), Some(&code)).unwrap();
    // 200.00 − 20.00 = 180.00, then 10% of 180.00, not of 200.00.
    assert_eq!(line(&p, StayLineKind::Promo), -1_800);
    assert_eq!(p.total(), eur(16_200));
}

#[test]
fn a_fixed_promo_never_takes_more_than_the_room_costs() {
    let code = promo(PromoDiscount::Fixed(eur(50_000)), 0);
    let p = price(&base(10_000), &stay("2026-06-01", "2026-06-03"), &two_adults(), Some(&code)).unwrap();
    assert_eq!(line(&p, StayLineKind::Promo), -20_000);
    assert_eq!(p.total(), eur(0));
}

#[test]
fn a_promo_refuses_arrivals_outside_its_window_and_short_stays() {
    let code = promo(PromoDiscount::Percent(BasisPoints::percent(10)), 3);
    let early = price(&base(10_000), &stay("2026-05-31", "2026-06-04"), &two_adults(), Some(&code));
    let err = early.unwrap_err();
    assert_eq!(err.to_string(), "the code SUMMER is valid for arrivals from 2026-06-01 to 2026-08-31");
    let late = price(&base(10_000), &stay("2026-09-01", "2026-09-05"), &two_adults(), Some(&code));
    assert!(matches!(late, Err(PricingError::PromoNotValidForArrival { .. })));
    let short = price(&base(10_000), &stay("2026-08-31", "2026-09-02"), &two_adults(), Some(&code));
    assert_eq!(short, Err(PricingError::PromoNeedsLongerStay { code: "SUMMER".into(), min_nights: 3 }));
}

#[test]
fn vat_is_on_the_discounted_room_and_city_tax_is_capped() {
    let city = CityTax::new(eur(250), 7).unwrap();
    let plan = base(10_000)
        .with_length_of_stay(LengthOfStayDiscount::new(7, BasisPoints::percent(10)).unwrap())
        .unwrap()
        .with_taxes(Taxes::new(BasisPoints::percent(10), Some(city)).unwrap())
        .unwrap();
    let p = price(&plan, &stay("2026-06-01", "2026-06-11"), &Party::new(2, 1).unwrap(), None).unwrap();
    assert_eq!(line(&p, StayLineKind::LengthOfStay), -10_000);
    assert_eq!(line(&p, StayLineKind::Vat), 9_000);
    assert_eq!(line(&p, StayLineKind::CityTax), 250 * 2 * 7, "children pay none, and only 7 of 10 nights");
    assert_eq!(p.line(StayLineKind::CityTax).unwrap().label, "City tax €2.50 × 2 adults × 7 nights");
    assert_eq!(p.total(), eur(100_000 - 10_000 + 9_000 + 3_500));
}

#[test]
fn a_night_is_rounded_once_half_away_from_zero() {
    let season = Season::new("Peak", d("2026-06-01"), d("2026-07-01"), SeasonPrice::Adjust(BasisPoints::percent(50)));
    let weekend50 = DayOfWeekAdjustment::new("Weekend", &[Fri, Sat], BasisPoints::percent(50)).unwrap();
    let plan = base(33).with_season(season.unwrap()).unwrap().with_day_of_week(weekend50).unwrap();
    // Friday 2026-06-05: 0.33 × 1.5 × 1.5 = 0.7425 → 0.74 (rounding twice would give 0.75).
    let p = price(&plan, &stay("2026-06-05", "2026-06-06"), &two_adults(), None).unwrap();
    assert_eq!(amounts(&p), [74]);
    // Thursday: 0.33 × 1.5 = 0.495 → 0.50, half rounds up.
    let p = price(&plan, &stay("2026-06-04", "2026-06-05"), &two_adults(), None).unwrap();
    assert_eq!(amounts(&p), [50]);
}

#[test]
fn the_total_adds_up_the_lines() {
    let city = CityTax::new(eur(250), 7).unwrap();
    let plan = base(12_345).with_season(winter()).unwrap().with_day_of_week(weekend()).unwrap();
    let plan = plan.with_taxes(Taxes::new(BasisPoints::new(1_900), Some(city)).unwrap()).unwrap();
    let code =
        PromoCode::new("XMAS", PromoDiscount::Percent(BasisPoints::new(333)), d("2026-11-01"), d("2027-01-01"), 1);
    let p = price(&plan, &stay("2026-11-27", "2026-12-04"), &two_adults(), Some(&code.unwrap())).unwrap();
    let sum: i64 = amounts(&p).iter().sum::<i64>() + p.stay_lines().iter().map(|l| l.amount.minor()).sum::<i64>();
    assert_eq!(p.total().minor(), sum);
}

#[test]
fn a_rate_plan_refuses_inconsistent_rules() {
    let overlap = Season::new("Xmas", d("2026-12-20"), d("2027-01-03"), SeasonPrice::Fixed(eur(20_000))).unwrap();
    let err = base(10_000).with_season(winter()).unwrap().with_season(overlap).unwrap_err();
    assert_eq!(err.to_string(), "seasons 'Winter season' and 'Xmas' overlap");
    let backwards = Season::new("Odd", d("2026-12-20"), d("2026-12-20"), SeasonPrice::Adjust(BasisPoints::ZERO));
    assert!(matches!(backwards, Err(InvalidPricingRule::EmptyRange { .. })));
    let free_plus =
        Season::new("Odd", d("2026-12-20"), d("2026-12-21"), SeasonPrice::Adjust(BasisPoints::percent(-101)));
    assert!(matches!(free_plus, Err(InvalidPricingRule::MoreThanFree { .. })));
    let usd = Season::new(
        "US",
        d("2026-12-20"),
        d("2026-12-21"),
        SeasonPrice::Fixed(Money::from_minor(1, kernel::Currency::USD)),
    );
    assert!(matches!(base(1).with_season(usd.unwrap()), Err(InvalidPricingRule::CurrencyMismatch { .. })));
    let fridays = DayOfWeekAdjustment::new("Friday", &[Fri], BasisPoints::percent(5)).unwrap();
    let twice = base(1).with_day_of_week(weekend()).unwrap().with_day_of_week(fridays);
    assert_eq!(twice, Err(InvalidPricingRule::DayTwice { day: Fri }));
    assert_eq!(LengthOfStayDiscount::new(7, BasisPoints::percent(110)), Err(InvalidPricingRule::DiscountOutOfRange));
    assert_eq!(RatePlan::new(eur(-1)), Err(InvalidPricingRule::Negative));
}

#[test]
fn a_promo_in_another_currency_is_refused() {
    let dollars = PromoDiscount::Fixed(Money::from_minor(1_000, kernel::Currency::USD));
    let code = PromoCode::new("USD10", dollars, d("2026-01-01"), d("2027-01-01"), 0).unwrap();
    let p = price(&base(10_000), &stay("2026-06-01", "2026-06-02"), &two_adults(), Some(&code));
    assert_eq!(p, Err(PricingError::PromoCurrency { code: "USD10".into(), currency: "USD" }));
}

#[test]
fn an_absurd_price_is_an_error_not_a_panic() {
    let p = price(&base(i64::MAX / 2), &stay("2026-06-01", "2026-06-04"), &two_adults(), None);
    assert_eq!(p, Err(PricingError::OutOfRange));
    let doubled =
        Season::new("Double", d("2026-06-01"), d("2026-06-02"), SeasonPrice::Adjust(BasisPoints::percent(100)));
    let plan = base(i64::MAX / 2 + 1).with_season(doubled.unwrap()).unwrap();
    assert_eq!(price(&plan, &stay("2026-06-01", "2026-06-02"), &two_adults(), None), Err(PricingError::OutOfRange));
}

#[test]
fn a_stay_across_a_clock_change_is_priced_night_by_night_like_any_other() {
    // Berlin moves its clocks on 29 March and 25 October 2026: nights are dates, not hours.
    for (from, to) in [("2026-03-28", "2026-03-31"), ("2026-10-24", "2026-10-27")] {
        let p = price(&base(10_000), &stay(from, to), &two_adults(), None).unwrap();
        assert_eq!(amounts(&p), [10_000, 10_000, 10_000], "{from}..{to}");
        assert_eq!(p.nights().iter().map(|n| n.date).collect::<Vec<_>>(), [d(from), d(from).succ_opt().unwrap(), d(to).pred_opt().unwrap()]);
    }
}
