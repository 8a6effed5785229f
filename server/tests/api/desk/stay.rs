//! One stay at the desk: the view with guest, room state, money and notes; the desk's actions
//! each audited in the transaction of the change; notes refused by name; guests refused.
use crate::helpers::{account_id, add_guest, add_room_type, call, request, sign_in, spawn_app, TestApp};
use crate::payments::pay;
use bookings::checkout::checkout;
use kernel::{BookingId, Money, Stay};
use payments::test_cards;
use serde_json::{json, Value};

fn from_hotel_today(app: &TestApp, days: u64, nights: u64) -> Stay {
    let check_in = app.state.bookings.today() + chrono::Days::new(days);
    Stay::new(check_in, check_in + chrono::Days::new(nights)).unwrap()
}

fn id_form(id: BookingId) -> Vec<(&'static str, String)> {
    vec![("id", id.to_string())]
}

/// The booking's audit rows as (action, actor, before, after, the id of the transaction that wrote it).
async fn audit(
    app: &TestApp,
    id: BookingId,
) -> Vec<(String, uuid::Uuid, Option<Value>, Option<Value>, String)> {
    sqlx::query_as("SELECT action, actor, before, after, xmin::text FROM bookings.audit_log WHERE booking_id = $1 ORDER BY id")
        .bind(id.as_uuid())
        .fetch_all(&app.deps.pg)
        .await
        .unwrap()
}

/// The transaction that wrote the booking's event on `topic`.
async fn event_tx(app: &TestApp, id: BookingId, topic: &str) -> String {
    sqlx::query_scalar("SELECT xmin::text FROM bookings.outbox WHERE key = $1 AND topic = $2 ORDER BY id DESC LIMIT 1")
        .bind(id.to_string())
        .bind(topic)
        .fetch_one(&app.deps.pg)
        .await
        .unwrap()
}

/// Opens the booking's folio from its events and pays what it says in cash, so the desk lets
/// the guest leave.
async fn settle_folio(app: &TestApp, id: BookingId) {
    let events: Vec<(String, Value)> = sqlx::query_as("SELECT topic, payload FROM bookings.outbox WHERE key = $1 ORDER BY id")
        .bind(id.to_string())
        .fetch_all(&app.deps.pg)
        .await
        .unwrap();
    let billing = payments::billing::BillingConsumer(app.state.billing.clone());
    for (topic, payload) in &events {
        eventbus::Handler::handle(&billing, topic, &serde_json::to_vec(payload).unwrap()).await.unwrap();
    }
    let owed = app.state.billing.folio(id).await.unwrap().balance;
    let by = account_id(app, "frontdesk@hotel.test").await;
    app.state.payments.record_cash(id, payments::CashKind::Receipt, owed, by, uuid::Uuid::new_v4()).await.unwrap();
}

fn money(m: Money) -> Value {
    serde_json::to_value(m).unwrap()
}

