//! Walk-in and phone bookings at the desk against the real stack: a guest profile registered
//! without an account (refused for a bad or taken email), found again by email, booked for at
//! the guest site's price with or without the card, once per form; the booking's history names
//! the receptionist. Guests and strangers are refused every function.
use crate::helpers::{account_id, add_room_type, browser, sign_in, spawn_app, unique, TestApp};
use payments::test_cards;
use reqwest::StatusCode;
use rooms::RoomType;
use serde_json::Value;
use uuid::Uuid;

mod accounts;
mod booking;

pub(super) use crate::helpers::post;

pub(super) async fn desk(app: &TestApp) -> reqwest::Client {
    sign_in(app, "frontdesk@hotel.test", "frontdesk").await
}

pub(super) fn guest_form(name: &str, email: &str, phone: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.into()),
        ("email", email.into()),
        ("language", "en".into()),
        ("phone", phone.into()),
    ]
}

/// A new guest profile made at the desk, with an email of this test's own.
pub(super) async fn walk_in_guest(app: &TestApp, desk: &reqwest::Client) -> Value {
    let email = format!("walk-in-{}@hotel.test", Uuid::new_v4().simple());
    let (status, guest) = post(
        desk,
        app,
        "desk/create_guest",
        &guest_form("Wanda Walk-In", &email, ""),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{guest}");
    guest
}

/// The booking form for `guest` in `room_type`, `from_today` days ahead for `nights`.
pub(super) fn book_form(
    app: &TestApp,
    guest: &Value,
    room_type: &RoomType,
    from_today: u64,
    nights: u64,
    card: Option<&str>,
) -> Vec<(&'static str, String)> {
    let check_in = app.state.bookings.today() + chrono::Days::new(from_today);
    let mut form = vec![
        ("guest", guest["id"].as_str().unwrap().to_owned()),
        ("room_type", room_type.code.to_string()),
        ("check_in", check_in.to_string()),
        (
            "check_out",
            (check_in + chrono::Days::new(nights)).to_string(),
        ),
        ("adults", "2".into()),
        ("children", "0".into()),
        ("idempotency_key", Uuid::new_v4().to_string()),
        (
            "payment",
            if card.is_some() { "card" } else { "later" }.into(),
        ),
    ];
    if let Some(number) = card {
        form.extend([
            ("card_number", number.to_owned()),
            ("card_month", "12".into()),
            ("card_year", "2035".into()),
            ("card_cvc", "123".into()),
        ]);
    }
    form
}

#[tokio::test]
async fn the_desk_registers_a_guest_without_an_account_and_refuses_a_bad_or_taken_email() {
    let app = spawn_app().await;
    let desk = desk(&app).await;
    sign_in(&app, "guest@hotel.test", "guest").await;
    let email = format!("Phone-Guest-{}@Hotel.test", Uuid::new_v4().simple());
    let (status, guest) = post(
        &desk,
        &app,
        "desk/create_guest",
        &guest_form("  Paula Phone ", &email, "+49 30 1234567"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{guest}");
    assert_eq!(
        (guest["name"].as_str(), guest["has_account"].as_bool()),
        (Some("Paula Phone"), Some(false))
    );
    let (subject, created_by, phone): (Option<String>, Option<Uuid>, Option<String>) =
        sqlx::query_as("SELECT subject, created_by, phone FROM users.users WHERE id = $1::uuid")
            .bind(guest["id"].as_str().unwrap())
            .fetch_one(&app.deps.pg)
            .await
            .unwrap();
    assert_eq!(
        (subject, created_by, phone.as_deref()),
        (None, Some(account_id(&app, "frontdesk@hotel.test").await.as_uuid()), Some("+49 30 1234567"))
    );

    for (form, wrong) in [
        (
            guest_form("Paula Phone", "paula-at-hotel.test", ""),
            "email",
        ),
        (guest_form("   ", "someone-new@hotel.test", ""), "name"),
        (
            guest_form("Paula Phone", "someone-new@hotel.test", "call me"),
            "phone",
        ),
    ] {
        let (status, refused) = post(&desk, &app, "desk/create_guest", &form).await;
        assert_eq!(
            (status, refused["InvalidField"]["field"].as_str()),
            (StatusCode::BAD_REQUEST, Some(wrong)),
            "{refused}"
        );
    }
    // The same address in other letters is the same guest; so is an account holder's.
    for (taken, holder) in [
        (email.to_lowercase(), "Paula Phone"),
        ("GUEST@hotel.test".to_owned(), ""),
    ] {
        let (status, refused) = post(
            &desk,
            &app,
            "desk/create_guest",
            &guest_form("Paula Again", &taken, ""),
        )
        .await;
        assert_eq!(
            (status, refused["InvalidField"]["field"].as_str()),
            (StatusCode::BAD_REQUEST, Some("email")),
            "{refused}"
        );
        let message = refused["InvalidField"]["message"].as_str().unwrap();
        assert!(
            message.contains(holder) && message.contains("already has a profile"),
            "{message}"
        );
    }
    let copies: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users.users WHERE lower(email) = lower($1)")
            .bind(&email)
            .fetch_one(&app.deps.pg)
            .await
            .unwrap();
    assert_eq!(copies, 1);

    let (status, found) = post(
        &desk,
        &app,
        "desk/find_guests",
        &[("text", email.to_uppercase())],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert_eq!(found["guests"].as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found["guests"][0]["id"], guest["id"]);
    assert_eq!(found["guests"][0]["phone"], "+49 30 1234567");
    let (status, short) = post(&desk, &app, "desk/find_guests", &[("text", "p".into())]).await;
    assert_eq!(
        (status, short["InvalidField"]["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("text")),
        "{short}"
    );
}

#[tokio::test]
async fn the_guest_search_shows_a_few_and_asks_to_refine_beyond_them() {
    let app = spawn_app().await;
    let desk = desk(&app).await;
    let tag = unique("crowd").to_lowercase();
    for n in 0..=desk::GUESTS_SHOWN {
        let email = format!("{tag}-{n:02}@hotel.test");
        let (status, made) = post(
            &desk,
            &app,
            "desk/create_guest",
            &guest_form(&format!("Crowd {n:02}"), &email, ""),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{made}");
    }
    let (_, all) = post(&desk, &app, "desk/find_guests", &[("text", tag.clone())]).await;
    assert_eq!(
        (
            all["guests"].as_array().unwrap().len(),
            all["more"].as_bool()
        ),
        (desk::GUESTS_SHOWN, Some(true)),
        "{all}"
    );
    let (_, one) = post(
        &desk,
        &app,
        "desk/find_guests",
        &[("text", format!("{tag}-03@"))],
    )
    .await;
    assert_eq!(
        (
            one["guests"].as_array().unwrap().len(),
            one["more"].as_bool()
        ),
        (1, Some(false)),
        "{one}"
    );
}

#[tokio::test]
async fn guests_and_strangers_are_refused_every_walk_in_function() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest_client = sign_in(&app, "guest@hotel.test", "guest").await;
    let someone = serde_json::json!({ "id": Uuid::new_v4().to_string() });
    let mut every_field = book_form(
        &app,
        &someone,
        &room_type,
        30,
        1,
        Some(test_cards::SUCCEEDS),
    );
    every_field.extend(guest_form(
        "Sneaky",
        &format!("sneaky-{}@hotel.test", Uuid::new_v4().simple()),
        "",
    ));
    every_field.push(("text", "guest@hotel.test".into()));
    for endpoint in [
        "desk/find_guests",
        "desk/create_guest",
        "desk/book",
        "desk/hotel_today",
    ] {
        let (status, _) = post(&guest_client, &app, endpoint, &every_field).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint}");
        let (status, _) = post(&browser(), &app, endpoint, &every_field).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{endpoint}");
    }
    let sneaky: i64 = sqlx::query_scalar("SELECT count(*) FROM users.users WHERE name = 'Sneaky'")
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(sneaky, 0);
}
