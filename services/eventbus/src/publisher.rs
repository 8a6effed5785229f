use crate::relay::producer;
use rdkafka::client::Client;
use rdkafka::producer::{FutureProducer, Producer};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// After this long of nothing but failed sends, the producer is made again.
const RENEW_AFTER: Duration = Duration::from_secs(30);

/// The relays' Kafka producer, made again when librdkafka reports it fatally broken (an
/// idempotent producer can be, after a broker restart) or when every send has failed for
/// [`RENEW_AFTER`]: a broken producer never recovers by itself, and the outboxes would wait
/// for ever behind it (CI once saw 500 events still waiting three minutes after Kafka was back).
#[derive(Clone)]
pub struct Publisher(Arc<Inner>);

struct Inner {
    brokers: String,
    producer: RwLock<FutureProducer>,
    failing_since: Mutex<Option<Instant>>,
}

impl Publisher {
    pub fn new(brokers: &str) -> anyhow::Result<Self> {
        Ok(Self(Arc::new(Inner {
            brokers: brokers.to_owned(),
            producer: RwLock::new(producer(brokers)?),
            failing_since: Mutex::new(None),
        })))
    }

    /// The producer to send with now.
    pub fn producer(&self) -> FutureProducer {
        self.0.producer.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn succeeded(&self) {
        *self.0.failing_since.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// A send failed: the producer is made again if it is broken for good or has failed for long.
    pub fn failed(&self) {
        let fatal = fatal_error(self.producer().client());
        let long = {
            let mut since = self.0.failing_since.lock().unwrap_or_else(|p| p.into_inner());
            since.get_or_insert_with(Instant::now).elapsed() >= RENEW_AFTER
        };
        if fatal.is_none() && !long {
            return;
        }
        match producer(&self.0.brokers) {
            Ok(fresh) => {
                tracing::warn!(fatal = ?fatal, "the Kafka producer is made again");
                *self.0.producer.write().unwrap_or_else(|p| p.into_inner()) = fresh;
                self.succeeded();
            }
            Err(e) => tracing::warn!(error = ?e, "the Kafka producer could not be made again"),
        }
    }
}

fn fatal_error<C: rdkafka::ClientContext>(client: &Client<C>) -> Option<String> {
    client.fatal_error().map(|(code, reason)| format!("{code:?}: {reason}"))
}
