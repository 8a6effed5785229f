//! Publishes the events waiting in room documents (see `crate::outbox`) and in housekeeping
//! assignment documents to Kafka, keyed by room id, then removes exactly those events. An
//! event is removed only after Kafka acknowledged it, so a crash can repeat an event but never
//! lose one. A relay works on a document only while it holds its relay lock, so several relays
//! (one per app instance) never publish one event twice; the removal holds the document's write
//! lock, like every change.
use crate::assignments::assignment_lock;
use crate::housekeeping::room_lock;
use crate::lock::Lock;
use crate::outbox::PENDING;
use crate::RoomsService;
use anyhow::Context;
use futures::TryStreamExt;
use mongodb::bson::{doc, Bson, Document};
use mongodb::Collection;
use eventbus::Publisher;
use rdkafka::producer::FutureRecord;
use std::time::Duration;
use tokio::sync::watch;

/// Rooms handled per round; each room's events go out in the order they were written.
const BATCH: i64 = 100;
const SEND_TIMEOUT: Duration = Duration::from_secs(10);
/// Longer than a publish can take, so a live relay never loses its room to another.
const RELAY_LOCK_TTL: Duration = Duration::from_secs(15);

/// A collection whose documents carry an outbox, and the lock its writers hold on a document.
struct Source {
    collection: &'static str,
    write_lock: fn(&str) -> anyhow::Result<String>,
}

const SOURCES: [Source; 2] = [
    Source { collection: "rooms", write_lock: |id| Ok(room_lock(id.parse().context("a room id that is not a uuid")?)) },
    Source { collection: crate::assignment_store::COLLECTION, write_lock: |id| Ok(assignment_lock(id)) },
];

#[derive(Clone)]
pub struct RoomRelay {
    rooms: RoomsService,
    publisher: Publisher,
}

impl RoomRelay {
    /// `publisher` is the app's shared one (idempotent, `acks=all`, made again when broken).
    pub fn new(rooms: &RoomsService, publisher: Publisher) -> Self {
        Self { rooms: rooms.clone(), publisher }
    }

    fn collection(&self, source: &Source) -> Collection<Document> {
        self.rooms.db.collection(source.collection)
    }

    /// Publishes what is waiting in up to one batch of documents of each source; returns how
    /// many events went out.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let mut pending = Vec::new();
        for source in &SOURCES {
            let docs: Vec<Document> = self
                .collection(source)
                .find(doc! { PENDING: true })
                .projection(doc! { "_id": 1 })
                .limit(BATCH)
                .await?
                .try_collect()
                .await
                .with_context(|| format!("finding {} with pending events", source.collection))?;
            pending.extend(docs.into_iter().filter_map(|d| d.get_str("_id").ok().map(|id| (source, id.to_owned()))));
        }
        let results = futures::future::join_all(pending.iter().map(|(source, id)| self.publish_room(source, id))).await;
        let mut sent = 0;
        let mut failure = None;
        for result in results {
            match result {
                Ok(n) => sent += n,
                Err(e) => failure = Some(e),
            }
        }
        match failure {
            Some(e) if sent == 0 => Err(e),
            Some(e) => {
                tracing::warn!(error = ?e, "some room events were not published; retrying next round");
                Ok(sent)
            }
            None => Ok(sent),
        }
    }

    /// Skips the room if another relay is on it.
    async fn publish_room(&self, source: &Source, id: &str) -> anyhow::Result<usize> {
        let key = match source.collection {
            "rooms" => format!("relay:room:{id}"),
            other => format!("relay:{other}:{id}"),
        };
        let Some(lock) = Lock::try_acquire(&self.rooms.db, key, RELAY_LOCK_TTL).await? else {
            return Ok(0);
        };
        let result = self.publish_held(source, id).await;
        lock.release().await;
        result
    }

    /// Sends the room's events, all or nothing, then `$pullAll`s exactly the documents read:
    /// events queued meanwhile stay for the next round.
    async fn publish_held(&self, source: &Source, id: &str) -> anyhow::Result<usize> {
        let collection = self.collection(source);
        let room = collection.find_one(doc! { "_id": id }).projection(doc! { "outbox": 1 }).await?;
        let entries: Vec<Document> = match room.as_ref().map(|r| r.get_array("outbox")) {
            Some(Ok(events)) => events.iter().filter_map(Bson::as_document).cloned().collect(),
            _ => Vec::new(),
        };
        let records = entries
            .iter()
            .map(|e| Ok((e.get_str("topic")?, e.get_str("key")?, e.get_str("payload")?)))
            .collect::<Result<Vec<_>, mongodb::bson::document::ValueAccessError>>()
            .with_context(|| format!("a malformed outbox entry in room {id}"))?;
        let count = records.len();
        let producer = self.publisher.producer();
        let sends = records
            .iter()
            .map(|(topic, key, payload)| producer.send(FutureRecord::to(topic).key(*key).payload(*payload), SEND_TIMEOUT));
        for result in futures::future::join_all(sends).await {
            if let Err((e, _)) = result {
                self.publisher.failed();
                return Err(anyhow::Error::from(e).context("Kafka did not acknowledge a room event"));
            }
        }
        self.publisher.succeeded();
        let write_lock = (source.write_lock)(id)?;
        let published: Vec<Bson> = entries.into_iter().map(Bson::Document).collect();
        self.rooms
            .locked(write_lock, async {
                if !published.is_empty() {
                    collection.update_one(doc! { "_id": id }, doc! { "$pullAll": { "outbox": &published } }).await?;
                }
                // Matches only while the outbox is empty: an event pushed meanwhile keeps the flag.
                collection
                    .update_one(doc! { "_id": id, "outbox": { "$size": 0 } }, doc! { "$unset": { PENDING: "" } })
                    .await?;
                Ok(())
            })
            .await?;
        Ok(count)
    }

    /// Runs until `shutdown` flips, backing off while Kafka or MongoDB is unreachable.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let mut backoff = Duration::from_millis(100);
        loop {
            let pause = match self.run_once().await {
                Ok(0) => Duration::from_millis(250),
                Ok(_) => {
                    backoff = Duration::from_millis(100);
                    Duration::ZERO
                }
                Err(e) => {
                    tracing::warn!(error = ?e, "room event relay failed; retrying in {backoff:?}");
                    backoff = (backoff * 2).min(Duration::from_secs(5));
                    backoff
                }
            };
            tokio::select! {
                _ = tokio::time::sleep(pause) => {}
                _ = shutdown.changed() => return,
            }
        }
    }
}
