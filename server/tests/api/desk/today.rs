//! The day's lists: arrivals, in-house and departures, searched, paged, with each booking's
//! guest, room state and balance; refused to guests and to nobody signed in.
use crate::helpers::{add_guest, add_room_type, browser, call, request, sign_in, spawn_app, stay};
use crate::payments::pay;
use bookings::checkout::checkout;
use payments::test_cards;
use serde_json::Value;

fn day(
    list: &str,
    date: chrono::NaiveDate,
    search: &str,
    page: u32,
) -> Vec<(&'static str, String)> {
    vec![
        ("list", list.to_owned()),
        ("date", date.to_string()),
        ("search", search.to_owned()),
        ("sort", "room".into()),
        ("page", page.to_string()),
    ]
}

fn ids(answer: &Value) -> Vec<String> {
    answer["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("a list: {answer}"))
        .iter()
        .map(|r| r["booking_id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_day_lists_arrivals_in_house_and_departures_with_guest_room_and_balance() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 3).await;
    let guest = add_guest(&app).await;
    let today = stay(0, 2);
    let date = today.check_in();
    let arriving = app
        .state
        .bookings
        .book(request(guest.id, &room_type, today))
        .await
        .unwrap();
    let paid = checkout(
        &app.state.bookings,
        &app.state.payments,
        request(guest.id, &room_type, today),
        pay(test_cards::SUCCEEDS, 1).card,
    )
    .await
    .unwrap();
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let email = guest.email.to_string();

    let arrivals = call(&desk, &app, "desk/day", &day("arrivals", date, &email, 0)).await;
    let mut listed = ids(&arrivals);
    listed.sort();
    let mut expected = vec![arriving.id.to_string(), paid.id.to_string()];
    expected.sort();
    assert_eq!(
        listed, expected,
        "both of the guest's arrivals, found by email"
    );
    assert_eq!(arrivals["total"], 2);
    let row = |id: &str| {
        arrivals["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["booking_id"] == id)
            .unwrap()
            .clone()
    };
    let unpaid = row(&arriving.id.to_string());
    assert_eq!(unpaid["guest_name"], "Test Guest");
    assert_eq!(
        unpaid["housekeeping"], "clean",
        "the assigned room's state from rooms"
    );
    assert_eq!(
        unpaid["balance"],
        serde_json::to_value(arriving.total).unwrap(),
        "nothing paid yet"
    );
    assert_eq!(unpaid["can_check_in"], true);
    assert_eq!(
        row(&paid.id.to_string())["balance"],
        serde_json::to_value(kernel::Money::zero(paid.total.currency())).unwrap(),
        "paid at booking"
    );

    let by_reference = call(
        &desk,
        &app,
        "desk/day",
        &day("arrivals", date, &arriving.id.to_string()[..8], 0),
    )
    .await;
    assert_eq!(
        ids(&by_reference),
        vec![arriving.id.to_string()],
        "found by the start of its reference"
    );

    app.state
        .bookings
        .check_in(arriving.id, guest.id)
        .await
        .unwrap();
    let in_house = call(&desk, &app, "desk/day", &day("in_house", date, &email, 0)).await;
    assert_eq!(
        ids(&in_house),
        vec![arriving.id.to_string()],
        "checked in: in the house"
    );
    assert_eq!(in_house["rows"][0]["nights_left"], 2);
    let departures = call(
        &desk,
        &app,
        "desk/day",
        &day("departures", date + chrono::Days::new(2), &email, 0),
    )
    .await;
    assert_eq!(
        ids(&departures),
        vec![arriving.id.to_string()],
        "leaving in two days"
    );
    let counts = call(
        &desk,
        &app,
        "desk/day_counts",
        &[("date", date.to_string()), ("search", email.clone())],
    )
    .await;
    assert_eq!(
        counts["counts"],
        serde_json::json!([["arrivals", 2], ["in_house", 1], ["departures", 0]]),
        "{counts}"
    );
}

#[tokio::test]
async fn a_long_list_pages_and_bad_input_is_refused_by_name() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 27).await;
    let guest = add_guest(&app).await;
    let arrival = stay(720, 1);
    for _ in 0..27 {
        app.state
            .bookings
            .book(request(guest.id, &room_type, arrival))
            .await
            .unwrap();
    }
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let email = guest.email.to_string();
    let first = call(
        &desk,
        &app,
        "desk/day",
        &day("arrivals", arrival.check_in(), &email, 0),
    )
    .await;
    let second = call(
        &desk,
        &app,
        "desk/day",
        &day("arrivals", arrival.check_in(), &email, 1),
    )
    .await;
    assert_eq!(
        (
            first["total"].as_u64(),
            ids(&first).len(),
            ids(&second).len()
        ),
        (Some(27), 25, 2)
    );
    let rooms: Vec<String> = first["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["room_number"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = rooms.clone();
    sorted.sort();
    assert_eq!(rooms, sorted, "sorted by room");
    let all: std::collections::HashSet<String> =
        ids(&first).into_iter().chain(ids(&second)).collect();
    assert_eq!(all.len(), 27, "no booking on two pages");

    let bad_list = call(
        &desk,
        &app,
        "desk/day",
        &day("everyone", arrival.check_in(), "", 0),
    )
    .await;
    assert_eq!(
        bad_list,
        serde_json::json!({ "Invalid": "there is no list 'everyone'" })
    );
    let mut bad_date = day("arrivals", arrival.check_in(), "", 0);
    bad_date[1].1 = "01/12/2026".into();
    let answer = call(&desk, &app, "desk/day", &bad_date).await;
    assert_eq!(
        answer,
        serde_json::json!({ "Invalid": "'01/12/2026' is not a date (YYYY-MM-DD)" })
    );
}

#[tokio::test]
async fn guests_are_refused_the_desk_and_nobody_is_asked_to_sign_in() {
    let app = spawn_app().await;
    let date = chrono::Utc::now().date_naive();
    let nobody = browser()
        .post(format!("{}/api/desk/day", app.address))
        .form(&day("arrivals", date, "", 0))
        .send()
        .await
        .unwrap();
    assert_eq!(nobody.status(), reqwest::StatusCode::UNAUTHORIZED);
    assert_eq!(nobody.text().await.unwrap(), "\"SignInRequired\"");
    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    let refused = guest
        .post(format!("{}/api/desk/day", app.address))
        .form(&day("arrivals", date, "", 0))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), reqwest::StatusCode::FORBIDDEN);
    let page = guest
        .get(format!("{}/desk", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.status(),
        reqwest::StatusCode::FORBIDDEN,
        "the console's page too"
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Staff only") && !html.contains("Arrivals"),
        "no list is shown to a guest"
    );
    let anonymous = browser()
        .get(format!("{}/desk", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), reqwest::StatusCode::UNAUTHORIZED);
    assert!(
        anonymous
            .text()
            .await
            .unwrap()
            .contains("/auth/login?return_to=/desk"),
        "a way to sign in"
    );
}
