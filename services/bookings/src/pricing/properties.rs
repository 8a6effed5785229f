//! Property tests: for random valid rate plans, parties and stays, the bill keeps its invariants.
use super::tests::{d, eur};
use super::*;
use chrono::{Days, Weekday};
use proptest::prelude::*;

/// A rate plan as raw numbers, so a test can build it twice in different orders.
#[derive(Debug, Clone)]
struct Spec {
    base: i64,
    seasons: Vec<(u64, u64, Result<i64, i32>)>,
    weekdays: [u8; 7],
    weekday_bp: [i32; 2],
    tiers: Vec<(u32, i32)>,
    occupancy: Option<(u8, i64, u8, i64)>,
    vat: i32,
    city: Option<(i64, u32)>,
}

fn anchor() -> NaiveDate {
    d("2026-01-01")
}

fn spec() -> impl Strategy<Value = Spec> {
    let season = (0u64..60, 1u64..120, prop_oneof![(0i64..80_000).prop_map(Ok), (-10_000i32..20_000).prop_map(Err)]);
    (
        0i64..100_000,
        prop::collection::vec(season, 0..5),
        [0u8..3, 0u8..3, 0u8..3, 0u8..3, 0u8..3, 0u8..3, 0u8..3],
        [-10_000i32..10_000, -10_000i32..10_000],
        prop::collection::vec((1u32..15, 0i32..=10_000), 0..4),
        prop::option::of((0u8..4, 0i64..10_000, 0u8..3, 0i64..5_000)),
        0i32..3_000,
        prop::option::of((0i64..1_000, 0u32..10)),
    )
        .prop_map(|(base, seasons, weekdays, weekday_bp, tiers, occupancy, vat, city)| Spec {
            base,
            seasons,
            weekdays,
            weekday_bp,
            tiers,
            occupancy,
            vat,
            city,
        })
}

/// Seasons are laid end to end from `anchor()`, each after a gap, so they never overlap.
fn build(s: &Spec, reversed: bool) -> RatePlan {
    let mut seasons = Vec::new();
    let mut at = anchor();
    for (i, (gap, len, price)) in s.seasons.iter().enumerate() {
        let from = at + Days::new(*gap);
        at = from + Days::new(*len);
        let price = match price {
            Ok(minor) => SeasonPrice::Fixed(eur(*minor)),
            Err(bp) => SeasonPrice::Adjust(BasisPoints::new(*bp)),
        };
        seasons.push(Season::new(&format!("Season {i}"), from, at, price).unwrap());
    }
    if reversed {
        seasons.reverse();
    }
    let mut plan = RatePlan::new(eur(s.base)).unwrap();
    for season in seasons {
        plan = plan.with_season(season).unwrap();
    }
    for rule in [1, 2] {
        let days: Vec<Weekday> =
            (0..7).filter(|i| s.weekdays[*i] == rule).map(|i| Weekday::try_from(i as u8).unwrap()).collect();
        if !days.is_empty() {
            let bp = BasisPoints::new(s.weekday_bp[rule as usize - 1]);
            plan =
                plan.with_day_of_week(DayOfWeekAdjustment::new(&format!("Days {rule}"), &days, bp).unwrap()).unwrap();
        }
    }
    let mut tiers: Vec<_> =
        s.tiers.iter().map(|(n, bp)| LengthOfStayDiscount::new(*n, BasisPoints::new(*bp)).unwrap()).collect();
    if reversed {
        tiers.reverse();
    }
    for tier in tiers {
        plan = plan.with_length_of_stay(tier).unwrap();
    }
    if let Some((adults, extra_adult, children, extra_child)) = s.occupancy {
        plan =
            plan.with_occupancy(Occupancy::new(adults, eur(extra_adult), children, eur(extra_child)).unwrap()).unwrap();
    }
    let city = s.city.map(|(minor, nights)| CityTax::new(eur(minor), nights).unwrap());
    plan.with_taxes(Taxes::new(BasisPoints::new(s.vat), city).unwrap()).unwrap()
}

fn stay_and_party() -> impl Strategy<Value = (Stay, Party)> {
    (0u64..700, 1i64..=Stay::MAX_NIGHTS, 1u8..5, 0u8..5).prop_map(|(offset, nights, adults, children)| {
        let check_in = anchor() + Days::new(offset);
        let stay = Stay::new(check_in, check_in + Days::new(nights as u64)).unwrap();
        (stay, Party::new(adults, children).unwrap())
    })
}

fn promo() -> impl Strategy<Value = Option<PromoCode>> {
    let discount = prop_oneof![
        (0i32..=10_000).prop_map(|bp| PromoDiscount::Percent(BasisPoints::new(bp))),
        (0i64..200_000).prop_map(|m| PromoDiscount::Fixed(eur(m))),
    ];
    prop::option::of(
        discount.prop_map(|discount| PromoCode::new("ANY", discount, anchor(), d("2030-01-01"), 0).unwrap()),
    )
}

fn lines_sum(p: &PricedStay) -> i64 {
    p.nights().iter().map(|n| n.amount.minor()).sum::<i64>()
        + p.stay_lines().iter().map(|l| l.amount.minor()).sum::<i64>()
}

