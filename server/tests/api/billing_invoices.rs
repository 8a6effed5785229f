//! Invoices against the real stack: gapless numbers under racing issuers, immutable once issued,
//! credit notes for refunds after invoicing, and PDFs only for their guest and staff.
use crate::billing::{deliver_booking_events, eur, extra, folio_of_one_night, ledger, ledger_ready, pdf_shows, refund, refund_of, taxed_room_type};
use crate::helpers::{add_guest, request, spawn_app, stay};
use bookings::LateFee;
use chrono::Utc;
use eventbus::Handler;
use kernel::events::{Envelope, PaymentCompleted};
use kernel::{PaymentId, UserId};
use payments::billing::{BillingConsumer, BillingError, ChargeKind, HotelCalendar, HOTEL};
use uuid::Uuid;
#[tokio::test]
async fn invoice_numbers_stay_gapless_when_twenty_issuers_race_and_some_roll_back() {
    let app = spawn_app().await;
    let staff = UserId::new();
    let mut folios = Vec::new();
    for _ in 0..20 {
        folios.push(folio_of_one_night(&app).await.0);
    }
    let racers = folios.iter().enumerate().map(|(i, &booking)| {
        let pool = app.deps.pg.clone();
        tokio::spawn(async move {
            let mut tx = pool.begin().await.unwrap();
            let issued = payments::billing::issue_invoice_in(&mut tx, booking, staff).await.unwrap();
            if i % 3 == 0 {
                tx.rollback().await.unwrap();
                None
            } else {
                tx.commit().await.unwrap();
                Some(issued)
            }
        })
    });
    let committed: Vec<_> = futures::future::join_all(racers).await.into_iter().filter_map(|r| r.unwrap()).collect();
    assert_eq!(committed.len(), 13);
    let mut numbers: Vec<_> = committed.iter().map(|i| i.number.clone()).collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 13, "no number given twice");

    // Every invoice this hotel issued this year, this test's and any other's: 1, 2, 3… with no hole.
    let year = HOTEL.year_at(Utc::now());
    let sequences: Vec<i32> = sqlx::query_scalar("SELECT sequence FROM payments.invoices WHERE hotel = $1 AND year = $2 ORDER BY sequence")
        .bind(HOTEL.code)
        .bind(year)
        .fetch_all(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(sequences, (1..=sequences.len() as i32).collect::<Vec<_>>(), "a rolled-back number is given again");
    for (i, booking) in folios.iter().enumerate() {
        let invoices = app.state.billing.invoices_for_booking(*booking).await.unwrap();
        assert_eq!(invoices.len(), usize::from(i % 3 != 0), "booking {i}");
    }
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_an_invoice() {
    let app = spawn_app().await;
    let (booking, _) = folio_of_one_night(&app).await;
    let invoice = app.state.billing.invoice(booking, UserId::new()).await.unwrap();

    let update = sqlx::query("UPDATE payments.invoices SET total_minor = 1 WHERE id = $1")
        .bind(invoice.id.as_uuid())
        .execute(&app.deps.pg)
        .await
        .unwrap_err();
    let constraint = update.as_database_error().and_then(|e| e.constraint()).map(str::to_owned);
    assert_eq!(constraint.as_deref(), Some("invoices_immutable"), "{update}");
    let delete = sqlx::query("DELETE FROM payments.invoices WHERE id = $1").bind(invoice.id.as_uuid()).execute(&app.deps.pg).await;
    assert!(delete.is_err());
    let edit = sqlx::query("UPDATE payments.folio_charges SET amount_minor = 0 WHERE booking_id = $1")
        .bind(booking.as_uuid())
        .execute(&app.deps.pg)
        .await;
    assert!(edit.is_err(), "charges are posted, never edited");
    assert_eq!(app.state.billing.find_invoice(invoice.id).await.unwrap(), invoice);
}

#[tokio::test]
async fn a_refund_after_invoicing_issues_one_credit_note_against_the_invoice() {
    let app = spawn_app().await;
    let room_type = taxed_room_type(&app, LateFee::None).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(170, 2))).await.unwrap();
    deliver_booking_events(&app, booking.id).await;
    let ledger_ready = ledger_ready(&app).await;
    let (payment_id, capture) = if ledger_ready {
        let total = booking.total.minor();
        let rows = ledger(&app, booking.id, guest.id, &[], &[("authorisation", None, total), ("capture", Some(0), total), ("refund", Some(1), 5_000)]).await;
        (rows[2], Some(rows[1]))
    } else {
        (Uuid::new_v4(), None)
    };
    let consumer = BillingConsumer(app.state.billing.clone());
    let refund = |kind: &str| {
        let completed = PaymentCompleted {
            payment_id: PaymentId::from_uuid(payment_id),
            booking_id: booking.id,
            user_id: guest.id,
            kind: kind.into(),
            amount: "50.00".into(),
            currency: "EUR".into(),
            card_last4: Some("4242".into()),
            timestamp: Utc::now(),
        };
        serde_json::to_vec(&Envelope::new(completed, Utc::now())).unwrap()
    };

    consumer.handle("payment.completed", &refund("refund")).await.unwrap();
    assert!(app.state.billing.credit_notes_for_booking(booking.id).await.unwrap().is_empty(), "nothing invoiced yet");

    let invoice = app.state.billing.invoice(booking.id, UserId::new()).await.unwrap();
    assert_eq!(invoice.total, booking.total);
    let event = refund("refund");
    for _ in 0..2 {
        consumer.handle("payment.completed", &event).await.unwrap();
    }
    consumer.handle("payment.completed", &refund("refund")).await.unwrap();
    let notes = app.state.billing.credit_notes_for_booking(booking.id).await.unwrap();
    assert_eq!(notes.len(), 1, "one credit note per refund, however often it is told: {notes:?}");
    let note = &notes[0];
    assert_eq!((note.amount, note.invoice_id, note.invoice_number.as_str()), (eur(5_000), invoice.id, invoice.number.as_str()));
    assert!(note.number.starts_with(&format!("CN-{}-", HOTEL.year_at(Utc::now()))), "{}", note.number);
    assert_eq!(note.payment_id, Some(PaymentId::from_uuid(payment_id)));

    let folio = app.state.billing.folio(booking.id).await.unwrap();
    assert_eq!(folio.charges.last().map(|c| (c.kind, c.amount)), Some((ChargeKind::Credit, eur(-5_000))));
    if capture.is_some() {
        assert_eq!(folio.balance, eur(0), "paid, refunded and credited: nothing owed either way");
    }
    let too_much = app.state.billing.credit_note(booking.id, booking.total, "Goodwill", UserId::new()).await.unwrap_err();
    assert!(matches!(too_much, BillingError::ExceedsInvoiced(left) if left.minor() == booking.total.minor() - 5_000), "{too_much:?}");

    let pdf = app.state.billing.credit_note_pdf(note.id).await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert!(pdf_shows(&pdf, &note.number) && pdf_shows(&pdf, &invoice.number), "the note and the invoice it credits");
}

