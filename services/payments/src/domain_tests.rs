use super::*;
use kernel::Currency::EUR;

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, EUR)
}

fn row(kind: PaymentKind, parent: Option<&Payment>, minor: i64) -> Payment {
    Payment {
        id: PaymentId::new(),
        booking_id: BookingId::from_uuid(uuid::Uuid::nil()),
        user_id: UserId::from_uuid(uuid::Uuid::nil()),
        kind,
        parent_id: parent.map(|p| p.id),
        failure: None,
        amount: eur(minor),
        card_last4: Some("4242".into()),
        card_brand: Some("visa".into()),
        gateway_reference: Some("ref".into()),
        created_at: Utc::now(),
        purpose: Purpose::Stay,
    }
}

#[test]
fn a_hold_shrinks_with_each_capture_and_ends_with_a_void() {
    let auth = row(PaymentKind::Authorisation, None, 30_000);
    let capture = row(PaymentKind::Capture, Some(&auth), 10_000);
    let mut failed = row(PaymentKind::Capture, Some(&auth), 5_000);
    failed.failure = Some(FailureReason::Timeout);
    let rows = vec![auth.clone(), capture.clone(), failed];
    assert_eq!(Ledger(&rows).holding().map(|(a, h)| (a.id, h)), Some((auth.id, eur(20_000))));

    let voided = [rows.clone(), vec![row(PaymentKind::Void, Some(&auth), 20_000)]].concat();
    assert!(Ledger(&voided).holding().is_none());
    assert_eq!(Ledger(&voided).kept(), 10_000);
}

#[test]
fn refunds_come_out_of_the_capture_they_name() {
    let auth = row(PaymentKind::Authorisation, None, 30_000);
    let capture = row(PaymentKind::Capture, Some(&auth), 30_000);
    let rows = vec![auth.clone(), capture.clone(), row(PaymentKind::Refund, Some(&capture), 7_500)];
    let ledger = Ledger(&rows);
    assert_eq!(ledger.refundable().iter().map(|(c, m)| (c.id, *m)).collect::<Vec<_>>(), [(capture.id, eur(22_500))]);
    assert_eq!(ledger.authorisation().map(|(_, h)| h), Some(eur(0)));
    assert!(ledger.holding().is_none());
}

#[test]
fn cancelling_a_hold_captures_the_fee_and_voids_the_rest() {
    let rows = vec![row(PaymentKind::Authorisation, None, 30_000)];
    let plan = CancellationPlan::for_fee(&Ledger(&rows), eur(5_000));
    assert_eq!(plan, CancellationPlan { capture: Some(eur(5_000)), void: true, refunds: vec![] });

    let free = CancellationPlan::for_fee(&Ledger(&rows), eur(0));
    assert_eq!(free, CancellationPlan { capture: None, void: true, refunds: vec![] });

    let all = CancellationPlan::for_fee(&Ledger(&rows), eur(30_000));
    assert_eq!(all, CancellationPlan { capture: Some(eur(30_000)), void: false, refunds: vec![] });
}

#[test]
fn cancelling_after_capture_refunds_all_but_the_fee() {
    let auth = row(PaymentKind::Authorisation, None, 30_000);
    let capture = row(PaymentKind::Capture, Some(&auth), 30_000);
    let rows = vec![auth, capture.clone()];
    let plan = CancellationPlan::for_fee(&Ledger(&rows), eur(5_000));
    assert_eq!(plan, CancellationPlan { capture: None, void: false, refunds: vec![(capture.id, eur(25_000))] });
}

#[test]
fn a_refund_spreads_over_captures_latest_first() {
    let auth = row(PaymentKind::Authorisation, None, 30_000);
    let first = row(PaymentKind::Capture, Some(&auth), 10_000);
    let second = row(PaymentKind::Capture, Some(&auth), 5_000);
    let rows = vec![auth, first.clone(), second.clone()];
    let plan = CancellationPlan::for_fee(&Ledger(&rows), eur(2_000));
    assert_eq!(plan.refunds, [(second.id, eur(5_000)), (first.id, eur(8_000))]);
    assert!(plan.void && plan.capture.is_none());
}

#[test]
fn decimal_amounts_become_minor_units() {
    assert_eq!(parse_decimal("389.00", EUR), Some(eur(38_900)));
    assert_eq!(parse_decimal("12.5", EUR), Some(eur(1_250)));
    assert_eq!(parse_decimal("7", EUR), Some(eur(700)));
    for bad in ["", "-1.00", "1.234", "1,00", ".50", "1e3"] {
        assert_eq!(parse_decimal(bad, EUR), None, "{bad}");
    }
}

#[test]
fn a_lower_price_refunds_the_surplus_latest_capture_first() {
    let auth = row(PaymentKind::Authorisation, None, 30_000);
    let first = row(PaymentKind::Capture, Some(&auth), 20_000);
    let second = row(PaymentKind::Capture, Some(&auth), 10_000);
    let rows = vec![auth, first.clone(), second.clone()];
    let plan = DuePlan::for_due(&Ledger(&rows), Some(eur(15_000))).unwrap();
    assert_eq!(
        plan,
        DuePlan {
            refunds: vec![(second.id, eur(10_000)), (first.id, eur(5_000))],
            needed: eur(0),
            hold_anew: None
        }
    );
    assert_eq!(
        plan.capture(&Ledger(&rows)),
        None,
        "nothing is still to pay"
    );
}

#[test]
fn a_higher_price_than_held_is_held_anew_replacing_the_older_hold_and_then_captured() {
    let older = row(PaymentKind::Authorisation, None, 30_000);
    let rows = vec![older.clone()];
    let plan = DuePlan::for_due(&Ledger(&rows), Some(eur(40_000))).unwrap();
    assert_eq!(
        plan,
        DuePlan {
            refunds: vec![],
            needed: eur(40_000),
            hold_anew: Some(vec![older.id])
        }
    );

    let anew = row(PaymentKind::Authorisation, None, 40_000);
    let after = vec![
        older.clone(),
        anew,
        row(PaymentKind::Void, Some(&older), 30_000),
    ];
    assert_eq!(plan.capture(&Ledger(&after)), Some(eur(40_000)));
}

#[test]
fn without_a_due_everything_held_is_due_and_nothing_is_moved_for_no_money() {
    let auth = row(PaymentKind::Authorisation, None, 30_000);
    let rows = vec![auth.clone(), row(PaymentKind::Capture, Some(&auth), 10_000)];
    let plan = DuePlan::for_due(&Ledger(&rows), None).unwrap();
    assert_eq!(
        plan,
        DuePlan {
            refunds: vec![],
            needed: eur(20_000),
            hold_anew: None
        }
    );
    assert_eq!(plan.capture(&Ledger(&rows)), Some(eur(20_000)));
    assert_eq!(DuePlan::for_due(&Ledger(&[]), Some(eur(1))), None);
}
