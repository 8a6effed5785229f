//! Housekeeping, maintenance tickets and `room.status.changed`, against FerretDB and Kafka.
use crate::helpers::{add_room_type, eventually, spawn_app, spawn_app_with_workers, stay, TestApp};
use kernel::{Party, RoomId, UserId};
use rooms::bson::{doc, Document};
use rooms::{
    Housekeeping, HousekeepingError, NewTicket, Note, Occupancy, Priority, Problem, Room, RoomRelay, StatusRefused,
    TicketAction, TicketFilter, TicketStatus,
};
use std::time::Duration;

mod kafka;
pub use kafka::room_events;

/// A room of a room type of the test's own, so nothing else changes it.
pub async fn fresh_room(app: &TestApp) -> Room {
    let room_type = add_room_type(app, 1).await;
    app.state.rooms.sellable_rooms(&room_type.code).await.unwrap().remove(0)
}

/// Waits until the room's events are on Kafka, publishing them here if no relay runs.
pub async fn published(app: &TestApp, room: RoomId) {
    let relay = RoomRelay::new(&app.state.rooms, app.deps.publisher.clone());
    eventually("the room's events on Kafka", Duration::from_secs(60), || async {
        relay.run_once().await.unwrap();
        let stored = raw_room(app, room).await;
        (!stored.contains_key("outbox_pending")).then_some(())
    })
    .await;
    let stored = raw_room(app, room).await;
    assert!(stored.get_array("outbox").map_or(true, |o| o.is_empty()), "published events are removed: {stored}");
}

async fn raw_room(app: &TestApp, room: RoomId) -> Document {
    app.deps.mongo.collection::<Document>("rooms").find_one(doc! { "_id": room.to_string() }).await.unwrap().unwrap()
}

async fn rooms_free(app: &TestApp, room_type: &rooms::RoomType) -> Option<usize> {
    let found = app.state.bookings.availability(&stay(140, 2), &Party::new(2, 0).unwrap(), None).await.unwrap();
    found.iter().find(|a| a.room_type.code == room_type.code).map(|a| a.rooms_free)
}

fn note(s: &str) -> Option<Note> {
    Some(Note::parse(s).unwrap())
}

#[tokio::test]
async fn a_status_change_reaches_kafka_exactly_once() {
    let app = spawn_app_with_workers().await;
    let room = fresh_room(&app).await;
    let by = UserId::new();
    let update = app.state.rooms.set_housekeeping(room.id, Housekeeping::Dirty, by, note("coffee on the carpet")).await.unwrap();
    assert_eq!(update.room.housekeeping, Housekeeping::Dirty);
    let event_id = update.event_id.expect("a change publishes an event");

    published(&app, room.id).await;
    let events = room_events(room.id).await;
    assert_eq!(events.len(), 1, "exactly one event: {events:?}");
    let event = &events[0];
    assert_eq!(event["event_id"], event_id.to_string());
    assert_eq!(event["event_type"], "room.status.changed");
    let payload = &event["payload"];
    assert_eq!(payload["room_id"], room.id.to_string());
    assert_eq!(payload["room_number"], room.number);
    assert_eq!((&payload["housekeeping_from"], &payload["housekeeping_to"]), (&"clean".into(), &"dirty".into()));
    assert_eq!((&payload["occupancy_from"], &payload["occupancy_to"]), (&"vacant".into(), &"vacant".into()));
    assert_eq!(payload["sellable"], true);
    assert_eq!(payload["changed_by"], by.to_string());
    assert_eq!(payload["reason"], "coffee on the carpet");
    assert_eq!(app.state.rooms.room(room.id).await.unwrap().housekeeping, Housekeeping::Dirty);
}

