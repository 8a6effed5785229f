//! Rooms follow the front desk: the real `booking.checked_in/out` and `booking.cancelled`
//! payloads, fed to the rooms consumer, occupy and free rooms, once however often they come.
use crate::events_builders::{outbox_payload, StayEvent};
use crate::helpers::{
    add_guest, add_room_type, eventually, request, spawn_app, spawn_app_with_workers, TestApp,
};
use crate::rooms::{published, room_events};
use bookings::Booking;
use eventbus::Handler;
use kernel::events::{BookingCheckedIn, BookingCheckedOut, Envelope};
use kernel::{RoomId, Stay, UserId};
use rooms::{Housekeeping, Occupancy, RoomsConsumer};
use std::time::Duration;

pub(crate) fn from_hotel_today(app: &TestApp, days: u64, nights: u64) -> Stay {
    let check_in = app.state.bookings.today() + chrono::Days::new(days);
    Stay::new(check_in, check_in + chrono::Days::new(nights)).unwrap()
}

pub(crate) async fn deliver(app: &TestApp, topic: &str, payload: &[u8]) {
    RoomsConsumer(app.state.rooms.clone()).handle(topic, payload).await.unwrap();
}

/// A guest booked into a one-room type of the test's own, from the hotel's today, checked in
/// by a member of staff; the check-in not yet delivered to rooms.
async fn checked_in(app: &TestApp) -> (Booking, UserId, Vec<u8>) {
    let room_type = add_room_type(app, 1).await;
    let (guest, desk) = (add_guest(app).await, add_guest(app).await);
    let booking = app.state.bookings.book(request(guest.id, &room_type, from_hotel_today(app, 0, 2))).await.unwrap();
    app.state.bookings.check_in(booking.id, desk.id).await.unwrap();
    let payload = outbox_payload(app, "booking.checked_in", booking.id).await;
    (booking, desk.id, payload)
}

/// Every `room.status.changed` of the room as (housekeeping from→to, occupancy from→to, by).
pub(crate) async fn changes(app: &TestApp, room: RoomId) -> Vec<(String, String, String)> {
    published(app, room).await;
    let text = |v: &serde_json::Value| v.as_str().unwrap().to_owned();
    room_events(room)
        .await
        .iter()
        .map(|e| &e["payload"])
        .map(|p| {
            let housekeeping = format!("{}→{}", text(&p["housekeeping_from"]), text(&p["housekeeping_to"]));
            let occupancy = format!("{}→{}", text(&p["occupancy_from"]), text(&p["occupancy_to"]));
            (housekeeping, occupancy, text(&p["changed_by"]))
        })
        .collect()
}

pub(crate) fn change(housekeeping: &str, occupancy: &str, by: UserId) -> (String, String, String) {
    (housekeeping.to_owned(), occupancy.to_owned(), by.to_string())
}

#[tokio::test]
async fn a_check_in_occupies_the_room_once_however_often_it_is_delivered() {
    let app = spawn_app().await;
    let (booking, desk, payload) = checked_in(&app).await;
    let event: Envelope<BookingCheckedIn> = serde_json::from_slice(&payload).unwrap();
    assert_eq!(event.payload.room_id, booking.room_id);

    deliver(&app, "booking.checked_in", &payload).await;
    let room = app.state.rooms.room(booking.room_id).await.unwrap();
    assert_eq!((room.occupancy, room.housekeeping), (Occupancy::Occupied, Housekeeping::Clean));

    deliver(&app, "booking.checked_in", &payload).await;
    assert_eq!(app.state.rooms.on_booking_checked_in(&event).await.unwrap(), None, "a redelivery queues nothing");
    assert_eq!(changes(&app, booking.room_id).await, [change("clean→clean", "vacant→occupied", desk)]);
}

#[tokio::test]
async fn a_check_out_leaves_the_room_vacant_and_dirty_and_a_late_check_in_changes_nothing() {
    let app = spawn_app().await;
    let (booking, desk, arrival) = checked_in(&app).await;
    deliver(&app, "booking.checked_in", &arrival).await;
    app.state.bookings.check_out(booking.id, desk).await.unwrap();
    let departure = outbox_payload(&app, "booking.checked_out", booking.id).await;
    let event: Envelope<BookingCheckedOut> = serde_json::from_slice(&departure).unwrap();

    deliver(&app, "booking.checked_out", &departure).await;
    let room = app.state.rooms.room(booking.room_id).await.unwrap();
    assert_eq!((room.occupancy, room.housekeeping), (Occupancy::Vacant, Housekeeping::Dirty));

    deliver(&app, "booking.checked_out", &departure).await;
    assert_eq!(app.state.rooms.on_booking_checked_out(&event).await.unwrap(), None, "a redelivery queues nothing");
    deliver(&app, "booking.checked_in", &arrival).await;
    let room = app.state.rooms.room(booking.room_id).await.unwrap();
    assert_eq!(room.occupancy, Occupancy::Vacant, "a check-in redelivered after its check-out does not bring the guest back");
    assert_eq!(
        changes(&app, booking.room_id).await,
        [change("clean→clean", "vacant→occupied", desk), change("clean→dirty", "occupied→vacant", desk)]
    );
}

