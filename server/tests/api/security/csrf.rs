//! A page on another site cannot make a signed-in guest's browser change anything.
use crate::helpers::{account_id, add_room_type, request, sign_in, spawn_app, stay, TestApp};
use reqwest::StatusCode;


async fn whoami(app: &TestApp, client: &reqwest::Client) -> serde_json::Value {
    client.post(format!("{}/api/whoami", app.address)).send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn a_cross_site_request_with_the_guests_cookie_is_refused_before_it_runs() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let guest = sign_in(&app, "guest@hotel.test", "guest").await;
    let me = account_id(&app, "guest@hotel.test").await;
    let booking = app.state.bookings.book(request(me, &room_type, stay(270, 2))).await.unwrap();
    let cancel = format!("{}/api/cancel_booking", app.address);
    let form = [("id", booking.id.to_string())];

    let foreign = [
        vec![("origin", "https://evil.test"), ("sec-fetch-site", "cross-site")],
        vec![("origin", "https://evil.test")],
        vec![("sec-fetch-site", "same-site")],
        vec![("origin", "null")],
    ];
    for headers in &foreign {
        let mut call = guest.post(&cancel).form(&form);
        for (name, value) in headers {
            call = call.header(*name, *value);
        }
        let answer = call.send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::FORBIDDEN, "{headers:?}");
        let body: serde_json::Value = answer.json().await.unwrap();
        assert!(body["Invalid"].as_str().unwrap().contains("came from another website"), "{body}");
    }
    let still = app.state.bookings.find(booking.id).await.unwrap();
    assert_eq!(still.status.as_str(), "confirmed", "nothing was cancelled");

    let signed_out = guest
        .post(format!("{}/auth/logout", app.address))
        .header("origin", "https://evil.test")
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(signed_out.status(), StatusCode::FORBIDDEN);
    assert_eq!(whoami(&app, &guest).await["email"], "guest@hotel.test", "still signed in");

    // The same requests from the app's own pages go through.
    let answer = guest
        .post(&cancel)
        .header("origin", &app.address)
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(app.state.bookings.find(booking.id).await.unwrap().status.as_str(), "cancelled");
    let signed_out = guest
        .post(format!("{}/auth/logout", app.address))
        .header("origin", &app.address)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert!(signed_out.status().is_redirection(), "{}", signed_out.status());
    assert_eq!(whoami(&app, &guest).await, serde_json::Value::Null, "signed out");
}