#[tokio::test]
async fn setting_the_same_status_again_publishes_nothing() {
    let app = spawn_app().await;
    let room = fresh_room(&app).await;
    let rooms = &app.state.rooms;
    let by = UserId::new();
    assert!(rooms.set_housekeeping(room.id, Housekeeping::Dirty, by, None).await.unwrap().event_id.is_some());
    let again = rooms.set_housekeeping(room.id, Housekeeping::Dirty, by, note("still dirty")).await.unwrap();
    assert_eq!(again.event_id, None);
    assert_eq!(again.room.housekeeping, Housekeeping::Dirty);
    let vacant = rooms.set_occupancy(room.id, Occupancy::Vacant, by).await.unwrap();
    assert_eq!(vacant.event_id, None, "the room was vacant already");

    published(&app, room.id).await;
    assert_eq!(room_events(room.id).await.len(), 1, "only the first change was published");
}

/// FerretDB applies updates without isolation; the room lock must keep every change and event.
#[tokio::test]
async fn concurrent_changes_to_one_room_lose_no_event() {
    let app = spawn_app().await;
    let room = fresh_room(&app).await;
    let statuses = [Housekeeping::Dirty, Housekeeping::Clean, Housekeeping::Cleaning, Housekeeping::Dirty];
    let changes = (0..16).map(|i| {
        let rooms = app.state.rooms.clone();
        tokio::spawn(async move { rooms.set_housekeeping(room.id, statuses[i % 4], UserId::new(), None).await.unwrap() })
    });
    let made = futures::future::join_all(changes).await.into_iter().filter(|u| u.as_ref().unwrap().event_id.is_some()).count();

    published(&app, room.id).await;
    let events = room_events(room.id).await;
    assert_eq!(events.len(), made, "one event per change made");
    let chain: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e["payload"]["housekeeping_from"].as_str().unwrap(), e["payload"]["housekeeping_to"].as_str().unwrap()))
        .collect();
    assert_eq!(chain[0].0, "clean");
    assert!(chain.windows(2).all(|w| w[0].1 == w[1].0), "each change starts where the last ended: {chain:?}");
    let last = chain.last().unwrap().1;
    assert_eq!(app.state.rooms.room(room.id).await.unwrap().housekeeping.as_str(), last);
}

#[tokio::test]
async fn an_out_of_order_room_leaves_the_availability_search_one_out_of_service_stays() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 2).await;
    let [first, second] = <[Room; 2]>::try_from(app.state.rooms.sellable_rooms(&room_type.code).await.unwrap()).unwrap();
    let by = UserId::new();
    assert_eq!(rooms_free(&app, &room_type).await, Some(2));

    app.state.rooms.set_housekeeping(first.id, Housekeeping::OutOfOrder, by, note("broken window")).await.unwrap();
    assert_eq!(rooms_free(&app, &room_type).await, Some(1), "the snapshot was refreshed by the write");
    app.state.rooms.set_out_of_service(second.id, note("stained carpet"), by).await.unwrap();
    assert_eq!(rooms_free(&app, &room_type).await, Some(1), "a room out of service is still sold");
    app.state.rooms.set_housekeeping(second.id, Housekeeping::OutOfOrder, by, None).await.unwrap();
    assert_eq!(rooms_free(&app, &room_type).await, None, "no sellable room left");

    app.state.rooms.set_housekeeping(first.id, Housekeeping::Dirty, by, None).await.unwrap();
    assert_eq!(rooms_free(&app, &room_type).await, Some(1), "back in the inventory");
}

