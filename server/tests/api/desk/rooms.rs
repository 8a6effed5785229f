//! Moving a stay to another room at the desk: the rooms it could go to (free on its nights, big
//! enough for its party, with their housekeeping state); a room not ready for a guest in house
//! asked about first; every refusal saying why; guests and strangers refused.
use crate::helpers::{
    add_guest, add_room_type, browser, call, post, request, sign_in, spawn_app, unique, TestApp,
};
use kernel::{BookingId, Currency, Money, Stay, UserId};
use reqwest::StatusCode;
use rooms::{Housekeeping, Room, RoomType};
use serde_json::{json, Value};

fn from_hotel_today(app: &TestApp, days: u64, nights: u64) -> Stay {
    let check_in = app.state.bookings.today() + chrono::Days::new(days);
    Stay::new(check_in, check_in + chrono::Days::new(nights)).unwrap()
}

/// A room type of the test's own sleeping one adult, with one room.
async fn add_single(app: &TestApp) -> RoomType {
    let code = kernel::RoomTypeCode::parse(&unique("S")).unwrap();
    let room_type = RoomType {
        code: code.clone(),
        name: format!("Single {code}"),
        description: "One adult's room, made by a test".into(),
        max_adults: 1,
        max_children: 0,
        base_price: Money::from_minor(9_000, Currency::EUR),
        beds: "1 single".into(),
        size_m2: 12,
        amenities: vec![],
        features: rooms::bson::doc! {},
    };
    app.state
        .rooms
        .add(&room_type, &[Room::new(format!("{code}-0"), 1, code)])
        .await
        .unwrap();
    room_type
}

/// The type's room numbers other than those given.
fn others(room_type: &RoomType, rooms: usize, taken: &[&str]) -> Vec<String> {
    (0..rooms)
        .map(|i| format!("{}-{i}", room_type.code))
        .filter(|n| !taken.contains(&n.as_str()))
        .collect()
}

async fn set_state(app: &TestApp, number: &str, to: Housekeeping) {
    let room = app
        .state
        .rooms
        .room_by_number(number)
        .await
        .unwrap()
        .unwrap();
    app.state
        .rooms
        .set_housekeeping(room.id, to, UserId::new(), None)
        .await
        .unwrap();
}

fn move_form(id: BookingId, room: &str, confirm: bool) -> Vec<(&'static str, String)> {
    vec![
        ("id", id.to_string()),
        ("room_number", room.to_owned()),
        ("confirm_not_ready", confirm.to_string()),
    ]
}

async fn moves(app: &TestApp, id: BookingId) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM bookings.audit_log WHERE booking_id = $1 AND action = 'move_room'",
    )
    .bind(id.as_uuid())
    .fetch_one(&app.deps.pg)
    .await
    .unwrap()
}

#[tokio::test]
async fn free_rooms_leave_out_rooms_taken_on_the_stays_nights_and_types_too_small_and_show_their_state(
) {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 4).await;
    let single = add_single(&app).await;
    let guest = add_guest(&app).await;
    let book = |stay| app.state.bookings.book(request(guest.id, &room_type, stay));
    let stay = book(from_hotel_today(&app, 0, 2)).await.unwrap();
    let overlapping = book(from_hotel_today(&app, 1, 2)).await.unwrap();
    let free = others(
        &room_type,
        4,
        &[&stay.room_number, &overlapping.room_number],
    );
    set_state(&app, &free[0], Housekeeping::Dirty).await;
    set_state(&app, &free[1], Housekeeping::OutOfOrder).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;

    let rooms = call(
        &desk,
        &app,
        "desk/free_rooms",
        &[("id", stay.id.to_string())],
    )
    .await;
    let list = rooms.as_array().unwrap_or_else(|| panic!("{rooms}"));
    assert_eq!(
        list[0]["number"], free[0],
        "the booked type first, and of it only the room free on both nights: {rooms}"
    );
    assert_eq!(list[0]["room_type"], room_type.name);
    assert_eq!(
        (
            list[0]["housekeeping"].as_str(),
            list[0]["occupancy"].as_str()
        ),
        (Some("dirty"), Some("vacant"))
    );
    assert_eq!(
        list[0]["confirm"],
        format!("Room {} is dirty. Move the guest there anyway?", free[0]),
        "the guest arrives today"
    );
    let numbers: Vec<&str> = list.iter().filter_map(|r| r["number"].as_str()).collect();
    for gone in [&stay.room_number, &overlapping.room_number, &free[1]] {
        assert!(
            !numbers.contains(&gone.as_str()),
            "{gone}: its own room, taken on a night, out of order: {numbers:?}"
        );
    }
    assert!(
        !numbers.iter().any(|n| n.starts_with(single.code.as_str())),
        "one adult's room for two: {numbers:?}"
    );

    let later = book(from_hotel_today(&app, 5, 1)).await.unwrap();
    let rooms = call(
        &desk,
        &app,
        "desk/free_rooms",
        &[("id", later.id.to_string())],
    )
    .await;
    let own: Vec<&Value> = rooms
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["room_type"] == room_type.name)
        .collect();
    assert_eq!(
        own.len(),
        2,
        "all but its own and the one out of order: {own:?}"
    );
    assert!(
        own.iter().all(|r| r["confirm"].is_null()),
        "housekeeping has days to get them ready: {own:?}"
    );
}

