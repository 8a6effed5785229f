//! Builds the application from its configuration, failing fast on any unreachable dependency,
//! then runs the web server and the background workers together until a shutdown signal.
use crate::live::{LiveFeed, LiveRoutes};
use crate::{auth, config::Config, health, web};
use anyhow::Context;
use app::state::AppState;
use axum::Router;
use eventbus::Relay;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use notifications::{Mailer, MailerConfig, NotificationsConsumer, NotificationsService};
use payments::billing::{BillingConsumer, BillingService};
use payments::{PaymentGateway, PaymentsConfig, PaymentsConsumer, PaymentsService, TestGateway};
use rooms::RoomsConsumer;
use secrecy::ExposeSecret;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_sessions_redis_store::fred::prelude::{ClientLike, Config as RedisConfig, Pool as RedisPool};
use tower_sessions_redis_store::fred::types::config::{ConnectionConfig, PerformanceConfig, ReconnectPolicy};
use users::{Oidc, OidcConfig, SessionGuard, SessionPolicy};

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

pub struct Application {
    listener: TcpListener,
    router: Router,
    workers: Vec<tokio::task::JoinHandle<()>>,
    shutdown: watch::Sender<bool>,
    pub base_url: String,
    pub state: AppState,
    pub deps: Dependencies,
}

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

impl Application {
    pub async fn build(config: Config, mut leptos_options: LeptosOptions) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(leptos_options.site_addr)
            .await
            .with_context(|| format!("binding {}", leptos_options.site_addr))?;
        leptos_options.site_addr = listener.local_addr()?;
        let base_url = config.app_base_url.clone().unwrap_or_else(|| format!("http://{}", leptos_options.site_addr));
        let deps = connect(&config, &base_url).await?;

        let users = users::UsersService::new(deps.pg.clone());
        let rooms = rooms::RoomsService::new(deps.mongo.clone());
        rooms.ensure_indexes().await.context("creating MongoDB indexes")?;
        if config.seed_demo && rooms.seed_demo().await.context("loading the demo hotel")? {
            tracing::info!("loaded the demo hotel into MongoDB");
        }
        let bookings = bookings::BookingsService::new(deps.pg.clone(), rooms.clone())
            .await
            .context("starting the bookings service")?;
        if config.seed_demo {
            let guests = users.seed_demo_guests().await.context("loading the demo guests")?;
            if bookings.seed_demo(&guests).await.context("loading the demo rates and bookings")? {
                tracing::info!("loaded the demo rates and a year of bookings");
            }
        }
        // The local test gateway is the only one built; production needs a real gateway's
        // adapter behind the same trait (services/payments/README.md).
        let gateway: Arc<dyn PaymentGateway> = Arc::new(TestGateway::default());
        let payments = PaymentsService::new(deps.pg.clone(), gateway, PaymentsConfig::default());
        let billing = BillingService::new(deps.pg.clone());
        let policy = SessionPolicy { recheck_after: config.role_recheck_after, lifetime: config.session_lifetime };
        let sessions = SessionGuard::new(deps.oidc.clone(), users.clone(), policy);
        let state = AppState {
            leptos_options: leptos_options.clone(),
            users: users.clone(),
            desk: desk::Desk {
                bookings: bookings.clone(),
                rooms: rooms.clone(),
                users: users.clone(),
                payments: payments.clone(),
                billing: billing.clone(),
            },
            rooms,
            bookings,
            payments,
            billing,
            sessions,
        };

        let (shutdown, shutdown_rx) = watch::channel(false);
        let mut workers = Vec::new();
        if config.background_workers {
            let relay = Relay::new(
                deps.pg.clone(),
                deps.publisher.clone(),
                vec![users::OUTBOX, bookings::OUTBOX, payments::OUTBOX, notifications::OUTBOX],
            );
            workers.push(tokio::spawn(relay.run(shutdown_rx.clone())));
            let room_relay = rooms::RoomRelay::new(&state.rooms, deps.publisher.clone());
            workers.push(tokio::spawn(room_relay.run(shutdown_rx.clone())));
            let notifications = NotificationsService::new(deps.pg.clone(), deps.mailer.clone(), users);
            workers.push(tokio::spawn(notifications.clone().run_sender(shutdown_rx.clone())));
            let handler = NotificationsConsumer(notifications);
            let group = NotificationsConsumer::GROUP;
            workers.push(consumer(&config, group, &NotificationsConsumer::TOPICS, handler, &shutdown_rx));
            workers.push(tokio::spawn(state.payments.clone().run_releases(shutdown_rx.clone())));
            if config.start_business_days {
                workers.push(tokio::spawn(state.desk.clone().run_business_days(shutdown_rx.clone())));
            }
            let handler = PaymentsConsumer(state.payments.clone());
            workers.push(consumer(&config, PaymentsConsumer::GROUP, &PaymentsConsumer::TOPICS, handler, &shutdown_rx));
            let handler = BillingConsumer(state.billing.clone());
            workers.push(consumer(&config, BillingConsumer::GROUP, &BillingConsumer::TOPICS, handler, &shutdown_rx));
            let handler = RoomsConsumer(state.rooms.clone());
            workers.push(consumer(&config, RoomsConsumer::GROUP, &RoomsConsumer::TOPICS, handler, &shutdown_rx));
        }

