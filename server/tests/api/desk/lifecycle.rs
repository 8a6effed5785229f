//! The end of a booking's life at the desk: a no-show from the day after arrival, at the fee of a
//! cancellation at arrival, with the money and the room following; a cancellation whose fee only
//! a manager may waive, with a reason; a check-in taken back on its own day; each audited in the
//! transaction of the change and its event; guests and strangers refused.
use crate::billing::taxed_room_type;
use crate::helpers::{
    account_id, add_guest, add_room_type, browser, call, eventually, request, sign_in, spawn_app, spawn_app_with_workers, TestApp,
};
use crate::payments::pay;
use crate::schemas::assert_valid;
use bookings::checkout::checkout;
use bookings::{Booking, LateFee};
use eventbus::Handler;
use kernel::{BookingId, Money, Stay};
use payments::billing::ChargeKind;
use payments::test_cards;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

fn from_hotel_today(app: &TestApp, days: u64, nights: u64) -> Stay {
    let check_in = app.state.bookings.today() + chrono::Days::new(days);
    Stay::new(check_in, check_in + chrono::Days::new(nights)).unwrap()
}

fn id_form(id: BookingId) -> Vec<(&'static str, String)> {
    vec![("id", id.to_string())]
}

fn cancel_form(id: BookingId, waive: bool, reason: &str) -> Vec<(&'static str, String)> {
    vec![("id", id.to_string()), ("waive", waive.to_string()), ("reason", reason.to_owned())]
}

fn money(m: Money) -> Value {
    serde_json::to_value(m).unwrap()
}

/// Moves the stay into the past past every check of the service: it arrived yesterday.
async fn arrived_yesterday(app: &TestApp, b: &Booking) {
    let today = app.state.bookings.today();
    sqlx::query("UPDATE bookings.bookings SET check_in = $2, check_out = $3 WHERE id = $1")
        .bind(b.id.as_uuid())
        .bind(today - chrono::Days::new(1))
        .bind(today + chrono::Days::new(2))
        .execute(&app.deps.pg)
        .await
        .unwrap();
}

/// The booking's audit rows as (action, actor, reason, after, the transaction that wrote it).
async fn audit(app: &TestApp, id: BookingId) -> Vec<(String, uuid::Uuid, Option<String>, Option<Value>, String)> {
    sqlx::query_as(
        "SELECT action, actor, reason, after, xmin::text FROM bookings.audit_log WHERE booking_id = $1 ORDER BY id",
    )
    .bind(id.as_uuid())
    .fetch_all(&app.deps.pg)
    .await
    .unwrap()
}