#[tokio::test]
async fn a_cancellation_frees_the_room_only_if_its_booking_occupies_it() {
    let app = spawn_app().await;
    let (booking, desk, arrival) = checked_in(&app).await;
    deliver(&app, "booking.checked_in", &arrival).await;

    // The next guest of the same (only) room cancels: the guest in the room stays.
    let room_type = app.state.rooms.room_type(&booking.room_type).await.unwrap();
    let next = request(add_guest(&app).await.id, &room_type, from_hotel_today(&app, 5, 1));
    let next = app.state.bookings.book(next).await.unwrap();
    assert_eq!(next.room_id, booking.room_id);
    app.state.bookings.cancel(next.id, next.user_id, false).await.unwrap();
    deliver(&app, "booking.cancelled", &outbox_payload(&app, "booking.cancelled", next.id).await).await;
    assert_eq!(app.state.rooms.room(booking.room_id).await.unwrap().occupancy, Occupancy::Occupied);

    // A checked-in booking cannot be cancelled today; should it ever be, its guest's room is freed.
    let arrived: Envelope<BookingCheckedIn> = serde_json::from_slice(&arrival).unwrap();
    let cancelled = StayEvent::arrived(&arrived.payload)
        .at(arrived.payload.version + 1)
        .cancelled(desk, "0.00");
    assert!(app
        .state
        .rooms
        .on_booking_cancelled(&cancelled)
        .await
        .unwrap()
        .is_some());
    let room = app.state.rooms.room(booking.room_id).await.unwrap();
    assert_eq!((room.occupancy, room.housekeeping), (Occupancy::Vacant, Housekeeping::Dirty));
    assert_eq!(app.state.rooms.on_booking_cancelled(&cancelled).await.unwrap(), None, "a redelivery queues nothing");
    assert_eq!(changes(&app, booking.room_id).await.len(), 2);
}

#[tokio::test]
async fn a_guest_is_not_put_into_a_room_out_of_order() {
    let app = spawn_app().await;
    let (booking, desk, arrival) = checked_in(&app).await;
    app.state.rooms.set_housekeeping(booking.room_id, Housekeeping::OutOfOrder, desk, None).await.unwrap();

    deliver(&app, "booking.checked_in", &arrival).await;
    let room = app.state.rooms.room(booking.room_id).await.unwrap();
    assert_eq!((room.occupancy, room.housekeeping), (Occupancy::Vacant, Housekeeping::OutOfOrder));
    assert_eq!(changes(&app, booking.room_id).await, [change("clean→out_of_order", "vacant→vacant", desk)]);
}

#[tokio::test]
async fn events_for_unknown_rooms_or_that_do_not_parse_are_skipped() {
    let app = spawn_app().await;
    let (_, _, arrival) = checked_in(&app).await;
    let mut event: serde_json::Value = serde_json::from_slice(&arrival).unwrap();
    event["payload"]["room_id"] = RoomId::new().to_string().into();
    deliver(&app, "booking.checked_in", event.to_string().as_bytes()).await;
    deliver(&app, "booking.checked_out", b"{\"not\": \"an event\"}").await;
}

#[tokio::test]
async fn a_check_in_and_out_at_the_desk_reach_the_room_through_kafka() {
    let app = spawn_app_with_workers().await;
    let room_type = add_room_type(&app, 1).await;
    let (guest, desk) = (add_guest(&app).await, add_guest(&app).await);
    let booking = app.state.bookings.book(request(guest.id, &room_type, from_hotel_today(&app, 0, 1))).await.unwrap();
    app.state.bookings.check_in(booking.id, desk.id).await.unwrap();

    let rooms = &app.state.rooms;
    eventually("the room occupied", Duration::from_secs(60), || async {
        (rooms.room(booking.room_id).await.unwrap().occupancy == Occupancy::Occupied).then_some(())
    })
    .await;
    app.state.bookings.check_out(booking.id, desk.id).await.unwrap();
    eventually("the room vacant and dirty", Duration::from_secs(60), || async {
        let room = rooms.room(booking.room_id).await.unwrap();
        (room.occupancy == Occupancy::Vacant && room.housekeeping == Housekeeping::Dirty).then_some(())
    })
    .await;
}