#[tokio::test]
async fn an_invoice_pdf_shows_its_number_and_only_its_guest_and_staff_may_have_it() {
    let app = spawn_app().await;
    let room_type = taxed_room_type(&app, LateFee::None).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(180, 2))).await.unwrap();
    let early = app.state.billing.invoice(booking.id, UserId::new()).await.unwrap_err();
    assert!(matches!(early, BillingError::NoFolio), "{early:?}");
    deliver_booking_events(&app, booking.id).await;
    let staff = UserId::new();
    let invoice = app.state.billing.invoice(booking.id, staff).await.unwrap();
    assert_eq!(app.state.billing.invoice(booking.id, staff).await.unwrap(), invoice, "a retry gets the same invoice");
    assert_eq!(invoice.lines.len(), 4, "2 nights, VAT, city tax");
    assert_eq!((invoice.vat.minor(), invoice.city_tax.minor()), (1_728, 1_000), "7 % of 246.90; 2 adults × 2 nights × 2.50");

    let pdf = app.state.billing.invoice_pdf(invoice.id).await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert!(pdf_shows(&pdf, &invoice.number), "the number is on the page");
    assert!(pdf_shows(&pdf, &booking.id.to_string()[..8].to_uppercase()), "and the booking reference");
    assert!(pdf_shows(&pdf, &booking.total.to_decimal_string()), "and the total");

    assert_eq!(app.state.billing.invoice_for(invoice.id, guest.id, false).await.unwrap(), invoice);
    assert_eq!(app.state.billing.invoice_for(invoice.id, staff, true).await.unwrap(), invoice);
    let stranger = app.state.billing.invoice_for(invoice.id, UserId::new(), false).await.unwrap_err();
    assert!(matches!(stranger, BillingError::InvoiceNotFound), "{stranger:?}");

    extra(&app, booking.id, "Parking", eur(1_500), staff, Uuid::new_v4()).await.unwrap();
    let second = app.state.billing.invoice(booking.id, staff).await.unwrap();
    assert_ne!(second.number, invoice.number);
    assert_eq!((second.lines.len(), second.total), (1, eur(1_500)), "only what the first did not cover");
    let listed: Vec<_> = app.state.billing.invoices_for_booking(booking.id).await.unwrap().into_iter().map(|i| i.id).collect();
    assert_eq!(listed, vec![invoice.id, second.id]);
}

