//! A room's housekeeping state through the rooms service, against FerretDB and Kafka: every
//! transition and refusal, the hotel's inspection setting, the start of the business day, and
//! the `room.status.changed` v2 each change publishes.
use crate::helpers::{add_guest, add_room_type, request, spawn_app, stay, TestApp};
use crate::rooms::{fresh_room, published, room_events};
use crate::schemas::assert_valid;
use kernel::UserId;
use rooms::{
    Discrepancy, GuestService, Housekeeping, HousekeepingError, HousekeepingSettings, Note, Occupancy, Room, StatusRefused,
};

fn note(s: &str) -> Note {
    Note::parse(s).unwrap()
}

fn refused(result: Result<rooms::StatusUpdate, HousekeepingError>) -> StatusRefused {
    match result {
        Err(HousekeepingError::Refused(r)) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// A fresh room with a guest in it (checked in through the rooms service, as the desk's event would).
async fn occupied_room(app: &TestApp) -> Room {
    let room = fresh_room(app).await;
    app.state.rooms.set_occupancy(room.id, Occupancy::Occupied, UserId::new()).await.unwrap().room
}

#[tokio::test]
async fn an_attendant_cleans_and_a_supervisor_passes_or_fails_with_a_reason_and_the_setting_decides() {
    let app = spawn_app().await;
    let rooms = &app.state.rooms;
    let (attendant, supervisor) = (UserId::new(), UserId::new());
    let room = fresh_room(&app).await;
    rooms.set_housekeeping(room.id, Housekeeping::Dirty, supervisor, None).await.unwrap();

    let before = rooms.housekeeping_settings().await.unwrap();
    rooms.set_housekeeping_settings(HousekeepingSettings { inspection_required: true }, supervisor).await.unwrap();
    let started = rooms.start_cleaning(room.id, attendant).await.unwrap();
    assert_eq!(started.room.housekeeping, Housekeeping::Cleaning);
    assert!(rooms.start_cleaning(room.id, attendant).await.unwrap().event_id.is_none(), "a second tap changes nothing");
    let done = rooms.finish_cleaning(room.id, attendant, None).await.unwrap();
    assert_eq!(done.room.housekeeping, Housekeeping::Clean, "waiting for its inspection");

    let failed = rooms.fail_inspection(room.id, supervisor, note("hair in the shower")).await.unwrap();
    assert_eq!(failed.room.housekeeping, Housekeeping::Dirty);
    assert_eq!(rooms.room(room.id).await.unwrap().status_note.as_deref(), Some("hair in the shower"));
    assert_eq!(refused(rooms.pass_inspection(room.id, supervisor).await), StatusRefused::InspectBeforeClean(Housekeeping::Dirty));
    assert_eq!(refused(rooms.fail_inspection(room.id, supervisor, note("again")).await), StatusRefused::NothingToFail(Housekeeping::Dirty));
    rooms.finish_cleaning(room.id, attendant, None).await.unwrap();
    assert_eq!(rooms.pass_inspection(room.id, supervisor).await.unwrap().room.housekeeping, Housekeeping::Inspected);

    rooms.set_housekeeping_settings(HousekeepingSettings { inspection_required: false }, supervisor).await.unwrap();
    rooms.set_housekeeping(room.id, Housekeeping::Dirty, supervisor, None).await.unwrap();
    let straight = rooms.finish_cleaning(room.id, attendant, None).await.unwrap();
    rooms.set_housekeeping_settings(before, supervisor).await.unwrap();
    assert_eq!(straight.room.housekeeping, Housekeeping::Inspected, "no inspection: finished is ready");

    published(&app, room.id).await;
    let events = room_events(room.id).await;
    let chain: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e["payload"]["housekeeping_from"].as_str().unwrap(), e["payload"]["housekeeping_to"].as_str().unwrap()))
        .collect();
    assert_eq!(
        chain,
        [
            ("clean", "dirty"),
            ("dirty", "cleaning"),
            ("cleaning", "clean"),
            ("clean", "dirty"),
            ("dirty", "clean"),
            ("clean", "inspected"),
            ("inspected", "dirty"),
            ("dirty", "inspected"),
        ]
    );
    events.iter().for_each(|e| assert_valid("room.status.changed", e));
    assert_eq!(events[3]["payload"]["reason"], "hair in the shower");
    assert_eq!(events[3]["schema_version"], 2);
}