#[tokio::test]
async fn a_dirty_room_for_a_guest_in_house_is_refused_until_the_desk_confirms() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 2).await;
    let guest = add_guest(&app).await;
    let stay = app
        .state
        .bookings
        .book(request(guest.id, &room_type, from_hotel_today(&app, 0, 2)))
        .await
        .unwrap();
    app.state
        .bookings
        .check_in(stay.id, guest.id)
        .await
        .unwrap();
    let other = others(&room_type, 2, &[&stay.room_number]).remove(0);
    set_state(&app, &other, Housekeeping::Dirty).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;

    let (status, body) = post(
        &desk,
        &app,
        "move_booking",
        &move_form(stay.id, &other, false),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(
        body,
        json!({ "Conflict": format!("Room {other} is dirty: confirm to move the guest there anyway") })
    );
    assert_eq!(moves(&app, stay.id).await, 0, "nothing moved");
    let without_flag = post(
        &desk,
        &app,
        "move_booking",
        &move_form(stay.id, &other, false)[..2],
    )
    .await;
    assert_eq!(
        without_flag.0,
        StatusCode::CONFLICT,
        "not confirming is the default: {}",
        without_flag.1
    );

    let (status, body) = post(
        &desk,
        &app,
        "move_booking",
        &move_form(stay.id, &other, true),
    )
    .await;
    assert_eq!(
        (status, body["room_number"].as_str()),
        (StatusCode::OK, Some(other.as_str())),
        "{body}"
    );
    assert_eq!(body["status"], "checked in");
    assert_eq!(moves(&app, stay.id).await, 1, "the move is audited");
}

#[tokio::test]
async fn a_move_refused_says_why_confirmed_or_not() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 3).await;
    let single = add_single(&app).await;
    let guest = add_guest(&app).await;
    let book = || {
        app.state
            .bookings
            .book(request(guest.id, &room_type, from_hotel_today(&app, 0, 2)))
    };
    let (stay, taken) = (book().await.unwrap(), book().await.unwrap());
    let broken = others(&room_type, 3, &[&stay.room_number, &taken.room_number]).remove(0);
    set_state(&app, &broken, Housekeeping::OutOfOrder).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let single_room = format!("{}-0", single.code);

    for (room, why) in [
        (broken.as_str(), "it is out of order"),
        (
            taken.room_number.as_str(),
            "it is booked on some of these nights",
        ),
        (single_room.as_str(), "it is too small for this party"),
        ("NO-SUCH-ROOM", "there is no such room"),
    ] {
        for confirm in [false, true] {
            let (status, body) = post(
                &desk,
                &app,
                "move_booking",
                &move_form(stay.id, room, confirm),
            )
            .await;
            assert_eq!(status, StatusCode::CONFLICT, "{room}: {body}");
            assert_eq!(
                body,
                json!({ "Conflict": format!("room {room} cannot take this stay: {why}") }),
                "confirmed: {confirm}"
            );
        }
    }
    assert_eq!(moves(&app, stay.id).await, 0);
    let current = app.state.bookings.find(stay.id).await.unwrap();
    assert_eq!(current.room_number, stay.room_number);
}

#[tokio::test]
async fn guests_are_refused_and_strangers_asked_to_sign_in() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 2).await;
    let guest = add_guest(&app).await;
    let stay = app
        .state
        .bookings
        .book(request(guest.id, &room_type, from_hotel_today(&app, 1, 1)))
        .await
        .unwrap();
    let other = others(&room_type, 2, &[&stay.room_number]).remove(0);
    let signed_guest = sign_in(&app, "guest@hotel.test", "guest").await;
    let stranger = browser();
    for (endpoint, form) in [
        ("desk/free_rooms", vec![("id", stay.id.to_string())]),
        ("move_booking", move_form(stay.id, &other, true)),
    ] {
        assert_eq!(
            post(&signed_guest, &app, endpoint, &form).await.0,
            StatusCode::FORBIDDEN,
            "{endpoint} as a guest"
        );
        assert_eq!(
            post(&stranger, &app, endpoint, &form).await.0,
            StatusCode::UNAUTHORIZED,
            "{endpoint} signed out"
        );
    }
    assert_eq!(moves(&app, stay.id).await, 0);
}
