//! Room types and rooms as a manager keeps them: bad fields refused beside the field, storing
//! nothing; features stored with their types; a room with a stay ahead keeps its number and
//! stays in the inventory; a retired room leaves every list the hotel works from and comes
//! back; each change names the manager; other staff are refused.
use crate::helpers::{add_guest, post, request, sign_in, spawn_app, stay, unique};
use reqwest::StatusCode;
use rooms::bson::doc;

fn type_form(code: &str, name: &str, adults: &str, price: &str, features: &str) -> Vec<(&'static str, String)> {
    vec![
        ("adding", "on".into()), ("code", code.into()), ("name", name.into()), ("description", "Made by a test".into()),
        ("max_adults", adults.into()), ("max_children", "1".into()), ("base_price", price.into()), ("beds", "1 queen".into()),
        ("size_m2", "22".into()), ("amenities", "wifi, desk".into()), ("features", features.into()),
    ]
}

fn room_form(id: &str, number: &str, floor: &str, code: &str, features: &str) -> Vec<(&'static str, String)> {
    vec![("id", id.into()), ("number", number.into()), ("floor", floor.into()), ("room_type", code.into()), ("features", features.into()), ("notes", String::new())]
}

fn field(answer: &serde_json::Value) -> Option<&str> {
    answer["InvalidField"]["field"].as_str()
}

