use crate::helpers::{add_guest, add_room_type, request, sign_in, spawn_app, stay};
use kernel::events::{BookingCreated, Envelope};
use notifications::NotificationsService;

/// The schema of the newest version of `topic`: what the services write now.
pub(crate) fn validator(topic: &str) -> jsonschema::Validator {
    let file = |v: u32| format!("{}/../docs/events/{topic}.v{v}.schema.json", env!("CARGO_MANIFEST_DIR"));
    let newest = (1..10).take_while(|v| std::path::Path::new(&file(*v)).exists()).last().unwrap_or(1);
    let path = file(newest);
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{path}: {e}"))
}

async fn outbox(app: &crate::helpers::TestApp, table: &str, topic: &str, key: String) -> serde_json::Value {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT payload FROM {table} WHERE topic = $1 AND key = $2 LIMIT 1")))
        .bind(topic)
        .bind(key)
        .fetch_one(&app.deps.pg)
        .await
        .unwrap_or_else(|e| panic!("no {topic} in {table}: {e}"))
}

pub(crate) fn assert_valid(topic: &str, event: &serde_json::Value) {
    let errors: Vec<String> = validator(topic).iter_errors(event).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{topic} does not match its schema: {errors:?}\n{event}");
}

/// Every event the services produce matches its published schema.
#[tokio::test]
async fn produced_events_match_their_schemas() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(200, 2))).await.unwrap();
    assert_valid("booking.created", &outbox(&app, "bookings.outbox", "booking.created", booking.id.to_string()).await);

    sign_in(&app, "manager@hotel.test", "manager").await;
    let (manager,): (uuid::Uuid,) = sqlx::query_as("SELECT id FROM users.users WHERE email = 'manager@hotel.test'")
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_valid("user.registered", &outbox(&app, "users.outbox", "user.registered", manager.to_string()).await);

    let service = NotificationsService::new(app.deps.pg.clone(), app.deps.mailer.clone(), app.state.users.clone());
    let created: Envelope<BookingCreated> =
        serde_json::from_value(outbox(&app, "bookings.outbox", "booking.created", booking.id.to_string()).await).unwrap();
    service.on_booking_created(&created).await.unwrap();
    crate::helpers::eventually("the confirmation to be sent", std::time::Duration::from_secs(20), || async {
        service.send_due().await.unwrap();
        sqlx::query_scalar::<_, serde_json::Value>(
            "SELECT payload FROM notifications.outbox WHERE topic = 'notification.sent' AND key = $1",
        )
        .bind(guest.id.to_string())
        .fetch_optional(&app.deps.pg)
        .await
        .unwrap()
    })
    .await;
    assert_valid("notification.sent", &outbox(&app, "notifications.outbox", "notification.sent", guest.id.to_string()).await);
}

#[test]
fn a_float_amount_is_refused_by_the_schema() {
    let mut event = serde_json::json!({
        "event_id": uuid::Uuid::new_v4(), "event_type": "booking.created", "schema_version": 1,
        "occurred_at": "2026-11-25T10:00:00Z",
        "payload": {
            "booking_id": uuid::Uuid::new_v4(), "user_id": uuid::Uuid::new_v4(), "room_id": uuid::Uuid::new_v4(),
            "room_number": "101", "room_type": "STD", "check_in": "2026-12-01", "check_out": "2026-12-03",
            "adults": 2, "children": 0, "total_amount": "238.00", "currency": "EUR", "timestamp": "2026-11-25T10:00:00Z",
            "version": 1
        }
    });
    assert!(validator("booking.created").is_valid(&event));
    event["payload"]["total_amount"] = serde_json::json!(238.0);
    assert!(!validator("booking.created").is_valid(&event));
}

