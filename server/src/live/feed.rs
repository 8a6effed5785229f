//! The feed: the services' events from Kafka, cut down to [`LiveEvent`]s and broadcast to every
//! open stream of this process.
//!
//! Every process reads every event: its consumer group is its own (a fresh id at each start),
//! starts at the latest offset and commits nothing, so a change made through one instance
//! reaches the screens of all of them, and a restart does not replay old news.
use anyhow::Context;
use app::live::{topics, Area, LiveEvent, RESYNC};
use eventbus::ClosedApart;
use chrono::{DateTime, Utc};
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext, Rebalance, StreamConsumer};
use rdkafka::{ClientConfig, ClientContext, Message};
use serde::Deserialize;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{broadcast, watch};

/// Messages a slow stream may fall behind by before it is told to resync.
const CAPACITY: usize = 256;

/// One change as the feed numbered it; the number is the stream's SSE `id`.
#[derive(Debug, Clone)]
pub struct Numbered {
    pub seq: u64,
    pub event: LiveEvent,
}

/// A stream's start: its receiver, and whether it missed something since the browser's last id.
pub struct Subscription {
    pub receiver: broadcast::Receiver<Numbered>,
    pub missed: bool,
    /// The feed's position when subscribed: what the first message's id claims the client knows.
    pub id: String,
}

#[derive(Clone)]
pub struct LiveFeed(Arc<Inner>);

struct Inner {
    /// Tells ids of this process from another's (or from before a restart).
    instance: String,
    sender: broadcast::Sender<Numbered>,
    counters: Mutex<Counters>,
    listening: watch::Sender<bool>,
}

/// The last number given, and the last given to a change each area carries.
#[derive(Default)]
struct Counters {
    seq: u64,
    last_for: [u64; Area::ALL.len()],
}

impl Default for LiveFeed {
    fn default() -> Self {
        Self::new()
    }
}

impl LiveFeed {
    pub fn new() -> Self {
        let instance = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
        let (sender, _) = broadcast::channel(CAPACITY);
        let (listening, _) = watch::channel(false);
        Self(Arc::new(Inner {
            instance,
            sender,
            counters: Mutex::default(),
            listening,
        }))
    }

    /// Names this process in consumer groups and message ids.
    pub fn instance(&self) -> &str {
        &self.0.instance
    }

    /// True once Kafka has given the consumer its partitions: changes from then on arrive.
    pub fn listening(&self) -> watch::Receiver<bool> {
        self.0.listening.subscribe()
    }

    /// Whether it was listening already.
    fn mark_listening(&self) -> bool {
        self.0.listening.send_replace(true)
    }

    pub fn id(&self, seq: u64) -> String {
        format!("{}.{seq}", self.0.instance)
    }

    /// Numbers `event` and sends it to every stream.
    pub fn publish(&self, event: LiveEvent) {
        let mut counters = self.counters();
        counters.seq += 1;
        let seq = counters.seq;
        for area in Area::ALL {
            if area.carries(&event.topic) {
                counters.last_for[area as usize] = seq;
            }
        }
        // No stream open is not an error.
        let _ = self.0.sender.send(Numbered { seq, event });
    }

    /// Subscribes a stream of `area`. `last_seen` is the browser's `Last-Event-ID`: a change the
    /// area carries after it, or an id of another process, means it missed something.
    pub fn subscribe(&self, area: Area, last_seen: Option<&str>) -> Subscription {
        let counters = self.counters();
        let receiver = self.0.sender.subscribe();
        let missed = match last_seen.map(|id| id.split_once('.')) {
            None => false,
            Some(Some((instance, seq))) if instance == self.0.instance => seq
                .parse::<u64>()
                .map_or(true, |seq| counters.last_for[area as usize] > seq),
            Some(_) => true,
        };
        Subscription {
            receiver,
            missed,
            id: self.id(counters.seq),
        }
    }

    fn counters(&self) -> std::sync::MutexGuard<'_, Counters> {
        self.0
            .counters
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The feed's Kafka consumer, subscribed as `group` (which must be this process's own) from
    /// the latest offset; [`Listener::run`] feeds it until shutdown.
    pub fn listener(&self, brokers: &str, group: &str) -> anyhow::Result<Listener> {
        let consumer: StreamConsumer<Assignments> = ClientConfig::new()
            .set("bootstrap.servers", brokers)
            .set("group.id", group)
            .set("enable.auto.commit", "false")
            .set("auto.offset.reset", "latest")
            .create_with_context(Assignments(self.clone()))
            .context("creating the live feed's Kafka consumer")?;
        consumer
            .subscribe(&topics())
            .context("subscribing the live feed to its topics")?;
        Ok(Listener {
            consumer: ClosedApart::new(consumer),
            feed: self.clone(),
        })
    }
}

