//! The folio at the desk against the real stack: extras with their VAT, allowances, card and
//! cash at the desk, refunds, and the check-out that refuses an open balance and issues the
//! invoice. Money taken at the desk is never given back by the stay's own money rules.
pub(super) use crate::helpers::post;
use crate::helpers::{account_id, add_guest, add_room_type, request, sign_in, spawn_app, TestApp};
use crate::payments::{config, pay, service};
use bookings::checkout::checkout;
use eventbus::Handler;
use kernel::{BookingId, Money, Stay};
use payments::billing::BillingConsumer;
use payments::{test_cards, CapturePolicy, PaymentsConsumer};
use reqwest::StatusCode;
use serde_json::Value;
use uuid::Uuid;

const BREAKFAST: &str = "0e0f0000-0000-4000-8000-000000000001";
const PARKING: &str = "0e0f0000-0000-4000-8000-000000000002";

fn tonight(app: &TestApp) -> Stay {
    let today = app.state.bookings.today();
    Stay::new(today, today + chrono::Days::new(1)).unwrap()
}

pub(super) fn form(id: BookingId, fields: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut form = vec![("id", id.to_string())];
    form.extend(fields.iter().map(|(k, v)| (*k, v.to_string())));
    form
}

/// Runs billing's and payments' consumers on the booking's events written so far, as Kafka would.
async fn deliver(app: &TestApp, booking: BookingId) {
    let events: Vec<(String, Value)> = sqlx::query_as("SELECT topic, payload FROM bookings.outbox WHERE key = $1 ORDER BY id")
        .bind(booking.to_string())
        .fetch_all(&app.deps.pg)
        .await
        .unwrap();
    let billing = BillingConsumer(app.state.billing.clone());
    let payments = PaymentsConsumer(app.state.payments.clone());
    for (topic, payload) in &events {
        let bytes = serde_json::to_vec(payload).unwrap();
        billing.handle(topic, &bytes).await.unwrap();
        payments.handle(topic, &bytes).await.unwrap();
    }
}

/// Tonight's stay booked and paid with a card held under `policy`, its folio open, checked in.
pub(super) async fn in_house(app: &TestApp, policy: CapturePolicy) -> bookings::Booking {
    let room_type = add_room_type(app, 1).await;
    let guest = add_guest(app).await;
    let (payments, _) = service(app, config(policy));
    let card = pay(test_cards::SUCCEEDS, 1).card;
    let booking = checkout(&app.state.bookings, &payments, request(guest.id, &room_type, tonight(app)), card).await.unwrap();
    deliver(app, booking.id).await;
    let desk_user = account_id(app, "frontdesk@hotel.test").await;
    app.state.bookings.check_in(booking.id, desk_user).await.unwrap();
    deliver(app, booking.id).await;
    booking
}

/// (kind, purpose, amount) of the booking's succeeded card movements.
async fn card_ledger(app: &TestApp, booking: BookingId) -> Vec<(String, String, i64)> {
    sqlx::query_as(
        "SELECT kind, purpose, amount_minor FROM payments.payments WHERE booking_id = $1 AND status = 'succeeded' ORDER BY created_at, id",
    )
    .bind(booking.as_uuid())
    .fetch_all(&app.deps.pg)
    .await
    .unwrap()
}

fn minor(v: &Value) -> i64 {
    serde_json::from_value::<Money>(v.clone()).unwrap().minor()
}

