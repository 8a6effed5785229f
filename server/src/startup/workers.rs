//! The app's background work: what runs beside the web server in the same process.
use super::Dependencies;
use crate::config::Config;
use app::state::AppState;
use eventbus::Relay;
use notifications::{NotificationsConsumer, NotificationsService};
use payments::billing::BillingConsumer;
use payments::PaymentsConsumer;
use rooms::RoomsConsumer;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// The outbox relays, the notification sender, the payment releases, the business days (when
/// the config says) and the event consumers, each stopping at `shutdown`.
pub(super) fn spawn(
    config: &Config,
    deps: &Dependencies,
    state: &AppState,
    shutdown_rx: &watch::Receiver<bool>,
) -> Vec<JoinHandle<()>> {
    let mut workers = Vec::new();
    let users = state.users.clone();
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
    workers.push(consumer(&config, group, &NotificationsConsumer::TOPICS, handler, shutdown_rx));
    workers.push(tokio::spawn(state.payments.clone().run_releases(shutdown_rx.clone())));
    if config.start_business_days {
        workers.push(tokio::spawn(state.desk.clone().run_business_days(shutdown_rx.clone())));
    }
    if config.start_business_days && config.night_audit_schedule {
        workers.push(tokio::spawn(state.office.clone().run_night_audits(shutdown_rx.clone())));
    }
    let handler = PaymentsConsumer(state.payments.clone());
    workers.push(consumer(&config, PaymentsConsumer::GROUP, &PaymentsConsumer::TOPICS, handler, shutdown_rx));
    let handler = BillingConsumer(state.billing.clone());
    workers.push(consumer(&config, BillingConsumer::GROUP, &BillingConsumer::TOPICS, handler, shutdown_rx));
    let handler = RoomsConsumer(state.rooms.clone());
    workers.push(consumer(&config, RoomsConsumer::GROUP, &RoomsConsumer::TOPICS, handler, shutdown_rx));
    workers
}

/// Runs `handler` on `topics` as this app's `group` until shutdown.
fn consumer(
    config: &Config,
    group: &str,
    topics: &'static [&'static str],
    handler: impl eventbus::Handler,
    shutdown: &watch::Receiver<bool>,
) -> JoinHandle<()> {
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
pub(super) fn consumer_group(config: &Config, name: &str) -> String {
    match config.kafka_group_prefix.as_str() {
        "" => name.to_owned(),
        prefix => format!("{prefix}-{name}"),
    }
}

