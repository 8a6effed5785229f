//! Billing against the real database: folios posted from real booking events, extras, the
//! balance against the payments ledger, gapless invoice numbers under racing and rolled-back
//! issuers, immutable invoices, credit notes after refunds, and the PDFs.
use crate::helpers::{add_guest, add_room_type, request, spawn_app, stay, TestApp};
use bookings::{CancellationPolicy, LateFee, ModifyRequest, RatePlanSettings};
use chrono::Utc;
use eventbus::Handler;
use kernel::events::{BookingCreated, ChargeLine, Envelope, PaymentCompleted};
use kernel::{BookingId, Currency, Money, PaymentId, RoomId, UserId};
use payments::billing::{BillingConsumer, BillingError, ChargeKind, HotelCalendar, HOTEL};
use rooms::RoomType;
use uuid::Uuid;

pub(crate) fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

/// 7 % VAT and €2.50 city tax a night, on the test room type's €123.45 nights.
pub(crate) async fn taxed_room_type(app: &TestApp, late_fee: LateFee) -> RoomType {
    let room_type = add_room_type(app, 2).await;
    let settings = RatePlanSettings {
        included_adults: 2,
        included_children: 0,
        extra_adult_minor: 0,
        extra_child_minor: 0,
        vat_bp: 700,
        city_tax_minor: 250,
        city_tax_max_nights: 7,
        cancellation: CancellationPolicy { free_days: 365, late_fee },
    };
    app.state.bookings.set_rate_plan(&room_type.code, &settings).await.unwrap();
    room_type
}

/// Runs billing's consumer on every event the bookings service wrote for `booking`, in order,
/// as Kafka would deliver them; twice, as a redelivery would.
async fn deliver_booking_events(app: &TestApp, booking: BookingId) {
    let events: Vec<(String, serde_json::Value)> =
        sqlx::query_as("SELECT topic, payload FROM bookings.outbox WHERE key = $1 ORDER BY id")
            .bind(booking.to_string())
            .fetch_all(&app.deps.pg)
            .await
            .unwrap();
    let consumer = BillingConsumer(app.state.billing.clone());
    for _ in 0..2 {
        for (topic, payload) in &events {
            consumer.handle(topic, &serde_json::to_vec(payload).unwrap()).await.unwrap();
        }
    }
}

/// A charge staff post without VAT, so it is one line on the folio.
async fn extra(app: &TestApp, booking: BookingId, text: &str, amount: Money, by: UserId, key: Uuid) -> Result<payments::billing::Posted, BillingError> {
    let text = payments::billing::ChargeText::parse(text).unwrap();
    app.state.billing.post_charge(booking, &text, amount, payments::billing::VatRate::from_bp(0).unwrap(), by, key).await
}

/// Whether the payments core's ledger table exists yet; billing reads it, never creates it.
async fn ledger_ready(app: &TestApp) -> bool {
    let ready: bool = sqlx::query_scalar("SELECT to_regclass('payments.payments') IS NOT NULL").fetch_one(&app.deps.pg).await.unwrap();
    if !ready {
        eprintln!("payments.payments does not exist yet: skipping the ledger part of this test");
    }
    ready
}

/// Succeeded movements in the ledger, as the payments core records them: each `(kind, parent
/// index, amount)` acts on the row at that index of `known` followed by the rows added. One transaction, so the payments consumers of
/// tests running beside this one see all of them or none (never a hold they could capture
/// before this test does).
async fn ledger(app: &TestApp, booking: BookingId, user: UserId, known: &[Uuid], moves: &[(&str, Option<usize>, i64)]) -> Vec<Uuid> {
    let mut tx = app.deps.pg.begin().await.unwrap();
    let mut ids: Vec<Uuid> = known.to_vec();
    for (kind, parent, minor) in moves {
        let id = Uuid::new_v4();
        sqlx::query(
            "INSERT INTO payments.payments (id, booking_id, user_id, kind, parent_id, status, amount_minor, currency,
                 card_token, card_last4, card_brand, gateway_reference, created_at)
             VALUES ($1, $2, $3, $4, $5, 'succeeded', $6, 'EUR', 'tok_test', '4242', 'visa', $7, now())",
        )
        .bind(id)
        .bind(booking.as_uuid())
        .bind(user.as_uuid())
        .bind(kind)
        .bind(parent.map(|i| ids[i]))
        .bind(minor)
        .bind(format!("test-{id}"))
        .execute(&mut *tx)
        .await
        .unwrap();
        ids.push(id);
    }
    tx.commit().await.unwrap();
    ids.split_off(known.len())
}

