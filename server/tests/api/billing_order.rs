//! The folio is right whatever order a booking's events arrive in: `booking.created`,
//! `.modified` and `.cancelled` travel on separate topics, so billing may get them in any order,
//! and any of them again. Real payloads from the bookings service's outbox, fed to billing's
//! consumer in every order, each twice.
use crate::billing::{eur, taxed_room_type};
use crate::events_builders::outbox_events;
use crate::helpers::{add_guest, request, spawn_app, stay, TestApp};
use bookings::{LateFee, ModifyRequest};
use eventbus::Handler;
use kernel::{BookingId, Money};
use payments::billing::{BillingConsumer, ChargeKind};
use rooms::RoomType;

/// One outbox row: its topic and the JSON the relay would publish.
type Published = (String, Vec<u8>);

/// A stay booked, made a night longer, touched by a change billing does not follow (a version
/// it never sees), and cancelled inside the fee window: its three events, in the order written.
async fn booked_changed_cancelled(app: &TestApp, room_type: &RoomType) -> (BookingId, Vec<Published>) {
    let guest = add_guest(app).await;
    let booking = app.state.bookings.book(request(guest.id, room_type, stay(170, 2))).await.unwrap();
    let change = ModifyRequest {
        booking_id: booking.id,
        by: guest.id,
        is_staff: false,
        room_type: booking.room_type.clone(),
        stay: stay(170, 3),
        party: booking.party,
    };
    app.state.bookings.modify(change).await.unwrap();
    sqlx::query("UPDATE bookings.bookings SET updated_at = now() WHERE id = $1")
        .bind(booking.id.as_uuid())
        .execute(&app.deps.pg)
        .await
        .unwrap();
    app.state
        .bookings
        .cancel(booking.id, guest.id, false)
        .await
        .unwrap();
    let rows = outbox_events(app, booking.id).await;
    let versions: Vec<_> = rows
        .iter()
        .map(|(t, p)| (t.as_str(), p["payload"]["version"].as_i64()))
        .collect();
    assert_eq!(
        versions,
        [("booking.created", Some(1)), ("booking.modified", Some(2)), ("booking.cancelled", Some(4))],
        "the database counts every change of the booking, also those without an event"
    );
    (booking.id, rows.into_iter().map(|(t, p)| (t, serde_json::to_vec(&p).unwrap())).collect())
}

async fn deliver(app: &TestApp, events: &[&Published]) {
    let consumer = BillingConsumer(app.state.billing.clone());
    for (topic, payload) in events {
        consumer.handle(topic, payload).await.unwrap();
    }
}

/// The folio's standing lines (kind, night, description, amount) and balance.
async fn standing(app: &TestApp, booking: BookingId) -> (Vec<(ChargeKind, Option<chrono::NaiveDate>, String, Money)>, Money) {
    let folio = app.state.billing.folio(booking).await.unwrap();
    let lines = folio.charges.iter().map(|c| (c.kind, c.night, c.description.clone(), c.amount)).collect();
    (lines, folio.balance)
}

#[tokio::test]
async fn every_order_of_created_modified_and_cancelled_with_duplicates_leaves_the_in_order_folio() {
    let app = spawn_app().await;
    let room_type = taxed_room_type(&app, LateFee::FirstNight).await;
    let (reference, events) = booked_changed_cancelled(&app, &room_type).await;
    deliver(&app, &events.iter().collect::<Vec<_>>()).await;
    let in_order = standing(&app, reference).await;
    assert_eq!(in_order.0.iter().map(|l| l.0).collect::<Vec<_>>(), [ChargeKind::CancellationFee], "{in_order:?}");
    assert_eq!(in_order.1, eur(12_345), "the first night, as the fee");

    let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    for order in orders {
        let (booking, events) = booked_changed_cancelled(&app, &room_type).await;
        let sequence: Vec<&Published> = order.iter().map(|&i| &events[i]).collect();
        // Each event twice: the order, then the same events backwards, as redeliveries would.
        let twice: Vec<&Published> = sequence.iter().chain(sequence.iter().rev()).copied().collect();
        deliver(&app, &twice).await;
        let topics: Vec<&str> = sequence.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(standing(&app, booking).await, in_order, "delivered as {topics:?}, each twice");
    }
}

#[tokio::test]
async fn a_change_arriving_before_its_booking_is_the_stay_the_folio_keeps() {
    let app = spawn_app().await;
    let room_type = taxed_room_type(&app, LateFee::FirstNight).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(175, 2))).await.unwrap();
    let change = ModifyRequest {
        booking_id: booking.id,
        by: guest.id,
        is_staff: false,
        room_type: booking.room_type.clone(),
        stay: stay(175, 4),
        party: booking.party,
    };
    let longer = app.state.bookings.modify(change).await.unwrap();
    let rows = outbox_events(&app, booking.id).await;
    let events: Vec<Published> = rows
        .into_iter()
        .map(|(t, p)| (t, serde_json::to_vec(&p).unwrap()))
        .collect();
    deliver(&app, &[&events[1], &events[0], &events[1], &events[0]]).await;

    let folio = app.state.billing.folio(booking.id).await.unwrap();
    let nights = folio.charges.iter().filter(|c| c.kind == ChargeKind::RoomNight).count();
    assert_eq!(nights, 4, "the late booking.created does not post its two nights on top");
    assert_eq!(folio.balance, longer.total);
    assert!(folio.postings.iter().all(|c| c.reverses.is_none()), "nothing posted to be reversed");
}
