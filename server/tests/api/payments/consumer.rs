//! What payments does when a booking is checked in, checked out or cancelled.
use super::{config, eur, ledger, pay, row, service};
use crate::events_builders::StayEvent;
use crate::helpers::{
    add_guest, add_room_type, eventually, request, spawn_app, spawn_app_with_workers, stay,
};
use kernel::UserId;
use payments::{test_cards, AuthoriseRequest, CapturePolicy, PaymentKind};
use std::time::Duration;

/// The paid booking's stay, for the events these tests build (payments reads only the booking
/// and its guest of them).
fn stay_of(req: &AuthoriseRequest) -> StayEvent {
    StayEvent::unroomed(req.booking_id, req.user_id)
}

#[tokio::test]
async fn cancelling_a_hold_takes_the_fee_and_releases_the_rest_once() {
    let app = spawn_app().await;
    let (payments, _) = service(&app, config(CapturePolicy::CheckIn));
    let req = pay(test_cards::SUCCEEDS, 30_000);
    payments.authorise(req.clone()).await.unwrap();
    let event = stay_of(&req).at(3).cancelled(req.user_id, "50.00");
    let redeliveries = (0..3).map(|_| payments.on_cancelled(&event));
    for handled in futures::future::join_all(redeliveries).await {
        // A redelivery that meets another one's step half-done is told to come back, and the
        // consumer loop would deliver it again: so does the test, until it is handled.
        if let Err(e) = handled {
            assert!(format!("{e:#}").contains("still being processed"), "{e:#}");
            eventually("the redelivery to be handled", Duration::from_secs(30), || async { payments.on_cancelled(&event).await.ok() }).await;
        }
    }
    payments.on_cancelled(&event).await.unwrap();
    assert_eq!(
        ledger(&app, req.booking_id).await,
        [row("authorisation", "succeeded", 30_000), row("capture", "succeeded", 5_000), row("void", "succeeded", 25_000)]
    );
}

#[tokio::test]
async fn cancelling_after_capture_refunds_all_but_the_fee() {
    let app = spawn_app().await;
    let (payments, _) = service(&app, config(CapturePolicy::Booking));
    for (fee, refunded) in [("50.00", 25_000), ("0.00", 30_000)] {
        let req = pay(test_cards::SUCCEEDS, 30_000);
        payments.authorise(req.clone()).await.unwrap();
        payments
            .capture_booked(req.booking_id, uuid::Uuid::new_v4())
            .await
            .unwrap();
        let event = stay_of(&req).at(3).cancelled(req.user_id, fee);
        payments.on_cancelled(&event).await.unwrap();
        payments.on_cancelled(&event).await.unwrap();
        assert_eq!(
            ledger(&app, req.booking_id).await,
            [
                row("authorisation", "succeeded", 30_000),
                row("capture", "succeeded", 30_000),
                row("refund", "succeeded", refunded)
            ],
            "fee {fee}"
        );
    }
}

#[tokio::test]
async fn a_fee_larger_than_the_hold_takes_the_hold_and_nothing_more() {
    let app = spawn_app().await;
    let (payments, _) = service(&app, config(CapturePolicy::CheckIn));
    let req = pay(test_cards::SUCCEEDS, 10_000);
    payments.authorise(req.clone()).await.unwrap();
    payments
        .on_cancelled(&stay_of(&req).at(3).cancelled(req.user_id, "150.00"))
        .await
        .unwrap();
    assert_eq!(
        ledger(&app, req.booking_id).await,
        [
            row("authorisation", "succeeded", 10_000),
            row("capture", "succeeded", 10_000)
        ]
    );
}

#[tokio::test]
async fn check_in_or_check_out_captures_as_the_policy_says() {
    let app = spawn_app().await;
    let (at_check_in, _) = service(&app, config(CapturePolicy::CheckIn));
    let req = pay(test_cards::SUCCEEDS, 24_000);
    at_check_in.authorise(req.clone()).await.unwrap();
    let arrival = stay_of(&req).at(2).checked_in(UserId::new());
    at_check_in.on_checked_in(&arrival).await.unwrap();
    at_check_in.on_checked_in(&arrival).await.unwrap();
    at_check_in
        .on_checked_out(&stay_of(&req).at(3).checked_out(UserId::new()))
        .await
        .unwrap();
    assert_eq!(
        ledger(&app, req.booking_id).await,
        [
            row("authorisation", "succeeded", 24_000),
            row("capture", "succeeded", 24_000)
        ]
    );

    let (at_check_out, _) = service(&app, config(CapturePolicy::CheckOut));
    let req = pay(test_cards::SUCCEEDS, 24_000);
    at_check_out.authorise(req.clone()).await.unwrap();
    at_check_out
        .on_checked_in(&stay_of(&req).at(2).checked_in(UserId::new()))
        .await
        .unwrap();
    assert_eq!(
        ledger(&app, req.booking_id).await,
        [row("authorisation", "succeeded", 24_000)]
    );
    at_check_out
        .on_checked_out(&stay_of(&req).at(3).checked_out(UserId::new()))
        .await
        .unwrap();
    assert_eq!(
        ledger(&app, req.booking_id).await,
        [
            row("authorisation", "succeeded", 24_000),
            row("capture", "succeeded", 24_000)
        ]
    );
}

/// A transient failure is handed back, so the consumer retries the event instead of dropping
/// the money movement; once the gateway is back, the same event settles the booking. The
/// outage left the capture's outcome unknown (the gateway could not even be asked), so the
/// retry asks first and records one capture, not a failure and a capture.
#[tokio::test]
async fn an_event_met_by_a_gateway_outage_is_retried_not_lost() {
    let app = spawn_app().await;
    let (payments, gateway) = service(&app, config(CapturePolicy::CheckIn));
    let req = pay(test_cards::SUCCEEDS, 18_000);
    payments.authorise(req.clone()).await.unwrap();
    let arrival = stay_of(&req).at(2).checked_in(UserId::new());
    gateway.set_outage(true);
    assert!(payments.on_checked_in(&arrival).await.is_err());
    gateway.set_outage(false);
    payments.on_checked_in(&arrival).await.unwrap();
    assert_eq!(
        ledger(&app, req.booking_id).await,
        [row("authorisation", "succeeded", 18_000), row("capture", "succeeded", 18_000)]
    );
}

/// Through Kafka: the app's own consumer settles a real cancellation.
#[tokio::test]
async fn a_real_cancellation_settles_the_booking_through_kafka() {
    let app = spawn_app_with_workers().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay(200, 2))).await.unwrap();
    let mut req = pay(test_cards::SUCCEEDS, booking.total.minor());
    (req.booking_id, req.user_id) = (booking.id, guest.id);
    app.state.payments.authorise(req).await.unwrap();

    let cancelled = app.state.bookings.cancel(booking.id, guest.id, false).await.unwrap();
    let fee = cancelled.cancellation_fee.unwrap_or(eur(0)).minor();
    let settled = eventually("the cancellation to be settled", Duration::from_secs(60), || async {
        let payments = app.state.payments.for_booking(booking.id).await.unwrap();
        let sum = |kind| payments.iter().filter(|p| p.succeeded() && p.kind == kind).map(|p| p.amount.minor()).sum::<i64>();
        let held = sum(PaymentKind::Authorisation) - sum(PaymentKind::Capture) - sum(PaymentKind::Void);
        let kept = sum(PaymentKind::Capture) - sum(PaymentKind::Refund);
        (held == 0 && kept == fee).then_some(payments.len())
    })
    .await;
    assert!(settled >= 2, "a hold and what settled it");
}