#[tokio::test]
async fn status_changes_that_make_no_sense_are_refused() {
    let app = spawn_app().await;
    let room = fresh_room(&app).await;
    let rooms = &app.state.rooms;
    let by = UserId::new();
    let unknown = RoomId::new();
    let refused = rooms.set_housekeeping(unknown, Housekeeping::Clean, by, None).await;
    assert!(matches!(refused, Err(HousekeepingError::RoomNotFound(id)) if id == unknown), "{refused:?}");

    rooms.set_housekeeping(room.id, Housekeeping::Dirty, by, None).await.unwrap();
    let refused = rooms.set_housekeeping(room.id, Housekeeping::Inspected, by, None).await;
    assert!(matches!(refused, Err(HousekeepingError::Refused(StatusRefused::InspectBeforeClean(Housekeeping::Dirty)))));

    rooms.set_housekeeping(room.id, Housekeeping::OutOfOrder, by, None).await.unwrap();
    let refused = rooms.set_occupancy(room.id, Occupancy::Occupied, by).await.unwrap_err();
    assert_eq!(refused.to_string(), "a guest cannot check into a room that is out of order");
    assert_eq!(rooms.room(room.id).await.unwrap().occupancy, Occupancy::Vacant, "nothing was written");

    rooms.set_housekeeping(room.id, Housekeeping::Clean, by, None).await.unwrap();
    rooms.set_occupancy(room.id, Occupancy::Occupied, by).await.unwrap();
    let inspected = rooms.set_housekeeping(room.id, Housekeeping::Inspected, by, None).await.unwrap();
    assert_eq!((inspected.room.housekeeping, inspected.room.occupancy), (Housekeeping::Inspected, Occupancy::Occupied));
    let left = rooms.set_occupancy(room.id, Occupancy::Vacant, by).await.unwrap();
    assert_eq!(left.room.housekeeping, Housekeeping::Dirty, "a room a guest left needs cleaning");
}

fn ticket(room: RoomId, problem: &str, priority: Priority, takes_room_out_of_order: bool) -> NewTicket {
    NewTicket { id: kernel::TicketId::new(), room_id: room, problem: Problem::parse(problem).unwrap(), priority, reporter: UserId::new(), takes_room_out_of_order, out_of_order_until: None, photo: None }
}

#[tokio::test]
async fn tickets_follow_their_state_machine() {
    let app = spawn_app().await;
    let room = fresh_room(&app).await;
    let rooms = &app.state.rooms;
    let fixer = UserId::new();
    let opened = rooms.open_ticket(ticket(room.id, "dripping tap", Priority::Normal, false)).await.unwrap();
    assert_eq!((opened.status, opened.assignee, opened.room_number.as_str()), (TicketStatus::Open, None, room.number.as_str()));
    assert_eq!(rooms.room(room.id).await.unwrap().housekeeping, Housekeeping::Clean, "the room stays on sale");

    let started = rooms.start_ticket(opened.id, fixer).await.unwrap();
    assert_eq!((started.status, started.assignee), (TicketStatus::InProgress, Some(fixer)));
    let refused = rooms.start_ticket(opened.id, fixer).await.unwrap_err();
    assert_eq!(refused.to_string(), "cannot start a ticket that is in progress");
    let resolved = rooms.resolve_ticket(opened.id, fixer).await.unwrap();
    assert_eq!(resolved.status, TicketStatus::Resolved);
    assert!(resolved.resolved_at.is_some());
    assert_eq!(rooms.ticket(opened.id).await.unwrap(), resolved, "what was returned is what was stored");

    for refused in [
        rooms.resolve_ticket(opened.id, fixer).await,
        rooms.start_ticket(opened.id, fixer).await,
        rooms.assign_ticket(opened.id, fixer, fixer).await,
    ] {
        assert!(matches!(refused, Err(HousekeepingError::IllegalTransition(t)) if t.from == TicketStatus::Resolved), "{refused:?}");
    }

    let quick = rooms.open_ticket(ticket(room.id, "light bulb", Priority::Low, false)).await.unwrap();
    let assigned = rooms.assign_ticket(quick.id, fixer, fixer).await.unwrap();
    assert_eq!((assigned.status, assigned.assignee), (TicketStatus::Open, Some(fixer)));
    assert_eq!(rooms.resolve_ticket(quick.id, fixer).await.unwrap().status, TicketStatus::Resolved, "open → resolved");

    let missing = rooms.open_ticket(ticket(RoomId::new(), "no such room", Priority::Low, false)).await;
    assert!(matches!(missing, Err(HousekeepingError::RoomNotFound(_))), "{missing:?}");
    let missing = rooms.start_ticket(kernel::TicketId::new(), fixer).await;
    assert!(matches!(missing, Err(HousekeepingError::TicketNotFound(_))), "{missing:?}");
    assert_eq!(TicketAction::Start.to_string(), "start");
}