#[tokio::test]
async fn the_stay_shows_guest_room_state_money_and_notes() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 2).await;
    let guest = add_guest(&app).await;
    let unpaid = app
        .state
        .bookings
        .book(request(guest.id, &room_type, from_hotel_today(&app, 0, 2)))
        .await
        .unwrap();
    let card = pay(test_cards::SUCCEEDS, 1).card;
    let paid = checkout(
        &app.state.bookings,
        &app.state.payments,
        request(guest.id, &room_type, from_hotel_today(&app, 0, 2)),
        card,
    )
    .await
    .unwrap();
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;

    let note = call(
        &desk,
        &app,
        "desk/add_note",
        &[
            ("id", unpaid.id.to_string()),
            ("text", "  Late arrival, keep the room.  ".into()),
        ],
    )
    .await;
    assert_eq!(
        note["text"], "Late arrival, keep the room.",
        "trimmed: {note}"
    );

    let stay = call(&desk, &app, "desk/stay", &id_form(unpaid.id)).await;
    assert_eq!(stay["guest_name"], "Test Guest", "{stay}");
    assert_eq!(stay["guest_email"], guest.email.to_string());
    assert_eq!(stay["room_number"], unpaid.room_number);
    assert_eq!(stay["housekeeping"], "clean", "the room's state from rooms");
    assert_eq!(stay["status"], "confirmed");
    assert_eq!(
        stay["money"]["balance"],
        money(unpaid.total),
        "nothing paid yet"
    );
    assert_eq!(
        stay["money"]["taken"],
        money(Money::zero(unpaid.total.currency()))
    );
    assert_eq!(stay["notes"][0]["text"], "Late arrival, keep the room.");
    assert!(
        stay["notes"][0]["author"]
            .as_str()
            .unwrap()
            .ends_with("(front desk)"),
        "{}",
        stay["notes"][0]
    );
    assert_eq!(
        stay["history"].as_array().unwrap().len(),
        1,
        "the note is in the history"
    );
    assert_eq!(stay["history"][0]["action"], "add_note");
    assert_eq!(
        (
            stay["can_check_in"].as_bool(),
            stay["can_check_out"].as_bool(),
            stay["can_move"].as_bool()
        ),
        (Some(true), Some(false), Some(true))
    );

    let stay = call(&desk, &app, "desk/stay", &id_form(paid.id)).await;
    assert_eq!(
        stay["money"]["balance"],
        money(Money::zero(paid.total.currency())),
        "paid at booking: {stay}"
    );
    assert_eq!(stay["money"]["taken"], money(paid.total));
    assert!(
        stay["payments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["kind"] == "Taken"),
        "{}",
        stay["payments"]
    );

    let missing = call(&desk, &app, "desk/stay", &id_form(BookingId::new())).await;
    assert_eq!(missing, json!({ "NotFound": "booking not found" }));
}

#[tokio::test]
async fn each_desk_action_writes_one_audit_row_in_its_own_transaction_and_a_refusal_none() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 2).await;
    let guest = add_guest(&app).await;
    let booking = app
        .state
        .bookings
        .book(request(guest.id, &room_type, from_hotel_today(&app, 0, 2)))
        .await
        .unwrap();
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let actor = account_id(&app, "frontdesk@hotel.test").await.as_uuid();
    let other_room = format!(
        "{}-{}",
        room_type.code,
        if booking.room_number.ends_with("-0") {
            1
        } else {
            0
        }
    );

    let refused = call(&desk, &app, "check_out_booking", &id_form(booking.id)).await;
    assert_eq!(
        refused,
        json!({ "Conflict": "a confirmed booking cannot be checked out" })
    );
    let no_room = call(
        &desk,
        &app,
        "move_booking",
        &[
            ("id", booking.id.to_string()),
            ("room_number", "NOPE-9".into()),
        ],
    )
    .await;
    assert!(no_room["Conflict"].as_str().is_some(), "{no_room}");
    assert!(
        audit(&app, booking.id).await.is_empty(),
        "a refused action writes nothing"
    );

    let moved = call(
        &desk,
        &app,
        "move_booking",
        &[
            ("id", booking.id.to_string()),
            ("room_number", other_room.clone()),
            // Arriving today, and a new room is clean but not yet inspected.
            ("confirm_not_ready", "true".into()),
        ],
    )
    .await;
    assert_eq!(moved["room_number"], other_room, "{moved}");
    let rows = audit(&app, booking.id).await;
    assert_eq!(rows.len(), 1);
    let (action, by, before, after, tx) = &rows[0];
    assert_eq!((action.as_str(), by), ("move_room", &actor));
    assert_eq!(before.as_ref().unwrap()["room_number"], booking.room_number);
    assert_eq!(after.as_ref().unwrap()["room_number"], other_room);
    assert_eq!(
        tx,
        &event_tx(&app, booking.id, "booking.modified").await,
        "written with the change's event"
    );

    call(&desk, &app, "check_in_booking", &id_form(booking.id)).await;
    let rows = audit(&app, booking.id).await;
    assert_eq!(rows.len(), 2);
    let (action, by, before, after, tx) = &rows[1];
    assert_eq!((action.as_str(), by), ("check_in", &actor));
    assert_eq!(
        (
            before.as_ref().unwrap()["status"].as_str(),
            after.as_ref().unwrap()["status"].as_str()
        ),
        (Some("confirmed"), Some("checked_in"))
    );
    assert_eq!(after.as_ref().unwrap()["room_number"], other_room);
    assert_eq!(
        tx,
        &event_tx(&app, booking.id, "booking.checked_in").await,
        "written with the change's event"
    );

    let again = call(&desk, &app, "check_in_booking", &id_form(booking.id)).await;
    assert!(again["Conflict"].as_str().is_some(), "{again}");
    assert_eq!(
        audit(&app, booking.id).await.len(),
        2,
        "a refused check-in writes nothing"
    );

    settle_folio(&app, booking.id).await;
    call(&desk, &app, "check_out_booking", &id_form(booking.id)).await;
    let rows = audit(&app, booking.id).await;
    assert_eq!(rows.len(), 3);
    let (action, by, before, after, tx) = &rows[2];
    assert_eq!((action.as_str(), by), ("check_out", &actor));
    assert_eq!(
        before.as_ref().unwrap()["check_out"],
        json!(booking.stay.check_out())
    );
    assert_eq!(after.as_ref().unwrap()["status"], "checked_out");
    assert_eq!(
        after.as_ref().unwrap()["check_out"],
        json!(app.state.bookings.today() + chrono::Days::new(1)),
        "left early: one night"
    );
    assert_eq!(
        tx,
        &event_tx(&app, booking.id, "booking.checked_out").await,
        "written with the change's event"
    );

    let history = call(&desk, &app, "desk/stay", &id_form(booking.id)).await["history"].clone();
    let said: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["what"].as_str().unwrap())
        .collect();
    assert_eq!(
        said[0],
        format!(
            "Moved from room {} to room {other_room}",
            booking.room_number
        )
    );
    assert_eq!(said[1], format!("Checked in to room {other_room}"));
    assert!(said[2].starts_with("Checked out early"), "{said:?}");
}

