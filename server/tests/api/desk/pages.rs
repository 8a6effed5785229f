//! The desk's pages as a browser first loads them: each page's data is carried once in the HTML
//! for hydration (not once per pass of a `Suspense` over the page), and the console refuses a
//! guest (403) and somebody not signed in (401, with a way to sign in).
use crate::helpers::{add_guest, add_room_type, browser, request, sign_in, spawn_app, TestApp};
use kernel::Stay;

fn from_hotel_today(app: &TestApp, days: u64, nights: u64) -> Stay {
    let check_in = app.state.bookings.today() + chrono::Days::new(days);
    Stay::new(check_in, check_in + chrono::Days::new(nights)).unwrap()
}

/// The values the page carries for hydration, `__RESOLVED_RESOURCES[n] = "…"`, as written
/// (JavaScript string literals of JSON, escapes kept).
fn resolved(html: &str) -> Vec<&str> {
    html.split("__RESOLVED_RESOURCES[")
        .skip(1)
        .filter_map(|entry| {
            let start = entry.find("= \"")? + 3;
            let value = &entry[start..];
            let mut escaped = false;
            let end = value.char_indices().find_map(|(i, c)| match (escaped, c) {
                (true, _) => {
                    escaped = false;
                    None
                }
                (false, '\\') => {
                    escaped = true;
                    None
                }
                (false, '"') => Some(i),
                _ => None,
            })?;
            Some(&value[..end])
        })
        .collect()
}

/// Gets the page, checks it opened, and returns its HTML and what it carries for hydration.
async fn page(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let response = client.get(format!("{}{path}", app.address)).send().await.unwrap();
    assert_eq!(response.status(), reqwest::StatusCode::OK, "{path}");
    let html = response.text().await.unwrap();
    assert!(html.contains("data-testid=\"staff-user\""), "{path} opens in the console");
    html
}

/// No value is carried twice: each resource of the page was made, and serialised, once.
fn carried_once(path: &str, html: &str) {
    let values = resolved(html);
    assert!(!values.is_empty(), "{path} carries its data");
    for (i, value) in values.iter().enumerate() {
        let again = values.iter().skip(i + 1).filter(|v| *v == value).count();
        assert_eq!(
            again,
            0,
            "{path} carries this value {} times: {}…",
            again + 1,
            &value[..value.len().min(120)]
        );
    }
}

#[tokio::test]
async fn each_page_of_the_desk_carries_its_data_once() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 2).await;
    let guest = add_guest(&app).await;
    let booking = app
        .state
        .bookings
        .book(request(guest.id, &room_type, from_hotel_today(&app, 1, 2)))
        .await
        .unwrap();
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;

    let rack_path = format!("/desk/rack?from={}&type={}", app.state.bookings.today(), room_type.code);
    let rack = page(&desk, &app, &rack_path).await;
    carried_once(&rack_path, &rack);
    let racks = resolved(&rack).iter().filter(|v| v.contains("total_rooms")).count();
    assert_eq!(racks, 1, "the rack is carried once");
    eprintln!("{rack_path}: {} bytes of HTML", rack.len());

    let stay_path = format!("/desk/stays/{}", booking.id);
    let stay = page(&desk, &app, &stay_path).await;
    carried_once(&stay_path, &stay);
    let email = guest.email.to_string();
    let stays = resolved(&stay).iter().filter(|v| v.contains(&email)).count();
    assert_eq!(stays, 1, "the stay, with its guest, is carried once");

    for path in ["/desk", "/desk/new"] {
        let html = page(&desk, &app, path).await;
        carried_once(path, &html);
    }
}

#[tokio::test]
async fn the_console_refuses_a_guest_and_asks_a_stranger_to_sign_in() {
    let app = spawn_app().await;
    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    for path in ["/desk", "/desk/rack"] {
        let refused = guest.get(format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!(refused.status(), reqwest::StatusCode::FORBIDDEN, "{path}");
        let html = refused.text().await.unwrap();
        assert!(html.contains("Staff only"), "{path}: {html}");
        assert!(!html.contains("data-testid=\"staff-user\"") && !html.contains("Room rack"), "{path}: no console");
    }
    let stranger = browser().get(format!("{}/desk/rack", app.address)).send().await.unwrap();
    assert_eq!(stranger.status(), reqwest::StatusCode::UNAUTHORIZED);
    let html = stranger.text().await.unwrap();
    assert!(html.contains("Staff sign-in"), "{html}");
    assert!(html.contains("/auth/login?return_to=/desk/rack"), "a way to sign in: {html}");
    assert!(!html.contains("data-testid=\"staff-user\""), "no console");
}