/// Refunds all of `capture` in the ledger, unless the ledger refuses it.
async fn refund(app: &TestApp, booking: &bookings::Booking, capture: Uuid) -> sqlx::Result<Uuid> {
    let id = Uuid::new_v4();
    sqlx::query(
        "INSERT INTO payments.payments (id, booking_id, user_id, kind, parent_id, status, amount_minor, currency,
             card_token, card_last4, card_brand, gateway_reference, created_at)
         VALUES ($1, $2, $3, 'refund', $4, 'succeeded', $5, 'EUR', 'tok_test', '4242', 'visa', $6, now())",
    )
    .bind(id)
    .bind(booking.id.as_uuid())
    .bind(booking.user_id.as_uuid())
    .bind(capture)
    .bind(booking.total.minor())
    .bind(format!("test-{id}"))
    .execute(&app.deps.pg)
    .await?;
    Ok(id)
}

/// The succeeded refund of `capture`, if one was made.
async fn refund_of(app: &TestApp, capture: Uuid) -> Option<Uuid> {
    sqlx::query_scalar("SELECT id FROM payments.payments WHERE parent_id = $1 AND kind = 'refund' AND status = 'succeeded'")
        .bind(capture)
        .fetch_optional(&app.deps.pg)
        .await
        .unwrap()
}

/// A folio of one €100 night, from a made-up `booking.created`.
async fn folio_of_one_night(app: &TestApp) -> (BookingId, UserId) {
    let (booking_id, user_id) = (BookingId::new(), UserId::new());
    let night = Utc::now().date_naive();
    let event = Envelope::new(
        BookingCreated {
            booking_id,
            user_id,
            room_id: RoomId::new(),
            room_number: "101".into(),
            room_type: "STD".into(),
            check_in: night,
            check_out: night + chrono::Days::new(1),
            adults: 1,
            children: 0,
            total_amount: "100.00".into(),
            currency: "EUR".into(),
            timestamp: Utc::now(),
            version: 1,
            lines: vec![ChargeLine { kind: "room_night".into(), date: Some(night), description: "Rack rate".into(), amount: "100.00".into() }],
        },
        Utc::now(),
    );
    app.state.billing.on_booking_created(&event).await.unwrap();
    (booking_id, user_id)
}

/// True when `text` is in the PDF, as a literal string or hex-encoded (non-ASCII text is).
fn pdf_shows(pdf: &[u8], text: &str) -> bool {
    let hex: String = text.bytes().map(|b| format!("{b:02X}")).collect();
    [text, hex.as_str()].iter().any(|needle| pdf.windows(needle.len()).any(|w| w == needle.as_bytes()))
}

