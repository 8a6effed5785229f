//! A session's role follows Keycloak within the re-check interval, a disabled user is signed
//! out, and a session ends at its absolute lifetime however busy it is kept.
use crate::helpers::{add_guest, add_room_type, request, sign_in, spawn_app_with, unique, TestApp};
use kernel::Stay;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// Keycloak's admin REST API, as the master realm's `admin` (`scripts/stack` bootstraps it).
pub struct KeycloakAdmin {
    http: reqwest::Client,
    base: String,
}

impl KeycloakAdmin {
    pub fn new() -> Self {
        let issuer = std::env::var("OIDC_ISSUER_URL").unwrap_or_else(|_| "http://127.0.0.1:8180/realms/hotel".into());
        let base = issuer.trim_end_matches('/').trim_end_matches("/realms/hotel").to_owned();
        Self { http: reqwest::Client::builder().timeout(Duration::from_secs(30)).build().unwrap(), base }
    }

    /// A fresh admin token per call: the master realm's tokens live only a minute.
    async fn token(&self) -> String {
        let url = format!("{}/realms/master/protocol/openid-connect/token", self.base);
        let form = [("grant_type", "password"), ("client_id", "admin-cli"), ("username", "admin"), ("password", "admin")];
        let answer: Value = self.http.post(url).form(&form).send().await.unwrap().json().await.unwrap();
        answer["access_token"].as_str().expect("an admin token from Keycloak").to_owned()
    }

    pub async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> reqwest::Response {
        let mut call = self.http.request(method.clone(), format!("{}/admin/realms/hotel{path}", self.base)).bearer_auth(self.token().await);
        if let Some(body) = body {
            call = call.json(&body);
        }
        let response = call.send().await.unwrap();
        assert!(response.status().is_success(), "{method} {path}: {}", response.status());
        response
    }

    /// A user who can sign in with `password`, holding `role` besides the realm's default (guest).
    async fn create_user(&self, email: &str, password: &str, role: &str) -> String {
        let user = json!({
            "username": email, "email": email, "emailVerified": true, "enabled": true,
            "firstName": "Test", "lastName": "Staff",
            "credentials": [{ "type": "password", "value": password, "temporary": false }],
        });
        let created = self.send(reqwest::Method::POST, "/users", Some(user)).await;
        let location = created.headers()["location"].to_str().unwrap().to_owned();
        let id = location.rsplit('/').next().unwrap().to_owned();
        let role = self.role(role).await;
        self.send(reqwest::Method::POST, &format!("/users/{id}/role-mappings/realm"), Some(json!([role]))).await;
        id
    }

    async fn role(&self, name: &str) -> Value {
        self.send(reqwest::Method::GET, &format!("/roles/{name}"), None).await.json().await.unwrap()
    }

    async fn remove_role(&self, id: &str, role: &str) {
        let role = self.role(role).await;
        self.send(reqwest::Method::DELETE, &format!("/users/{id}/role-mappings/realm"), Some(json!([role]))).await;
    }

    async fn disable(&self, id: &str) {
        self.send(reqwest::Method::PUT, &format!("/users/{id}"), Some(json!({ "enabled": false }))).await;
    }

    /// Makes `password` the person's own (not one to change at the next sign-in).
    pub async fn set_password(&self, id: &str, password: &str) {
        let credential = json!({ "type": "password", "value": password, "temporary": false });
        self.send(reqwest::Method::PUT, &format!("/users/{id}/reset-password"), Some(credential)).await;
        self.send(reqwest::Method::PUT, &format!("/users/{id}"), Some(json!({ "requiredActions": [] }))).await;
    }

    pub async fn delete(&self, id: &str) {
        self.send(reqwest::Method::DELETE, &format!("/users/{id}"), None).await;
    }
}

/// A server function's answer as raw JSON: a value, or an error such as `"Forbidden"`.
async fn call(client: &reqwest::Client, app: &TestApp, endpoint: &str, form: &[(&str, String)]) -> Value {
    let response = client.post(format!("{}/api/{endpoint}", app.address)).form(form).send().await.unwrap();
    response.json().await.unwrap()
}

async fn whoami(client: &reqwest::Client, app: &TestApp) -> Value {
    call(client, app, "whoami", &[]).await
}

const RECHECK: Duration = Duration::from_secs(1);

#[tokio::test]
async fn a_role_removed_in_keycloak_is_refused_within_the_interval_and_a_disabled_user_is_signed_out() {
    let app = spawn_app_with(|config| config.role_recheck_after = RECHECK).await;
    let admin = KeycloakAdmin::new();
    let (email, password) = (format!("{}@staff.hotel.test", unique("desk")), "desk-password-1");
    let id = admin.create_user(&email, password, "front_desk").await;

    let room_type = add_room_type(&app, 1).await;
    let guest = add_guest(&app).await;
    let today = app.state.bookings.today();
    let stay = Stay::new(today, today + chrono::Days::new(2)).unwrap();
    let booking = app.state.bookings.book(request(guest.id, &room_type, stay)).await.unwrap();
    let booking_id = [("id", booking.id.to_string())];

    let desk = sign_in(&app, &email, password).await;
    assert_eq!(whoami(&desk, &app).await["role"], "front_desk");
    let checked_in = call(&desk, &app, "check_in_booking", &booking_id).await;
    assert_eq!(checked_in["id"], booking.id.to_string(), "front desk checks the guest in: {checked_in}");

    admin.remove_role(&id, "front_desk").await;
    tokio::time::sleep(RECHECK + Duration::from_millis(500)).await;
    assert_eq!(call(&desk, &app, "check_out_booking", &booking_id).await, json!("Forbidden"), "the removed role no longer works");
    assert_eq!(whoami(&desk, &app).await["role"], "guest", "the session holds the role Keycloak gives now");

    admin.disable(&id).await;
    tokio::time::sleep(RECHECK + Duration::from_millis(500)).await;
    assert_eq!(call(&desk, &app, "booking", &booking_id).await, json!("SignInRequired"), "a disabled user is signed out");
    assert_eq!(whoami(&desk, &app).await, Value::Null, "and stays signed out");
    admin.delete(&id).await;
}

#[tokio::test]
async fn a_session_kept_busy_still_ends_at_its_absolute_lifetime() {
    let lifetime = Duration::from_secs(3);
    let app = spawn_app_with(|config| config.session_lifetime = lifetime).await;
    // Counted from before the sign-in, so never shorter than the session's own clock.
    let signed_in = Instant::now();
    let client = sign_in(&app, "guest@hotel.test", "guest").await;

    let mut ended = None;
    while signed_in.elapsed() < lifetime * 4 {
        let me = whoami(&client, &app).await;
        if me.is_null() {
            ended = Some(signed_in.elapsed());
            break;
        }
        assert_eq!(me["email"], "guest@hotel.test");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let ended = ended.expect("the session ended although it was never idle");
    assert!(ended >= lifetime, "the session ended at its lifetime, not before ({ended:?})");
    assert_eq!(call(&client, &app, "booking", &[("id", uuid::Uuid::new_v4().to_string())]).await, json!("SignInRequired"));
}
