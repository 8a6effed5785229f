//! One desk at a time moves money on a folio: a second receptionist taking the same balance at
//! the same moment is asked to wait, not allowed to charge the guest twice.
use super::folio::{form, in_house, post};
use crate::helpers::{sign_in, spawn_app};
use futures::future::join_all;
use payments::CapturePolicy;
use reqwest::StatusCode;
use uuid::Uuid;

const BREAKFAST: &str = "0e0f0000-0000-4000-8000-000000000001";
const BUSY: &str = "another desk is settling this folio right now; try again in a moment";

async fn cash_received(app: &crate::helpers::TestApp, booking: kernel::BookingId) -> i64 {
    sqlx::query_scalar("SELECT coalesce(sum(amount_minor), 0)::bigint FROM payments.cash_movements WHERE booking_id = $1 AND kind = 'receipt'")
        .bind(booking.as_uuid())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_payment_while_another_desk_settles_the_folio_waits_for_its_turn() {
    let app = spawn_app().await;
    let booking = in_house(&app, CapturePolicy::Booking).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    post(&desk, &app, "desk/post_extra", &form(booking.id, &[("extra", BREAKFAST), ("quantity", "1"), ("key", &Uuid::new_v4().to_string())])).await;

    let other_desk = Uuid::new_v4();
    assert!(app.state.payments.take_folio_turn(booking.id, other_desk).await.unwrap());
    let key = Uuid::new_v4().to_string();
    let cash = form(booking.id, &[("amount", "18"), ("tender", "cash"), ("key", &key)]);
    let (status, busy) = post(&desk, &app, "desk/take_payment", &cash).await;
    assert_eq!((status, busy["Conflict"].as_str()), (StatusCode::CONFLICT, Some(BUSY)));
    let (status, busy) = post(&desk, &app, "check_out_booking", &form(booking.id, &[])).await;
    assert_eq!((status, busy["Conflict"].as_str()), (StatusCode::CONFLICT, Some(BUSY)), "the check-out settles the folio too");
    assert_eq!(cash_received(&app, booking.id).await, 0, "nothing taken while it was not this desk's turn");

    app.state.payments.end_folio_turn(booking.id, other_desk).await.unwrap();
    let (status, answer) = post(&desk, &app, "desk/take_payment", &cash).await;
    assert_eq!(status, StatusCode::OK, "{answer}: the same form, sent again once the turn is free");
    let (status, done) = post(&desk, &app, "check_out_booking", &form(booking.id, &[])).await;
    assert_eq!(status, StatusCode::OK, "{done}");
}

#[tokio::test]
async fn five_desks_taking_the_whole_balance_at_once_take_it_once() {
    let app = spawn_app().await;
    let booking = in_house(&app, CapturePolicy::Booking).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    post(&desk, &app, "desk/post_extra", &form(booking.id, &[("extra", BREAKFAST), ("quantity", "1"), ("key", &Uuid::new_v4().to_string())])).await;

    let forms: Vec<_> = (0..5).map(|_| form(booking.id, &[("amount", "18"), ("tender", "cash"), ("key", &Uuid::new_v4().to_string())])).collect();
    let answers = join_all(forms.iter().map(|f| post(&desk, &app, "desk/take_payment", f))).await;
    let taken = answers.iter().filter(|(status, _)| *status == StatusCode::OK).count();
    assert_eq!(taken, 1, "{answers:?}");
    for (status, answer) in answers.iter().filter(|(status, _)| *status != StatusCode::OK) {
        assert_eq!(*status, StatusCode::CONFLICT, "{answer}");
    }
    assert_eq!(cash_received(&app, booking.id).await, 1800, "the breakfast, paid once");
    let folio = app.state.billing.folio(booking.id).await.unwrap();
    assert_eq!(folio.balance.minor(), 0);
}