#[tokio::test]
async fn a_bookings_events_post_its_nights_and_taxes_and_the_balance_follows_extras_and_payments() {
    let app = spawn_app().await;
    let room_type = taxed_room_type(&app, LateFee::None).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(150, 3))).await.unwrap();
    deliver_booking_events(&app, booking.id).await;

    let folio = app.state.billing.folio(booking.id).await.unwrap();
    assert_eq!(folio.user_id, guest.id);
    let nights: Vec<_> = folio.charges.iter().filter(|c| c.kind == ChargeKind::RoomNight).collect();
    let dates: Vec<_> = nights.iter().map(|c| c.night.unwrap()).collect();
    let expected: Vec<_> = (0..3).map(|i| booking.stay.check_in() + chrono::Days::new(i)).collect();
    assert_eq!(dates, expected, "one charge a night, by date");
    assert!(nights.iter().all(|c| c.amount == eur(12_345) && !c.description.is_empty()), "{nights:?}");
    let kinds: Vec<_> = folio.charges.iter().map(|c| c.kind).skip(3).collect();
    assert_eq!(kinds, vec![ChargeKind::Vat, ChargeKind::CityTax]);
    assert_eq!(folio.postings.len(), 5, "a redelivered event posts nothing twice");
    assert_eq!(folio.balance, booking.total, "the folio adds up to the booking's price");

    let staff = UserId::new();
    let key = Uuid::new_v4();
    let minibar = extra(&app, booking.id, "Minibar", eur(1_250), staff, key).await.unwrap();
    let retried = extra(&app, booking.id, "Minibar", eur(1_250), staff, key).await.unwrap();
    assert_eq!(retried, minibar, "a retry answers with the first posting");
    extra(&app, booking.id, "Breakfast", eur(1_800), staff, Uuid::new_v4()).await.unwrap();
    let refused = extra(&app, booking.id, "Spa", eur(0), staff, Uuid::new_v4()).await.unwrap_err();
    assert!(matches!(refused, BillingError::NotPositive), "{refused:?}");
    let folio = app.state.billing.folio(booking.id).await.unwrap();
    let extras: Vec<_> = folio.charges.iter().filter(|c| c.kind == ChargeKind::Extra).map(|c| c.description.as_str()).collect();
    assert_eq!(extras, vec!["Minibar", "Breakfast"]);
    let owed = booking.total.minor() + 3_050;
    assert_eq!(folio.balance, eur(owed));

    if ledger_ready(&app).await {
        let hold = ledger(&app, booking.id, guest.id, &[], &[("authorisation", None, owed)]).await[0];
        let held = app.state.billing.folio(booking.id).await.unwrap();
        assert_eq!(held.balance, eur(owed), "a hold is not a payment");
        ledger(&app, booking.id, guest.id, &[hold], &[("capture", Some(0), owed), ("refund", Some(1), 1_000)]).await;
        let paid = app.state.billing.folio(booking.id).await.unwrap();
        assert_eq!(paid.payments.len(), 3, "authorisations show, as information");
        assert_eq!(paid.balance, eur(1_000), "charges − captured + refunded");
    }
}

#[tokio::test]
async fn modifying_reverses_the_old_stay_and_cancelling_leaves_the_fee_and_the_extras() {
    let app = spawn_app().await;
    let room_type = taxed_room_type(&app, LateFee::FirstNight).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(160, 2))).await.unwrap();
    deliver_booking_events(&app, booking.id).await;
    extra(&app, booking.id, "Late check-out", eur(2_000), UserId::new(), Uuid::new_v4()).await.unwrap();

    let change = ModifyRequest {
        booking_id: booking.id,
        by: guest.id,
        is_staff: false,
        room_type: booking.room_type.clone(),
        stay: stay(160, 3),
        party: booking.party,
    };
    let longer = app.state.bookings.modify(change).await.unwrap();
    deliver_booking_events(&app, booking.id).await;
    let folio = app.state.billing.folio(booking.id).await.unwrap();
    let nights = folio.charges.iter().filter(|c| c.kind == ChargeKind::RoomNight).count();
    assert_eq!(nights, 3);
    assert_eq!(folio.postings.iter().filter(|c| c.reverses.is_some()).count(), 4, "2 nights, VAT and city tax reversed");
    assert_eq!(folio.balance, eur(longer.total.minor() + 2_000), "the new stay and the extra");

    let cancelled = app.state.bookings.cancel(booking.id, guest.id, false).await.unwrap();
    let fee = cancelled.cancellation_fee.unwrap();
    assert_eq!(fee, eur(12_345), "the first night");
    deliver_booking_events(&app, booking.id).await;
    let folio = app.state.billing.folio(booking.id).await.unwrap();
    let standing: Vec<_> = folio.charges.iter().map(|c| (c.kind, c.amount)).collect();
    assert_eq!(standing, vec![(ChargeKind::Extra, eur(2_000)), (ChargeKind::CancellationFee, fee)]);
    assert_eq!(folio.balance, eur(fee.minor() + 2_000));
}

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

/// Wired as in production: outbox → relay → Kafka → billing's consumer → the folio.
#[tokio::test]
async fn a_booking_reaches_its_folio_through_kafka() {
    let app = crate::helpers::spawn_app_with_workers().await;
    let room_type = taxed_room_type(&app, LateFee::None).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(195, 2))).await.unwrap();
    let folio = crate::helpers::eventually("the folio from booking.created", std::time::Duration::from_secs(90), || async {
        app.state.billing.folio(booking.id).await.ok()
    })
    .await;
    assert_eq!((folio.user_id, folio.balance), (guest.id, booking.total));
}
