//! `folio.changed`: written with the posting or the cash it tells of, once per form, matching its
//! schema; heard by the desk's live stream; and the Today list's balance is what the folio
//! leaves to settle.
use super::folio::{form, in_house, post};
use crate::helpers::account_id;
use crate::helpers::{call, sign_in, spawn_app, spawn_app_with_workers, TestApp};
use crate::live::LiveStream;
use crate::schemas::assert_valid;
use app::live::READY;
use kernel::events::FOLIO_CHANGED;
use kernel::BookingId;
use payments::CapturePolicy;
use reqwest::StatusCode;
use serde_json::Value;
use uuid::Uuid;

const BREAKFAST: &str = "0e0f0000-0000-4000-8000-000000000001";

/// The booking's `folio.changed` events in the payments outbox, oldest first, with the
/// transaction that wrote each.
async fn folio_events(app: &TestApp, booking: BookingId) -> Vec<(Value, String)> {
    sqlx::query_as(
        "SELECT payload, xmin::text FROM payments.outbox WHERE topic = $1 AND key = $2 ORDER BY id",
    )
    .bind(FOLIO_CHANGED)
    .bind(booking.to_string())
    .fetch_all(&app.deps.pg)
    .await
    .unwrap()
}

async fn xmin(app: &TestApp, table: &str, key: &str) -> String {
    sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT xmin::text FROM {table} WHERE idempotency_key = $1::uuid"
    )))
    .bind(key)
    .fetch_one(&app.deps.pg)
    .await
    .unwrap()
}

fn breakfasts(id: BookingId, key: &str) -> Vec<(&'static str, String)> {
    form(id, &[("extra", BREAKFAST), ("quantity", "2"), ("key", key)])
}

fn cash(id: BookingId, amount: &str, key: &str) -> Vec<(&'static str, String)> {
    form(id, &[("amount", amount), ("tender", "cash"), ("key", key)])
}

#[tokio::test]
async fn an_extra_and_cash_each_write_one_folio_changed_in_their_own_transaction() {
    let app = spawn_app().await;
    let booking = in_house(&app, CapturePolicy::Booking).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let by = account_id(&app, "frontdesk@hotel.test").await.to_string();
    assert!(
        folio_events(&app, booking.id).await.is_empty(),
        "the stay's own money is told by payment.completed"
    );

    let extra_key = Uuid::new_v4().to_string();
    for _ in 0..2 {
        let (status, answer) = post(
            &desk,
            &app,
            "desk/post_extra",
            &breakfasts(booking.id, &extra_key),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
    }
    let events = folio_events(&app, booking.id).await;
    assert_eq!(
        events.len(),
        1,
        "a retried form tells of its posting once: {events:?}"
    );
    let (event, written_by) = &events[0];
    assert_eq!(
        written_by,
        &xmin(&app, "payments.folio_charges", &extra_key).await,
        "written by the posting's transaction"
    );
    assert_valid(FOLIO_CHANGED, event);
    let payload = &event["payload"];
    assert_eq!(
        (
            &payload["change"],
            &payload["amount"],
            &payload["currency"],
            &payload["balance"],
            &payload["by"]
        ),
        (
            &"extra_posted".into(),
            &"36.00".into(),
            &"EUR".into(),
            &"36.00".into(),
            &Value::from(by.clone())
        ),
        "the breakfasts with their VAT; the stay was paid at booking"
    );

    let cash_key = Uuid::new_v4().to_string();
    for _ in 0..2 {
        let (status, answer) = post(
            &desk,
            &app,
            "desk/take_payment",
            &cash(booking.id, "20", &cash_key),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
    }
    let events = folio_events(&app, booking.id).await;
    assert_eq!(
        events.len(),
        2,
        "one more for the cash, none for its retry: {events:?}"
    );
    let (event, written_by) = &events[1];
    assert_eq!(
        written_by,
        &xmin(&app, "payments.cash_movements", &cash_key).await,
        "written by the cash's transaction"
    );
    assert_valid(FOLIO_CHANGED, event);
    let payload = &event["payload"];
    assert_eq!(
        (
            &payload["change"],
            &payload["amount"],
            &payload["balance"],
            &payload["by"]
        ),
        (
            &"cash_received".into(),
            &"20.00".into(),
            &"16.00".into(),
            &Value::from(by)
        ),
    );
    assert_eq!(
        app.state
            .billing
            .folio(booking.id)
            .await
            .unwrap()
            .balance
            .minor(),
        1600,
        "the event's balance is the folio's"
    );
}

#[tokio::test]
async fn the_day_list_shows_what_the_folio_leaves_the_desk_to_settle() {
    let app = spawn_app().await;
    // Held, taken at check-out: the stay's card covers the room, the desk the rest.
    let booking = in_house(&app, CapturePolicy::CheckOut).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    post(
        &desk,
        &app,
        "desk/post_extra",
        &breakfasts(booking.id, &Uuid::new_v4().to_string()),
    )
    .await;
    let (status, answer) = post(
        &desk,
        &app,
        "desk/take_payment",
        &cash(booking.id, "20", &Uuid::new_v4().to_string()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");

    let (_, folio) = post(&desk, &app, "desk/folio", &form(booking.id, &[])).await;
    let today = app.state.bookings.today();
    let list = [
        ("list", "in_house".to_owned()),
        ("date", today.to_string()),
        ("search", booking.id.to_string()[..8].to_owned()),
        ("sort", "room".into()),
        ("page", "0".into()),
    ];
    let day = call(&desk, &app, "desk/day", &list).await;
    let row = day["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("a list: {day}"))
        .iter()
        .find(|r| r["booking_id"] == booking.id.to_string())
        .unwrap_or_else(|| panic!("the stay is in the house: {day}"))
        .clone();
    assert_eq!(
        row["balance"], folio["to_settle"],
        "what the stay page's folio says is left"
    );
    assert_eq!(
        row["balance"],
        serde_json::to_value(kernel::Money::from_minor(1600, booking.total.currency())).unwrap(),
        "the breakfasts less the cash; the room is the card's"
    );
}

#[tokio::test]
async fn the_desk_stream_hears_of_an_extra_posted() {
    let app = spawn_app_with_workers().await;
    let booking = in_house(&app, CapturePolicy::Booking).await;
    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let mut stream = LiveStream::open(&desk, &app, "desk").await;
    assert_eq!(stream.next().await.topic, READY);

    let (status, answer) = post(
        &desk,
        &app,
        "desk/post_extra",
        &breakfasts(booking.id, &Uuid::new_v4().to_string()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let id = booking.id.to_string();
    let (heard, _) = stream
        .until("folio.changed", |e| {
            e.topic == FOLIO_CHANGED && e.booking_id.as_deref() == Some(id.as_str())
        })
        .await;
    assert!(heard.concerns_booking(&id), "the stay's page reloads on it");
}