#[tokio::test]
async fn a_ticket_takes_its_room_out_of_order_until_the_last_one_is_resolved() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let room = app.state.rooms.sellable_rooms(&room_type.code).await.unwrap().remove(0);
    let rooms = &app.state.rooms;
    let fixer = UserId::new();
    let leak = rooms.open_ticket(ticket(room.id, "water through the ceiling", Priority::Urgent, true)).await.unwrap();
    assert_eq!(rooms.room(room.id).await.unwrap().housekeeping, Housekeeping::OutOfOrder);
    assert_eq!(rooms_free(&app, &room_type).await, None, "an out-of-order room is not sold");
    let heater = rooms.open_ticket(ticket(room.id, "heater dead", Priority::High, true)).await.unwrap();

    rooms.resolve_ticket(leak.id, fixer).await.unwrap();
    assert_eq!(rooms.room(room.id).await.unwrap().housekeeping, Housekeeping::OutOfOrder, "the heater still needs fixing");
    rooms.start_ticket(heater.id, fixer).await.unwrap();
    rooms.resolve_ticket(heater.id, fixer).await.unwrap();
    assert_eq!(rooms.room(room.id).await.unwrap().housekeeping, Housekeeping::Dirty, "back, but it needs cleaning");
    assert_eq!(rooms_free(&app, &room_type).await, Some(1));

    published(&app, room.id).await;
    let moves: Vec<(String, String)> = room_events(room.id)
        .await
        .iter()
        .map(|e| (e["payload"]["housekeeping_from"].as_str().unwrap().into(), e["payload"]["housekeeping_to"].as_str().unwrap().into()))
        .collect();
    let expected = [("clean", "out_of_order"), ("out_of_order", "dirty")].map(|(a, b)| (a.to_owned(), b.to_owned()));
    assert_eq!(moves, expected, "in order, and the second ticket changed nothing");
}

#[tokio::test]
async fn tickets_are_paged_most_urgent_first() {
    let app = spawn_app().await;
    let room = fresh_room(&app).await;
    let rooms = &app.state.rooms;
    for (problem, priority) in [("a", Priority::Low), ("b", Priority::Urgent), ("c", Priority::Normal), ("d", Priority::Urgent), ("e", Priority::High)] {
        rooms.open_ticket(ticket(room.id, problem, priority, false)).await.unwrap();
    }
    let mine = TicketFilter { room: Some(room.id), status: None };
    let mut seen = Vec::new();
    for page in 1..=3 {
        let found = rooms.tickets(mine, page, 2).await.unwrap();
        assert_eq!((found.total, found.page, found.per_page), (5, page, 2));
        seen.extend(found.tickets.iter().map(|t| t.problem.as_str().to_owned()));
    }
    assert_eq!(seen, ["b", "d", "e", "c", "a"], "urgent first, oldest first within a priority");
    assert!(rooms.tickets(mine, 4, 2).await.unwrap().tickets.is_empty());

    let first = rooms.tickets(mine, 1, 1).await.unwrap().tickets.remove(0);
    rooms.start_ticket(first.id, UserId::new()).await.unwrap();
    let in_progress = rooms.tickets(TicketFilter { status: Some(TicketStatus::InProgress), ..mine }, 1, 10).await.unwrap();
    assert_eq!((in_progress.total, in_progress.tickets[0].id), (1, first.id));
    assert_eq!(rooms.tickets(TicketFilter { status: Some(TicketStatus::Open), ..mine }, 1, 10).await.unwrap().total, 4);

    for (page, per_page) in [(0, 10), (1, 0), (1, rooms::MAX_PER_PAGE + 1)] {
        assert!(matches!(rooms.tickets(mine, page, per_page).await, Err(HousekeepingError::InvalidPage)));
    }
}
