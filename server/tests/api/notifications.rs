use crate::helpers::{add_guest, eventually, mailpit_search, spawn_app};
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
            lines: vec![],
        },
        Utc::now(),
    );

    for handled in join_all((0..5).map(|_| service.on_booking_created(&event))).await {
        handled.unwrap();
    }
    for sent in join_all((0..3).map(|_| service.send_due())).await {
        sent.unwrap();
    }
    service.on_booking_created(&event).await.unwrap();
    // Another test's app may be sending it right now: wait for whoever holds it to finish.
    eventually("the delivery to be sent", Duration::from_secs(20), || async {
        service.send_due().await.unwrap();
        let status: String = sqlx::query_scalar("SELECT status FROM notifications.deliveries WHERE user_id = $1")
            .bind(guest.id.as_uuid())
            .fetch_one(&app.deps.pg)
            .await
            .unwrap();
        (status == "sent").then_some(())
    })
    .await;

    tokio::time::sleep(Duration::from_millis(500)).await;
    let found = mailpit_search(&format!("to:\"{}\"", guest.email)).await.unwrap();
    assert_eq!(found["messages_count"], 1, "{found}");
}