#[tokio::test]
async fn a_manager_adds_changes_and_retires_room_types_and_rooms() {
    let app = spawn_app().await;
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    let code = unique("R");
    for (bad, wanted) in [
        (type_form("r1", "Garden", "2", "99.00", ""), "code"),
        (type_form(&code, " ", "2", "99.00", ""), "name"),
        (type_form(&code, "Garden", "0", "99.00", ""), "max_adults"),
        (type_form(&code, "Garden", "2", "free", ""), "base_price"),
        (type_form(&code, "Garden", "2", "99.00", "view: garden\nbalcony"), "features"),
    ] {
        let (status, error) = post(&manager, &app, "admin/save_room_type", &bad).await;
        assert_eq!((status, field(&error)), (StatusCode::BAD_REQUEST, Some(wanted)), "{bad:?}: {error}");
    }
    assert!(app.state.rooms.catalogue_types().await.unwrap().iter().all(|t| t.room_type.code.as_str() != code), "nothing stored");

    let (status, added) = post(&manager, &app, "admin/save_room_type", &type_form(&code, "Garden Double", "2", "99.50", "view: garden\nterrace: yes")).await;
    assert_eq!(status, StatusCode::OK, "{added}");
    assert_eq!((added["base_price"]["minor"].as_i64(), added["rooms"].as_u64()), (Some(9_950), Some(0)));
    let (status, again) = post(&manager, &app, "admin/save_room_type", &type_form(&code, "Another", "2", "10", "")).await;
    assert_eq!((status, field(&again)), (StatusCode::BAD_REQUEST, Some("code")), "{again}");
    let kept = app.state.rooms.room_types().await.unwrap().into_iter().find(|t| t.code.as_str() == code).expect("on sale at once");
    assert_eq!(kept.features, doc! { "view": "garden", "terrace": true });

    let number = unique("G");
    let (status, room) = post(&manager, &app, "admin/save_room", &room_form("", &number, "3", &code, "wifi_mbps: 300\ncorner: yes")).await;
    assert_eq!(status, StatusCode::OK, "{room}");
    let id: kernel::RoomId = room["id"].as_str().unwrap().parse().unwrap();
    let stored = app.state.rooms.catalogue_room(id).await.unwrap().room;
    assert_eq!((stored.features.get_i64("wifi_mbps"), stored.features.get_bool("corner")), (Ok(300), Ok(true)), "typed values");
    assert_eq!(stored.housekeeping, rooms::Housekeeping::Clean);
    for (bad, wanted) in [
        (room_form("", &number, "3", &code, ""), "number"),
        (room_form("", &unique("G"), "999", &code, ""), "floor"),
        (room_form("", &unique("G"), "3", "NOPE", ""), "room_type"),
        (room_form("", "1 0 1", "3", &code, ""), "number"),
    ] {
        let (status, error) = post(&manager, &app, "admin/save_room", &bad).await;
        assert_eq!((status, field(&error)), (StatusCode::BAD_REQUEST, Some(wanted)), "{bad:?}: {error}");
    }

    let (status, refused) = post(&manager, &app, "admin/retire_room_type", &[("code", code.clone()), ("retire", "on".into())]).await;
    assert_eq!(status, StatusCode::CONFLICT, "a type with a room stays: {refused}");

    let guest = add_guest(&app).await;
    let booked = app.state.bookings.book(request(guest.id, &kept, stay(40, 2))).await.unwrap();
    assert_eq!(booked.room_id, id);
    let (status, refused) = post(&manager, &app, "admin/retire_room", &[("id", id.to_string()), ("retire", "on".into())]).await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    assert!(refused.to_string().contains("stays ahead"), "{refused}");
    let (status, refused) = post(&manager, &app, "admin/save_room", &room_form(&id.to_string(), &unique("G"), "3", &code, "")).await;
    assert_eq!(status, StatusCode::CONFLICT, "a booked room keeps its number: {refused}");
    let (status, moved) = post(&manager, &app, "admin/save_room", &room_form(&id.to_string(), &number, "4", &code, "wifi_mbps: 300")).await;
    assert_eq!((status, moved["floor"].as_i64()), (StatusCode::OK, Some(4)), "its floor and features may change: {moved}");

    app.state.bookings.cancel(booked.id, guest.id, false).await.unwrap();
    let (status, retired) = post(&manager, &app, "admin/retire_room", &[("id", id.to_string()), ("retire", "on".into())]).await;
    assert_eq!((status, retired["retired"].as_bool()), (StatusCode::OK, Some(true)), "{retired}");
    assert!(app.state.rooms.all_rooms(None).await.unwrap().iter().all(|r| r.id != id), "out of the desk's and housekeeping's lists");
    assert!(app.state.rooms.sellable_rooms(&kept.code).await.unwrap().is_empty(), "out of sale");
    assert!(app.state.bookings.book(request(guest.id, &kept, stay(40, 2))).await.is_err(), "nothing left to book");

    let (status, _) = post(&manager, &app, "admin/retire_room_type", &[("code", code.clone()), ("retire", "on".into())]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(app.state.rooms.room_types().await.unwrap().iter().all(|t| t.code.as_str() != code), "off sale");
    let (status, refused) = post(&manager, &app, "admin/retire_room", &[("id", id.to_string())]).await;
    assert_eq!(status, StatusCode::CONFLICT, "a room of a retired type stays retired: {refused}");
    let (status, _) = post(&manager, &app, "admin/retire_room_type", &[("code", code.clone())]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, back) = post(&manager, &app, "admin/retire_room", &[("id", id.to_string())]).await;
    assert_eq!((status, back["retired"].as_bool()), (StatusCode::OK, Some(false)), "{back}");
    assert!(app.state.rooms.sellable_rooms(&kept.code).await.unwrap().iter().any(|r| r.id == id), "back on sale");

    let (status, page) = post(&manager, &app, "admin/rooms", &[("room_type", code.clone())]).await;
    assert_eq!((status, page["total"].as_u64()), (StatusCode::OK, Some(1)), "{page}");
    assert_eq!(page["rooms"][0]["features"][0]["kind"], "number", "{page}");

    let max = crate::helpers::account_id(&app, "manager@hotel.test").await.to_string();
    let changes: Vec<rooms::bson::Document> = {
        use futures::TryStreamExt;
        app.deps.mongo.collection("catalogue_changes").find(doc! { "subject": id.to_string() }).await.unwrap().try_collect().await.unwrap()
    };
    let actions: Vec<&str> = changes.iter().map(|c| c.get_str("action").unwrap()).collect();
    assert_eq!(actions, ["added", "changed", "retired", "reinstated"], "the refused changes are not recorded");
    assert!(changes.iter().all(|c| c.get_str("by") == Ok(max.as_str())), "each names the manager");

    let housekeeper = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    let (status, _) = post(&housekeeper, &app, "admin/save_room", &room_form("", &unique("G"), "1", &code, "")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