/// Every kind of folio change, as the payments service serialises it, matches the schema (the
/// desk's folio tests validate the events written by real postings and cash).
#[test]
fn folio_changed_of_every_kind_matches_its_schema() {
    use kernel::events::{FolioChange, FolioChanged};
    let event = |change| {
        let payload = FolioChanged {
            booking_id: kernel::BookingId::new(),
            change,
            amount: "10.70".into(),
            currency: "EUR".into(),
            by: kernel::UserId::new(),
            balance: "-10.70".into(),
            timestamp: chrono::Utc::now(),
        };
        serde_json::to_value(Envelope::new(payload, chrono::Utc::now())).unwrap()
    };
    use FolioChange::*;
    for change in [ExtraPosted, ChargePosted, AllowancePosted, CashReceived, CashRefunded] {
        assert_valid("folio.changed", &event(change));
    }
    let mut negative = event(AllowancePosted);
    negative["payload"]["amount"] = "-10.70".into();
    assert!(!validator("folio.changed").is_valid(&negative), "the change says which way; the amount is never negative");
}

/// Read back from Kafka: the rooms service's outbox lives in MongoDB, and a relay of another
/// test may publish it before this one could look.
#[tokio::test]
async fn room_status_changed_matches_its_schema() {
    let app = spawn_app().await;
    let room = crate::rooms::fresh_room(&app).await;
    let by = kernel::UserId::new();
    let note = rooms::Note::parse("broken window").ok();
    app.state.rooms.set_housekeeping(room.id, rooms::Housekeeping::OutOfOrder, by, note).await.unwrap();
    app.state.rooms.set_housekeeping(room.id, rooms::Housekeeping::Dirty, by, None).await.unwrap();
    crate::rooms::published(&app, room.id).await;
    let events = crate::rooms::room_events(room.id).await;
    assert_eq!(events.len(), 2);
    for event in &events {
        assert_valid("room.status.changed", event);
    }
    assert_eq!(events[1]["payload"]["reason"], serde_json::Value::Null);
}

/// Every topic has a published schema, and every event any service has written to its outbox in
/// this database (by every test run so far, newest first) matches the schema of its topic.
#[tokio::test]
async fn every_event_in_every_outbox_matches_its_topics_schema() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    app.state.bookings.book(request(guest.id, &room_type, stay(330, 2))).await.unwrap();
    let validators: std::collections::HashMap<&str, jsonschema::Validator> =
        kernel::events::ALL_TOPICS.iter().map(|t| (*t, validator(t))).collect();
    let mut checked = std::collections::BTreeMap::<String, usize>::new();
    for table in ["users.outbox", "bookings.outbox", "payments.outbox", "notifications.outbox"] {
        let rows: Vec<(String, serde_json::Value)> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT topic, payload FROM {table} ORDER BY id DESC LIMIT 5000")))
                .fetch_all(&app.deps.pg)
                .await
                .unwrap();
        for (topic, event) in rows {
            let validator = validators.get(topic.as_str()).unwrap_or_else(|| panic!("{table} holds an event of unknown topic {topic}"));
            let errors: Vec<String> = validator.iter_errors(&event).map(|e| format!("{e} at {}", e.instance_path())).collect();
            assert!(errors.is_empty(), "{topic} in {table} does not match its schema: {errors:?}\n{event}");
            *checked.entry(topic).or_default() += 1;
        }
    }
    println!("events checked per topic: {checked:?}");
    assert!(checked.contains_key("booking.created") && checked.contains_key("user.registered"), "{checked:?}");
}

/// Both shapes of `housekeeping.assigned`, as the rooms service serialises them, match the
/// schema (`housekeeping::assignments` validates the events real assignments write).
#[test]
fn housekeeping_assigned_given_and_taken_back_matches_its_schema() {
    use kernel::events::HousekeepingAssigned;
    let event = |attendant, previous| {
        let payload = HousekeepingAssigned {
            date: chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
            room_id: kernel::RoomId::new(),
            room_number: "204".into(),
            floor: 2,
            attendant,
            previous,
            changed_by: kernel::UserId::new(),
            timestamp: chrono::Utc::now(),
        };
        serde_json::to_value(Envelope::new(payload, chrono::Utc::now())).unwrap()
    };
    let someone = Some(kernel::UserId::new());
    assert_valid("housekeeping.assigned", &event(someone, None));
    assert_valid("housekeeping.assigned", &event(None, someone));
    let mut no_date = event(someone, None);
    no_date["payload"].as_object_mut().unwrap().remove("date");
    assert!(!validator("housekeeping.assigned").is_valid(&no_date), "an assignment is always for a date");
}
