//! The room rack: a room type's rooms over a window of days with the stays that touch it (cut to
//! the window) and the spells its rooms were out of order; moves show on it. Its page is in
//! [`page`].
use crate::helpers::{add_guest, add_room_type, call, request, sign_in, spawn_app, TestApp};
use kernel::{Stay, UserId};
use rooms::{NewTicket, Priority, Problem};
use serde_json::{json, Value};

mod page;

fn days_from_today(app: &TestApp, days: u64, nights: u64) -> Stay {
    let check_in = app.state.bookings.today() + chrono::Days::new(days);
    Stay::new(check_in, check_in + chrono::Days::new(nights)).unwrap()
}

fn rack_form(from: Option<chrono::NaiveDate>, room_type: &str) -> Vec<(&'static str, String)> {
    let mut form = vec![("room_type", room_type.to_owned())];
    form.extend(from.map(|d| ("from", d.to_string())));
    form
}

/// Every bar of the rack by booking id, with the room it sits on.
fn bars(rack: &Value) -> Vec<(String, String, Value)> {
    let groups = rack["groups"]
        .as_array()
        .unwrap_or_else(|| panic!("a rack: {rack}"));
    groups
        .iter()
        .flat_map(|g| g["rooms"].as_array().unwrap())
        .flat_map(|r| {
            let room = r["number"].as_str().unwrap().to_owned();
            r["bars"].as_array().unwrap().iter().map(move |b| {
                (
                    b["booking_id"].as_str().unwrap().to_owned(),
                    room.clone(),
                    b.clone(),
                )
            })
        })
        .collect()
}

fn bar(rack: &Value, id: impl ToString) -> (String, Value) {
    let id = id.to_string();
    bars(rack)
        .into_iter()
        .find(|(b, _, _)| *b == id)
        .map(|(_, room, b)| (room, b))
        .unwrap_or_else(|| panic!("{id} on the rack: {rack}"))
}

/// A ticket that takes `room` out of order.
fn out_of_order(room: kernel::RoomId, problem: &str) -> NewTicket {
    NewTicket {
        id: kernel::TicketId::new(),
        room_id: room,
        problem: Problem::parse(problem).unwrap(),
        priority: Priority::High,
        reporter: UserId::new(),
        takes_room_out_of_order: true,
        out_of_order_until: None,
        photo: None,
    }
}

#[tokio::test]
async fn the_rack_shows_the_stays_touching_the_window_cut_to_it_and_out_of_order_rooms() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 3).await;
    let guest = add_guest(&app).await;
    let book = |stay| app.state.bookings.book(request(guest.id, &room_type, stay));
    let window = days_from_today(&app, 100, 14);
    let inside = book(days_from_today(&app, 102, 2)).await.unwrap();
    let from_before = book(days_from_today(&app, 98, 4)).await.unwrap();
    let past_the_end = book(days_from_today(&app, 112, 5)).await.unwrap();
    let gone_before = book(days_from_today(&app, 95, 4)).await.unwrap();
    let after = book(days_from_today(&app, 114, 2)).await.unwrap();
    let cancelled = book(days_from_today(&app, 105, 2)).await.unwrap();
    app.state
        .bookings
        .cancel(cancelled.id, guest.id, false)
        .await
        .unwrap();
    let broken = format!("{}-2", room_type.code);
    let room = app
        .state
        .rooms
        .all_rooms(Some(&room_type.code))
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.number == broken)
        .unwrap();
    app.state
        .rooms
        .open_ticket(out_of_order(room.id, "burst pipe"))
        .await
        .unwrap();

    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let rack = call(
        &desk,
        &app,
        "desk/rack",
        &rack_form(Some(window.check_in()), room_type.code.as_str()),
    )
    .await;
    assert_eq!(rack["from"], window.check_in().to_string());
    assert_eq!(rack["total_rooms"], 3);
    let rooms: Vec<&str> = rack["groups"][0]["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_str().unwrap())
        .collect();
    let code = room_type.code.to_string();
    assert_eq!(
        rooms,
        [format!("{code}-0"), format!("{code}-1"), broken.clone()],
        "the type's rooms by number"
    );
    assert_eq!(
        rack["groups"].as_array().unwrap().len(),
        1,
        "one room type asked for"
    );

    let mut shown: Vec<String> = bars(&rack).into_iter().map(|(id, _, _)| id).collect();
    shown.sort();
    let mut expected = vec![
        inside.id.to_string(),
        from_before.id.to_string(),
        past_the_end.id.to_string(),
    ];
    expected.sort();
    assert_eq!(
        shown, expected,
        "the stays touching the window; not {gone_before:?}, {after:?} nor the cancelled one"
    );
    let place = |id| bar(&rack, id).1["place"].clone();
    assert_eq!(
        place(inside.id),
        json!({ "start": 5, "span": 4, "before": false, "after": false }),
        "arrival afternoon to departure morning"
    );
    assert_eq!(
        place(from_before.id),
        json!({ "start": 0, "span": 5, "before": true, "after": false }),
        "cut at the start"
    );
    assert_eq!(
        place(past_the_end.id),
        json!({ "start": 25, "span": 3, "before": false, "after": true }),
        "cut at the end"
    );
    let (room, inside_bar) = bar(&rack, inside.id);
    assert_eq!(room, inside.room_number);
    assert_eq!(
        (
            inside_bar["guest_name"].as_str(),
            inside_bar["state"].as_str()
        ),
        (Some("Test Guest"), Some("confirmed"))
    );
    assert_eq!(
        inside_bar["reference"],
        inside.id.to_string()[..8].to_uppercase()
    );

    let spells = &rack["groups"][0]["rooms"][2]["out_of_order"];
    assert_eq!(spells.as_array().map(Vec::len), Some(1), "{spells}");
    assert_eq!(spells[0]["why"], "out of order: burst pipe");
    assert_eq!(spells[0]["until"], Value::Null, "until further notice");
    assert_eq!(
        spells[0]["place"],
        json!({ "start": 0, "span": 28, "before": true, "after": true })
    );
    assert_eq!(
        rack["groups"][0]["rooms"][2]["housekeeping"],
        "out of order"
    );
    assert_eq!(rack["groups"][0]["rooms"][0]["out_of_order"], json!([]));

    let unknown = call(&desk, &app, "desk/rack", &rack_form(None, "NOPE")).await;
    assert_eq!(
        unknown,
        json!({ "NotFound": "there is no room type 'NOPE'" })
    );
    let bad_date = call(
        &desk,
        &app,
        "desk/rack",
        &[("from", "1 Dec"), ("room_type", code.as_str())],
    )
    .await;
    assert_eq!(
        bad_date,
        json!({ "Invalid": "'1 Dec' is not a date (YYYY-MM-DD)" })
    );
}

