//! `/health/live` says the process runs; `/health/ready` checks every dependency and names
//! the one that fails.
use crate::startup::Dependencies;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use rdkafka::producer::{FutureProducer, Producer};
use serde_json::{json, Value};
use std::time::Duration;
use tower_sessions_redis_store::fred::prelude::ClientLike;

const CHECK_TIMEOUT: Duration = Duration::from_secs(3);

pub fn routes<S: Clone + Send + Sync + 'static>(deps: Dependencies) -> Router<S> {
    Router::new()
        .route("/health/live", get(|| async { "ok" }))
        .route("/health/ready", get(ready).with_state(deps))
}

async fn ready(State(deps): State<Dependencies>) -> (StatusCode, Json<Value>) {
    let (pg, mongo, redis, kafka_ok, keycloak, smtp) = tokio::join!(
        check(async { sqlx::query("SELECT 1").execute(&deps.pg).await.map(|_| ()).map_err(anyhow::Error::from) }),
        check(async { deps.mongo.run_command(mongodb::bson::doc! { "ping": 1 }).await.map(|_| ()).map_err(anyhow::Error::from) }),
        check(async { deps.redis.ping::<String>(None).await.map(|_| ()).map_err(anyhow::Error::from) }),
        check(async { kafka(&deps.publisher.producer()).await }),
        check(async {
            let response = reqwest::get(&deps.oidc_discovery_url).await?;
            anyhow::ensure!(response.status().is_success(), "discovery answered {}", response.status());
            Ok(())
        }),
        check(deps.mailer.check()),
    );
    let checks = [
        ("postgres", pg),
        ("mongodb", mongo),
        ("redis", redis),
        ("kafka", kafka_ok),
        ("keycloak", keycloak),
        ("smtp", smtp),
    ];
    let failing: Vec<&str> = checks.iter().filter(|(_, r)| r.is_err()).map(|(n, _)| *n).collect();
    let body: serde_json::Map<String, Value> = checks
        .iter()
        .map(|(name, r)| (name.to_string(), json!(r.as_ref().map(|_| "ok".to_owned()).unwrap_or_else(|e| e.clone()))))
        .collect();
    let status = if failing.is_empty() { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(json!({ "status": if failing.is_empty() { "ready" } else { "unavailable" }, "failing": failing, "checks": body })))
}

async fn check(f: impl std::future::Future<Output = anyhow::Result<()>>) -> Result<(), String> {
    match tokio::time::timeout(CHECK_TIMEOUT, f).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(format!("{e:#}")),
        Err(_) => Err("no answer within 3 s".into()),
    }
}

/// Asks the brokers for cluster metadata; rdkafka's call blocks, so it runs off the async threads.
pub async fn kafka(producer: &FutureProducer) -> anyhow::Result<()> {
    let producer = producer.clone();
    tokio::task::spawn_blocking(move || producer.client().fetch_metadata(None, CHECK_TIMEOUT).map(|_| ()))
        .await?
        .map_err(anyhow::Error::from)
}
