use super::{a_date_of_its_own, rooms_on_floors};
use crate::helpers::{account_id, spawn_app};
use desk::DeskError;
use kernel::{Role, RoomId, UserId};
use rooms::{AssignmentError, RoomRelay};

#[tokio::test]
async fn a_room_is_assigned_reassigned_and_taken_back_with_every_change_audited() {
    let app = spawn_app().await;
    let rooms = &app.state.rooms;
    let date = a_date_of_its_own();
    let room = rooms_on_floors(&app, 1, 1).await.remove(0);
    let (ana, ben, supervisor) = (UserId::new(), UserId::new(), UserId::new());

    let given = rooms.assign(date, room.id, ana, supervisor).await.unwrap();
    assert_eq!(
        (
            given.room_id,
            given.attendant,
            given.floor,
            given.assigned_by
        ),
        (room.id, ana, 1, supervisor)
    );
    assert_eq!(rooms.assignments(date).await.unwrap(), vec![given.clone()]);
    assert_eq!(rooms.rooms_of(date, ana).await.unwrap(), vec![given]);

    rooms.assign(date, room.id, ben, supervisor).await.unwrap();
    rooms.assign(date, room.id, ben, supervisor).await.unwrap();
    assert!(rooms.rooms_of(date, ana).await.unwrap().is_empty());
    assert_eq!(rooms.rooms_of(date, ben).await.unwrap().len(), 1);
    assert!(
        rooms
            .assignments(date + chrono::Days::new(1))
            .await
            .unwrap()
            .is_empty(),
        "assignments are per date"
    );

    assert!(rooms.unassign(date, room.id, supervisor).await.unwrap());
    assert!(
        !rooms.unassign(date, room.id, supervisor).await.unwrap(),
        "nobody had it any more"
    );
    assert!(rooms.assignments(date).await.unwrap().is_empty());

    let history = rooms.assignment_history(date).await.unwrap();
    let moves: Vec<_> = history
        .iter()
        .map(|c| (c.from, c.to, c.by, c.room_id))
        .collect();
    assert_eq!(
        moves,
        vec![
            (None, Some(ana), supervisor, room.id),
            (Some(ana), Some(ben), supervisor, room.id),
            (Some(ben), None, supervisor, room.id)
        ],
        "one line per change, none for giving a room to whoever has it"
    );
}

#[tokio::test]
async fn an_unknown_room_is_refused_with_a_clear_message() {
    let app = spawn_app().await;
    let date = a_date_of_its_own();
    let nowhere = RoomId::new();
    let refused = app
        .state
        .rooms
        .assign(date, nowhere, UserId::new(), UserId::new())
        .await
        .unwrap_err();
    assert!(
        matches!(refused, AssignmentError::UnknownRoom(r) if r == nowhere),
        "{refused:?}"
    );
    assert!(refused.to_string().contains("no such room"), "{refused}");
    assert!(matches!(
        app.state.rooms.unassign(date, nowhere, UserId::new()).await,
        Err(AssignmentError::UnknownRoom(_))
    ));
    assert!(app
        .state
        .rooms
        .assignment_history(date)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn only_housekeeping_staff_are_given_rooms_and_are_listed_as_attendants() {
    let app = spawn_app().await;
    let date = a_date_of_its_own();
    let room = rooms_on_floors(&app, 1, 1).await.remove(0);
    let housekeeper = account_id(&app, "housekeeping@hotel.test").await;
    let manager = account_id(&app, "manager@hotel.test").await;

    let refused = app
        .state
        .desk
        .assign_attendant(date, room.id, manager, manager)
        .await
        .unwrap_err();
    assert!(matches!(refused, DeskError::Invalid(_)), "{refused:?}");
    assert!(app.state.rooms.assignments(date).await.unwrap().is_empty());
    let given = app
        .state
        .desk
        .assign_attendant(date, room.id, housekeeper, manager)
        .await
        .unwrap();
    assert_eq!(given.attendant, housekeeper);

    let attendants = app
        .state
        .users
        .with_role(Role::Housekeeping, users::MAX_STAFF_LISTED)
        .await
        .unwrap();
    assert!(
        attendants.iter().any(|u| u.id == housekeeper),
        "{attendants:?}"
    );
    assert!(
        attendants.iter().all(|u| u.role == Role::Housekeeping),
        "{attendants:?}"
    );
    assert!(
        app.state
            .users
            .with_role(Role::Housekeeping, 1)
            .await
            .unwrap()
            .len()
            <= 1,
        "the limit holds"
    );
}

/// The event waits in the assignment's document with the change, matches its schema, and the
/// relay publishes it and empties that outbox.
#[tokio::test]
async fn housekeeping_assigned_reaches_the_outbox_matching_its_schema() {
    let app = spawn_app().await;
    let date = a_date_of_its_own();
    let room = rooms_on_floors(&app, 1, 1).await.remove(0);
    let collection = app
        .deps
        .mongo
        .collection::<rooms::bson::Document>("housekeeping_assignments");
    let id = format!("{date}/{}", room.id);
    let (ana, ben, by) = (UserId::new(), UserId::new(), UserId::new());
    // Another test's relay may publish the event before this one reads it: change again then.
    let mut events = Vec::new();
    for attendant in [ana, ben, ana, ben, ana] {
        app.state
            .rooms
            .assign(date, room.id, attendant, by)
            .await
            .unwrap();
        let stored = collection
            .find_one(rooms::bson::doc! { "_id": &id })
            .await
            .unwrap()
            .unwrap();
        let outbox = stored.get_array("outbox").cloned().unwrap_or_default();
        events.extend(
            outbox
                .iter()
                .filter_map(|e| e.as_document()?.get_str("payload").ok().map(str::to_owned)),
        );
        if !events.is_empty() {
            break;
        }
    }
    assert!(
        !events.is_empty(),
        "no housekeeping.assigned in the assignment's outbox"
    );
    for payload in &events {
        let event: serde_json::Value = serde_json::from_str(payload).unwrap();
        crate::schemas::assert_valid("housekeeping.assigned", &event);
        assert_eq!(event["payload"]["room_id"], room.id.to_string());
        assert_eq!(event["payload"]["date"], date.to_string());
    }
    let unassigned = serde_json::json!({
        "event_id": uuid::Uuid::new_v4(), "event_type": "housekeeping.assigned", "schema_version": 1,
        "occurred_at": "2026-05-01T08:00:00Z",
        "payload": { "date": "2026-05-01", "room_id": room.id, "room_number": "101", "floor": 1, "attendant": null,
                     "previous": ana, "changed_by": by, "timestamp": "2026-05-01T08:00:00Z" }
    });
    crate::schemas::assert_valid("housekeeping.assigned", &unassigned);

    let relay = RoomRelay::new(&app.state.rooms, app.deps.publisher.clone());
    crate::helpers::eventually(
        "the assignment's events on Kafka",
        std::time::Duration::from_secs(60),
        || async {
            relay.run_once().await.unwrap();
            let stored = collection
                .find_one(rooms::bson::doc! { "_id": &id })
                .await
                .unwrap()
                .unwrap();
            (!stored.contains_key("outbox_pending")).then_some(())
        },
    )
    .await;
    let stored = collection
        .find_one(rooms::bson::doc! { "_id": &id })
        .await
        .unwrap()
        .unwrap();
    assert!(
        stored.get_array("outbox").map_or(true, |o| o.is_empty()),
        "published events are removed: {stored}"
    );
    assert!(
        !stored.get_array("history").unwrap().is_empty(),
        "the audit trail stays"
    );
}