        // The staff screens of this process need the feed whether or not it runs the workers.
        let live = LiveFeed::new();
        let group = consumer_group(&config, &format!("live-{}", live.instance()));
        workers.push(tokio::spawn(
            live.listener(&config.kafka_brokers, &group)?
                .run(shutdown_rx.clone()),
        ));
        let live = LiveRoutes::new(
            live,
            state.sessions.clone(),
            config.role_recheck_after,
            shutdown_rx.clone(),
        );

        let door = web_door(&config, &base_url, &leptos_options)?;
        let router = router(state.clone(), deps.clone(), door, live);
        Ok(Self {
            listener,
            router,
            workers,
            shutdown,
            base_url,
            state,
            deps,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or_default()
    }

    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        tracing::info!("listening on {}", self.base_url);
        let shutdown = self.shutdown.clone();
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(async move {
                shutdown_signal().await;
                tracing::info!("shutting down");
                let _ = shutdown.send(true);
            })
            .await?;
        for worker in self.workers {
            let _ = worker.await;
        }
        Ok(())
    }
}

/// Runs `handler` on `topics` as this app's `group` until shutdown.
fn consumer(
    config: &Config,
    group: &str,
    topics: &'static [&'static str],
    handler: impl eventbus::Handler,
    shutdown: &watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    let shutdown = shutdown.clone();
    let sub = eventbus::Subscription {
        brokers: config.kafka_brokers.clone(),
        group: consumer_group(config, group),
        topics,
        skip_before: config.kafka_skip_before,
    };
    tokio::spawn(async move {
        if let Err(e) = eventbus::run_consumer(&sub, handler, shutdown).await {
            tracing::error!(error = ?e, group = sub.group, "a consumer stopped");
        }
    })
}

/// A consumer group of this app, apart from other apps' (and test runs') under its prefix.
fn consumer_group(config: &Config, name: &str) -> String {
    match config.kafka_group_prefix.as_str() {
        "" => name.to_owned(),
        prefix => format!("{prefix}-{name}"),
    }
}

/// Ctrl-C in a terminal, SIGTERM from Docker, Kubernetes or systemd.
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
}

/// What the web door needs to know: this app's origin, and the origins its pages may reach.
#[derive(Clone)]
struct WebDoor {
    origin: web::AppOrigin,
    headers: web::headers::SecurityHeaders,
}

fn web_door(config: &Config, base_url: &str, leptos: &LeptosOptions) -> anyhow::Result<WebDoor> {
    let origin = web::AppOrigin::parse(base_url).context("APP_BASE_URL")?;
    let sign_in = url::Url::parse(&config.oidc_issuer_url).ok().map(|u| u.origin().ascii_serialization());
    let dev_reload = std::env::var("LEPTOS_WATCH").is_ok().then(|| {
        let scheme = match leptos.reload_ws_protocol {
            leptos::config::ReloadWSProtocol::WS => "ws",
            leptos::config::ReloadWSProtocol::WSS => "wss",
        };
        let host = url::Url::parse(base_url).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_default();
        format!("{scheme}://{host}:{}", leptos.reload_external_port.unwrap_or(leptos.reload_port))
    });
    let headers = web::headers::SecurityHeaders::new(&origin, sign_in.as_deref(), dev_reload);
    Ok(WebDoor { origin, headers })
}

fn router(state: AppState, deps: Dependencies, door: WebDoor, live: LiveRoutes) -> Router {
    use axum::middleware::{from_fn, from_fn_with_state};
    let secure_cookies = door.origin.is_https();
    let routes = generate_route_list(app::App);
    let sessions = crate::sessions::layer(deps.redis.clone(), secure_cookies);
    let leptos_options = state.leptos_options.clone();
    Router::new()
        .merge(auth::routes(auth::AuthState { oidc: deps.oidc.clone(), users: state.users.clone() }))
        .merge(health::routes(deps))
        .merge(crate::documents::routes())
        .merge(live.router())
        .leptos_routes_with_context(&state, routes, web::headers::provide_request_nonce, {
            let options = leptos_options.clone();
            move || app::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            web::headers::provide_request_nonce,
            app::shell,
        ))
        .layer(axum::middleware::map_request_with_state(state.clone(), staff_viewer))
        .layer(sessions)
        .layer(from_fn(web::error_status::server_fn_error_status))
        .layer(from_fn(web::limits::limit_input))
        .layer(from_fn_with_state(door.origin, web::csrf::same_origin_only))
        .layer(from_fn_with_state(door.headers, web::headers::add_security_headers))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// A page of a staff area learns who asks before it is drawn: the answer the area's access
/// check gives, put into the request for the area's frame (inside the session layer, which puts
/// the session there). Drawn knowing it, the console makes its page once, not once per pass of
/// a `Suspense`.
async fn staff_viewer(
    axum::extract::State(state): axum::extract::State<AppState>,
    mut request: axum::extract::Request,
) -> axum::extract::Request {
    use app::api::staff::StaffViewer;
    let roles = StaffViewer::roles_for(request.uri().path());
    if let (true, Some(roles)) = (request.method() == axum::http::Method::GET, roles) {
        if let Some(session) = request.extensions().get::<tower_sessions::Session>().cloned() {
            // Boxed, and a request mapping rather than a middleware around the handler: the
            // desk's pages render on a deep stack (a stay's page, in a debug build, close to
            // 2 MiB), so this adds next to nothing to it.
            let viewer = Box::pin(StaffViewer::of(&session, &state.sessions, roles)).await;
            request.extensions_mut().insert(viewer);
        }
    }
    request
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

async fn connect(config: &Config, base_url: &str) -> anyhow::Result<Dependencies> {
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