/// The feed's consumer, ready to run.
pub struct Listener {
    consumer: ClosedApart<StreamConsumer<Assignments>>,
    feed: LiveFeed,
}

impl Listener {
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let consumer = &*self.consumer;
        loop {
            let message = tokio::select! {
                m = consumer.recv() => m,
                _ = shutdown.changed() => return,
            };
            match message {
                Ok(m) => match live_event(m.topic(), m.payload().unwrap_or_default()) {
                    Some(event) => self.feed.publish(event),
                    None => tracing::warn!(
                        topic = m.topic(),
                        "the live feed skipped an event it could not read"
                    ),
                },
                Err(e) => {
                    tracing::warn!(error = %e, "the live feed's Kafka receive failed");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
            }
        }
    }
}

/// Marks the feed listening once Kafka assigns it partitions. A later assignment (the consumer
/// rejoined after Kafka was away) starts at the latest offset again, skipping what came
/// meanwhile, so every stream is told to resync.
struct Assignments(LiveFeed);

impl ClientContext for Assignments {}

impl ConsumerContext for Assignments {
    fn post_rebalance(&self, _: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let Rebalance::Assign(partitions) = rebalance else {
            return;
        };
        if partitions.count() == 0 {
            return;
        }
        if self.0.mark_listening() {
            tracing::info!(
                "the live feed's consumer was assigned its partitions again; streams resync"
            );
            self.0.publish(LiveEvent::notice(RESYNC, Utc::now()));
        }
    }
}

/// The parts of an event's envelope the screens need; everything else (names, amounts) is
/// never read.
#[derive(Deserialize)]
struct Head {
    occurred_at: DateTime<Utc>,
    payload: Ids,
}

#[derive(Deserialize)]
struct Ids {
    booking_id: Option<String>,
    room_id: Option<String>,
    room_number: Option<String>,
}

fn live_event(topic: &str, payload: &[u8]) -> Option<LiveEvent> {
    let head: Head = serde_json::from_slice(payload).ok()?;
    let Ids {
        booking_id,
        room_id,
        room_number,
    } = head.payload;
    Some(LiveEvent {
        topic: topic.to_owned(),
        booking_id,
        room_id,
        room_number,
        at: head.occurred_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel::events::{BOOKING_CHECKED_IN, ROOM_STATUS_CHANGED};

    fn event(topic: &str) -> LiveEvent {
        LiveEvent::notice(topic, Utc::now())
    }

    #[test]
    fn an_event_keeps_its_ids_and_nothing_personal() {
        let payload = br#"{"event_id":"e","event_type":"booking.checked_in","schema_version":1,
            "occurred_at":"2026-05-01T13:00:00Z","payload":{"booking_id":"b1","user_id":"u1",
            "room_id":"r1","room_number":"204","by":"u2","check_in":"2026-05-01"}}"#;
        let event = live_event(BOOKING_CHECKED_IN, payload).unwrap();
        assert_eq!(
            (event.booking_id.as_deref(), event.room_number.as_deref()),
            (Some("b1"), Some("204"))
        );
        let json = serde_json::to_string(&event).unwrap();
        assert!(!json.contains("u1") && !json.contains("u2"), "{json}");
        assert!(live_event(BOOKING_CHECKED_IN, b"not json").is_none());
    }

    #[test]
    fn a_returning_browser_missed_something_only_if_its_area_changed_since_its_last_id() {
        let feed = LiveFeed::new();
        let first = feed.subscribe(Area::Housekeeping, None);
        assert!(!first.missed, "a new page has just fetched what it shows");
        feed.publish(event(BOOKING_CHECKED_IN));
        let after_booking = feed.subscribe(Area::Housekeeping, Some(&first.id));
        assert!(
            !after_booking.missed,
            "housekeeping does not hear of bookings"
        );
        assert!(feed.subscribe(Area::Desk, Some(&first.id)).missed);
        feed.publish(event(ROOM_STATUS_CHANGED));
        assert!(
            feed.subscribe(Area::Housekeeping, Some(&after_booking.id))
                .missed
        );
        let now = feed.subscribe(Area::Housekeeping, None).id;
        assert!(!feed.subscribe(Area::Housekeeping, Some(&now)).missed);
        feed.publish(event(RESYNC));
        assert!(
            feed.subscribe(Area::Housekeeping, Some(&now)).missed,
            "a resync is for every area"
        );
        assert!(feed.subscribe(Area::Desk, Some("another-process.9")).missed);
        assert!(feed.subscribe(Area::Desk, Some("garbage")).missed);
    }
}
