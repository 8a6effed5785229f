//! Reads `room.status.changed` back from Kafka: every partition from the start up to its high
//! watermark as of the call, so "exactly one event" is a count, not a wait-and-hope.
use kernel::RoomId;
use rdkafka::consumer::{BaseConsumer, Consumer, StreamConsumer};
use rdkafka::{ClientConfig, Message, Offset, TopicPartitionList};
use std::collections::HashMap;
use std::time::Duration;

const TOPIC: &str = kernel::events::ROOM_STATUS_CHANGED;
const TIMEOUT: Duration = Duration::from_secs(10);

fn config() -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", std::env::var("KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into()))
        .set("group.id", format!("it-rooms-{}", uuid::Uuid::new_v4()))
        .set("enable.auto.commit", "false");
    config
}

/// Every event published so far keyed by `room`, in the order they were written, each once: the
/// relay publishes at least once (a send that timed out is sent again), consumers and this
/// reader drop a repeated `event_id`.
pub async fn room_events(room: RoomId) -> Vec<serde_json::Value> {
    // Metadata and watermark calls block: keep them off the test's runtime.
    let ends: HashMap<i32, i64> = tokio::task::spawn_blocking(|| {
        let consumer: BaseConsumer = config().create().unwrap();
        let metadata = consumer.fetch_metadata(Some(TOPIC), TIMEOUT).unwrap();
        let partitions: Vec<i32> = metadata.topics()[0].partitions().iter().map(|p| p.id()).collect();
        partitions
            .into_iter()
            .map(|p| (p, consumer.fetch_watermarks(TOPIC, p, TIMEOUT).unwrap()))
            .filter(|(_, (low, high))| high > low)
            .map(|(p, (_, high))| (p, high))
            .collect()
    })
    .await
    .unwrap();
    if ends.is_empty() {
        return Vec::new();
    }
    let consumer: StreamConsumer = config().create().unwrap();
    let mut assignment = TopicPartitionList::new();
    for partition in ends.keys() {
        assignment.add_partition_offset(TOPIC, *partition, Offset::Beginning).unwrap();
    }
    consumer.assign(&assignment).unwrap();
    let key = room.to_string();
    let mut remaining = ends;
    let mut found = Vec::new();
    tokio::time::timeout(Duration::from_secs(60), async {
        while !remaining.is_empty() {
            let message = consumer.recv().await.unwrap();
            if message.key() == Some(key.as_bytes()) {
                let event: serde_json::Value = serde_json::from_slice(message.payload().unwrap()).unwrap();
                if !found.iter().any(|seen: &serde_json::Value| seen["event_id"] == event["event_id"]) {
                    found.push(event);
                }
            }
            if remaining.get(&message.partition()).is_some_and(|end| message.offset() + 1 >= *end) {
                remaining.remove(&message.partition());
            }
        }
    })
    .await
    .expect("read room.status.changed to its end within 60 s");
    found
}
