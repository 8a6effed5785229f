use crate::helpers::{add_room_type, browser, location, sign_in, spawn_app};

#[tokio::test]
async fn sign_in_stores_the_user_with_role_and_cycles_a_secure_session() {
    let app = spawn_app().await;
    let client = browser();
    let start = client.get(format!("{}/auth/login", app.address)).send().await.unwrap();
    let pre_login_cookie = session_cookie(&start).expect("the pending login lives in a session");
    assert!(pre_login_cookie.contains("HttpOnly"), "{pre_login_cookie}");
    assert!(pre_login_cookie.contains("SameSite=Lax"), "{pre_login_cookie}");
    assert!(!pre_login_cookie.contains("Secure"), "plain http in development: {pre_login_cookie}");
    let keycloak = location(&start);
    for part in ["code_challenge_method=S256", "state=", "nonce=", "client_id=hotel-app"] {
        assert!(keycloak.contains(part), "authorization request carries {part}: {keycloak}");
    }

    let client = sign_in(&app, "guest@hotel.test", "guest").await;
    let me: serde_json::Value = client.post(format!("{}/api/whoami", app.address)).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["email"], "guest@hotel.test");
    assert_eq!(me["role"], "guest");

    let (user_id, role): (uuid::Uuid, String) =
        sqlx::query_as("SELECT id, role FROM users.users WHERE email = 'guest@hotel.test'")
            .fetch_one(&app.deps.pg)
            .await
            .unwrap();
    assert_eq!(role, "guest");
    let registered: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM users.outbox WHERE topic = 'user.registered' AND key = $1",
    )
    .bind(user_id.to_string())
    .fetch_one(&app.deps.pg)
    .await
    .unwrap();
    assert_eq!(registered, 1, "user.registered is written once, at the first sign-in");
}

#[tokio::test]
async fn the_session_id_changes_at_sign_in() {
    let app = spawn_app().await;
    let client = browser();
    let start = client.get(format!("{}/auth/login", app.address)).send().await.unwrap();
    let before = cookie_value(&session_cookie(&start).unwrap());
    let page = client.get(location(&start)).send().await.unwrap().text().await.unwrap();
    let action = scraper::Html::parse_document(&page)
        .select(&scraper::Selector::parse("form#kc-form-login").unwrap())
        .next()
        .unwrap()
        .value()
        .attr("action")
        .unwrap()
        .replace("&amp;", "&");
    let back = client.post(action).form(&[("username", "guest@hotel.test"), ("password", "guest")]).send().await.unwrap();
    let done = client.get(location(&back)).send().await.unwrap();
    let after = cookie_value(&session_cookie(&done).expect("a new session cookie at sign-in"));
    assert_ne!(before, after);
}

#[tokio::test]
async fn server_functions_check_the_role_on_the_server() {
    let app = spawn_app().await;
    let room_type = add_room_type(&app, 1).await;
    let form = |key: &str| {
        vec![
            ("room_type", room_type.code.to_string()),
            ("check_in", "2030-01-10".into()),
            ("check_out", "2030-01-12".into()),
            ("adults", "2".into()),
            ("children", "0".into()),
            ("idempotency_key", key.to_owned()),
            ("card_number", "4242424242424242".into()),
            ("card_month", "12".into()),
            ("card_year", "2035".into()),
            ("card_cvc", "123".into()),
        ]
    };
    let key = uuid::Uuid::new_v4().to_string();
    let anonymous = browser().post(format!("{}/api/book", app.address)).form(&form(&key)).send().await.unwrap();
    assert_eq!(anonymous.text().await.unwrap(), "\"SignInRequired\"");

    let housekeeping = sign_in(&app, "housekeeping@hotel.test", "housekeeping").await;
    let refused = housekeeping.post(format!("{}/api/book", app.address)).form(&form(&key)).send().await.unwrap();
    assert_eq!(refused.text().await.unwrap(), "\"Forbidden\"");
    let held: i64 = sqlx::query_scalar("SELECT count(*) FROM bookings.bookings WHERE room_type = $1")
        .bind(room_type.code.as_str())
        .fetch_one(&app.deps.pg)
        .await
        .unwrap();
    assert_eq!(held, 0, "a refused call books nothing");
}

#[tokio::test]
async fn sign_out_ends_the_app_session_and_the_keycloak_session() {
    let app = spawn_app().await;
    let client = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let out = client.post(format!("{}/auth/logout", app.address)).send().await.unwrap();
    let end_session = location(&out);
    assert!(end_session.contains("/protocol/openid-connect/logout"), "{end_session}");
    assert!(end_session.contains("id_token_hint="), "{end_session}");
    let me: serde_json::Value = client.post(format!("{}/api/whoami", app.address)).send().await.unwrap().json().await.unwrap();
    assert!(me.is_null(), "signed out: {me}");
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("hotel_session="))
        .map(str::to_owned)
}

fn cookie_value(cookie: &str) -> String {
    cookie.split(';').next().unwrap().to_owned()
}
