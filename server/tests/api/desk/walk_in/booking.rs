//! Booking for a walk-in: the guest site's price for the stay, with the card now or the balance
//! left for check-out; one booking however often the form is sent; the receptionist in the
//! booking's history.
use super::{book_form, desk, post, walk_in_guest};
use crate::helpers::{add_room_type, browser, spawn_app, TestApp};
use kernel::BookingId;
use payments::test_cards;
use reqwest::StatusCode;
use serde_json::Value;
use uuid::Uuid;

fn field(form: &[(&'static str, String)], name: &str) -> String {
    form.iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.clone())
        .unwrap()
}

/// What the guest site's quote says the stay of `form` costs.
async fn quoted_total(app: &TestApp, form: &[(&'static str, String)]) -> Value {
    let quote: Vec<(&str, String)> = ["room_type", "check_in", "check_out", "adults", "children"]
        .into_iter()
        .map(|k| (k, field(form, k)))
        .chain([("promo", String::new())])
        .collect();
    let (status, quote) = post(&browser(), app, "quote", &quote).await;
    assert_eq!(status, StatusCode::OK, "{quote}");
    quote["price"]["total"].clone()
}

#[tokio::test]
async fn a_walk_in_booked_without_payment_costs_what_the_site_quotes_and_a_retry_books_once() {
    let app = spawn_app().await;
    let desk = desk(&app).await;
    let room_type = add_room_type(&app, 2).await;
    let guest = walk_in_guest(&app, &desk).await;
    let form = book_form(&app, &guest, &room_type, 30, 3, None);
    let quoted = quoted_total(&app, &form).await;

    let (status, first) = post(&desk, &app, "desk/book", &form).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (status, again) = post(&desk, &app, "desk/book", &form).await;
    assert_eq!(
        (status, &again),
        (StatusCode::OK, &first),
        "the retry answers with the same booking"
    );
    let id: BookingId = first.as_str().unwrap().parse().unwrap();

    let (_, stay) = post(&desk, &app, "desk/stay", &[("id", id.to_string())]).await;
    assert_eq!(stay["total"], quoted, "{stay}");
    assert_eq!(stay["guest_email"], guest["email"]);
    assert_eq!(
        stay["money"]["balance"], quoted,
        "nothing taken: the balance waits for check-out"
    );
    let bookings: i64 =
        sqlx::query_scalar("SELECT count(*) FROM bookings.bookings WHERE user_id = $1::uuid")
            .bind(guest["id"].as_str().unwrap())
            .fetch_one(&app.deps.pg)
            .await
            .unwrap();
    assert_eq!(bookings, 1);
    let history: Vec<(String, Uuid, Option<String>)> = sqlx::query_as(
        "SELECT action, actor, reason FROM bookings.audit_log WHERE booking_id = $1 ORDER BY id",
    )
    .bind(id.as_uuid())
    .fetch_all(&app.deps.pg)
    .await
    .unwrap();
    assert_eq!(
        history,
        vec![(
            "book".to_owned(),
            crate::helpers::account_id(&app, "frontdesk@hotel.test").await.as_uuid(),
            Some("Booked at the desk".to_owned())
        )]
    );
    let line = &stay["history"][0];
    assert!(
        line["who"].as_str().unwrap().contains("front desk")
            && line["what"] == "Booked at the desk",
        "{line}"
    );
}

#[tokio::test]
async fn a_walk_in_paid_by_card_holds_the_quoted_price_once_for_a_retried_form() {
    let app = spawn_app().await;
    let desk = desk(&app).await;
    let room_type = add_room_type(&app, 2).await;
    let guest = walk_in_guest(&app, &desk).await;
    let form = book_form(&app, &guest, &room_type, 31, 2, Some(test_cards::SUCCEEDS));
    let quoted = quoted_total(&app, &form).await;

    let answers =
        futures::future::join_all((0..3).map(|_| post(&desk, &app, "desk/book", &form))).await;
    let ids: Vec<&Value> = answers
        .iter()
        .map(|(status, id)| {
            assert_eq!(*status, StatusCode::OK, "{id}");
            id
        })
        .collect();
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    let id: BookingId = ids[0].as_str().unwrap().parse().unwrap();
    let holds: Vec<(i64, String)> = sqlx::query_as(
        "SELECT amount_minor, currency FROM payments.payments WHERE booking_id = $1 AND kind = 'authorisation' AND status = 'succeeded'",
    )
    .bind(id.as_uuid())
    .fetch_all(&app.deps.pg)
    .await
    .unwrap();
    assert_eq!(holds.len(), 1, "one hold for three submits: {holds:?}");
    let (_, stay) = post(&desk, &app, "desk/stay", &[("id", id.to_string())]).await;
    assert_eq!(stay["total"], quoted, "{stay}");
    assert_eq!(stay["history"][0]["what"], "Booked at the desk");

    let mut declined = book_form(&app, &guest, &room_type, 31, 2, Some(test_cards::DECLINED));
    let (status, refused) = post(&desk, &app, "desk/book", &declined).await;
    assert_eq!(
        (status, refused["InvalidField"]["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("card_number")),
        "{refused}"
    );
    declined.retain(|(k, _)| *k != "guest");
    declined.push(("guest", Uuid::new_v4().to_string()));
    let (status, unknown) = post(&desk, &app, "desk/book", &declined).await;
    assert_eq!(
        (status, unknown["InvalidField"]["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("guest")),
        "{unknown}"
    );
}
