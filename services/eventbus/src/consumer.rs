use anyhow::Context;
use chrono::{DateTime, Utc};
use futures::future::BoxFuture;
use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
use rdkafka::{ClientConfig, Message};
use std::time::Duration;
use tokio::sync::watch;

/// Handles one raw event. Must be idempotent: Kafka delivers at least once.
pub trait Handler: Send + Sync + 'static {
    fn handle<'a>(&'a self, topic: &'a str, payload: &'a [u8]) -> BoxFuture<'a, anyhow::Result<()>>;
}

/// Where and what a consumer reads.
#[derive(Debug, Clone)]
pub struct Subscription {
    pub brokers: String,
    pub group: String,
    pub topics: &'static [&'static str],
    /// Events written before this instant are committed unhandled. A new group starts at the
    /// earliest offset, which in a test run means every earlier run's history; tests set their
    /// start here, production leaves it `None`.
    pub skip_before: Option<DateTime<Utc>>,
}

/// Consumes as `sub` says, committing each offset only after the handler succeeded.
/// A failing event is retried with backoff rather than skipped, so nothing is lost; Kafka going
/// away only pauses the loop.
pub async fn run_consumer(
    sub: &Subscription,
    handler: impl Handler,
    mut shutdown: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let (group, skip_before) = (sub.group.as_str(), sub.skip_before.map(|t| t.timestamp_millis()));
    let consumer: ClosedApart<StreamConsumer> = ClientConfig::new()
        .set("bootstrap.servers", &sub.brokers)
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .set("auto.offset.reset", "earliest")
        .create()
        .map(ClosedApart::new)
        .context("creating a Kafka consumer")?;
    consumer.subscribe(sub.topics).context("subscribing to topics")?;
    loop {
        let message = tokio::select! {
            m = consumer.recv() => m,
            _ = shutdown.changed() => return Ok(()),
        };
        let message = match message {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(error = %e, group, "Kafka receive failed");
                tokio::time::sleep(Duration::from_millis(500)).await;
                continue;
            }
        };
        let payload = message.payload().unwrap_or_default();
        let mut backoff = Duration::from_millis(200);
        while !stale_before(skip_before, &message) {
            let Err(e) = handler.handle(message.topic(), payload).await else { break };
            tracing::warn!(error = ?e, group, topic = message.topic(), "event handler failed; retrying in {backoff:?}");
            tokio::select! {
                _ = tokio::time::sleep(backoff) => {}
                _ = shutdown.changed() => return Ok(()),
            }
            backoff = (backoff * 2).min(Duration::from_secs(30));
        }
        // A commit lost while Kafka is away only means a redelivery later, which handlers absorb;
        // giving up here would stop the consumer for good.
        if let Err(e) = consumer.commit_message(&message, CommitMode::Async) {
            tracing::warn!(error = %e, group, "committing an offset failed; the event may be delivered again");
        }
    }
}

/// Written before `skip_before` (see `Subscription`): committed unhandled.
fn stale_before(skip_before: Option<i64>, message: &impl Message) -> bool {
    matches!((skip_before, message.timestamp().to_millis()), (Some(before), Some(at)) if at < before)
}

/// Closing a Kafka consumer waits for the broker to answer its leave, and after Kafka was away
/// and back that answer may never come (rust-rdkafka#509): a consumer is therefore closed on a
/// thread of its own, never on one of the runtime's, so a process or test shutting down cannot
/// hang on it (CI once ran out of time on exactly that).
pub struct ClosedApart<C: Send + 'static>(Option<C>);

impl<C: Send + 'static> ClosedApart<C> {
    pub fn new(consumer: C) -> Self {
        Self(Some(consumer))
    }
}

impl<C: Send + 'static> std::ops::Deref for ClosedApart<C> {
    type Target = C;
    fn deref(&self) -> &C {
        self.0.as_ref().expect("present until dropped")
    }
}

impl<C: Send + 'static> Drop for ClosedApart<C> {
    fn drop(&mut self) {
        if let Some(consumer) = self.0.take() {
            std::thread::spawn(move || drop(consumer));
        }
    }
}
