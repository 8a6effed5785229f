use crate::helpers::{add_guest, add_room_type, book_form, call, request, sign_in, spawn_app, stay};
use bookings::BookingError;
use futures::future::join_all;

#[tokio::test]
async fn a_booking_and_its_event_are_written_together() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 2).await;
    let guest = add_guest(&app).await;

    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(30, 3))).await.unwrap();
    assert_eq!(booking.total.minor(), 3 * 12_345);

    let event: serde_json::Value = sqlx::query_scalar("SELECT payload FROM bookings.outbox WHERE key = $1")
        .bind(booking.id.to_string())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(event["event_type"], "booking.created");
    assert_eq!(event["payload"]["booking_id"], booking.id.to_string());
    assert_eq!(event["payload"]["total_amount"], "370.35");
}

#[tokio::test]
async fn the_database_refuses_two_stays_on_one_room() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let first = app.state.bookings.book(request(guest.id, &room_type, stay(40, 4))).await.unwrap();

    // Straight to the table, past every check in the service: the exclusion constraint holds.
    let overlap = sqlx::query(
        "INSERT INTO bookings.bookings (id, user_id, room_id, room_number, room_type, check_in, check_out,
             adults, children, total_minor, currency, idempotency_key)
         SELECT gen_random_uuid(), user_id, room_id, room_number, room_type, check_in + 2, check_out + 2,
             1, 0, 100, currency, gen_random_uuid() FROM bookings.bookings WHERE id = $1",
    )
    .bind(first.id.as_uuid())
    .execute(&app.deps.pg)
    .await
    .unwrap_err();
    let db = overlap.as_database_error().expect("a database error");
    assert_eq!(db.constraint(), Some(bookings::NO_DOUBLE_BOOKING));

    let second = app.state.bookings.book(request(guest.id, &room_type, stay(42, 1))).await.unwrap_err();
    assert!(matches!(second, BookingError::NoLongerAvailable));
    assert_eq!(second.to_string(), "sorry, this room type is no longer available for those dates");

    let back_to_back = app.state.bookings.book(request(guest.id, &room_type, stay(44, 2))).await;
    assert!(back_to_back.is_ok(), "check-out day is free for the next arrival");
}

#[tokio::test]
async fn of_200_guests_racing_for_the_last_room_exactly_one_wins() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let attempts = (0..200).map(|_| app.state.bookings.book(request(guest.id, &room_type, stay(60, 2))));
    let results = join_all(attempts).await;

    let won = results.iter().filter(|r| r.is_ok()).count();
    let refused = results.iter().filter(|r| matches!(r, Err(BookingError::NoLongerAvailable))).count();
    assert_eq!((won, refused), (1, 199), "{:?}", results.iter().find(|r| matches!(r, Err(BookingError::Unexpected(_)))));
    let live: i64 = sqlx::query_scalar("SELECT count(*) FROM bookings.bookings WHERE room_type = $1")
        .bind(room_type.code.as_str())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(live, 1);
}

#[tokio::test]
async fn a_retried_booking_with_the_same_key_is_booked_once() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 3).await;
    let guest = add_guest(&app).await;
    let req = request(guest.id, &room_type, stay(70, 2));
    let results = join_all((0..5).map(|_| app.state.bookings.book(req.clone()))).await;
    let ids: std::collections::HashSet<_> = results.into_iter().map(|r| r.unwrap().id).collect();
    assert_eq!(ids.len(), 1, "every retry answers with the first booking");
}

#[tokio::test]
async fn a_party_too_large_for_the_room_is_refused_with_the_limit() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let mut req = request(guest.id, &room_type, stay(80, 1));
    req.party = kernel::Party::new(3, 0).unwrap();
    let err = app.state.bookings.book(req).await.unwrap_err();
    assert_eq!(err.to_string(), "this room sleeps at most 2 adults and 1 children");
}

#[tokio::test]
async fn a_signed_in_guest_books_through_the_page_server_function() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let client = sign_in(&app, "guest@hotel.test", "guest").await;
    let form = book_form(&room_type, 90, 2);
    let id = call(&client, &app, "book", &form).await.as_str().unwrap().to_owned();

    let mine = call(&client, &app, "booking", &[("id", &id)]).await;
    assert_eq!(mine["room_type"], room_type.code.to_string());
    assert_eq!(mine["nights"], 2);

    let bad_dates = [("check_in", "2030-02-10"), ("check_out", "2030-02-09")];
    let mut form = form;
    form.retain(|(k, _)| *k != "check_in" && *k != "check_out");
    form.extend(bad_dates.iter().map(|(k, v)| (*k, v.to_string())));
    let error = call(&client, &app, "book", &form).await;
    assert_eq!(error["Invalid"], "check-out must be after check-in");
}

/// As many guests as free rooms, all at once, for five different stays: every one gets a room.
#[tokio::test]
async fn as_many_guests_as_rooms_booking_at_once_all_get_one() {
    let app = crate::helpers::spawn_app_with_workers().await;
    let room_type = add_room_type(&app, 10).await;
    let guest = add_guest(&app).await;
    let attempts = (0..50).map(|i| app.state.bookings.book(request(guest.id, &room_type, stay(500 + 3 * (i / 10), 2))));
    let results = join_all(attempts).await;
    let refused: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).map(|e| format!("{e:?}")).collect();
    assert!(refused.is_empty(), "{} of 50 refused: {refused:?}", refused.len());
}
