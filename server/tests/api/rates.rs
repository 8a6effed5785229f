//! Rates stored in PostgreSQL, applied to searches, quotes, bookings and cancellations.
use crate::helpers::{add_guest, add_room_type, request, spawn_app, stay, unique};
use bookings::{
    BasisPoints, BookingError, CancellationPolicy, LateFee, PromoDiscount, RatePlanSettings, Restriction,
    RestrictionRule, SeasonInput,
};
use chrono::Duration;
use kernel::{Currency, Party};

fn settings(vat_bp: i32, city_tax_minor: i64, cancellation: CancellationPolicy) -> RatePlanSettings {
    RatePlanSettings {
        included_adults: 2,
        included_children: 0,
        extra_adult_minor: 0,
        extra_child_minor: 0,
        vat_bp,
        city_tax_minor,
        city_tax_max_nights: 2,
        cancellation,
    }
}

#[tokio::test]
async fn a_stored_plan_prices_each_night_by_its_rule_and_adds_the_taxes() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let wanted = stay(140, 3);
    let svc = &app.state.bookings;
    svc.set_rate_plan(&room_type.code, &settings(1_000, 200, CancellationPolicy::default())).await.unwrap();
    let season = SeasonInput {
        name: "Test peak".into(),
        starts: wanted.check_in() - Duration::days(10),
        ends: wanted.check_in() + Duration::days(2),
        fixed_minor: None,
        adjust_bp: Some(2_000),
    };
    svc.add_season(&room_type.code, &season).await.unwrap();
    let overlapping = SeasonInput { name: "Clash".into(), ..season.clone() };
    let refused = svc.add_season(&room_type.code, &overlapping).await.unwrap_err();
    assert_eq!(refused.to_string(), "season 'Clash' overlaps another season of this room type");

    let offer = svc.quote(&room_type.code, &wanted, &Party::new(2, 0).unwrap(), None).await.unwrap();
    let nights: Vec<i64> = offer.priced.nights().iter().map(|n| n.amount.minor()).collect();
    // 123.45 + 20 % = 148.14 for the two nights in the season, then the base price.
    assert_eq!(nights, [14_814, 14_814, 12_345]);
    assert_eq!(offer.priced.nights()[0].rules, ["Test peak"]);
    assert_eq!(offer.priced.nights()[2].rules, ["Base rate"]);
    let lines: Vec<(String, i64)> =
        offer.priced.stay_lines().iter().map(|l| (l.label.clone(), l.amount.minor())).collect();
    assert_eq!(lines, [("VAT 10%".to_owned(), 4_197), ("City tax €2.00 × 2 adults × 2 nights".to_owned(), 800)]);
    assert_eq!(offer.priced.total().minor(), 41_973 + 4_197 + 800);

    let guest = add_guest(&app).await;
    let booking = svc.book(request(guest.id, &room_type, wanted)).await.unwrap();
    assert_eq!(booking.total, offer.priced.total(), "the booking is sold at the quoted price");
    let stored = svc.find(booking.id).await.unwrap();
    assert_eq!(stored.price.as_ref(), Some(&offer.priced), "the explanation is stored with the booking");
}

#[tokio::test]
async fn a_restriction_refuses_the_search_and_the_booking_and_names_the_rule() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 2).await;
    let wanted = stay(150, 2);
    let svc = &app.state.bookings;
    let min_stay = Restriction::new(wanted.check_in(), wanted.check_in() + Duration::days(7), RestrictionRule::MinStay { nights: 3 }).unwrap();
    svc.add_restriction(&room_type.code, &min_stay).await.unwrap();

    let found = svc.availability(&wanted, &Party::new(2, 0).unwrap(), None).await.unwrap();
    let mine = found.iter().find(|a| a.room_type.code == room_type.code).expect("listed with its refusal");
    let refusal = mine.offer.as_ref().unwrap_err().to_string();
    assert!(refusal.starts_with("This room needs a stay of at least 3 nights for arrivals between"), "{refusal}");

    let guest = add_guest(&app).await;
    let err = svc.book(request(guest.id, &room_type, wanted)).await.unwrap_err();
    assert!(matches!(err, BookingError::Restricted(_)), "{err:?}");
    assert_eq!(err.to_string(), refusal);

    let longer = kernel::Stay::new(wanted.check_in(), wanted.check_in() + Duration::days(3)).unwrap();
    svc.book(request(guest.id, &room_type, longer)).await.expect("three nights satisfy the rule");
}

#[tokio::test]
async fn a_promo_code_takes_its_discount_and_an_unknown_code_is_refused_by_name() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let svc = &app.state.bookings;
    let code = unique("PROMO");
    let today = svc.today();
    let valid = (today, today + Duration::days(400));
    svc.add_promo_code(&code, PromoDiscount::Percent(BasisPoints::percent(10)), Currency::EUR, valid, 1).await.unwrap();
    let guest = add_guest(&app).await;

    let mut req = request(guest.id, &room_type, stay(160, 2));
    req.promo_code = Some(code.to_lowercase());
    let booking = svc.book(req).await.unwrap();
    assert_eq!(booking.total.minor(), 2 * 12_345 - 2_469, "10 % of 246.90, rounded once");
    assert_eq!(booking.promo_code.as_deref(), Some(code.as_str()));

    let mut req = request(guest.id, &room_type, stay(170, 2));
    req.promo_code = Some("NOSUCHCODE".into());
    let err = svc.book(req).await.unwrap_err();
    assert_eq!(err.to_string(), "there is no promo code 'NOSUCHCODE'");
}

#[tokio::test]
async fn cancelling_after_the_free_period_charges_the_policy_fee_and_before_it_nothing() {
    let app = spawn_app().await;
    let strict = add_room_type(&app, 1).await;
    let flexible = add_room_type(&app, 1).await;
    let svc = &app.state.bookings;
    let first_night = CancellationPolicy { free_days: 365, late_fee: LateFee::FirstNight };
    svc.set_rate_plan(&strict.code, &settings(0, 0, first_night)).await.unwrap();
    let half = CancellationPolicy { free_days: 2, late_fee: LateFee::Percent(BasisPoints::percent(50)) };
    svc.set_rate_plan(&flexible.code, &settings(0, 0, half)).await.unwrap();
    let guest = add_guest(&app).await;

    let late = svc.book(request(guest.id, &strict, stay(100, 2))).await.unwrap();
    let cancelled = svc.cancel(late.id, guest.id, false).await.unwrap();
    assert_eq!(cancelled.cancellation_fee.unwrap().minor(), 12_345, "the first night");
    let fee: String = sqlx::query_scalar(
        "SELECT payload->'payload'->>'cancellation_fee' FROM bookings.outbox WHERE key = $1 AND topic = 'booking.cancelled'",
    )
    .bind(late.id.to_string())
    .fetch_one(&app.deps.pg)
    .await
    .unwrap();
    assert_eq!(fee, "123.45");

    let early = svc.book(request(guest.id, &flexible, stay(100, 2))).await.unwrap();
    assert_eq!(early.terms.late_fee.minor(), 12_345, "half of 246.90, shown before cancelling");
    let cancelled = svc.cancel(early.id, guest.id, false).await.unwrap();
    assert_eq!(cancelled.cancellation_fee.unwrap().minor(), 0, "free until two days before arrival");
    assert_eq!(svc.find(early.id).await.unwrap().cancellation_fee.unwrap().minor(), 0);
}