#[tokio::test]
async fn a_guest_who_asks_not_to_be_disturbed_is_not_cleaned_and_a_make_up_goes_through() {
    let app = spawn_app().await;
    let rooms = &app.state.rooms;
    let attendant = UserId::new();
    let vacant = fresh_room(&app).await;
    assert_eq!(refused(rooms.set_guest_service(vacant.id, GuestService::DoNotDisturb, attendant).await), StatusRefused::NoGuest);

    let room = occupied_room(&app).await;
    rooms.set_housekeeping(room.id, Housekeeping::Dirty, attendant, None).await.unwrap();
    for asked in [GuestService::DoNotDisturb, GuestService::RefusedService] {
        rooms.set_guest_service(room.id, asked, attendant).await.unwrap();
        assert_eq!(refused(rooms.start_cleaning(room.id, attendant).await), StatusRefused::GuestKeepsOut(asked));
    }
    rooms.set_guest_service(room.id, GuestService::MakeUpRequested, attendant).await.unwrap();
    rooms.start_cleaning(room.id, attendant).await.unwrap();
    let done = rooms.finish_cleaning(room.id, attendant, None).await.unwrap().room;
    assert_eq!(done.guest_service, GuestService::None, "the make-up is done");

    rooms.set_guest_service(room.id, GuestService::DoNotDisturb, attendant).await.unwrap();
    let left = rooms.set_occupancy(room.id, Occupancy::Vacant, attendant).await.unwrap().room;
    assert_eq!((left.housekeeping, left.guest_service), (Housekeeping::Dirty, GuestService::None), "a departure ends it");

    published(&app, room.id).await;
    let events = room_events(room.id).await;
    events.iter().for_each(|e| assert_valid("room.status.changed", e));
    assert!(events.iter().any(|e| e["payload"]["guest_service_to"] == "do_not_disturb"), "{events:?}");
}

#[tokio::test]
async fn out_of_order_until_a_date_is_not_sold_and_out_of_service_is_only_flagged() {
    let app = spawn_app().await;
    let rooms = &app.state.rooms;
    let room_type = add_room_type(&app, 1).await;
    let room = rooms.sellable_rooms(&room_type.code).await.unwrap().remove(0);
    let by = UserId::new();
    let today = app.state.bookings.today();
    let free = || async {
        let found = app.state.bookings.availability(&stay(140, 2), &kernel::Party::new(2, 0).unwrap(), None).await.unwrap();
        found.iter().find(|a| a.room_type.code == room_type.code).map(|a| a.rooms_free)
    };

    let flagged = rooms.set_out_of_service(room.id, Some(note("minibar broken")), by).await.unwrap().room;
    assert!(flagged.out_of_service);
    assert_eq!(free().await, Some(1), "still sold");
    rooms.set_out_of_service(room.id, None, by).await.unwrap();

    let yesterday = today.pred_opt().unwrap();
    assert_eq!(refused(rooms.take_out_of_order(room.id, yesterday, today, note("leak"), by).await), StatusRefused::UntilInThePast);
    let until = today + chrono::Days::new(2);
    let out = rooms.take_out_of_order(room.id, until, today, note("new carpet"), by).await.unwrap().room;
    assert_eq!((out.housekeeping, out.out_of_order_until), (Housekeeping::OutOfOrder, Some(until)));
    assert_eq!(free().await, None, "not sold");
    assert_eq!(refused(rooms.start_cleaning(room.id, by).await), StatusRefused::OutOfOrder);

    rooms.start_business_day_in(until, &[room.id], by).await.unwrap();
    assert_eq!(rooms.room(room.id).await.unwrap().housekeeping, Housekeeping::OutOfOrder, "out through its last day");
    rooms.start_business_day_in(until + chrono::Days::new(1), &[room.id], by).await.unwrap();
    let back = rooms.room(room.id).await.unwrap();
    assert_eq!((back.housekeeping, back.out_of_order_until), (Housekeeping::Dirty, None), "back, to be cleaned");
    assert_eq!(free().await, Some(1));

    published(&app, room.id).await;
    let events = room_events(room.id).await;
    events.iter().for_each(|e| assert_valid("room.status.changed", e));
    assert!(events.iter().any(|e| e["payload"]["out_of_order_until"] == until.to_string()), "{events:?}");
    assert!(events.iter().any(|e| e["payload"]["out_of_service"] == true && e["payload"]["sellable"] == true));
}

