//! Each kind of server function error answers with its own HTTP status, and the body still
//! carries the error for the page to show.
use crate::helpers::{add_guest, add_room_type, book_form, browser, request, sign_in, spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn post<F: serde::Serialize + ?Sized>(client: &reqwest::Client, app: &TestApp, endpoint: &str, form: &F) -> (StatusCode, Value) {
    let response = client.post(format!("{}/api/{endpoint}", app.address)).form(form).send().await.unwrap();
    (response.status(), response.json().await.unwrap())
}

#[tokio::test]
async fn server_function_errors_answer_with_their_http_status() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let form = book_form(&room_type, 280, 2);

    let (status, body) = post(&browser(), &app, "book", &form).await;
    assert_eq!((status, body), (StatusCode::UNAUTHORIZED, json!("SignInRequired")), "book without a session");

    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    let unknown = [("id", uuid::Uuid::new_v4().to_string())];
    let (status, body) = post(&guest, &app, "check_in_booking", &unknown).await;
    assert_eq!((status, body), (StatusCode::FORBIDDEN, json!("Forbidden")), "a guest at the front desk");

    let (status, body) = post(&guest, &app, "booking", &unknown).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an unknown booking: {body}");
    assert!(body["NotFound"].is_string(), "{body}");

    let bad_dates = [
        ("room_type", room_type.code.to_string()),
        ("check_in", "2030-01-12".into()),
        ("check_out", "2030-01-10".into()),
        ("adults", "2".into()),
        ("children", "0".into()),
        ("promo", String::new()),
    ];
    let (status, body) = post(&guest, &app, "quote", &bad_dates).await;
    assert_eq!((status, body), (StatusCode::BAD_REQUEST, json!({ "Invalid": "check-out must be after check-in" })));

    let check_in: chrono::NaiveDate = form[1].1.parse().unwrap();
    let other = add_guest(&app).await;
    let stay = kernel::Stay::new(check_in, check_in + chrono::Days::new(2)).unwrap();
    app.state.bookings.book(request(other.id, &room_type, stay)).await.unwrap();
    let (status, body) = post(&guest, &app, "book", &form).await;
    assert_eq!(status, StatusCode::CONFLICT, "the last room went to someone else: {body}");
    assert!(body["Conflict"].is_string(), "{body}");

    let nothing: [(&str, &str); 0] = [];
    let (status, _) = post(&guest, &app, "whoami", &nothing).await;
    assert_eq!(status, StatusCode::OK, "a success is untouched");
}
