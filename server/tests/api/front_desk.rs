//! Arrivals and departures at the desk, and the events rooms and payments follow.
use crate::schemas::assert_valid;
use crate::helpers::{add_guest, add_room_type, request, spawn_app, TestApp};
use bookings::{BookingError, BookingStatus};
use kernel::{BookingId, Stay};

fn from_hotel_today(app: &TestApp, days: u64, nights: u64) -> Stay {
    let check_in = app.state.bookings.today() + chrono::Days::new(days);
    Stay::new(check_in, check_in + chrono::Days::new(nights)).unwrap()
}

async fn event(app: &TestApp, topic: &str, id: BookingId) -> serde_json::Value {
    sqlx::query_scalar("SELECT payload FROM bookings.outbox WHERE key = $1 AND topic = $2")
        .bind(id.to_string())
        .bind(topic)
        .fetch_one(&app.deps.pg)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_guest_checks_in_on_arrival_day_and_out_later_each_step_published() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let (guest, desk) = (add_guest(&app).await, add_guest(&app).await);
    let booking = app.state.bookings.book(request(guest.id, &room_type, from_hotel_today(&app, 0, 2))).await.unwrap();

    let err = app.state.bookings.check_out(booking.id, desk.id).await.unwrap_err();
    assert_eq!(err.to_string(), "a confirmed booking cannot be checked out");

    let arrived = app.state.bookings.check_in(booking.id, desk.id).await.unwrap();
    assert_eq!(arrived.status, BookingStatus::CheckedIn);
    let checked_in = event(&app, "booking.checked_in", booking.id).await;
    assert_valid("booking.checked_in", &checked_in);
    assert_eq!(checked_in["payload"]["room_id"], booking.room_id.to_string());
    assert_eq!(checked_in["payload"]["by"], desk.id.to_string());

    let err = app.state.bookings.cancel(booking.id, guest.id, false).await.unwrap_err();
    assert_eq!(err.to_string(), "a checked-in booking cannot be cancelled");

    let left = app.state.bookings.check_out(booking.id, desk.id).await.unwrap();
    assert_eq!(left.status, BookingStatus::CheckedOut);
    assert_valid("booking.checked_out", &event(&app, "booking.checked_out", booking.id).await);
}

#[tokio::test]
async fn check_in_opens_on_the_arrival_day_and_nothing_changes_before() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let (guest, desk) = (add_guest(&app).await, add_guest(&app).await);
    let stay = from_hotel_today(&app, 3, 2);
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay)).await.unwrap();

    let err = app.state.bookings.check_in(booking.id, desk.id).await.unwrap_err();
    assert!(matches!(err, BookingError::Desk(_)), "{err:?}");
    assert_eq!(err.to_string(), format!("this guest arrives on {}: check-in opens that day", stay.check_in()));
    assert_eq!(app.state.bookings.find(booking.id).await.unwrap().status, BookingStatus::Confirmed);
    let published: i64 = sqlx::query_scalar("SELECT count(*) FROM bookings.outbox WHERE key = $1 AND topic = 'booking.checked_in'")
        .bind(booking.id.to_string())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(published, 0);
}

#[tokio::test]
async fn checking_out_early_ends_the_stay_today_and_frees_the_nights_left() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let (guest, desk, next) = (add_guest(&app).await, add_guest(&app).await, add_guest(&app).await);
    let booked = from_hotel_today(&app, 0, 5);
    let booking = app.state.bookings.book(request(guest.id, &room_type, booked)).await.unwrap();
    app.state.bookings.check_in(booking.id, desk.id).await.unwrap();

    let left = app.state.bookings.check_out(booking.id, desk.id).await.unwrap();
    let first_night_only = from_hotel_today(&app, 0, 1);
    assert_eq!(left.stay, first_night_only, "leaving on the arrival day keeps that night");
    assert_eq!(app.state.bookings.find(booking.id).await.unwrap().stay, first_night_only);
    assert_eq!(left.total, booking.total, "the money for the unused nights is left as booked");
    let event = event(&app, "booking.checked_out", booking.id).await;
    assert_valid("booking.checked_out", &event);
    assert_eq!(event["payload"]["check_out"], first_night_only.check_out().to_string(), "the real dates");

    let freed = Stay::new(first_night_only.check_out(), booked.check_out()).unwrap();
    let after = app.state.bookings.book(request(next.id, &room_type, freed)).await.unwrap();
    assert_eq!(after.room_id, booking.room_id, "the room is sold again for the nights left");
}