#[tokio::test]
async fn the_start_of_the_business_day_dirties_occupied_rooms_once_and_leaves_empty_clean_ones() {
    let app = spawn_app().await;
    let rooms = &app.state.rooms;
    let by = UserId::new();
    let stay_over = occupied_room(&app).await;
    rooms.set_housekeeping(stay_over.id, Housekeeping::Inspected, by, None).await.unwrap();
    rooms.set_guest_service(stay_over.id, GuestService::DoNotDisturb, by).await.unwrap();
    let empty = fresh_room(&app).await;
    rooms.set_housekeeping(empty.id, Housekeeping::Inspected, by, None).await.unwrap();
    let day = app.state.bookings.today() + chrono::Days::new(1);

    let changed = rooms.start_business_day_in(day, &[stay_over.id, empty.id], by).await.unwrap();
    assert_eq!(changed, 1, "only the stay-over changed visibly");
    let stay_over = rooms.room(stay_over.id).await.unwrap();
    assert_eq!((stay_over.housekeeping, stay_over.guest_service), (Housekeeping::Dirty, GuestService::None));
    assert_eq!(rooms.room(empty.id).await.unwrap().housekeeping, Housekeeping::Inspected);

    rooms.set_housekeeping(stay_over.id, Housekeeping::Clean, by, None).await.unwrap();
    assert_eq!(rooms.start_business_day_in(day, &[stay_over.id, empty.id], by).await.unwrap(), 0, "once a day");
    assert_eq!(rooms.room(stay_over.id).await.unwrap().housekeeping, Housekeeping::Clean);

    published(&app, empty.id).await;
    assert_eq!(room_events(empty.id).await.len(), 1, "passing into a day alone publishes nothing");
}

#[tokio::test]
async fn housekeeping_finding_a_room_otherwise_than_the_desk_is_a_skip_or_a_sleep() {
    let app = spawn_app().await;
    let rooms = &app.state.rooms;
    let by = UserId::new();
    let in_house = occupied_room(&app).await;
    let skip = rooms.report_occupancy(in_house.id, Occupancy::Vacant, by).await.unwrap().room;
    assert_eq!(Discrepancy::of(skip.reported, skip.occupancy), Some(Discrepancy::Skip));
    let vacant = fresh_room(&app).await;
    let sleep = rooms.report_occupancy(vacant.id, Occupancy::Occupied, by).await.unwrap().room;
    assert_eq!(Discrepancy::of(sleep.reported, sleep.occupancy), Some(Discrepancy::Sleep));

    let resolved = rooms.set_occupancy(in_house.id, Occupancy::Vacant, by).await.unwrap().room;
    assert_eq!(resolved.reported, None, "the desk checked the guest out: the report is answered");

    published(&app, vacant.id).await;
    let events = room_events(vacant.id).await;
    events.iter().for_each(|e| assert_valid("room.status.changed", e));
    assert_eq!(events.last().unwrap()["payload"]["discrepancy"], "sleep");
}

#[tokio::test]
async fn a_guest_checked_in_by_the_desk_can_be_in_a_room_out_of_service_not_out_of_order() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(150, 1))).await.unwrap();
    let by = UserId::new();
    let rooms = &app.state.rooms;
    rooms.set_out_of_service(booking.room_id, Some(note("noisy fridge")), by).await.unwrap();
    let occupied = rooms.set_occupancy(booking.room_id, Occupancy::Occupied, by).await.unwrap().room;
    assert!(occupied.out_of_service && occupied.occupancy == Occupancy::Occupied);
}
