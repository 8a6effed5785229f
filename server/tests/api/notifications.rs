//! Notifications against the real stack: events in through the consumer, templates from
//! PostgreSQL, email out through Mailpit (read back through its API).
use crate::helpers::{add_guest, eventually, mailpit_search, spawn_app, TestApp};
use chrono::{NaiveDate, Utc};
use eventbus::Handler;
use futures::future::join_all;
use kernel::events::{
    BookingCancelled, BookingCreated, Envelope, Event, PaymentCompleted, PaymentFailed, BOOKING_CANCELLED,
    BOOKING_CREATED, PAYMENT_COMPLETED, PAYMENT_FAILED,
};
use kernel::{BookingId, Email, PaymentId, Role, RoomId, UserId};
use notifications::{NotificationsConsumer, NotificationsService};
use serde_json::Value;
use std::time::Duration;

mod sending;

fn consumer(app: &TestApp) -> NotificationsConsumer {
    NotificationsConsumer(NotificationsService::new(app.deps.pg.clone(), app.deps.mailer.clone(), app.state.users.clone()))
}

fn reference(booking: BookingId) -> String {
    booking.to_string()[..8].to_uppercase()
}

/// Hands the event to the consumer as Kafka would, then sends until its email is out.
async fn deliver<E: Event + serde::Serialize>(app: &TestApp, consumer: &NotificationsConsumer, event: &Envelope<E>) {
    let bytes = serde_json::to_vec(event).unwrap();
    consumer.handle(E::TYPE, &bytes).await.unwrap();
    // Another test's app may be sending it right now: wait for whoever holds it to finish.
    eventually("the delivery to be sent", Duration::from_secs(30), || async {
        consumer.0.send_due().await.unwrap();
        status(app, event.event_id.as_uuid()).await.filter(|s| s == "sent")
    })
    .await;
}

async fn status(app: &TestApp, cause: uuid::Uuid) -> Option<String> {
    sqlx::query_scalar("SELECT status FROM notifications.deliveries WHERE cause_event_id = $1")
        .bind(cause)
        .fetch_optional(&app.deps.pg)
        .await
        .unwrap()
}

/// The one message in Mailpit to `to` whose subject contains `subject`, with its text and HTML.
async fn email(to: &Email, subject: &str) -> Value {
    let query = format!("to:\"{to}\" subject:\"{subject}\"");
    let id = eventually("the email in Mailpit", Duration::from_secs(30), || async {
        let found = mailpit_search(&query).await?;
        found["messages"].as_array()?.first()?["ID"].as_str().map(str::to_owned)
    })
    .await;
    let mailpit = std::env::var("MAILPIT_API_URL").unwrap_or_else(|_| "http://127.0.0.1:8025".into());
    let message: Value =
        reqwest::get(format!("{mailpit}/api/v1/message/{id}")).await.unwrap().json().await.unwrap();
    assert!(message["HTML"].as_str().is_some_and(|h| h.contains("<p>")), "an HTML part: {message}");
    message
}

fn text(message: &Value) -> &str {
    message["Text"].as_str().unwrap_or_default()
}

fn booking_created(user_id: UserId, booking_id: BookingId) -> Envelope<BookingCreated> {
    let check_in = NaiveDate::from_ymd_opt(2027, 3, 5).unwrap();
    let payload = BookingCreated {
        booking_id,
        user_id,
        room_id: RoomId::new(),
        room_number: "101".into(),
        room_type: "Double".into(),
        check_in,
        check_out: check_in + chrono::Days::new(2),
        adults: 2,
        children: 1,
        total_amount: "389.5".into(),
        currency: "EUR".into(),
        timestamp: Utc::now(),
        version: 1,
        lines: vec![],
    };
    Envelope::new(payload, Utc::now())
}

fn booking_cancelled(user_id: UserId, booking_id: BookingId, fee: &str) -> Envelope<BookingCancelled> {
    let check_in = NaiveDate::from_ymd_opt(2027, 3, 5).unwrap();
    let payload = BookingCancelled {
        booking_id,
        user_id,
        room_id: RoomId::new(),
        check_in,
        check_out: check_in + chrono::Days::new(2),
        cancelled_by: user_id,
        reason: None,
        cancellation_fee: fee.into(),
        currency: "EUR".into(),
        timestamp: Utc::now(),
        version: 2,
    };
    Envelope::new(payload, Utc::now())
}

fn payment_completed(user_id: UserId, booking_id: BookingId, kind: &str) -> Envelope<PaymentCompleted> {
    let payload = PaymentCompleted {
        payment_id: PaymentId::new(),
        booking_id,
        user_id,
        kind: kind.into(),
        amount: "120.00".into(),
        currency: "EUR".into(),
        card_last4: Some("4242".into()),
        timestamp: Utc::now(),
    };
    Envelope::new(payload, Utc::now())
}

#[tokio::test]
async fn the_consumer_listens_to_every_event_with_a_message() {
    for topic in [BOOKING_CREATED, BOOKING_CANCELLED, PAYMENT_COMPLETED, PAYMENT_FAILED] {
        assert!(NotificationsConsumer::TOPICS.contains(&topic), "{topic}");
    }
}

#[tokio::test]
async fn a_booking_gets_a_confirmation_in_text_and_html() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await;
    let consumer = consumer(&app);
    let booking = BookingId::new();
    deliver(&app, &consumer, &booking_created(guest.id, booking)).await;

    let message = email(&guest.email, &reference(booking)).await;
    assert_eq!(message["Subject"], format!("Your booking {} is confirmed", reference(booking)));
    for expected in ["Dear Test Guest,", "Check-in:  5 March 2027", "Nights:    2", "1 child", "Total:     €389.50"] {
        assert!(text(&message).contains(expected), "{expected:?} in {}", text(&message));
    }
}