#[tokio::test]
async fn cancelling_after_invoicing_and_refunding_credits_the_whole_stay_once() {
    let app = spawn_app().await;
    let room_type = taxed_room_type(&app, LateFee::None).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(190, 2))).await.unwrap();
    deliver_booking_events(&app, booking.id).await;
    let captured = if ledger_ready(&app).await {
        let total = booking.total.minor();
        Some(ledger(&app, booking.id, guest.id, &[], &[("authorisation", None, total), ("capture", Some(0), total)]).await[1])
    } else {
        None
    };
    let invoice = app.state.billing.invoice(booking.id, UserId::new()).await.unwrap();

    app.state.bookings.cancel(booking.id, guest.id, false).await.unwrap();
    deliver_booking_events(&app, booking.id).await;
    let refused = app.state.billing.invoice(booking.id, UserId::new()).await.unwrap_err();
    assert!(matches!(refused, BillingError::NetReduction(m) if m == booking.total), "{refused:?}");
    let small = app.state.billing.credit_note(booking.id, eur(100), "Goodwill", UserId::new()).await.unwrap_err();
    assert!(matches!(small, BillingError::CreditTooSmall(m) if m == booking.total), "{small:?}");

    // The payments consumers of tests running beside this one follow the cancellation too and
    // may have refunded the capture already: that refund is the one billing hears of.
    let refund_id = match captured {
        Some(capture) => match refund_of(&app, capture).await {
            Some(done) => done,
            // Refused by the ledger's trigger when a consumer refunded in between: take theirs.
            None => match refund(&app, &booking, capture).await {
                Ok(mine) => mine,
                Err(_) => refund_of(&app, capture).await.expect("a refund, the consumer's"),
            },
        },
        None => Uuid::new_v4(),
    };
    let refunded = PaymentCompleted {
        payment_id: PaymentId::from_uuid(refund_id),
        booking_id: booking.id,
        user_id: guest.id,
        kind: "refund".into(),
        amount: booking.total.to_decimal_string(),
        currency: "EUR".into(),
        card_last4: None,
        timestamp: Utc::now(),
    };
    app.state.billing.on_payment_completed(&Envelope::new(refunded, Utc::now())).await.unwrap();

    let notes = app.state.billing.credit_notes_for_booking(booking.id).await.unwrap();
    assert_eq!(notes.iter().map(|n| (n.amount, n.invoice_id)).collect::<Vec<_>>(), vec![(booking.total, invoice.id)]);
    let folio = app.state.billing.folio(booking.id).await.unwrap();
    assert!(folio.charges.is_empty(), "the stay is reversed and nothing else was posted: {:?}", folio.charges);
    assert!(folio.postings.iter().all(|c| c.kind != ChargeKind::Credit), "the note documents the reversals, it adds none");
    if captured.is_some() {
        assert_eq!(folio.balance, eur(0), "paid, cancelled, refunded");
    }
    assert_eq!(app.state.billing.invoice(booking.id, UserId::new()).await.unwrap(), invoice, "nothing left to invoice");
}
