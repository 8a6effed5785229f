//! The board reads what the front desk has in each room on the day in one read of the day's
//! bookings; one room read on its own says the same as the whole board; the server filters
//! and pages it.
use super::a_date_of_its_own;
use crate::helpers::{add_guest, add_room_type, post, request, sign_in, spawn_app, stay, TestApp};
use chrono::{Days, NaiveDate};
use desk::FrontOffice;
use kernel::{RoomId, UserId};
use reqwest::StatusCode;
use rooms::Housekeeping;

/// A booking of a room of its own, moved to `[check_in, check_out)` with `status`.
async fn booked(app: &TestApp, guest: UserId, check_in: NaiveDate, check_out: NaiveDate, status: &str) -> RoomId {
    booking_in(app, guest, check_in, check_out, status).await.room_id
}

async fn booking_in(app: &TestApp, guest: UserId, check_in: NaiveDate, check_out: NaiveDate, status: &str) -> bookings::Booking {
    let room_type = add_room_type(app, 1).await;
    let booking = app.state.bookings.book(request(guest, &room_type, stay(200, 1))).await.unwrap();
    sqlx::query("UPDATE bookings.bookings SET check_in = $2, check_out = $3, status = $4 WHERE id = $1")
        .bind(booking.id.as_uuid())
        .bind(check_in)
        .bind(check_out)
        .bind(status)
        .execute(&app.deps.pg)
        .await
        .unwrap();
    booking
}

#[tokio::test]
async fn each_room_shows_what_the_desk_has_in_it_on_the_day_read_alone_or_with_the_board() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await.id;
    let day = a_date_of_its_own();
    let (before, after) = (|n| day - Days::new(n), |n| day + Days::new(n));
    let arrival = booking_in(&app, guest, day, after(1), "confirmed").await;
    let desk = UserId::new();
    for text in ["arrives late", "arrives 22:00, cot needed"] {
        app.state.bookings.add_note(arrival.id, &bookings::NoteText::parse(text).unwrap(), desk).await.unwrap();
    }
    let expected = [
        (arrival.room_id, FrontOffice::Arrival),
        (booked(&app, guest, before(2), day, "checked_in").await, FrontOffice::DueOut),
        (booked(&app, guest, before(1), after(2), "checked_in").await, FrontOffice::StayOver),
        (booked(&app, guest, before(3), day, "checked_out").await, FrontOffice::Departed),
        (booked(&app, guest, day, after(2), "cancelled").await, FrontOffice::Vacant),
        (booked(&app, guest, after(1), after(2), "confirmed").await, FrontOffice::Vacant),
        (booked(&app, guest, before(3), before(1), "checked_out").await, FrontOffice::Vacant),
    ];
    let ids: Vec<RoomId> = expected.iter().map(|(id, _)| *id).collect();
    for (id, _) in &expected {
        app.state.rooms.set_housekeeping(*id, Housekeeping::Dirty, UserId::new(), None).await.unwrap();
    }

    let alone = app.state.desk.board_rooms(day, &ids).await.unwrap();
    let board = app.state.desk.housekeeping_board(day).await.unwrap();
    for (id, front_office) in expected {
        let read_alone = alone.iter().find(|r| r.room.id == id).expect("every room read");
        assert_eq!(read_alone.front_office, front_office, "room {}", read_alone.room.number);
        let on_board = board.rooms.iter().find(|r| r.room.id == id).expect("every room on the board");
        assert_eq!((on_board.front_office, on_board.guest_waiting), (front_office, read_alone.guest_waiting));
    }
    assert!(alone[0].guest_waiting && alone[0].front_office == FrontOffice::Arrival, "a waiting guest's room first");
    assert_eq!(alone[0].arrival_note.as_deref(), Some("arrives 22:00, cot needed"), "the desk's latest note on the arrival");
    assert!(alone[1..].iter().all(|r| r.arrival_note.is_none()), "only an arrival shows the desk's note");
    let one = app.state.desk.board_room(day, ids[1]).await.unwrap();
    assert_eq!(one.front_office, FrontOffice::DueOut);
}