#[tokio::test]
async fn a_cancellation_names_its_fee_or_says_it_is_free_of_charge() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await;
    let consumer = consumer(&app);
    let (free, charged) = (BookingId::new(), BookingId::new());
    deliver(&app, &consumer, &booking_cancelled(guest.id, free, "0.00")).await;
    deliver(&app, &consumer, &booking_cancelled(guest.id, charged, "59.00")).await;

    let message = email(&guest.email, &reference(free)).await;
    assert_eq!(message["Subject"], format!("Your booking {} is cancelled", reference(free)));
    assert!(text(&message).contains("The cancellation is free of charge."), "{message}");
    let message = email(&guest.email, &reference(charged)).await;
    assert!(text(&message).contains("A cancellation fee of €59.00 applies"), "{message}");
    assert!(!text(&message).contains("free of charge"), "{message}");
}

#[tokio::test]
async fn a_completed_payment_gets_a_receipt_worded_by_its_kind() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await;
    let consumer = consumer(&app);
    let booking = BookingId::new();
    let cases = [
        ("authorisation", "Card authorised for booking", "We have placed a hold of €120.00 on your card ending in 4242"),
        ("capture", "Payment receipt for booking", "We have received your payment of €120.00"),
        ("refund", "Refund for booking", "We have refunded €120.00 to your card ending in 4242"),
    ];
    for (kind, _, _) in cases {
        deliver(&app, &consumer, &payment_completed(guest.id, booking, kind)).await;
    }
    for (_, subject, says) in cases {
        let message = email(&guest.email, subject).await;
        assert_eq!(message["Subject"], format!("{subject} {}", reference(booking)));
        assert!(text(&message).contains(says), "{says:?} in {message}");
    }
}

#[tokio::test]
async fn a_failed_payment_says_what_happened_and_what_to_do() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await;
    let consumer = consumer(&app);
    let booking = BookingId::new();
    let failed = Envelope::new(
        PaymentFailed {
            payment_id: PaymentId::new(),
            booking_id: booking,
            user_id: guest.id,
            kind: "capture".into(),
            amount: "389.00".into(),
            currency: "EUR".into(),
            card_last4: Some("0002".into()),
            reason: "declined".into(),
            message: "Your card was declined.".into(),
            timestamp: Utc::now(),
        },
        Utc::now(),
    );
    deliver(&app, &consumer, &failed).await;

    let message = email(&guest.email, &reference(booking)).await;
    assert_eq!(message["Subject"], format!("Your payment for booking {} did not go through", reference(booking)));
    for expected in ["€389.00 with your card ending in 0002", "Nothing has been charged", "Your bank declined", "another card"] {
        assert!(text(&message).contains(expected), "{expected:?} in {message}");
    }
}

/// The `locale` the identity provider sends picks the templates; a later sign-in without one
/// keeps it.
#[tokio::test]
async fn a_german_guest_gets_the_german_templates() {
    let app = spawn_app().await;
    let tag = uuid::Uuid::new_v4().simple().to_string();
    let mut identity = users::Identity {
        subject: format!("test-{tag}"),
        email: Email::parse(&format!("gast-{tag}@hotel.test")).unwrap(),
        email_verified: true,
        name: "Greta Gast".into(),
        role: Role::Guest,
        language: Some(users::Language::De),
    };
    app.state.users.sign_in(&identity).await.unwrap();
    identity.language = None;
    let guest = app.state.users.sign_in(&identity).await.unwrap();
    assert_eq!(guest.language, users::Language::De);

    let consumer = consumer(&app);
    let booking = BookingId::new();
    deliver(&app, &consumer, &booking_created(guest.id, booking)).await;
    deliver(&app, &consumer, &booking_cancelled(guest.id, booking, "0.00")).await;

    let confirmation = email(&guest.email, "bestätigt").await;
    assert_eq!(confirmation["Subject"], format!("Ihre Buchung {} ist bestätigt", reference(booking)));
    for expected in ["Guten Tag Greta Gast,", "Anreise:  05.03.2027", "Gesamt:   €389.50"] {
        assert!(text(&confirmation).contains(expected), "{expected:?} in {confirmation}");
    }
    let cancellation = email(&guest.email, "storniert").await;
    assert!(text(&cancellation).contains("Die Stornierung ist für Sie kostenlos."), "{cancellation}");
    let languages: Vec<String> = sqlx::query_scalar("SELECT language FROM notifications.deliveries WHERE user_id = $1")
        .bind(guest.id.as_uuid())
        .fetch_all(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(languages, ["de", "de"]);
}

/// A redelivered event, even handled by several consumers at once, sends one email.
#[tokio::test]
async fn one_event_handled_many_times_sends_one_email() {
    let app = spawn_app().await;
    let guest = add_guest(&app).await;
    let consumer = consumer(&app);
    let event = booking_created(guest.id, BookingId::new());
    let bytes = serde_json::to_vec(&event).unwrap();

    for handled in join_all((0..5).map(|_| consumer.handle(BOOKING_CREATED, &bytes))).await {
        handled.unwrap();
    }
    for sent in join_all((0..3).map(|_| consumer.0.send_due())).await {
        sent.unwrap();
    }
    consumer.handle(BOOKING_CREATED, &bytes).await.unwrap();
    deliver(&app, &consumer, &event).await;

    tokio::time::sleep(Duration::from_millis(500)).await;
    let found = mailpit_search(&format!("to:\"{}\"", guest.email)).await.unwrap();
    assert_eq!(found["messages_count"], 1, "{found}");
}