#[tokio::test]
async fn todays_rack_shows_states_a_resolved_spell_and_a_move() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 3).await;
    let guest = add_guest(&app).await;
    let book = |stay| app.state.bookings.book(request(guest.id, &room_type, stay));
    let in_house = book(days_from_today(&app, 0, 3)).await.unwrap();
    app.state
        .bookings
        .check_in(in_house.id, guest.id)
        .await
        .unwrap();
    let arriving = book(days_from_today(&app, 0, 1)).await.unwrap();
    let later = book(days_from_today(&app, 3, 2)).await.unwrap();
    let code = room_type.code.to_string();
    let fixed = app
        .state
        .rooms
        .all_rooms(Some(&room_type.code))
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.number == format!("{code}-2"))
        .unwrap();
    let ticket = app
        .state
        .rooms
        .open_ticket(out_of_order(fixed.id, "no hot water"))
        .await
        .unwrap();
    app.state
        .rooms
        .resolve_ticket(ticket.id, guest.id)
        .await
        .unwrap();

    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let rack = call(&desk, &app, "desk/rack", &rack_form(None, &code)).await;
    let today = app.state.bookings.today();
    assert_eq!(
        (rack["from"].as_str(), rack["today"].as_str()),
        (Some(&*today.to_string()), Some(&*today.to_string())),
        "from the business date"
    );
    let state = |id| bar(&rack, id).1["state"].as_str().unwrap().to_owned();
    assert_eq!(
        [state(in_house.id), state(arriving.id), state(later.id)],
        ["in_house", "arriving", "confirmed"]
    );
    assert_eq!(bar(&rack, arriving.id).1["tonight"], true);
    assert_eq!(bar(&rack, later.id).1["tonight"], false);
    let fixed_row = rack["groups"][0]["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["number"] == fixed.number)
        .unwrap();
    assert_eq!(
        fixed_row["out_of_order"],
        json!([{ "why": "out of order: no hot water", "from": today.to_string(), "until": (today + chrono::Days::new(1)).to_string(),
                 "place": { "start": 0, "span": 2, "before": false, "after": false } }]),
        "resolved the day it was opened: out of order that day"
    );
    assert_eq!(fixed_row["housekeeping"], "dirty");

    let to = rack["groups"][0]["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_str().unwrap().to_owned())
        .find(|n| *n != later.room_number)
        .unwrap();
    let moved = call(
        &desk,
        &app,
        "move_booking",
        &[("id", later.id.to_string()), ("room_number", to.clone())],
    )
    .await;
    assert_eq!(moved["room_number"], to.as_str(), "{moved}");
    let rack = call(&desk, &app, "desk/rack", &rack_form(None, &code)).await;
    assert_eq!(
        bar(&rack, later.id).0,
        to,
        "the bar is on its new room's row"
    );
}
