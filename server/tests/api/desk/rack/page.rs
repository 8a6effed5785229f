//! The rack's page: a page of a 500-room type stays small; refused to guests and to nobody
//! signed in.
use super::{bars, days_from_today, rack_form};
use crate::helpers::{add_guest, add_room_type, browser, call, request, sign_in, spawn_app};

#[tokio::test]
async fn a_page_of_the_rack_of_a_500_room_type_stays_small() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 500).await;
    let guest = add_guest(&app).await;
    let mut booked = Vec::new();
    for _ in 0..200 {
        booked.push(
            app.state
                .bookings
                .book(request(guest.id, &room_type, days_from_today(&app, 300, 3)))
                .await
                .unwrap(),
        );
    }
    let from = app.state.bookings.today() + chrono::Days::new(299);
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let started = std::time::Instant::now();
    let rack = call(
        &desk,
        &app,
        "desk/rack",
        &rack_form(Some(from), room_type.code.as_str()),
    )
    .await;
    let answered = started.elapsed();
    assert_eq!(
        (rack["total_rooms"].as_u64(), rack["per_page"].as_u64()),
        (Some(500), Some(120))
    );
    let on_page: Vec<&str> = rack["groups"][0]["rooms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_str().unwrap())
        .collect();
    assert_eq!(on_page.len(), 120);
    let expected = booked
        .iter()
        .filter(|b| on_page.contains(&b.room_number.as_str()))
        .count();
    assert_eq!(
        bars(&rack).len(),
        expected,
        "every stay in the first page's rooms"
    );
    let started = std::time::Instant::now();
    let page = desk
        .get(format!(
            "{}/desk/rack?from={from}&type={}",
            app.address, room_type.code
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), reqwest::StatusCode::OK);
    let html = page.text().await.unwrap();
    let rack_html = html
        .split("data-testid=\"rack\"")
        .nth(1)
        .and_then(|r| r.split("</main>").next())
        .unwrap_or_default();
    eprintln!(
        "rack of 500 rooms, first page: server function {answered:?}, page {:?}, {} bytes of HTML of which the rack {} bytes",
        started.elapsed(),
        html.len(),
        rack_html.len()
    );
    assert_eq!(
        html.matches("data-testid=\"rack-row\"").count(),
        120,
        "one page of rooms"
    );
    assert_eq!(html.matches("data-testid=\"rack-bar\"").count(), expected);
    // The rows and bars themselves, not the data the page carries for hydration nor the room
    // type filter (the test database holds every test's room types).
    assert!(
        rack_html.len() < 120 * 300 + expected * 900,
        "{} bytes for {expected} stays",
        rack_html.len()
    );
}

#[tokio::test]
async fn guests_are_refused_the_rack_and_nobody_is_asked_to_sign_in() {
    let app = spawn_app().await;
    let nobody = browser()
        .post(format!("{}/api/desk/rack", app.address))
        .form(&rack_form(None, ""))
        .send()
        .await
        .unwrap();
    assert_eq!(nobody.status(), reqwest::StatusCode::UNAUTHORIZED);
    assert_eq!(nobody.text().await.unwrap(), "\"SignInRequired\"");
    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    let refused = guest
        .post(format!("{}/api/desk/rack", app.address))
        .form(&rack_form(None, ""))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), reqwest::StatusCode::FORBIDDEN);
    let page = guest
        .get(format!("{}/desk/rack", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.status(),
        reqwest::StatusCode::FORBIDDEN,
        "the rack's page too"
    );
    assert!(
        !page.text().await.unwrap().contains("data-testid=\"rack\""),
        "no rack shown to a guest"
    );
}
