//! Redis restarted under a signed-in session: the app reconnects by itself, the session is still
//! there afterwards (`scripts/stack` saves Redis on shutdown), and while Redis is away requests
//! answer 503 at once instead of hanging.
use crate::helpers::{browser, eventually, sign_in, spawn_app, TestApp};
use crate::{one_outage_at_a_time, stack};
use std::time::Duration;

/// Far more than the app needs (its store calls give up after 2 s), far less than a hang.
const ANSWER_WITHIN: Duration = Duration::from_secs(15);

/// Brings Redis back however the test ends.
struct RedisStopped;

impl RedisStopped {
    fn stop() -> Self {
        stack(&["down", "redis"]);
        RedisStopped
    }
}

impl Drop for RedisStopped {
    fn drop(&mut self) {
        stack(&["up", "redis"]);
    }
}

async fn whoami(client: &reqwest::Client, app: &TestApp) -> reqwest::Response {
    client.post(format!("{}/api/whoami", app.address)).timeout(ANSWER_WITHIN).send().await.expect("whoami answers")
}

async fn ready(app: &TestApp) -> (u16, serde_json::Value) {
    let response = reqwest::Client::new().get(format!("{}/health/ready", app.address)).timeout(ANSWER_WITHIN).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_signed_in_session_survives_a_redis_restart_and_requests_answer_503_while_redis_is_down() {
    let _turn = one_outage_at_a_time().await;
    let app = spawn_app().await;
    let client = sign_in(&app, "guest@hotel.test", "guest").await;
    let me: serde_json::Value = whoami(&client, &app).await.json().await.unwrap();
    assert_eq!(me["email"], "guest@hotel.test");

    let outage = RedisStopped::stop();
    let login = browser().get(format!("{}/auth/login", app.address)).timeout(ANSWER_WITHIN).send().await;
    let login = login.expect("/auth/login answers while Redis is down, and does not hang");
    assert_eq!(login.status(), 503, "sign-in is unavailable while Redis is down");
    assert!(login.text().await.unwrap().contains("try again"), "a page that says so");
    let signed_in = whoami(&client, &app).await;
    assert_eq!(signed_in.status(), 503, "a server function of the signed-in browser answers 503");
    let (status, body) = ready(&app).await;
    let failing = body["failing"].as_array().cloned().unwrap_or_default();
    assert!(status == 503 && failing.contains(&serde_json::json!("redis")), "/health/ready names redis: {body}");

    drop(outage);
    eventually("/health/ready to recover after Redis is back", Duration::from_secs(30), || async {
        (ready(&app).await.0 == 200).then_some(())
    })
    .await;
    let me: serde_json::Value = whoami(&client, &app).await.json().await.unwrap();
    assert_eq!(me["email"], "guest@hotel.test", "the browser is still signed in after the restart");
    let again = sign_in(&app, "guest@hotel.test", "guest").await;
    assert_eq!(whoami(&again, &app).await.status(), 200, "and signing in works again");
}
