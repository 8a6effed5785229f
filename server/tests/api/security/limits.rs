//! A request body over 64 KiB is refused with 413, and an over-long form field with a message
//! naming it, before any server function runs.
use crate::helpers::{add_room_type, book_form, browser, sign_in, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Posts `body` with `Transfer-Encoding: chunked` (no Content-Length) and returns the raw answer.
async fn post_chunked(address: &str, path: &str, body: &[u8]) -> String {
    let host = address.trim_start_matches("http://");
    let mut socket = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    for chunk in body.chunks(16 * 1024) {
        let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), chunk, b"\r\n"].concat();
        if socket.write_all(&framed).await.is_err() {
            break; // the server answered and closed before taking it all
        }
    }
    let _ = socket.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = socket.read_to_end(&mut answer).await;
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_one_mebibyte_post_is_refused_with_413() {
    let app = spawn_app().await;
    let client = browser();
    let huge = format!("check_in=2030-01-10&check_out=2030-01-12&adults=2&children=0&promo={}", "A".repeat(1024 * 1024));
    let declared = client
        .post(format!("{}/api/search", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(huge.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(declared.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: Value = declared.json().await.unwrap();
    assert_eq!(body, json!({ "Invalid": "the form is too large for the hotel's server (at most 64 KiB)" }));

    let streamed = post_chunked(&app.address, "/api/search", huge.as_bytes()).await;
    assert!(streamed.starts_with("HTTP/1.1 413"), "a chunked body declares no length, and is refused all the same: {streamed}");

    let page_post = client.post(format!("{}/auth/logout", app.address)).body(vec![b'x'; 1024 * 1024]).send().await.unwrap();
    assert_eq!(page_post.status(), StatusCode::PAYLOAD_TOO_LARGE, "outside /api/ too");
    assert!(page_post.text().await.unwrap().contains("at most 64 KiB"));
}

#[tokio::test]
async fn an_over_long_field_is_refused_with_a_message_naming_it() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let search = [
        ("check_in", "2030-01-10".to_owned()),
        ("check_out", "2030-01-12".to_owned()),
        ("adults", "2".to_owned()),
        ("children", "0".to_owned()),
        ("promo", "W".repeat(33)),
    ];
    let answer = browser().post(format!("{}/api/search", app.address)).form(&search).send().await.unwrap();
    assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
    assert_eq!(answer.json::<Value>().await.unwrap(), json!({ "Invalid": "the promo code is too long (at most 32 characters)" }));

    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    let mut form = book_form(&room_type, 290, 2);
    form.retain(|(k, _)| *k != "card_number");
    form.push(("card_number", "4242 ".repeat(10)));
    let answer = guest.post(format!("{}/api/book", app.address)).form(&form).send().await.unwrap();
    assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
    assert_eq!(answer.json::<Value>().await.unwrap(), json!({ "Invalid": "the card number is too long (at most 23 characters)" }));
    let held: i64 = sqlx::query_scalar("SELECT count(*) FROM bookings.bookings WHERE room_type = $1")
        .bind(room_type.code.as_str())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(held, 0, "nothing was booked");
}