/// The booking's last event on `topic` and the transaction that wrote it.
async fn last_event(app: &TestApp, id: BookingId, topic: &str) -> Option<(Value, String)> {
    sqlx::query_as(
        "SELECT payload, xmin::text FROM bookings.outbox WHERE key = $1 AND topic = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(id.to_string())
    .bind(topic)
    .fetch_optional(&app.deps.pg)
    .await
    .unwrap()
}

/// The transaction that last wrote the booking's row.
async fn row_tx(app: &TestApp, id: BookingId) -> String {
    sqlx::query_scalar("SELECT xmin::text FROM bookings.bookings WHERE id = $1")
        .bind(id.as_uuid())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap()
}

/// Asserts that the last audit row is `action` and was written with the status change and the
/// booking's last event on `topic`; returns the row and the event.
async fn audited_with_event(
    app: &TestApp,
    id: BookingId,
    action: &str,
    topic: &str,
) -> ((Option<String>, uuid::Uuid), Value) {
    let rows = audit(app, id).await;
    let (done, actor, reason, _, tx) = rows.last().cloned().expect("an audit row");
    assert_eq!(done, action);
    let (event, event_tx) = last_event(app, id, topic).await.unwrap_or_else(|| panic!("no {topic}"));
    assert_eq!(tx, event_tx, "{action}: audited in the transaction of its event");
    assert_eq!(tx, row_tx(app, id).await, "{action}: audited in the transaction of the status change");
    assert_valid(topic, &event);
    ((reason, actor), event)
}

/// Runs the rooms service's consumer on every event the bookings service wrote for `id`, in order.
async fn deliver_to_rooms(app: &TestApp, id: BookingId) {
    let events: Vec<(String, Value)> =
        sqlx::query_as("SELECT topic, payload FROM bookings.outbox WHERE key = $1 ORDER BY id")
            .bind(id.to_string())
            .fetch_all(&app.deps.pg)
            .await
            .unwrap();
    let consumer = rooms::RoomsConsumer(app.state.rooms.clone());
    for (topic, payload) in &events {
        consumer.handle(topic, &serde_json::to_vec(payload).unwrap()).await.unwrap();
    }
}

#[tokio::test]
async fn a_no_show_is_refused_on_the_arrival_day_and_in_house_and_marked_the_day_after_at_the_arrival_fee() {
    let app = spawn_app().await;
    let room_type = taxed_room_type(&app, LateFee::FirstNight).await;
    let guest = add_guest(&app).await;
    let today = app.state.bookings.today();
    let arriving = app.state.bookings.book(request(guest.id, &room_type, from_hotel_today(&app, 0, 3))).await.unwrap();
    let absent = app.state.bookings.book(request(guest.id, &room_type, from_hotel_today(&app, 0, 3))).await.unwrap();
    arrived_yesterday(&app, &absent).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;

    let early = call(&desk, &app, "desk/no_show", &id_form(arriving.id)).await;
    let expected = format!("this guest arrives on {today}: a no-show can be marked from the day after");
    assert_eq!(early, json!({ "Conflict": expected }));
    let stay = call(&desk, &app, "desk/stay", &id_form(arriving.id)).await;
    assert_eq!((stay["can_no_show"].as_bool(), stay["can_cancel"].as_bool()), (Some(false), Some(true)), "{stay}");
    call(&desk, &app, "check_in_booking", &id_form(arriving.id)).await;
    let in_house = call(&desk, &app, "desk/no_show", &id_form(arriving.id)).await;
    assert_eq!(in_house, json!({ "Conflict": "a checked-in booking cannot be marked as a no-show" }));
    assert_eq!(audit(&app, arriving.id).await.len(), 1, "the check-in only: refusals write nothing");

    let stay = call(&desk, &app, "desk/stay", &id_form(absent.id)).await;
    assert_eq!(stay["can_no_show"], true, "{stay}");
    assert_eq!(stay["can_cancel"], true, "the stay has nights left");
    assert_eq!(stay["no_show_fee"], money(Money::from_minor(12_345, absent.total.currency())), "the first night");
    let marked = call(&desk, &app, "desk/no_show", &id_form(absent.id)).await;
    assert_eq!(marked["status"], "no show", "{marked}");
    assert_eq!(marked["cancellation_fee"], stay["no_show_fee"]);
    let ((reason, actor), event) = audited_with_event(&app, absent.id, "no_show", "booking.cancelled").await;
    assert_eq!((reason.as_deref(), actor), (Some("no_show"), account_id(&app, "frontdesk@hotel.test").await.as_uuid()));
    assert_eq!(event["payload"]["reason"], "no_show");
    assert_eq!(event["payload"]["cancellation_fee"], "123.45");
    assert_eq!(event["payload"]["cancelled_by"], actor.to_string());

    let again = call(&desk, &app, "desk/no_show", &id_form(absent.id)).await;
    assert_eq!(again["status"], "no show", "a retry answers with the booking");
    assert_eq!(audit(&app, absent.id).await.len(), 1, "and writes nothing");
    let history = call(&desk, &app, "desk/stay", &id_form(absent.id)).await["history"].clone();
    assert_eq!(history[0]["what"], "Marked as a no-show (fee €123.45)", "{history}");
}

#[tokio::test]
async fn a_no_show_keeps_only_the_fee_releases_the_rest_and_frees_the_room() {
    let app = spawn_app_with_workers().await;
    let room_type = taxed_room_type(&app, LateFee::FirstNight).await;
    let (guest, other) = (add_guest(&app).await, add_guest(&app).await);
    let card = pay(test_cards::SUCCEEDS, 1).card;
    let absent = checkout(
        &app.state.bookings,
        &app.state.payments,
        request(guest.id, &room_type, from_hotel_today(&app, 0, 3)),
        card,
    )
    .await
    .unwrap();
    arrived_yesterday(&app, &absent).await;
    let tonight = || request(other.id, &room_type, from_hotel_today(&app, 0, 1));
    let neighbour = app.state.bookings.book(tonight()).await.unwrap();
    assert_ne!(neighbour.room_number, absent.room_number);
    let full = app.state.bookings.book(tonight()).await.unwrap_err();
    assert!(matches!(full, bookings::BookingError::NoLongerAvailable), "{full:?}");
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;

    let marked = call(&desk, &app, "desk/no_show", &id_form(absent.id)).await;
    let fee = Money::from_minor(12_345, absent.total.currency());
    assert_eq!(marked["cancellation_fee"], money(fee), "{marked}");

    let taken_again = app.state.bookings.book(tonight()).await.unwrap();
    assert_eq!(taken_again.room_number, absent.room_number, "the no-show's room is free tonight");
    let settled = eventually("payments and billing to settle the no-show", Duration::from_secs(60), || async {
        let rows = app.state.payments.for_booking(absent.id).await.unwrap();
        let ledger = payments::Ledger(&rows);
        let folio = app.state.billing.folio(absent.id).await.ok()?;
        let charges: Vec<_> = folio.charges.iter().map(|c| (c.kind, c.amount)).collect();
        (ledger.kept() == fee.minor() && ledger.held() == 0 && charges.len() == 1).then_some(charges)
    })
    .await;
    assert_eq!(settled, vec![(ChargeKind::CancellationFee, fee)], "the folio holds only the fee");
    let stay = call(&desk, &app, "desk/stay", &id_form(absent.id)).await;
    assert_eq!(stay["money"]["held"], money(Money::zero(fee.currency())), "the rest released: {stay}");
    assert_eq!(
        stay["money"]["balance"],
        money(Money::from_minor(absent.total.minor() - fee.minor(), fee.currency())),
        "the total less the fee kept"
    );
}

#[tokio::test]
async fn only_a_manager_waives_the_fee_with_a_reason_kept_in_the_history_and_the_event() {
    let app = spawn_app().await;
    let room_type = taxed_room_type(&app, LateFee::FirstNight).await;
    let guest = add_guest(&app).await;
    let stay = from_hotel_today(&app, 5, 2);
    let waived = app.state.bookings.book(request(guest.id, &room_type, stay)).await.unwrap();
    let charged = app.state.bookings.book(request(guest.id, &room_type, stay)).await.unwrap();
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;

    let view = call(&desk, &app, "desk/stay", &id_form(waived.id)).await;
    assert_eq!((view["can_cancel"].as_bool(), view["can_waive"].as_bool()), (Some(true), Some(false)), "{view}");
    let view = call(&manager, &app, "desk/stay", &id_form(waived.id)).await;
    assert_eq!(view["can_waive"], true);

    let why = "The airline cancelled the flight";
    let refused = desk
        .post(format!("{}/api/desk/cancel", app.address))
        .form(&cancel_form(waived.id, true, why))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        refused.json::<Value>().await.unwrap(),
        json!({ "NotAllowed": "only a manager can waive the cancellation fee" })
    );
    let no_reason = call(&manager, &app, "desk/cancel", &cancel_form(waived.id, true, "  ok ")).await;
    assert_eq!(no_reason, json!({ "Invalid": "say why the fee is waived, in at least 3 characters" }));
    assert!(audit(&app, waived.id).await.is_empty(), "refusals write nothing");
    assert_eq!(app.state.bookings.find(waived.id).await.unwrap().status, bookings::BookingStatus::Confirmed);

    let cancelled = call(&manager, &app, "desk/cancel", &cancel_form(waived.id, true, &format!("  {why} "))).await;
    assert_eq!(cancelled["status"], "cancelled", "{cancelled}");
    assert_eq!(cancelled["cancellation_fee"], money(Money::zero(waived.total.currency())));
    let ((reason, actor), event) = audited_with_event(&app, waived.id, "cancel_fee_waived", "booking.cancelled").await;
    assert_eq!((reason.as_deref(), actor), (Some(why), account_id(&app, "manager@hotel.test").await.as_uuid()));
    assert_eq!(
        (event["payload"]["reason"].as_str(), event["payload"]["cancellation_fee"].as_str()),
        (Some(why), Some("0.00"))
    );
    let history = call(&manager, &app, "desk/stay", &id_form(waived.id)).await["history"].clone();
    assert_eq!(history[0]["what"], format!("Cancelled, fee waived: {why}"), "{history}");

    let at_the_fee = call(&desk, &app, "desk/cancel", &id_form(charged.id)).await;
    assert_eq!(
        at_the_fee["cancellation_fee"],
        money(Money::from_minor(12_345, charged.total.currency())),
        "{at_the_fee}"
    );
    let ((reason, _), event) = audited_with_event(&app, charged.id, "cancel", "booking.cancelled").await;
    assert_eq!((reason, event["payload"]["reason"].clone()), (None, Value::Null));
    let late = call(&manager, &app, "desk/cancel", &cancel_form(charged.id, true, why)).await;
    assert_eq!(late, json!({ "Conflict": "a cancelled booking cannot be cancelled" }), "the fee charged stands");
}

