//! The sender and the delivery log: retries with backoff, giving up, `notification.sent`, and
//! messages that cannot be rendered.
use super::{booking_created, consumer, deliver, email, payment_completed, status};
use crate::helpers::{add_guest, eventually, mailpit_search, spawn_app, TestApp};
use eventbus::Handler;
use kernel::events::PAYMENT_COMPLETED;
use kernel::BookingId;
use notifications::{NotificationsService, MAX_ATTEMPTS};
use serde_json::Value;
use std::time::Duration;
use uuid::Uuid;

/// A delivery of this test's own that every sender fails on: its address does not parse.
async fn undeliverable(app: &TestApp, guest: &users::User, attempts: i32) -> Uuid {
    let id = Uuid::new_v4();
    sqlx::query(
        "INSERT INTO notifications.deliveries
           (id, cause_event_id, template, user_id, recipient, subject, body_text, body_html, attempts)
         VALUES ($1, $2, 'booking_confirmation', $3, 'nobody at hotel.test', $4, 'Text', '<p>HTML</p>', $5)",
    )
    .bind(id)
    .bind(Uuid::new_v4())
    .bind(guest.id.as_uuid())
    .bind(format!("Delivery {id}"))
    .bind(attempts)
    .execute(&app.deps.pg)
    .await
    .unwrap();
    id
}

#[derive(Debug, sqlx::FromRow)]
struct Logged {
    status: String,
    attempts: i32,
    last_error: Option<String>,
    /// How long after the last attempt the next one is due.
    backoff_secs: Option<f64>,
}

/// The log entry once its `attempts`-th attempt is over, whichever sender made it.
async fn attempted(app: &TestApp, service: &NotificationsService, id: Uuid, attempts: i32) -> Logged {
    let logged = eventually("the attempt to be logged", Duration::from_secs(30), || async {
        service.send_due().await.unwrap();
        sqlx::query_as::<_, Logged>(
            "SELECT status, attempts, last_error,
                    EXTRACT(EPOCH FROM next_attempt_at - last_attempt_at)::float8 AS backoff_secs
             FROM notifications.deliveries WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&app.deps.pg)
        .await
        .ok()
        .filter(|l| l.attempts >= attempts)
    })
    .await;
    assert_eq!(logged.attempts, attempts, "{logged:?}");
    logged
}

/// As if the backoff had passed.
async fn make_due(app: &TestApp, id: Uuid) {
    sqlx::query("UPDATE notifications.deliveries SET next_attempt_at = now() WHERE id = $1")
        .bind(id)
        .execute(&app.deps.pg)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_failed_send_is_retried_with_backoff_and_logged_with_its_attempts() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await;
    let service = consumer(&app).0;
    let id = undeliverable(&app, &guest, 0).await;

    let first = attempted(&app, &service, id, 1).await;
    assert_eq!((first.status.as_str(), first.backoff_secs), ("queued", Some(10.0)), "{first:?}");
    assert!(first.last_error.as_deref().is_some_and(|e| e.contains("recipient")), "{first:?}");
    make_due(&app, id).await;
    let second = attempted(&app, &service, id, 2).await;
    assert_eq!((second.status.as_str(), second.backoff_secs), ("queued", Some(20.0)), "{second:?}");

    // The address is put right: the next attempt goes out.
    sqlx::query("UPDATE notifications.deliveries SET recipient = $2, next_attempt_at = now() WHERE id = $1")
        .bind(id)
        .bind(guest.email.as_str())
        .execute(&app.deps.pg)
        .await
        .unwrap();
    let third = attempted(&app, &service, id, 3).await;
    assert_eq!((third.status.as_str(), third.last_error), ("sent", None));
    email(&guest.email, &format!("Delivery {id}")).await;
}

#[tokio::test]
async fn a_delivery_is_given_up_after_its_last_attempt() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await;
    let service = consumer(&app).0;
    let id = undeliverable(&app, &guest, MAX_ATTEMPTS - 1).await;

    let last = attempted(&app, &service, id, MAX_ATTEMPTS).await;
    assert_eq!(last.status, "failed", "{last:?}");
    make_due(&app, id).await;
    service.send_due().await.unwrap();
    assert_eq!(attempted(&app, &service, id, MAX_ATTEMPTS).await.status, "failed");
}

fn assert_valid(topic: &str, event: &Value) {
    let path = format!("{}/../docs/events/{topic}.v1.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{path}: {e}"));
    let errors: Vec<String> = validator.iter_errors(event).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{topic} does not match its schema: {errors:?}\n{event}");
}

#[tokio::test]
async fn notification_sent_names_the_message_and_matches_its_schema() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await;
    let consumer = consumer(&app);
    let event = booking_created(guest.id, BookingId::new());
    deliver(&app, &consumer, &event).await;

    let sent: Value = sqlx::query_scalar(
        "SELECT payload FROM notifications.outbox
         WHERE topic = 'notification.sent' AND payload -> 'payload' ->> 'cause_event_id' = $1",
    )
    .bind(event.event_id.to_string())
    .fetch_one(&app.deps.pg)
    .await
    .unwrap();
    assert_valid("notification.sent", &sent);
    let payload = &sent["payload"];
    assert_eq!(payload["template"], "booking_confirmation");
    assert_eq!(payload["recipient"], guest.email.as_str());
    assert_eq!(payload["user_id"], guest.id.to_string());
}

/// Redelivering cannot fix what stops a message being written (here a payment kind no
/// template knows), so it is logged as failed for a person to look at, and never sent.
#[tokio::test]
async fn a_message_that_cannot_be_rendered_is_logged_as_failed_and_never_sent() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await;
    let consumer = consumer(&app);
    let event = payment_completed(guest.id, BookingId::new(), "chargeback");
    let bytes = serde_json::to_vec(&event).unwrap();
    consumer.handle(PAYMENT_COMPLETED, &bytes).await.unwrap();
    consumer.handle(PAYMENT_COMPLETED, &bytes).await.unwrap();

    let (logged, attempts, error): (String, i32, Option<String>) = sqlx::query_as(
        "SELECT status, attempts, last_error FROM notifications.deliveries WHERE cause_event_id = $1",
    )
    .bind(event.event_id.as_uuid())
    .fetch_one(&app.deps.pg)
    .await
    .unwrap();
    assert_eq!((logged.as_str(), attempts), ("failed", 0));
    assert!(error.is_some_and(|e| e.contains("chargeback")));
    consumer.0.send_due().await.unwrap();
    assert_eq!(status(&app, event.event_id.as_uuid()).await.as_deref(), Some("failed"));
    let found = mailpit_search(&format!("to:\"{}\"", guest.email)).await.unwrap();
    assert_eq!(found["messages_count"], 0, "{found}");
}
