//! Rooms order one booking's events by the booking's version, not by the clocks that stamped
//! them, and follow the desk moving an in-house guest: the real payloads, fed to the rooms
//! consumer in either order and again.
use crate::events_builders::outbox_payload;
use crate::helpers::{add_guest, add_room_type, request, spawn_app, TestApp};
use crate::rooms_events::{change, changes, deliver, from_hotel_today};
use bookings::Booking;
use kernel::events::{BookingModified, Envelope};
use kernel::UserId;
use rooms::{Housekeeping, Occupancy};

/// A guest in the first of a two-room type of the test's own, checked in today and moved by
/// the desk to the other room: the check-in's and the move's payloads, neither delivered yet.
async fn moved_in_house(app: &TestApp) -> (Booking, Booking, UserId, Vec<u8>, Vec<u8>) {
    let room_type = add_room_type(app, 2).await;
    let (guest, desk) = (add_guest(app).await, add_guest(app).await);
    let booking = app.state.bookings.book(request(guest.id, &room_type, from_hotel_today(app, 0, 2))).await.unwrap();
    app.state.bookings.check_in(booking.id, desk.id).await.unwrap();
    let other = if booking.room_number.ends_with("-0") { format!("{}-1", room_type.code) } else { format!("{}-0", room_type.code) };
    let moved = app.state.bookings.move_room(booking.id, &other, desk.id).await.unwrap();
    let arrival = outbox_payload(app, "booking.checked_in", booking.id).await;
    let move_ = outbox_payload(app, "booking.modified", booking.id).await;
    (booking, moved, desk.id, arrival, move_)
}

async fn occupancy(app: &TestApp, booking: &Booking) -> (Occupancy, Housekeeping) {
    let room = app.state.rooms.room(booking.room_id).await.unwrap();
    (room.occupancy, room.housekeeping)
}

#[tokio::test]
async fn moving_an_in_house_guest_frees_the_old_room_dirty_and_occupies_the_new_one() {
    let app = spawn_app().await;
    let (before, after, desk, arrival, move_) = moved_in_house(&app).await;
    let event: Envelope<BookingModified> = serde_json::from_slice(&move_).unwrap();
    assert_eq!((event.payload.change.as_str(), event.payload.status.as_deref()), ("room_moved", Some("checked_in")));

    deliver(&app, "booking.checked_in", &arrival).await;
    deliver(&app, "booking.modified", &move_).await;
    assert_eq!(occupancy(&app, &before).await, (Occupancy::Vacant, Housekeeping::Dirty), "the room the guest left");
    assert_eq!(occupancy(&app, &after).await, (Occupancy::Occupied, Housekeeping::Clean), "the room the guest is in");

    deliver(&app, "booking.modified", &move_).await;
    deliver(&app, "booking.checked_in", &arrival).await;
    assert_eq!(occupancy(&app, &before).await.0, Occupancy::Vacant, "a redelivered check-in does not bring the guest back");
    assert_eq!(
        changes(&app, before.room_id).await,
        [change("clean→clean", "vacant→occupied", desk), change("clean→dirty", "occupied→vacant", desk)]
    );
    assert_eq!(changes(&app, after.room_id).await, [change("clean→clean", "vacant→occupied", desk)]);
}

#[tokio::test]
async fn a_move_delivered_before_the_check_in_it_follows_ends_the_same() {
    let app = spawn_app().await;
    let (before, after, _, arrival, move_) = moved_in_house(&app).await;
    deliver(&app, "booking.modified", &move_).await;
    deliver(&app, "booking.checked_in", &arrival).await;
    assert_eq!(occupancy(&app, &before).await.0, Occupancy::Vacant, "the late check-in is older than the move");
    assert_eq!(occupancy(&app, &after).await.0, Occupancy::Occupied);
}

#[tokio::test]
async fn moving_a_guest_not_yet_arrived_changes_no_room() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 2).await;
    let (guest, desk) = (add_guest(&app).await, add_guest(&app).await);
    let booking = app.state.bookings.book(request(guest.id, &room_type, from_hotel_today(&app, 3, 2))).await.unwrap();
    let other = if booking.room_number.ends_with("-0") { format!("{}-1", room_type.code) } else { format!("{}-0", room_type.code) };
    let moved = app.state.bookings.move_room(booking.id, &other, desk.id).await.unwrap();
    deliver(&app, "booking.modified", &outbox_payload(&app, "booking.modified", booking.id).await).await;
    assert_eq!(occupancy(&app, &booking).await.0, Occupancy::Vacant);
    assert_eq!(occupancy(&app, &moved).await.0, Occupancy::Vacant);
}

/// Two app instances stamp one booking's events with their own clocks; the check-out's may read
/// earlier than its check-in's. The version still says which came last.
#[tokio::test]
async fn a_check_out_stamped_earlier_than_its_check_in_by_another_clock_still_frees_the_room() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let (guest, desk) = (add_guest(&app).await, add_guest(&app).await);
    let booking = app.state.bookings.book(request(guest.id, &room_type, from_hotel_today(&app, 0, 2))).await.unwrap();
    app.state.bookings.check_in(booking.id, desk.id).await.unwrap();
    app.state.bookings.check_out(booking.id, desk.id).await.unwrap();
    let arrival = outbox_payload(&app, "booking.checked_in", booking.id).await;
    let mut departure: serde_json::Value = serde_json::from_slice(&outbox_payload(&app, "booking.checked_out", booking.id).await).unwrap();
    let arrived: serde_json::Value = serde_json::from_slice(&arrival).unwrap();
    let arrived_at: chrono::DateTime<chrono::Utc> = arrived["payload"]["timestamp"].as_str().unwrap().parse().unwrap();
    departure["payload"]["timestamp"] = (arrived_at - chrono::TimeDelta::minutes(2)).to_rfc3339().into();

    deliver(&app, "booking.checked_in", &arrival).await;
    deliver(&app, "booking.checked_out", departure.to_string().as_bytes()).await;
    assert_eq!(occupancy(&app, &booking).await, (Occupancy::Vacant, Housekeeping::Dirty));
    deliver(&app, "booking.checked_in", &arrival).await;
    assert_eq!(occupancy(&app, &booking).await.0, Occupancy::Vacant, "the check-in stays older than its check-out");
}