#[tokio::test]
async fn a_check_in_taken_back_the_same_day_leaves_the_booking_confirmed_and_the_room_vacant_as_it_was() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, from_hotel_today(&app, 0, 2))).await.unwrap();
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let not_yet = call(&desk, &app, "desk/revert_check_in", &id_form(booking.id)).await;
    assert_eq!(not_yet, json!({ "Conflict": "a confirmed booking cannot be taken back to before check-in" }));

    call(&desk, &app, "check_in_booking", &id_form(booking.id)).await;
    deliver_to_rooms(&app, booking.id).await;
    let room = app.state.rooms.room(booking.room_id).await.unwrap();
    assert_eq!((room.occupancy.as_str(), room.housekeeping.to_string()), ("occupied", "clean".to_owned()));
    assert_eq!(call(&desk, &app, "desk/stay", &id_form(booking.id)).await["can_revert_check_in"], true);

    let reverted = call(&desk, &app, "desk/revert_check_in", &id_form(booking.id)).await;
    assert_eq!(reverted["status"], "confirmed", "{reverted}");
    let ((_, actor), event) =
        audited_with_event(&app, booking.id, "revert_check_in", "booking.check_in_reverted").await;
    assert_eq!(actor, account_id(&app, "frontdesk@hotel.test").await.as_uuid());
    assert_eq!(event["payload"]["room_id"], booking.room_id.to_string());
    deliver_to_rooms(&app, booking.id).await;
    let room = app.state.rooms.room(booking.room_id).await.unwrap();
    assert_eq!(
        (room.occupancy.as_str(), room.housekeeping.to_string()),
        ("vacant", "clean".to_owned()),
        "not dirty: nobody slept there"
    );
    let stay = call(&desk, &app, "desk/stay", &id_form(booking.id)).await;
    assert_eq!((stay["can_check_in"].as_bool(), stay["can_revert_check_in"].as_bool()), (Some(true), Some(false)));
    assert_eq!(stay["history"][1]["what"], "Check-in reverted", "{}", stay["history"]);

    call(&desk, &app, "check_in_booking", &id_form(booking.id)).await;
    deliver_to_rooms(&app, booking.id).await;
    assert_eq!(app.state.rooms.room(booking.room_id).await.unwrap().occupancy.as_str(), "occupied", "checked in again");
    // The check-in was made yesterday, as far as the booking's history knows.
    sqlx::query(
        "UPDATE bookings.audit_log SET at = at - interval '1 day' WHERE booking_id = $1 AND action = 'check_in'",
    )
    .bind(booking.id.as_uuid())
    .execute(&app.deps.pg)
    .await
    .unwrap();
    let yesterday = app.state.bookings.today() - chrono::Days::new(1);
    let refused = call(&desk, &app, "desk/revert_check_in", &id_form(booking.id)).await;
    let expected =
        format!("this guest was checked in on {yesterday}: a check-in can be taken back only on the day it was made");
    assert_eq!(refused, json!({ "Conflict": expected }));
    assert_eq!(app.state.bookings.find(booking.id).await.unwrap().status, bookings::BookingStatus::CheckedIn);
}

#[tokio::test]
async fn guests_are_refused_and_strangers_asked_to_sign_in_for_all_three() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, from_hotel_today(&app, 0, 2))).await.unwrap();
    let signed_in_guest = sign_in(&app, "guest@hotel.test", "guest").await;
    for (client, status) in [(signed_in_guest, StatusCode::FORBIDDEN), (browser(), StatusCode::UNAUTHORIZED)] {
        for endpoint in ["desk/no_show", "desk/cancel", "desk/revert_check_in"] {
            let response = client
                .post(format!("{}/api/{endpoint}", app.address))
                .form(&cancel_form(booking.id, false, ""))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), status, "{endpoint}");
        }
    }
    assert_eq!(app.state.bookings.find(booking.id).await.unwrap().status, bookings::BookingStatus::Confirmed);
    assert!(audit(&app, booking.id).await.is_empty());
}
