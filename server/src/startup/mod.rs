//! Builds the application from its configuration, failing fast on any unreachable dependency
//! (`connect.rs`), then runs the web server (`router.rs`) and the background workers
//! (`workers.rs`) together until a shutdown signal.
mod connect;
mod router;
mod workers;

pub use connect::Dependencies;

use crate::config::Config;
use crate::live::{LiveFeed, LiveRoutes};
use anyhow::Context;
use app::state::AppState;
use axum::Router;
use leptos::prelude::*;
use payments::billing::BillingService;
use payments::{PaymentGateway, PaymentsConfig, PaymentsService, TestGateway};
use secrecy::ExposeSecret;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;
use users::{SessionGuard, SessionPolicy};

pub struct Application {
    listener: TcpListener,
    router: Router,
    workers: Vec<tokio::task::JoinHandle<()>>,
    shutdown: watch::Sender<bool>,
    pub base_url: String,
    pub state: AppState,
    pub deps: Dependencies,
}

impl Application {
    pub async fn build(config: Config, mut leptos_options: LeptosOptions) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(leptos_options.site_addr)
            .await
            .with_context(|| format!("binding {}", leptos_options.site_addr))?;
        leptos_options.site_addr = listener.local_addr()?;
        let base_url = config.app_base_url.clone().unwrap_or_else(|| format!("http://{}", leptos_options.site_addr));
        let deps = connect::connect(&config, &base_url).await?;

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
            office: office::Office { bookings: bookings.clone(), rooms: rooms.clone(), billing: billing.clone() },
            staff: users::StaffDirectory::new(
                users::DirectoryConfig {
                    issuer_url: config.oidc_issuer_url.clone(),
                    client_id: config.staff_client_id.clone(),
                    client_secret: config.staff_client_secret.expose_secret().to_owned(),
                },
                users.clone(),
            ),
            notifications: notifications::NotificationsService::new(deps.pg.clone(), deps.mailer.clone(), users.clone()),
            rooms,
            bookings,
            payments,
            billing,
            sessions,
        };

        let (shutdown, shutdown_rx) = watch::channel(false);
        let mut workers = if config.background_workers { workers::spawn(&config, &deps, &state, &shutdown_rx) } else { Vec::new() };

        // The staff screens of this process need the feed whether or not it runs the workers.
        let live = LiveFeed::new();
        let group = workers::consumer_group(&config, &format!("live-{}", live.instance()));
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

        let door = router::web_door(&config, &base_url, &leptos_options)?;
        let router = router::router(state.clone(), deps.clone(), door, live);
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

