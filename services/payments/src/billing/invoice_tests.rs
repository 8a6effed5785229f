use super::*;
use uuid::Uuid;

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

fn charge(kind: ChargeKind, minor: i64) -> FolioCharge {
    FolioCharge {
        id: Uuid::new_v4(),
        kind,
        night: (kind == ChargeKind::RoomNight).then(|| "2026-12-01".parse().unwrap()),
        description: kind.as_str().into(),
        amount: eur(minor),
        reverses: None,
        posted_by: None,
        posted_at: Utc::now(),
    }
}

fn reversal(of: &FolioCharge) -> FolioCharge {
    FolioCharge { id: Uuid::new_v4(), amount: domain::negate(of.amount), reverses: Some(of.id), ..of.clone() }
}

#[test]
fn numbers_are_zero_padded_per_series() {
    assert_eq!(Series::Invoice.number(2026, 1), "2026-000001");
    assert_eq!(Series::CreditNote.number(2026, 42), "CN-2026-000042");
    assert_eq!(Series::Invoice.number(2027, 1_234_567), "2027-1234567");
}

#[test]
fn booking_reference_is_the_ids_first_eight_characters_upper_case() {
    let id = BookingId::from_uuid("a1b2c3d4-e5f6-4789-8abc-def012345678".parse().unwrap());
    assert_eq!(booking_reference(id), "A1B2C3D4");
}

#[test]
fn a_charge_reversed_before_invoicing_shows_neither_line() {
    let old = charge(ChargeKind::RoomNight, 10_000);
    let new = charge(ChargeKind::RoomNight, 12_000);
    let lines = invoice_lines(&[old.clone(), reversal(&old), new]);
    assert_eq!(lines.iter().map(|l| l.amount).collect::<Vec<_>>(), vec![eur(12_000)]);
}

#[test]
fn reversing_an_invoiced_charge_shows_on_the_next_invoice() {
    let invoiced = charge(ChargeKind::RoomNight, 10_000);
    let lines = invoice_lines(&[reversal(&invoiced), charge(ChargeKind::CancellationFee, 5_000)]);
    assert_eq!(lines.iter().map(|l| l.amount).collect::<Vec<_>>(), vec![eur(5_000), eur(-10_000)], "charges first");
}

#[test]
fn totals_split_out_vat_and_city_tax() {
    let lines = invoice_lines(&[
        charge(ChargeKind::Extra, 450),
        charge(ChargeKind::CityTax, 500),
        charge(ChargeKind::Vat, 700),
        charge(ChargeKind::Promo, -1_000),
        charge(ChargeKind::RoomNight, 10_000),
    ]);
    assert_eq!(lines[0].kind, ChargeKind::RoomNight);
    assert_eq!(totals(Currency::EUR, &lines).unwrap(), (eur(700), eur(500), eur(10_650)));
}

#[test]
fn only_the_owner_and_staff_see_a_document() {
    let guest = UserId::new();
    let invoice = Invoice {
        id: InvoiceId::new(),
        number: "2026-000001".into(),
        booking_id: BookingId::new(),
        user_id: guest,
        currency: Currency::EUR,
        lines: vec![],
        vat: eur(0),
        city_tax: eur(0),
        total: eur(0),
        issued_by: UserId::new(),
        issued_at: Utc::now(),
    };
    assert!(invoice.is_visible_to(guest, false));
    assert!(invoice.is_visible_to(UserId::new(), true));
    assert!(!invoice.is_visible_to(UserId::new(), false));
}
