//! Typed settings from the environment. Every one has a default that fits the local stack
//! started by `scripts/stack up`, so development needs no editing.
use secrecy::SecretString;
use std::env;
use std::time::Duration;

#[derive(Clone)]
pub struct Config {
    /// Where browsers reach the app; `None` means "the address we bound", used by tests on port 0.
    pub app_base_url: Option<String>,
    pub database_url: SecretString,
    pub mongodb_uri: SecretString,
    pub mongodb_db: String,
    pub redis_url: SecretString,
    pub kafka_brokers: String,
    /// Prepended to consumer group names, so a test run or a second app never steals partitions.
    pub kafka_group_prefix: String,
    /// Whether the workers start each business day in every room (stay-overs dirty); tests that
    /// share one rooms database start the day in their own rooms instead.
    pub start_business_days: bool,
    /// Whether the night audit runs by itself at the hotel's night audit time (with the business
    /// days); off, only a manager runs it (the browser tests run the demo's waiting audit so).
    pub night_audit_schedule: bool,
    /// See `eventbus::Subscription::skip_before`; set only by tests.
    pub kafka_skip_before: Option<chrono::DateTime<chrono::Utc>>,
    pub oidc_issuer_url: String,
    pub oidc_client_id: String,
    pub oidc_client_secret: SecretString,
    /// The realm's service account the office changes staff with (`KEYCLOAK_STAFF_CLIENT_ID`,
    /// `KEYCLOAK_STAFF_CLIENT_SECRET`; see `deploy/keycloak`).
    pub staff_client_id: String,
    pub staff_client_secret: SecretString,
    pub smtp_url: SecretString,
    /// The sender of guests' mail (`MAIL_FROM`); by default the hotel's reservations mailbox.
    pub mail_from: String,
    /// Load the demo hotel into an empty rooms database at start.
    pub seed_demo: bool,
    /// Run the outbox relay and the event consumers in this process.
    pub background_workers: bool,
    /// How old a session's role may get before it is re-checked with the identity provider
    /// (`HOTEL_ROLE_RECHECK_SECS`, 120).
    pub role_recheck_after: Duration,
    /// How long a session lives after sign-in however busy it is (`HOTEL_SESSION_LIFETIME_SECS`,
    /// 12 hours); inactivity ends it after 8 hours anyway.
    pub session_lifetime: Duration,
}

fn var(name: &str, default: &str) -> String {
    env::var(name).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| default.to_owned())
}

/// Whole seconds from the environment; a value that is not a number keeps the default (and says so).
fn seconds(name: &str, default: u64) -> Duration {
    let value = var(name, &default.to_string());
    Duration::from_secs(value.trim().parse().unwrap_or_else(|_| {
        tracing::warn!("{name}={value:?} is not a number of seconds; using {default}");
        default
    }))
}

impl Config {
    pub fn from_env() -> Self {
        Self {
            app_base_url: env::var("APP_BASE_URL").ok().filter(|v| !v.is_empty()),
            database_url: var("DATABASE_URL", "postgres://hotel:hotel@127.0.0.1:5432/hotel").into(),
            mongodb_uri: var("MONGODB_URI", "mongodb://127.0.0.1:27017/").into(),
            mongodb_db: var("MONGODB_DB", "hotel"),
            redis_url: var("REDIS_URL", "redis://127.0.0.1:6379").into(),
            kafka_brokers: var("KAFKA_BROKERS", "127.0.0.1:9092"),
            kafka_group_prefix: var("KAFKA_GROUP_PREFIX", ""),
            kafka_skip_before: None,
            start_business_days: true,
            night_audit_schedule: var("HOTEL_NIGHT_AUDIT_SCHEDULE", "true") == "true",
            oidc_issuer_url: var("OIDC_ISSUER_URL", "http://127.0.0.1:8180/realms/hotel"),
            oidc_client_id: var("OIDC_CLIENT_ID", "hotel-app"),
            oidc_client_secret: var("OIDC_CLIENT_SECRET", "hotel-app-secret").into(),
            staff_client_id: var("KEYCLOAK_STAFF_CLIENT_ID", "hotel-staff-admin"),
            staff_client_secret: var("KEYCLOAK_STAFF_CLIENT_SECRET", "hotel-staff-admin-secret").into(),
            smtp_url: var("SMTP_URL", "smtp://127.0.0.1:1025").into(),
            mail_from: var("MAIL_FROM", &kernel::hotel::HOTEL.mailbox()),
            seed_demo: var("HOTEL_SEED_DEMO", "false") == "true",
            background_workers: var("HOTEL_BACKGROUND_WORKERS", "true") == "true",
            role_recheck_after: seconds("HOTEL_ROLE_RECHECK_SECS", 120),
            session_lifetime: seconds("HOTEL_SESSION_LIFETIME_SECS", 12 * 3600),
        }
    }
}
