//! Every external server the app talks to, connected and checked before anything starts.
use crate::{config::Config, health};
use anyhow::Context;
use notifications::{Mailer, MailerConfig};
use secrecy::ExposeSecret;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::time::Duration;
use tower_sessions_redis_store::fred::prelude::{ClientLike, Config as RedisConfig, Pool as RedisPool};
use tower_sessions_redis_store::fred::types::config::{ConnectionConfig, PerformanceConfig, ReconnectPolicy};
use users::{Oidc, OidcConfig};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Every external server the app talks to, connected and checked.
#[derive(Clone)]
pub struct Dependencies {
    pub pg: PgPool,
    pub mongo: mongodb::Database,
    pub redis: RedisPool,
    pub publisher: eventbus::Publisher,
    pub oidc: Oidc,
    pub mailer: Mailer,
    pub oidc_discovery_url: String,
}

/// Redis clients that reconnect for as long as it takes (exponential backoff from 100 ms to 2 s):
/// without a policy, fred gives a connection up for good when Redis restarts. Every command
/// gives up after 2 s, so a request never waits on a Redis that is away.
fn redis_pool(config: &Config) -> anyhow::Result<RedisPool> {
    let redis_config = RedisConfig::from_url(config.redis_url.expose_secret()).context("REDIS_URL is invalid")?;
    let timeout = crate::sessions::STORE_TIMEOUT;
    let performance = PerformanceConfig { default_command_timeout: timeout, ..Default::default() };
    let connection = ConnectionConfig { connection_timeout: timeout, internal_command_timeout: timeout, ..Default::default() };
    let reconnect = ReconnectPolicy::new_exponential(0, 100, 2_000, 2);
    Ok(RedisPool::new(redis_config, Some(performance), Some(connection), Some(reconnect), 4)?)
}

pub(super) async fn connect(config: &Config, base_url: &str) -> anyhow::Result<Dependencies> {
    let pg = PgPoolOptions::new()
        .max_connections(32)
        .acquire_timeout(CONNECT_TIMEOUT)
        .connect(config.database_url.expose_secret())
        .await
        .context("PostgreSQL is unreachable (DATABASE_URL)")?;
    sqlx::migrate!("../migrations").run(&pg).await.context("PostgreSQL migrations failed")?;

    let mut mongo_options = mongodb::options::ClientOptions::parse(config.mongodb_uri.expose_secret())
        .await
        .context("MONGODB_URI is invalid")?;
    mongo_options.server_selection_timeout = Some(CONNECT_TIMEOUT);
    let mongo = mongodb::Client::with_options(mongo_options)?.database(&config.mongodb_db);
    mongo
        .run_command(mongodb::bson::doc! { "ping": 1 })
        .await
        .context("MongoDB is unreachable (MONGODB_URI)")?;

    let redis = redis_pool(config)?;
    redis.connect();
    tokio::time::timeout(CONNECT_TIMEOUT, redis.wait_for_connect())
        .await
        .context("Redis did not answer in time (REDIS_URL)")?
        .context("Redis is unreachable (REDIS_URL)")?;

    let publisher = eventbus::Publisher::new(&config.kafka_brokers)?;
    health::kafka(&publisher.producer()).await.context("Kafka is unreachable (KAFKA_BROKERS)")?;

    let oidc = Oidc::discover(OidcConfig {
        issuer_url: config.oidc_issuer_url.clone(),
        client_id: config.oidc_client_id.clone(),
        client_secret: config.oidc_client_secret.expose_secret().to_owned(),
        app_base_url: base_url.to_owned(),
    })
    .await
    .context("the OpenID Connect provider is unreachable (OIDC_ISSUER_URL)")?;

    let mailer = Mailer::new(&MailerConfig {
        smtp_url: config.smtp_url.expose_secret().to_owned(),
        from: config.mail_from.clone(),
    })?;
    mailer.check().await.context("the SMTP server is unreachable (SMTP_URL)")?;

    let oidc_discovery_url = format!("{}/.well-known/openid-configuration", config.oidc_issuer_url.trim_end_matches('/'));
    Ok(Dependencies { pg, mongo, redis, publisher, oidc, mailer, oidc_discovery_url })
}
