use crate::helpers::{add_guest, eventually, spawn_app};
use chrono::Utc;
use futures::future::join_all;
use kernel::events::{BookingCreated, Envelope};
use kernel::{BookingId, RoomId};
use notifications::NotificationsService;
use std::time::Duration;

/// A redelivered event, even handled by several consumers at once, sends one email.
#[tokio::test]
async fn one_event_handled_many_times_sends_one_email() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await;
    let service = NotificationsService::new(app.deps.pg.clone(), app.deps.mailer.clone(), app.state.users.clone());
    let booking_id = BookingId::new();
    let event = Envelope::new(
        BookingCreated {
            booking_id,
            user_id: guest.id,
            room_id: RoomId::new(),
            room_number: "101".into(),
            room_type: "STD".into(),
            check_in: Utc::now().date_naive(),
            check_out: Utc::now().date_naive() + chrono::Days::new(1),
            adults: 1,
            children: 0,
            total_amount: "119.00".into(),
            currency: "EUR".into(),
            timestamp: Utc::now(),
        },
        Utc::now(),
    );

    let first_round = join_all((0..5).map(|_| service.on_booking_created(&event))).await;
    assert!(first_round.iter().any(|r| r.is_ok()));
    eventually("every handler to see the email sent", Duration::from_secs(20), || async {
        service.on_booking_created(&event).await.ok()
    })
    .await;

    let mailpit = std::env::var("MAILPIT_API_URL").unwrap_or_else(|_| "http://127.0.0.1:8025".into());
    let query = format!("to:\"{}\"", guest.email);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let found: serde_json::Value = reqwest::Client::new()
        .get(format!("{mailpit}/api/v1/search"))
        .query(&[("query", &query)])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(found["messages_count"], 1, "{found}");
}
