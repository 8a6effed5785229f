//! A guest the desk registered has no account: the confirmation still reaches them, and the
//! account they make later with the same email takes the profile over, with its bookings, only
//! when the identity provider verified that they hold the address.
use super::{book_form, desk, post};
use crate::helpers::{add_room_type, eventually, mailpit_search, spawn_app, TestApp};
use eventbus::Handler;
use kernel::{Email, Role, UserId};
use notifications::{NotificationsConsumer, NotificationsService};
use reqwest::StatusCode;
use serde_json::Value;
use std::time::Duration;
use uuid::Uuid;

/// A first sign-in as the identity provider would report it.
fn identity(email: &str, email_verified: bool) -> users::Identity {
    users::Identity {
        subject: format!("kc-{}", Uuid::new_v4()),
        email: Email::parse(email).unwrap(),
        email_verified,
        name: "Wanda Walker".into(),
        role: Role::Guest,
        language: None,
    }
}

async fn registered_guest(app: &TestApp, desk: &reqwest::Client) -> (UserId, String) {
    let email = format!("sign-up-later-{}@hotel.test", Uuid::new_v4().simple());
    let form = super::guest_form("Wanda Walk-In", &email, "");
    let (status, guest) = post(desk, app, "desk/create_guest", &form).await;
    assert_eq!(status, StatusCode::OK, "{guest}");
    (guest["id"].as_str().unwrap().parse().unwrap(), email)
}

async fn subject_of(app: &TestApp, id: UserId) -> Option<String> {
    sqlx::query_scalar("SELECT subject FROM users.users WHERE id = $1")
        .bind(id.as_uuid())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_sign_up_with_the_same_verified_email_takes_over_the_desk_profile_and_its_bookings() {
    let app = spawn_app().await;
    let desk = desk(&app).await;
    let room_type = add_room_type(&app, 1).await;
    let (profile, email) = registered_guest(&app, &desk).await;
    let guest = serde_json::json!({ "id": profile.to_string() });
    let (status, booked) = post(
        &desk,
        &app,
        "desk/book",
        &book_form(&app, &guest, &room_type, 40, 2, None),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{booked}");

    let sign_up = identity(&email, true);
    let user = app.state.users.sign_in(&sign_up).await.unwrap();
    assert_eq!(user.id, profile, "the same person, not a second one");
    assert_eq!(user.name, "Wanda Walker", "the provider's name from now on");
    assert_eq!(
        subject_of(&app, profile).await,
        Some(sign_up.subject.clone())
    );
    assert_eq!(
        app.state.users.sign_in(&sign_up).await.unwrap().id,
        profile,
        "and at every sign-in after"
    );
    let theirs = app.state.bookings.for_user(user.id, 0, 10).await.unwrap();
    assert_eq!(
        theirs.iter().map(|b| b.id.to_string()).collect::<Vec<_>>(),
        vec![booked.as_str().unwrap().to_owned()]
    );
    let registered: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM users.outbox WHERE topic = 'user.registered' AND key = $1",
    )
    .bind(profile.to_string())
    .fetch_one(&app.deps.pg)
    .await
    .unwrap();
    assert_eq!(
        registered, 1,
        "registered once, when the desk made the profile"
    );
    let (_, found) = post(&desk, &app, "desk/find_guests", &[("text", email.clone())]).await;
    assert_eq!(found["guests"][0]["has_account"], true, "{found}");
}

/// Anyone can type an address into a sign-up form: until the provider has checked it, the
/// profile (and what was booked on it) stays the desk's.
#[tokio::test]
async fn a_sign_up_with_an_unverified_email_does_not_take_over_the_desk_profile() {
    let app = spawn_app().await;
    let desk = desk(&app).await;
    let (profile, email) = registered_guest(&app, &desk).await;

    let user = app
        .state
        .users
        .sign_in(&identity(&email, false))
        .await
        .unwrap();
    assert_ne!(user.id, profile);
    assert_eq!(
        subject_of(&app, profile).await,
        None,
        "the profile still waits for its guest"
    );
    let verified = identity(&email, true);
    assert_eq!(
        app.state.users.sign_in(&verified).await.unwrap().id,
        profile,
        "a verified sign-up still can"
    );
}

#[tokio::test]
async fn a_guest_without_an_account_gets_the_confirmation_of_a_desk_booking() {
    let app = spawn_app().await;
    let desk = desk(&app).await;
    let room_type = add_room_type(&app, 1).await;
    let (profile, email) = registered_guest(&app, &desk).await;
    let guest = serde_json::json!({ "id": profile.to_string() });
    let (status, booked) = post(
        &desk,
        &app,
        "desk/book",
        &book_form(&app, &guest, &room_type, 41, 1, None),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{booked}");

    let created: Value = sqlx::query_scalar(
        "SELECT payload FROM bookings.outbox WHERE key = $1 AND topic = 'booking.created'",
    )
    .bind(booked.as_str().unwrap())
    .fetch_one(&app.deps.pg)
    .await
    .unwrap();
    let consumer = NotificationsConsumer(NotificationsService::new(
        app.deps.pg.clone(),
        app.deps.mailer.clone(),
        app.state.users.clone(),
    ));
    consumer
        .handle("booking.created", &serde_json::to_vec(&created).unwrap())
        .await
        .unwrap();
    let cause: Uuid = created["event_id"].as_str().unwrap().parse().unwrap();
    eventually(
        "the confirmation to be sent",
        Duration::from_secs(30),
        || async {
            consumer.0.send_due().await.unwrap();
            let status: Option<String> = sqlx::query_scalar(
                "SELECT status FROM notifications.deliveries WHERE cause_event_id = $1",
            )
            .bind(cause)
            .fetch_optional(&app.deps.pg)
            .await
            .unwrap();
            status.filter(|s| s == "sent")
        },
    )
    .await;
    let reference = booked.as_str().unwrap()[..8].to_uppercase();
    let subject = eventually(
        "the confirmation in Mailpit",
        Duration::from_secs(30),
        || async {
            let found = mailpit_search(&format!("to:\"{email}\" subject:\"{reference}\"")).await?;
            found["messages"].as_array()?.first()?["Subject"]
                .as_str()
                .map(str::to_owned)
        },
    )
    .await;
    assert_eq!(subject, format!("Your booking {reference} is confirmed"));
}
