use crate::{OutboxTable, Publisher};
use anyhow::Context;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::ClientConfig;
use sqlx::PgPool;
use std::time::Duration;
use tokio::sync::watch;

const BATCH: i64 = 200;

/// An idempotent producer that waits for every in-sync replica, so a publish is either durable
/// or reported as failed.
pub fn producer(brokers: &str) -> anyhow::Result<FutureProducer> {
    ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("message.timeout.ms", "10000")
        .set("linger.ms", "5")
        .create()
        .context("creating the Kafka producer")
}

/// Publishes unpublished outbox rows in id order. Rows are locked with `SKIP LOCKED` inside a
/// held transaction, so two relays never publish the same row at once; a row is marked only
/// after Kafka acknowledged it, so a crash can repeat an event but never lose one.
#[derive(Clone)]
pub struct Relay {
    pool: PgPool,
    publisher: Publisher,
    tables: Vec<OutboxTable>,
}

impl Relay {
    pub fn new(pool: PgPool, publisher: Publisher, tables: Vec<OutboxTable>) -> Self {
        Self { pool, publisher, tables }
    }

    /// Publishes one batch from every table; returns how many events went out.
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let mut sent = 0;
        for table in &self.tables {
            sent += self.publish_batch(*table).await?;
        }
        Ok(sent)
    }

    async fn publish_batch(&self, table: OutboxTable) -> anyhow::Result<usize> {
        let mut tx = self.pool.begin().await?;
        let rows: Vec<(i64, String, String, serde_json::Value)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT id, topic, key, payload FROM {} WHERE published_at IS NULL \
             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
            table.0
        )))
        .bind(BATCH)
        .fetch_all(&mut *tx)
        .await?;
        if rows.is_empty() {
            return Ok(0);
        }
        let payloads: Vec<String> = rows.iter().map(|r| r.3.to_string()).collect();
        let producer = self.publisher.producer();
        let deliveries = rows.iter().zip(&payloads).map(|((_, topic, key, _), payload)| {
            producer.send(FutureRecord::to(topic).key(key).payload(payload), Duration::from_secs(10))
        });
        for result in futures::future::join_all(deliveries).await {
            if let Err((e, _)) = result {
                self.publisher.failed();
                return Err(anyhow::Error::from(e).context("Kafka did not acknowledge an event"));
            }
        }
        self.publisher.succeeded();
        let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {} SET published_at = now() WHERE id = ANY($1)",
            table.0
        )))
            .bind(&ids)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(rows.len())
    }

    /// Runs until `shutdown` flips, backing off while Kafka or PostgreSQL is unreachable.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let mut backoff = Duration::from_millis(100);
        loop {
            let pause = match self.run_once().await {
                Ok(0) => Duration::from_millis(100),
                Ok(_) => {
                    backoff = Duration::from_millis(100);
                    Duration::ZERO
                }
                Err(e) => {
                    tracing::warn!(error = ?e, "outbox relay failed; retrying in {backoff:?}");
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