#[tokio::test]
async fn the_board_is_filtered_and_paged_on_the_server_and_a_bad_filter_is_named() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 3).await;
    let ours = app.state.rooms.all_rooms(Some(&room_type.code)).await.unwrap();
    for room in &ours {
        app.state.rooms.set_housekeeping(room.id, Housekeeping::Cleaning, UserId::new(), None).await.unwrap();
    }
    let supervisor = sign_in(&app, "manager@hotel.test", "manager").await;
    let filter = |floor: &str, condition: &str, page: &str| {
        vec![("floor", floor.to_owned()), ("condition", condition.to_owned()), ("attendant", String::new()), ("page", page.to_owned())]
    };

    let (status, all) = post(&supervisor, &app, "housekeeping/board", &[]).await;
    assert_eq!(status, StatusCode::OK, "{all}");
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 3 && all["rooms"].as_array().unwrap().len() as u64 == total.min(50), "one page of at most 50: {}", all["rooms"]);
    let counted: u64 = all["counts"].as_array().unwrap().iter().map(|c| c[1].as_u64().unwrap()).sum();
    assert_eq!(counted, total, "the counts cover every room, not the page");

    let (status, cleaning) = post(&supervisor, &app, "housekeeping/board", &filter("", "cleaning", "0")).await;
    assert_eq!(status, StatusCode::OK, "{cleaning}");
    let rooms = cleaning["rooms"].as_array().unwrap();
    assert!(rooms.iter().all(|r| r["condition"] == "cleaning"), "{cleaning}");
    assert!(cleaning["total"].as_u64().unwrap() >= 3);
    let (_, far) = post(&supervisor, &app, "housekeeping/board", &filter("", "cleaning", "100000")).await;
    assert_eq!(far["rooms"].as_array().map(Vec::len), Some(0), "a page past the end is empty, not an error");

    for (form, field) in [(filter("second", "", "0"), "floor"), (filter("", "sparkling", "0"), "condition")] {
        let (status, body) = post(&supervisor, &app, "housekeeping/board", &form).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert!(body.to_string().contains(field), "the error names {field}: {body}");
    }

    let attendant = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    let (status, one) = post(&attendant, &app, "housekeeping/room", &[("room", ours[0].id.to_string())]).await;
    assert_eq!((status, one["condition"].as_str()), (StatusCode::OK, Some("cleaning")), "{one}");
    let (status, _) = post(&attendant, &app, "housekeeping/room", &[("room", RoomId::new().to_string())]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_workload_weighs_each_attendants_rooms_and_counts_the_rooms_nobody_has() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await.id;
    let day = a_date_of_its_own();
    let departure = booked(&app, guest, day - Days::new(2), day, "checked_in").await;
    let stay_over = booked(&app, guest, day - Days::new(1), day + Days::new(2), "checked_in").await;
    let hank = crate::helpers::account_id(&app, "housekeeping@hotel.test").await;
    app.state.desk.assign_attendant(day, departure, hank, UserId::new()).await.unwrap();

    let load = app.state.desk.housekeeping_workload(day).await.unwrap();
    let theirs = load.attendants.iter().find(|a| a.attendant == hank).expect("every attendant is listed");
    assert_eq!(theirs.rooms.len(), 1, "{theirs:?}");
    assert_eq!((theirs.rooms[0].1, theirs.weight), (Some(rooms::WorkKind::Departure), rooms::DEPARTURE_WEIGHT));
    assert!(load.unassigned >= 1, "the stay-over {stay_over} has nobody");
    assert!(load.attendants.windows(2).all(|w| w[0].weight >= w[1].weight), "the most loaded first");

    let supervisor = sign_in(&app, "manager@hotel.test", "manager").await;
    let (status, body) = post(&supervisor, &app, "housekeeping/workload", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["attendants"].as_array().unwrap().iter().any(|a| a["name"] == "Hank Keeper"), "{body}");
    let attendant = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    assert_eq!(post(&attendant, &app, "housekeeping/workload", &[]).await.0, StatusCode::FORBIDDEN);
}