#[tokio::test]
async fn breakfast_and_parking_are_posted_paid_by_cash_and_card_and_the_check_out_issues_the_invoice() {
    let app = spawn_app().await;
    let booking = in_house(&app, CapturePolicy::Booking).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let breakfast_key = Uuid::new_v4().to_string();
    for _ in 0..2 {
        let (status, _) = post(&desk, &app, "desk/post_extra", &form(booking.id, &[("extra", BREAKFAST), ("quantity", "2"), ("key", &breakfast_key)])).await;
        assert_eq!(status, StatusCode::OK, "a retried form posts once");
    }
    let (status, _) = post(&desk, &app, "desk/post_extra", &form(booking.id, &[("extra", PARKING), ("quantity", "1"), ("key", &Uuid::new_v4().to_string())])).await;
    assert_eq!(status, StatusCode::OK);

    let (_, folio) = post(&desk, &app, "desk/folio", &form(booking.id, &[])).await;
    let lines: Vec<(String, String, i64)> = folio["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["kind"] != "room_night" && l["kind"] != "vat" && l["kind"] != "city_tax")
        .map(|l| (l["kind"].as_str().unwrap().to_owned(), l["description"].as_str().unwrap().to_owned(), minor(&l["amount"])))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("extra".into(), "Breakfast × 2".into(), 3025),
            ("extra_vat".into(), "VAT 19% on Breakfast × 2".into(), 575),
            ("extra".into(), "Parking (per day)".into(), 1261),
            ("extra_vat".into(), "VAT 19% on Parking (per day)".into(), 239),
        ]
    );
    assert_eq!(minor(&folio["to_settle"]), 5100, "the stay was paid at booking: the extras are open");

    let (status, refused) = post(&desk, &app, "check_out_booking", &form(booking.id, &[])).await;
    assert_eq!((status, refused["Conflict"].as_str()), (StatusCode::CONFLICT, Some("€51.00 is still open: take the payment before checking out")));
    let (status, too_much) = post(&desk, &app, "desk/take_payment", &form(booking.id, &[("amount", "60"), ("tender", "cash"), ("key", &Uuid::new_v4().to_string())])).await;
    assert_eq!((status, too_much["Conflict"].as_str()), (StatusCode::CONFLICT, Some("only €51.00 is open on this folio")));
    let (status, bad) = post(&desk, &app, "desk/take_payment", &form(booking.id, &[("amount", "twenty"), ("tender", "cash"), ("key", &Uuid::new_v4().to_string())])).await;
    assert_eq!((status, bad["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("amount")));

    let (status, _) = post(&desk, &app, "desk/take_payment", &form(booking.id, &[("amount", "20,00"), ("tender", "cash"), ("key", &Uuid::new_v4().to_string())])).await;
    assert_eq!(status, StatusCode::OK);
    let card_key = Uuid::new_v4().to_string();
    let year = (chrono::Utc::now().date_naive() + chrono::Days::new(1000)).format("%Y").to_string();
    let card = [("amount", "31"), ("tender", "card"), ("key", card_key.as_str()), ("card_number", test_cards::SUCCEEDS), ("card_month", "12"), ("card_year", &year), ("card_cvc", "123")];
    for _ in 0..2 {
        let (status, answer) = post(&desk, &app, "desk/take_payment", &form(booking.id, &card)).await;
        assert_eq!(status, StatusCode::OK, "{answer}: a retried card payment is answered, not refused");
    }
    let desk_money: Vec<_> = card_ledger(&app, booking.id).await.into_iter().filter(|(_, purpose, _)| purpose == "folio").collect();
    assert_eq!(desk_money, vec![("authorisation".into(), "folio".into(), 3100), ("capture".into(), "folio".into(), 3100)], "charged once");

    let (status, done) = post(&desk, &app, "check_out_booking", &form(booking.id, &[])).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    let (_, folio) = post(&desk, &app, "desk/folio", &form(booking.id, &[])).await;
    let href = folio["invoices"][0]["href"].as_str().unwrap();
    let pdf = desk.get(format!("{}{href}", app.address)).send().await.unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
    let invoices = app.state.billing.invoices_for_booking(booking.id).await.unwrap();
    assert_eq!(invoices.len(), 1);
    assert_eq!(invoices[0].total.minor(), booking.total.minor() + 5100, "the stay and the extras");
    assert!(invoices[0].vat.minor() >= 575 + 239, "the extras' VAT is on the invoice's VAT");
    assert_eq!(app.state.bookings.find(booking.id).await.unwrap().status, bookings::BookingStatus::CheckedOut);
}

#[tokio::test]
async fn money_taken_at_the_desk_is_not_refunded_when_the_stay_settles_at_check_out() {
    let app = spawn_app().await;
    let booking = in_house(&app, CapturePolicy::CheckOut).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let key = Uuid::new_v4().to_string();
    post(&desk, &app, "desk/post_extra", &form(booking.id, &[("extra", BREAKFAST), ("quantity", "1"), ("key", &key)])).await;
    let (_, folio) = post(&desk, &app, "desk/folio", &form(booking.id, &[])).await;
    assert_eq!(minor(&folio["on_card"]), booking.total.minor(), "the stay is held, taken at check-out");
    assert_eq!(minor(&folio["to_settle"]), 1800, "only the breakfast is open");

    let (status, answer) = post(&desk, &app, "desk/take_payment", &form(booking.id, &[("amount", "18"), ("tender", "card_on_file"), ("key", &Uuid::new_v4().to_string())])).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let (status, done) = post(&desk, &app, "check_out_booking", &form(booking.id, &[])).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    deliver(&app, booking.id).await;
    let ledger = card_ledger(&app, booking.id).await;
    let sum = |kind: &str, purpose: &str| ledger.iter().filter(|(k, p, _)| k == kind && p == purpose).map(|(_, _, m)| m).sum::<i64>();
    assert_eq!(sum("capture", "stay"), booking.total.minor(), "the stay's hold was taken once");
    assert_eq!(sum("capture", "folio"), 1800);
    assert_eq!(sum("refund", "folio") + sum("refund", "stay"), 0, "nothing given back as a surplus: {ledger:?}");
    let folio = app.state.billing.folio(booking.id).await.unwrap();
    assert_eq!(folio.balance.minor(), 0);
}

#[tokio::test]
async fn an_allowance_on_a_paid_stay_is_refunded_and_never_taken_again() {
    let app = spawn_app().await;
    let booking = in_house(&app, CapturePolicy::Booking).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let allowance = |amount: &'static str, reason: &'static str| {
        form(booking.id, &[("amount", amount), ("text", reason), ("vat", "700"), ("allowance", "true"), ("key", Box::leak(Uuid::new_v4().to_string().into_boxed_str()))])
    };
    let (status, refused) = post(&desk, &app, "desk/post_charge", &allowance("100000", "Noisy room")).await;
    assert_eq!((status, refused["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("amount")), "{refused}");
    let (status, refused) = post(&desk, &app, "desk/post_charge", &allowance("10", "  ")).await;
    assert_eq!((status, refused["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("text")));
    let (status, _) = post(&desk, &app, "desk/post_charge", &allowance("10.70", "Noisy room")).await;
    assert_eq!(status, StatusCode::OK);

    let (_, folio) = post(&desk, &app, "desk/folio", &form(booking.id, &[])).await;
    assert_eq!(minor(&folio["to_settle"]), -1070, "the guest is owed the allowance");
    let (status, refused) = post(&desk, &app, "check_out_booking", &form(booking.id, &[])).await;
    assert_eq!((status, refused["Conflict"].as_str()), (StatusCode::CONFLICT, Some("the guest is owed €10.70: refund it before checking out")));
    let (status, refused) = post(&desk, &app, "desk/refund", &form(booking.id, &[("amount", "20"), ("tender", "card"), ("key", &Uuid::new_v4().to_string())])).await;
    assert_eq!((status, refused["Conflict"].as_str()), (StatusCode::CONFLICT, Some("the guest is owed only €10.70")));
    let (status, answer) = post(&desk, &app, "desk/refund", &form(booking.id, &[("amount", "10.70"), ("tender", "card"), ("key", &Uuid::new_v4().to_string())])).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let credited: i64 = sqlx::query_scalar("SELECT credited_minor FROM payments.booking_dues WHERE booking_id = $1")
        .bind(booking.id.as_uuid())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(credited, 1070, "the stay is due that much less");

    let (status, done) = post(&desk, &app, "check_out_booking", &form(booking.id, &[])).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    deliver(&app, booking.id).await;
    let ledger = card_ledger(&app, booking.id).await;
    let captured: i64 = ledger.iter().filter(|(k, _, _)| k == "capture").map(|(_, _, m)| m).sum();
    assert_eq!(captured, booking.total.minor(), "following the due at check-out took nothing back: {ledger:?}");
}

#[tokio::test]
async fn the_folio_refuses_what_the_stay_or_the_form_does_not_allow() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, tonight(&app))).await.unwrap();
    deliver(&app, booking.id).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let extra = |extra: &'static str, quantity: &'static str| form(booking.id, &[("extra", extra), ("quantity", quantity), ("key", Box::leak(Uuid::new_v4().to_string().into_boxed_str()))]);

    let (status, bad) = post(&desk, &app, "desk/post_extra", &extra(BREAKFAST, "0")).await;
    assert_eq!((status, bad["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("quantity")));
    let (status, _) = post(&desk, &app, "desk/post_extra", &extra("0e0f0000-0000-4000-8000-0000000000ff", "1")).await;
    assert_eq!(status, StatusCode::CONFLICT, "not on the hotel's list");
    let key = Uuid::new_v4().to_string();
    post(&desk, &app, "desk/post_charge", &form(booking.id, &[("text", "Flowers"), ("amount", "25"), ("vat", "1900"), ("key", &key)])).await;
    let (status, reused) = post(&desk, &app, "desk/post_charge", &form(booking.id, &[("text", "Champagne"), ("amount", "90"), ("vat", "1900"), ("key", &key)])).await;
    assert_eq!(status, StatusCode::CONFLICT, "{reused}: one form, one posting");
    let (status, bad) = post(&desk, &app, "desk/post_charge", &form(booking.id, &[("text", "Flowers"), ("amount", "25"), ("vat", "1600"), ("key", &Uuid::new_v4().to_string())])).await;
    assert_eq!((status, bad["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("vat")));
    let (status, refused) = post(&desk, &app, "check_out_booking", &form(booking.id, &[])).await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}: not in-house");

    let guest_client = sign_in(&app, "guest@hotel.test", "guest").await;
    let anonymous = crate::helpers::browser();
    let every_field = form(
        booking.id,
        &[("extra", BREAKFAST), ("quantity", "1"), ("key", &Uuid::new_v4().to_string()), ("text", "Spa"), ("amount", "10"), ("vat", "1900"), ("tender", "cash")],
    );
    for endpoint in ["desk/folio", "desk/post_extra", "desk/post_charge", "desk/take_payment", "desk/refund"] {
        let (status, _) = post(&guest_client, &app, endpoint, &every_field).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint}");
        let (status, _) = post(&anonymous, &app, endpoint, &every_field).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{endpoint}");
    }

    let actor = account_id(&app, "frontdesk@hotel.test").await;
    app.state.bookings.cancel(booking.id, actor, true).await.unwrap();
    let (status, closed) = post(&desk, &app, "desk/post_extra", &extra(PARKING, "1")).await;
    assert_eq!((status, closed["Conflict"].as_str()), (StatusCode::CONFLICT, Some("the folio of a cancelled stay is closed")));
    let charges = app.state.billing.folio(booking.id).await.unwrap().charges;
    assert_eq!(charges.iter().filter(|c| c.description == "Flowers").count(), 1, "only the first posting of the form");
    assert!(charges.iter().all(|c| c.description != "Champagne"));
}
