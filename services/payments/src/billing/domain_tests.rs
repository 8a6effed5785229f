use super::*;

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

fn charge(kind: ChargeKind, night: Option<&str>, minor: i64) -> FolioCharge {
    FolioCharge {
        id: Uuid::new_v4(),
        kind,
        night: night.map(|n| n.parse().unwrap()),
        description: kind.as_str().into(),
        amount: eur(minor),
        reverses: None,
        posted_by: None,
        posted_at: Utc::now(),
    }
}

fn reversal(of: &FolioCharge) -> FolioCharge {
    FolioCharge { id: Uuid::new_v4(), amount: negate(of.amount), reverses: Some(of.id), ..of.clone() }
}

fn movement(kind: MovementKind, minor: i64) -> FolioPayment {
    FolioPayment { id: PaymentId::new(), kind, amount: eur(minor), card_last4: Some("4242".into()), at: Utc::now(), tender: Tender::Card }
}

#[test]
fn balance_is_charges_minus_captures_plus_refunds() {
    let postings = [charge(ChargeKind::RoomNight, Some("2026-12-01"), 10_000), charge(ChargeKind::Vat, None, 700)];
    let payments = [
        movement(MovementKind::Authorisation, 10_700),
        movement(MovementKind::Capture, 10_700),
        movement(MovementKind::Refund, 2_000),
        movement(MovementKind::Void, 500),
    ];
    assert_eq!(balance(Currency::EUR, &postings, &payments).unwrap(), eur(2_000));
    assert_eq!(balance(Currency::EUR, &postings, &payments[..1]).unwrap(), eur(10_700), "a hold is not a payment");
}

#[test]
fn a_reversed_charge_stands_no_more_and_nets_to_zero() {
    let night = charge(ChargeKind::RoomNight, Some("2026-12-01"), 10_000);
    let postings = vec![night.clone(), reversal(&night), charge(ChargeKind::RoomNight, Some("2026-12-02"), 9_000)];
    let standing = standing(&postings);
    assert_eq!(standing.len(), 1);
    assert_eq!(standing[0].amount, eur(9_000));
    assert_eq!(balance(Currency::EUR, &postings, &[]).unwrap(), eur(9_000));
}

#[test]
fn standing_charges_read_nights_by_date_then_discounts_taxes_and_extras() {
    let postings = vec![
        charge(ChargeKind::Extra, None, 450),
        charge(ChargeKind::CityTax, None, 500),
        charge(ChargeKind::Vat, None, 1_330),
        charge(ChargeKind::Promo, None, -1_000),
        charge(ChargeKind::RoomNight, Some("2026-12-02"), 10_000),
        charge(ChargeKind::RoomNight, Some("2026-12-01"), 10_000),
    ];
    let kinds: Vec<_> = standing(&postings).iter().map(|c| (c.kind, c.night.map(|n| n.to_string()))).collect();
    assert_eq!(
        kinds,
        vec![
            (ChargeKind::RoomNight, Some("2026-12-01".into())),
            (ChargeKind::RoomNight, Some("2026-12-02".into())),
            (ChargeKind::Promo, None),
            (ChargeKind::Vat, None),
            (ChargeKind::CityTax, None),
            (ChargeKind::Extra, None),
        ]
    );
}

#[test]
fn another_currency_is_refused_not_added() {
    let mut usd = charge(ChargeKind::Extra, None, 100);
    usd.amount = Money::from_minor(100, Currency::USD);
    assert!(matches!(balance(Currency::EUR, &[usd], &[]), Err(FolioError::MixedCurrency { .. })));
    let huge = [charge(ChargeKind::Extra, None, i64::MAX), charge(ChargeKind::Extra, None, 1)];
    assert_eq!(balance(Currency::EUR, &huge, &[]), Err(FolioError::Overflow));
}

#[test]
fn amounts_parse_from_decimal_strings_exactly() {
    assert_eq!(parse_amount("129.50", Currency::EUR), Some(eur(12_950)));
    assert_eq!(parse_amount("-12.5", Currency::EUR), Some(eur(-1_250)));
    assert_eq!(parse_amount("7", Currency::EUR), Some(eur(700)));
    assert_eq!(parse_amount("0.05", Currency::EUR), Some(eur(5)));
    for bad in ["", "-", ".5", "1.234", "1,00", "1e3", "+1", "--1", "99999999999999999999"] {
        assert_eq!(parse_amount(bad, Currency::EUR), None, "{bad}");
    }
}

#[test]
fn kinds_round_trip_and_only_priced_lines_are_stay_lines() {
    for k in KINDS {
        assert_eq!(ChargeKind::parse(k.as_str()), Some(k));
    }
    assert!(ChargeKind::Vat.is_stay_line());
    assert!(!ChargeKind::Extra.is_stay_line() && !ChargeKind::CancellationFee.is_stay_line());
}
