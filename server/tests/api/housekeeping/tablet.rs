//! The tablet's pages and server functions as a browser uses them: who may open what, a press
//! replayed from the offline queue applied once, the board's order.
use crate::helpers::{account_id, add_guest, add_room_type, browser, post, request, sign_in, spawn_app, TestApp};
use crate::rooms::{published, room_events};
use kernel::{Stay, UserId};
use reqwest::StatusCode;
use rooms::Housekeeping;

async fn status_of(client: &reqwest::Client, app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = client.get(format!("{}{path}", app.address)).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

fn act(room: &str, action: &str, key: &str) -> Vec<(&'static str, String)> {
    vec![
        ("room", room.to_owned()),
        ("action", action.to_owned()),
        ("note", String::new()),
        ("until", String::new()),
        ("key", key.to_owned()),
    ]
}

#[tokio::test]
async fn the_tablet_asks_a_stranger_to_sign_in_refuses_a_guest_and_keeps_the_board_to_supervisors() {
    let app = spawn_app().await;
    assert_eq!(status_of(&browser(), &app, "/housekeeping/mine").await.0, StatusCode::UNAUTHORIZED);
    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    assert_eq!(status_of(&guest, &app, "/housekeeping/mine").await.0, StatusCode::FORBIDDEN);

    let attendant = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    let (status, html) = status_of(&attendant, &app, "/housekeeping/mine").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("My rooms") && !html.contains(">Board<"), "an attendant's tablet has no board link");
    let (status, _) = post(&attendant, &app, "housekeeping/board", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the board is the supervisor's");

    let supervisor = sign_in(&app, "manager@hotel.test", "manager").await;
    let (status, html) = status_of(&supervisor, &app, "/housekeeping").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(">Board<") && html.contains(">Inspect<"));
}

#[tokio::test]
async fn a_press_replayed_from_the_offline_queue_is_applied_once_and_only_a_supervisor_inspects() {
    let app = spawn_app().await;
    let attendant_id = account_id(&app, "housekeeping@hotel.test").await;
    let attendant = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    let room = crate::rooms::fresh_room(&app).await;
    app.state.rooms.set_housekeeping(room.id, Housekeeping::Dirty, UserId::new(), None).await.unwrap();
    let today = app.state.bookings.today();
    app.state.desk.assign_attendant(today, room.id, attendant_id, UserId::new()).await.unwrap();

    let (status, mine) = post(&attendant, &app, "housekeeping/mine", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(mine.as_array().unwrap().iter().any(|r| r["id"] == room.id.to_string()), "{mine}");

    let key = uuid::Uuid::new_v4().to_string();
    let form = act(&room.id.to_string(), "finish", &key);
    let answers = futures::future::join_all((0..3).map(|_| post(&attendant, &app, "housekeeping/act", &form))).await;
    for (status, body) in &answers {
        assert_eq!(*status, StatusCode::OK, "{body}");
    }
    // The same press again after the room moved on: still nothing more.
    app.state.rooms.set_housekeeping(room.id, Housekeeping::Dirty, UserId::new(), None).await.unwrap();
    let (status, body) = post(&attendant, &app, "housekeeping/act", &form).await;
    assert_eq!((status, body["condition"].as_str()), (StatusCode::OK, Some("dirty")), "a replay is not a new press");

    app.state.rooms.finish_cleaning(room.id, UserId::new(), None).await.unwrap();
    let (status, body) = post(&attendant, &app, "housekeeping/act", &act(&room.id.to_string(), "pass", &uuid::Uuid::new_v4().to_string())).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = post(&attendant, &app, "housekeeping/act", &act(&room.id.to_string(), "polish", &uuid::Uuid::new_v4().to_string())).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    published(&app, room.id).await;
    let finished = room_events(room.id)
        .await
        .iter()
        .filter(|e| e["payload"]["housekeeping_to"] == "clean" && e["payload"]["changed_by"] == attendant_id.to_string())
        .count();
    assert_eq!(finished, 1, "three sends and a replay of one press: one change");
}

#[tokio::test]
async fn the_board_puts_a_room_a_guest_waits_for_first_and_a_failed_inspection_needs_its_reason() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let today = app.state.bookings.today();
    let stay = Stay::new(today, today + chrono::Days::new(1)).unwrap();
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay)).await.unwrap();
    app.state.rooms.set_housekeeping(booking.room_id, Housekeeping::Dirty, UserId::new(), None).await.unwrap();

    let supervisor = sign_in(&app, "manager@hotel.test", "manager").await;
    let (status, board) = post(&supervisor, &app, "housekeeping/board", &[]).await;
    assert_eq!(status, StatusCode::OK, "{board}");
    let rooms = board["rooms"].as_array().unwrap();
    let (status, ours) = post(&supervisor, &app, "housekeeping/room", &[("room", booking.room_id.to_string())]).await;
    assert_eq!(status, StatusCode::OK, "{ours}");
    assert_eq!((ours["guest_waiting"].as_bool(), ours["front_office"].as_str(), ours["arriving"].as_str()), (Some(true), Some("arrival"), Some("2 adults")));
    let priorities: Vec<u64> = rooms.iter().map(|r| r["priority"].as_u64().unwrap()).collect();
    assert!(priorities.windows(2).all(|w| w[0] <= w[1]), "most urgent first");

    app.state.rooms.finish_cleaning(booking.room_id, UserId::new(), None).await.unwrap();
    let room = booking.room_id.to_string();
    let (status, body) = post(&supervisor, &app, "housekeeping/act", &act(&room, "fail", &uuid::Uuid::new_v4().to_string())).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.to_string().contains("note"), "the error is beside the reason field: {body}");
    let mut form = act(&room, "fail", &uuid::Uuid::new_v4().to_string());
    form[2].1 = "towels missing".into();
    let (status, body) = post(&supervisor, &app, "housekeeping/act", &form).await;
    assert_eq!((status, body["condition"].as_str(), body["note"].as_str()), (StatusCode::OK, Some("dirty"), Some("towels missing")));
}