fn with_nights(stay: &Stay, nights: i64) -> Stay {
    Stay::new(stay.check_in(), stay.check_in() + Days::new(nights as u64)).unwrap()
}

proptest! {
    #[test]
    fn the_total_is_the_sum_of_the_lines_and_never_negative(s in spec(), (stay, party) in stay_and_party(), promo in promo()) {
        let p = price(&build(&s, false), &stay, &party, promo.as_ref()).unwrap();
        prop_assert_eq!(p.total().minor(), lines_sum(&p));
        prop_assert!(p.total().minor() >= 0);
        prop_assert!(p.nights().iter().all(|n| n.amount.minor() >= 0 && !n.rules.is_empty()));
    }

    #[test]
    fn there_is_one_line_per_night_in_date_order(s in spec(), (stay, party) in stay_and_party()) {
        let p = price(&build(&s, false), &stay, &party, None).unwrap();
        let dates: Vec<_> = p.nights().iter().map(|n| n.date).collect();
        let expected: Vec<_> = stay.check_in().iter_days().take_while(|day| *day < stay.check_out()).collect();
        prop_assert_eq!(dates, expected);
    }

    #[test]
    fn adding_a_night_never_lowers_the_room_total(s in spec(), (stay, party) in stay_and_party()) {
        prop_assume!(stay.nights() < Stay::MAX_NIGHTS);
        let plan = build(&s, false);
        let shorter = price(&plan, &stay, &party, None).unwrap();
        let longer = price(&plan, &with_nights(&stay, stay.nights() + 1), &party, None).unwrap();
        prop_assert!(longer.nights_total().minor() >= shorter.nights_total().minor());
        prop_assert_eq!(&longer.nights()[..shorter.nights().len()], shorter.nights());
    }

    #[test]
    fn a_night_costs_the_same_whichever_stay_it_is_part_of(s in spec(), (stay, party) in stay_and_party(), cut in any::<prop::sample::Index>()) {
        prop_assume!(stay.nights() >= 2);
        let cut = 1 + cut.index(stay.nights() as usize - 1) as i64;
        let plan = build(&s, false);
        let whole = price(&plan, &stay, &party, None).unwrap();
        let first = price(&plan, &with_nights(&stay, cut), &party, None).unwrap();
        let rest = Stay::new(first.nights().last().unwrap().date.succ_opt().unwrap(), stay.check_out()).unwrap();
        let second = price(&plan, &rest, &party, None).unwrap();
        let joined: Vec<_> = first.nights().iter().chain(second.nights()).cloned().collect();
        prop_assert_eq!(whole.nights(), &joined[..]);
    }

    #[test]
    fn the_order_rules_are_added_in_does_not_matter(s in spec(), (stay, party) in stay_and_party(), promo in promo()) {
        let forwards = price(&build(&s, false), &stay, &party, promo.as_ref()).unwrap();
        let backwards = price(&build(&s, true), &stay, &party, promo.as_ref()).unwrap();
        prop_assert_eq!(forwards.total(), backwards.total());
        prop_assert_eq!(forwards.nights(), backwards.nights());
    }

    #[test]
    fn a_promo_never_raises_the_price(s in spec(), (stay, party) in stay_and_party(), promo in promo()) {
        let plan = build(&s, false);
        let without = price(&plan, &stay, &party, None).unwrap();
        let with = price(&plan, &stay, &party, promo.as_ref()).unwrap();
        prop_assert!(with.total().minor() <= without.total().minor());
    }

    #[test]
    fn another_guest_never_lowers_the_price(s in spec(), (stay, party) in stay_and_party()) {
        let plan = build(&s, false);
        let now = price(&plan, &stay, &party, None).unwrap();
        let adult = price(&plan, &stay, &Party::new(party.adults() + 1, party.children()).unwrap(), None).unwrap();
        let child = price(&plan, &stay, &Party::new(party.adults(), party.children() + 1).unwrap(), None).unwrap();
        prop_assert!(adult.nights_total().minor() >= now.nights_total().minor());
        prop_assert!(child.nights_total().minor() >= now.nights_total().minor());
    }

    #[test]
    fn without_rules_every_night_costs_the_base_price(base in 0i64..1_000_000, (stay, party) in stay_and_party()) {
        let p = price(&RatePlan::new(eur(base)).unwrap(), &stay, &party, None).unwrap();
        prop_assert_eq!(p.total().minor(), base * stay.nights());
        prop_assert!(p.stay_lines().is_empty());
    }

    #[test]
    fn vat_is_its_rate_of_the_discounted_room(s in spec(), (stay, party) in stay_and_party(), promo in promo()) {
        let p = price(&build(&s, false), &stay, &party, promo.as_ref()).unwrap();
        let room: i64 = p.nights_total().minor()
            + p.stay_lines().iter().filter(|l| matches!(l.kind, StayLineKind::LengthOfStay | StayLineKind::Promo)).map(|l| l.amount.minor()).sum::<i64>();
        prop_assert!(room >= 0);
        let vat = p.line(StayLineKind::Vat).map_or(0, |l| l.amount.minor());
        // Half away from zero: |vat − room × rate| ≤ ½ minor unit.
        let exact = i128::from(room) * i128::from(s.vat);
        prop_assert!((i128::from(vat) * 10_000 - exact).abs() <= 5_000);
    }
}