#[tokio::test]
async fn a_note_must_say_something_in_at_most_2000_characters() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app
        .state
        .bookings
        .book(request(guest.id, &room_type, from_hotel_today(&app, 1, 1)))
        .await
        .unwrap();
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let note = |text: String| vec![("id", booking.id.to_string()), ("text", text)];

    let long = call(&desk, &app, "desk/add_note", &note("x".repeat(2001))).await;
    assert_eq!(
        long,
        json!({ "Invalid": "the note is too long (at most 2000 characters)" })
    );
    let empty = call(&desk, &app, "desk/add_note", &note("   ".into())).await;
    assert_eq!(empty, json!({ "Invalid": "a note cannot be empty" }));
    let unknown = call(
        &desk,
        &app,
        "desk/add_note",
        &[
            ("id", BookingId::new().to_string()),
            ("text", "hello".into()),
        ],
    )
    .await;
    assert_eq!(unknown, json!({ "NotFound": "booking not found" }));
    assert!(
        audit(&app, booking.id).await.is_empty()
            && app
                .state
                .bookings
                .notes(booking.id)
                .await
                .unwrap()
                .is_empty(),
        "nothing written"
    );

    let longest = call(&desk, &app, "desk/add_note", &note("é".repeat(2000))).await;
    assert_eq!(
        longest["text"].as_str().map(|t| t.chars().count()),
        Some(2000),
        "2000 characters fit"
    );
}

#[tokio::test]
async fn guests_are_refused_the_stay_and_its_notes() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app
        .state
        .bookings
        .book(request(guest.id, &room_type, from_hotel_today(&app, 1, 1)))
        .await
        .unwrap();
    let client = sign_in(&app, "guest@hotel.test", "guest").await;
    for (endpoint, form) in [
        ("desk/stay", id_form(booking.id)),
        (
            "desk/add_note",
            vec![("id", booking.id.to_string()), ("text", "hi".into())],
        ),
    ] {
        let response = client
            .post(format!("{}/api/{endpoint}", app.address))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            reqwest::StatusCode::FORBIDDEN,
            "{endpoint}"
        );
    }
    assert!(app
        .state
        .bookings
        .notes(booking.id)
        .await
        .unwrap()
        .is_empty());
    let page = client
        .get(format!("{}/desk/stays/{}", app.address, booking.id))
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.status(),
        reqwest::StatusCode::FORBIDDEN,
        "the page too"
    );
}
