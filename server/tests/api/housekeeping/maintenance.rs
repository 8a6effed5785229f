//! Reporting a problem from the tablet: a ticket with its photo, the room out of order until it
//! is resolved, a report sent twice opening one ticket; the supervisor's list and its work.
use crate::helpers::{browser, post, sign_in, spawn_app};
use crate::rooms::fresh_room;
use reqwest::StatusCode;
use rooms::{Housekeeping, TicketFilter};

/// The smallest JPEG header the rooms service recognises, and some bytes after it.
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0x01, 0xFF, 0xD9];

fn data_url(bytes: &[u8]) -> String {
    use base64::Engine;
    format!("data:image/jpeg;base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

fn report(room: &str, problem: &str, photo: &str, key: &str) -> Vec<(&'static str, String)> {
    vec![
        ("room", room.to_owned()),
        ("problem", problem.to_owned()),
        ("priority", "high".to_owned()),
        ("out_of_order", "on".to_owned()),
        ("photo", photo.to_owned()),
        ("key", key.to_owned()),
    ]
}

#[tokio::test]
async fn an_attendant_reports_a_problem_with_a_photo_once_and_the_room_is_out_of_order_until_resolved() {
    let app = spawn_app().await;
    let room = fresh_room(&app).await;
    let attendant = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    let key = uuid::Uuid::new_v4().to_string();
    let form = report(&room.id.to_string(), "  the shower drips  ", &data_url(JPEG), &key);

    let answers = futures::future::join_all((0..2).map(|_| post(&attendant, &app, "housekeeping/report", &form))).await;
    for (status, body) in &answers {
        assert_eq!(*status, StatusCode::OK, "{body}");
        assert_eq!((body["id"].as_str(), body["problem"].as_str(), body["priority"].as_str()), (Some(key.as_str()), Some("the shower drips"), Some("high")));
    }
    let theirs = app.state.rooms.tickets(TicketFilter { status: None, room: Some(room.id) }, 1, 10).await.unwrap();
    assert_eq!(theirs.total, 1, "a report sent twice opens one ticket");
    assert_eq!(app.state.rooms.room(room.id).await.unwrap().housekeeping, Housekeeping::OutOfOrder);

    let photo_path = answers[0].1["photo"].as_str().expect("the ticket has a photo").to_owned();
    let photo = attendant.get(format!("{}{photo_path}", app.address)).send().await.unwrap();
    assert_eq!((photo.status(), photo.headers()["content-type"].to_str().unwrap()), (StatusCode::OK, "image/jpeg"));
    assert_eq!(photo.bytes().await.unwrap().as_ref(), JPEG, "the photo kept as sent");
    assert_eq!(browser().get(format!("{}{photo_path}", app.address)).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    assert_eq!(guest.get(format!("{}{photo_path}", app.address)).send().await.unwrap().status(), StatusCode::FORBIDDEN);

    let (status, _) = post(&attendant, &app, "housekeeping/tickets", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the list is the supervisor's");
    let supervisor = sign_in(&app, "manager@hotel.test", "manager").await;
    let (status, open) = post(&supervisor, &app, "housekeeping/tickets", &[("status", "open".into()), ("page", "0".into())]).await;
    assert_eq!(status, StatusCode::OK, "{open}");
    let listed = open["tickets"].as_array().unwrap().iter().find(|t| t["id"] == key.as_str()).cloned();
    let listed = listed.expect("an urgent-enough ticket is on the first page");
    assert_eq!((listed["reporter"].as_str(), listed["takes_room_out_of_order"].as_bool()), (Some("Hank Keeper"), Some(true)));

    let (status, resolved) = post(&supervisor, &app, "housekeeping/ticket", &[("ticket", key.clone()), ("action", "resolve".into())]).await;
    assert_eq!((status, resolved["status"].as_str()), (StatusCode::OK, Some("resolved")), "{resolved}");
    assert_eq!(resolved["resolved_by"].as_str(), Some("Max Manager"), "who resolved it is kept: {resolved}");
    assert_eq!(app.state.rooms.room(room.id).await.unwrap().housekeeping, Housekeeping::Dirty, "back in order, to be cleaned");
    let (status, again) = post(&supervisor, &app, "housekeeping/ticket", &[("ticket", key.clone()), ("action", "resolve".into())]).await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");
}

#[tokio::test]
async fn a_bad_report_is_refused_beside_its_field_and_opens_nothing() {
    let app = spawn_app().await;
    let room = fresh_room(&app).await;
    let other = fresh_room(&app).await;
    let attendant = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    let id = room.id.to_string();
    let new_key = || uuid::Uuid::new_v4().to_string();
    let mut bad_priority = report(&id, "broken lamp", "", &new_key());
    bad_priority[2].1 = "whenever".into();
    let mut too_big = JPEG.to_vec();
    too_big.resize(rooms::Photo::MAX_BYTES + 1, 0);
    let cases = [
        (report(&id, "   ", "", &new_key()), "problem"),
        (report(&id, "broken lamp", "data:text/html;base64,PHNjcmlwdD4=", &new_key()), "photo"),
        (report(&id, "broken lamp", "not a data url", &new_key()), "photo"),
        (report(&id, "broken lamp", &data_url(&too_big), &new_key()), "photo"),
        (bad_priority, "priority"),
        (report("no-such-room", "broken lamp", "", &new_key()), "room"),
    ];
    for (form, field) in cases {
        let (status, body) = post(&attendant, &app, "housekeeping/report", &form).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{field}: {body}");
        assert!(body.to_string().contains(field), "the error is beside {field}: {body}");
    }
    let none = app.state.rooms.tickets(TicketFilter { status: None, room: Some(room.id) }, 1, 10).await.unwrap();
    assert_eq!(none.total, 0, "nothing opened");
    assert_eq!(app.state.rooms.room(room.id).await.unwrap().housekeeping, room.housekeeping, "the room untouched");

    let key = new_key();
    let (status, _) = post(&attendant, &app, "housekeeping/report", &report(&id, "broken lamp", "", &key)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = post(&attendant, &app, "housekeeping/report", &report(&other.id.to_string(), "broken lamp", "", &key)).await;
    assert_eq!(status, StatusCode::CONFLICT, "one key, two reports: {body}");

    let supervisor = sign_in(&app, "manager@hotel.test", "manager").await;
    let (status, body) = post(&supervisor, &app, "housekeeping/tickets", &[("status", "lost".into())]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn a_supervisor_takes_a_room_out_of_order_for_dates_and_an_attendant_may_not_set_them() {
    let app = spawn_app().await;
    let room = fresh_room(&app).await;
    let id = room.id.to_string();
    let today = app.state.bookings.today();
    let with_until = |until: chrono::NaiveDate| {
        let mut form = report(&id, "ceiling leaks", "", &uuid::Uuid::new_v4().to_string());
        form.push(("until", until.to_string()));
        form
    };
    let attendant = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    let (status, body) = post(&attendant, &app, "housekeeping/report", &with_until(today + chrono::Days::new(2))).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    let supervisor = sign_in(&app, "manager@hotel.test", "manager").await;
    let (status, body) = post(&supervisor, &app, "housekeeping/report", &with_until(today - chrono::Days::new(1))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body.to_string().contains("until"), "{body}");
    let none = app.state.rooms.tickets(TicketFilter { status: None, room: Some(room.id) }, 1, 10).await.unwrap();
    assert_eq!(none.total, 0, "refused before anything was opened");

    let (status, body) = post(&supervisor, &app, "housekeeping/report", &with_until(today + chrono::Days::new(2))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let now = app.state.rooms.room(room.id).await.unwrap();
    assert_eq!((now.housekeeping, now.out_of_order_until), (Housekeeping::OutOfOrder, Some(today + chrono::Days::new(2))));
}
