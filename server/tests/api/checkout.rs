//! Booking with payment through the page's server function: a declined card books nothing, a
//! retried submit pays once, and a room lost meanwhile releases the card hold.
use crate::helpers::{add_guest, add_room_type, book_form, call, request, sign_in, spawn_app};
use serde_json::Value;

async fn payments_of(app: &crate::helpers::TestApp, booking: &str) -> Vec<(String, String, i64)> {
    sqlx::query_as("SELECT kind, status, amount_minor FROM payments.payments WHERE booking_id = $1::uuid ORDER BY created_at, kind")
        .bind(booking)
        .fetch_all(&app.deps.pg)
        .await
        .unwrap()
}

fn with(form: &[(&'static str, String)], field: &'static str, value: &str) -> Vec<(&'static str, String)> {
    form.iter().map(|(k, v)| (*k, if *k == field { value.to_owned() } else { v.clone() })).collect()
}

#[tokio::test]
async fn a_declined_card_books_nothing_and_says_so() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    let form = with(&book_form(&room_type, 240, 2), "card_number", "4000 0000 0000 0002");

    let answer = call(&guest, &app, "book", &form).await;
    assert_eq!(answer, serde_json::json!({ "Invalid": "your card was declined; please use another card" }));
    let held: i64 = sqlx::query_scalar("SELECT count(*) FROM bookings.bookings WHERE room_type = $1")
        .bind(room_type.code.as_str())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(held, 0, "no room is held for a card that did not pay");

    let invalid = with(&book_form(&room_type, 240, 2), "card_number", "4242 4242 4242 4241");
    let answer = call(&guest, &app, "book", &invalid).await;
    assert_eq!(answer, serde_json::json!({ "Invalid": "that card number is not valid; please check it" }));
}

#[tokio::test]
async fn a_submit_sent_three_times_books_and_charges_once() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 2).await;
    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    let form = book_form(&room_type, 250, 2);

    let answers: Vec<Value> = futures::future::join_all((0..3).map(|_| call(&guest, &app, "book", &form))).await;
    let id = answers[0].as_str().expect("a booking id").to_owned();
    assert!(answers.iter().all(|a| a.as_str() == Some(id.as_str())), "one booking for every submit: {answers:?}");
    let moved = payments_of(&app, &id).await;
    let kinds: Vec<&str> = moved.iter().map(|(k, s, _)| if s == "succeeded" { k.as_str() } else { "failed" }).collect();
    assert_eq!(kinds, ["authorisation", "capture"], "held and taken once");
    assert_eq!(moved[1].2, 2 * 12_345, "the stay's price");
}

#[tokio::test]
async fn a_room_type_already_full_is_refused_before_any_card_is_touched() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    let form = book_form(&room_type, 260, 2);
    let check_in: chrono::NaiveDate = form[1].1.parse().unwrap();
    let other = add_guest(&app).await;
    let stay = kernel::Stay::new(check_in, check_in + chrono::Days::new(2)).unwrap();
    app.state.bookings.book(request(other.id, &room_type, stay)).await.unwrap();

    let answer = call(&guest, &app, "book", &form).await;
    assert_eq!(answer, serde_json::json!({ "Conflict": "sorry, this room type is no longer available for those dates" }));
    let me: uuid::Uuid = sqlx::query_scalar("SELECT id FROM users.users WHERE email = 'guest@hotel.test'")
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    let key: uuid::Uuid = form[5].1.parse().unwrap();
    let id = bookings::booking_id_for(kernel::UserId::from_uuid(me), key);
    assert!(payments_of(&app, &id.to_string()).await.is_empty(), "no hold was placed");
}
