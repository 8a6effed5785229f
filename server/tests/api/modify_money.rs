//! Money follows a change of the stay, under capture at booking and at check-out; and moving a
//! stay never loosens its cancellation terms.
use crate::events_builders::{outbox_event, StayEvent};
use crate::helpers::{add_guest, add_room_type, request, spawn_app, stay, unique, TestApp};
use crate::payments::{config, pay};
use bookings::checkout::{checkout, preview_change};
use bookings::{Booking, CancellationPolicy, LateFee, ModifyRequest, RatePlanSettings};
use chrono::Utc;
use kernel::events::{BookingModified, Envelope};
use kernel::{Currency, Money, RoomTypeCode, Stay, UserId};
use payments::{test_cards, CapturePolicy, Ledger, MoneyChange, PaymentsService, TestGateway};
use rooms::{Room, RoomType};
use std::sync::Arc;
use std::time::Duration;

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

async fn priced_type(app: &TestApp, base_minor: i64) -> RoomType {
    let template = add_room_type(app, 0).await;
    let code = RoomTypeCode::parse(&unique("P")).unwrap();
    let room_type = RoomType { code: code.clone(), name: format!("Priced {code}"), base_price: eur(base_minor), ..template };
    app.state.rooms.add(&room_type, &[Room::new(format!("{code}-1"), 1, code.clone())]).await.unwrap();
    room_type
}

/// (held, kept) in cents.
async fn money(payments: &PaymentsService, b: &Booking) -> (i64, i64) {
    let rows = payments.for_booking(b.id).await.unwrap();
    (Ledger(&rows).held(), Ledger(&rows).kept())
}

/// The booking's latest `booking.modified`, delivered to payments twice (a redelivery).
async fn deliver_change(app: &TestApp, payments: &PaymentsService, b: &Booking) {
    let event: Envelope<BookingModified> = outbox_event(app, "booking.modified", b.id).await;
    payments.on_modified(&event).await.unwrap();
    payments.on_modified(&event).await.unwrap();
}

fn change(b: &Booking, stay: Stay, room_type: &RoomType) -> ModifyRequest {
    ModifyRequest { booking_id: b.id, by: b.user_id, is_staff: false, room_type: room_type.code.clone(), stay, party: b.party }
}

#[tokio::test]
async fn longer_shorter_and_another_type_move_the_money_under_capture_at_booking_and_at_check_out() {
    let app = spawn_app().await;
    for policy in [CapturePolicy::Booking, CapturePolicy::CheckOut] {
        let gateway = Arc::new(TestGateway::new(Duration::from_secs(60)));
        let payments = PaymentsService::new(app.deps.pg.clone(), gateway.clone(), config(policy));
        let (standard, suite) = (priced_type(&app, 10_000).await, priced_type(&app, 25_000).await);
        let guest = add_guest(&app).await;
        let b = checkout(&app.state.bookings, &payments, request(guest.id, &standard, stay(400, 3)), pay(test_cards::SUCCEEDS, 1).card)
            .await
            .unwrap();
        let at_booking = policy == CapturePolicy::Booking;
        let expect = |total: i64, held_instead: i64| if at_booking { (0, total) } else { (held_instead, 0) };
        assert_eq!(money(&payments, &b).await, expect(30_000, 30_000), "{policy:?}: as booked");

        let steps: [(Stay, &RoomType, i64, MoneyChange); 3] = [
            (stay(400, 4), &standard, 40_000, if at_booking { MoneyChange::Charge(eur(10_000)) } else { MoneyChange::HoldMore(eur(10_000)) }),
            (stay(400, 2), &standard, 20_000, if at_booking { MoneyChange::Refund(eur(20_000)) } else { MoneyChange::HoldLess(eur(20_000)) }),
            (stay(400, 2), &suite, 50_000, if at_booking { MoneyChange::Charge(eur(30_000)) } else { MoneyChange::HoldMore(eur(10_000)) }),
        ];
        let mut current = b.clone();
        let mut held_most = 30_000;
        for (new_stay, room_type, total, told) in steps {
            let req = change(&current, new_stay, room_type);
            let preview = preview_change(&app.state.bookings, &payments, &req).await.unwrap();
            assert_eq!((preview.offer.priced.total(), &preview.money), (eur(total), &told), "{policy:?}: told before confirming");
            current = app.state.bookings.modify(req).await.unwrap();
            deliver_change(&app, &payments, &current).await;
            held_most = held_most.max(total);
            assert_eq!(money(&payments, &current).await, expect(total, held_most), "{policy:?}: after changing to {total}");
        }
        payments
            .on_checked_out(&StayEvent::of(&current).at(99).checked_out(UserId::new()))
            .await
            .unwrap();
        assert_eq!(
            money(&payments, &current).await,
            (0, 50_000),
            "{policy:?}: the stay as it ended is paid, nothing more held"
        );
        assert_eq!(
            gateway.holds(),
            3,
            "{policy:?}: the first hold and one per increase, none for a redelivered event"
        );
    }
}

#[tokio::test]
async fn moving_the_arrival_out_keeps_the_fee_window_the_guest_was_already_in() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let policy = CancellationPolicy { free_days: 2, late_fee: LateFee::FirstNight };
    let settings = RatePlanSettings {
        included_adults: 2,
        included_children: 0,
        extra_adult_minor: 0,
        extra_child_minor: 0,
        vat_bp: 0,
        city_tax_minor: 0,
        city_tax_max_nights: 0,
        cancellation: policy,
    };
    app.state.bookings.set_rate_plan(&room_type.code, &settings).await.unwrap();
    let guest = add_guest(&app).await;
    let soon = app.state.bookings.book(request(guest.id, &room_type, stay(1, 2))).await.unwrap();
    assert_eq!(soon.terms.fee_at(Utc::now()), eur(12_345), "arriving tomorrow: inside the fee window");

    let moved = app.state.bookings.modify(change(&soon, stay(60, 2), &room_type)).await.unwrap();
    assert_eq!(moved.terms.free_until, soon.terms.free_until, "the deadline that was in force stays");
    let cancelled = app.state.bookings.cancel(moved.id, guest.id, false).await.unwrap();
    assert_eq!(cancelled.cancellation_fee, Some(eur(12_345)), "moving the stay out did not make cancelling free");
}
