use crate::helpers::{add_guest, add_room_type, eventually, mailpit_search, request, spawn_app_with_workers, stay};
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::{ClientConfig, Message};
use std::time::Duration;

/// The whole chain with real servers: outbox → relay → Kafka → notifications consumer → SMTP.
#[tokio::test]
async fn a_booking_reaches_kafka_and_the_guest_gets_a_confirmation_email() {
    let app = spawn_app_with_workers().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(100, 3))).await.unwrap();

    let consumer: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", std::env::var("KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into()))
        .set("group.id", format!("it-reader-{}", uuid::Uuid::new_v4()))
        .set("auto.offset.reset", "earliest")
        .create()
        .unwrap();
    consumer.subscribe(&["booking.created"]).unwrap();
    let key = booking.id.to_string();
    let event = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            let message = consumer.recv().await.unwrap();
            if message.key() == Some(key.as_bytes()) {
                return serde_json::from_slice::<serde_json::Value>(message.payload().unwrap()).unwrap();
            }
        }
    })
    .await
    .expect("booking.created on Kafka within 60 s");
    let payload = &event["payload"];
    assert_eq!(event["event_type"], "booking.created");
    assert_eq!(event["schema_version"], 1);
    assert_eq!(payload["booking_id"], key);
    assert_eq!(payload["user_id"], guest.id.to_string());
    assert_eq!(payload["room_id"], booking.room_id.to_string());
    assert_eq!(payload["check_in"], booking.stay.check_in().to_string());
    assert_eq!(payload["check_out"], booking.stay.check_out().to_string());
    assert_eq!(payload["total_amount"], "370.35");
    assert!(payload["timestamp"].is_string());

    let reference = key[..8].to_uppercase();
    let query = format!("to:\"{}\" subject:\"{reference}\"", guest.email);
    let message: serde_json::Value = eventually("the confirmation email in Mailpit", Duration::from_secs(60), || async {
        let found = mailpit_search(&query).await?;
        found["messages"].as_array()?.first().cloned()
    })
    .await;
    assert_eq!(message["Subject"], format!("Your booking {reference} is confirmed"));

    let sent: (String, i32) = eventually("the delivery log", Duration::from_secs(10), || async {
        sqlx::query_as("SELECT status, attempts FROM notifications.deliveries WHERE user_id = $1")
            .bind(guest.id.as_uuid())
            .fetch_optional(&app.deps.pg)
            .await
            .unwrap()
            .filter(|(status, _): &(String, i32)| status == "sent")
    })
    .await;
    assert_eq!(sent, ("sent".into(), 1));
    let notified: i64 = sqlx::query_scalar("SELECT count(*) FROM notifications.outbox WHERE topic = 'notification.sent' AND key = $1")
        .bind(guest.id.to_string())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(notified, 1);
}
