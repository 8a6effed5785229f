//! The real app, started in this process on a free port against the bench databases, with its
//! outbox relay and event consumers running as in production.
use anyhow::Context;
use leptos::prelude::LeptosOptions;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::{ClientConfig, Offset, TopicPartitionList};
use server::config::Config;
use server::startup::Application;
use std::collections::BTreeSet;
use std::time::Duration;

const KAFKA_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the running app answers.
pub struct RunningApp {
    pub base_url: String,
}

/// Builds the app from the usual environment, pointed at `hotel_bench`, and serves it in the
/// background until the process ends.
pub async fn start(database_url: &str, mongodb_db: &str, smtp_url: &str) -> anyhow::Result<RunningApp> {
    let mut config = Config::from_env();
    config.app_base_url = None;
    config.database_url = database_url.to_owned().into();
    config.mongodb_db = mongodb_db.to_owned();
    config.smtp_url = smtp_url.to_owned().into();
    config.seed_demo = false;
    config.background_workers = true;
    config.kafka_group_prefix = format!("bench-{}", uuid::Uuid::new_v4().simple());
    let skipped = skip_backlog(config.kafka_brokers.clone(), config.kafka_group_prefix.clone()).await?;
    println!("   the app's consumers start after the {skipped} events already in Kafka");
    let options = LeptosOptions::builder()
        .output_name("hotel")
        .site_addr("127.0.0.1:0".parse::<std::net::SocketAddr>()?)
        .build();
    let app = Application::build(config, options).await.context("starting the app against the bench databases")?;
    let base_url = app.base_url.clone();
    tokio::spawn(async move {
        if let Err(e) = app.run_until_stopped().await {
            eprintln!("   the app stopped: {e:#}");
        }
    });
    Ok(RunningApp { base_url })
}

/// The app's consumer groups under `prefix` (as `server::startup` names them) with the topics
/// they read. A consumer added to the app but missing here only replays old events.
fn consumer_groups(prefix: &str) -> (Vec<String>, BTreeSet<&'static str>) {
    let groups = [
        notifications::NotificationsConsumer::GROUP,
        payments::PaymentsConsumer::GROUP,
        payments::billing::BillingConsumer::GROUP,
        rooms::RoomsConsumer::GROUP,
    ];
    let topics = notifications::NotificationsConsumer::TOPICS
        .into_iter()
        .chain(payments::PaymentsConsumer::TOPICS)
        .chain(payments::billing::BillingConsumer::TOPICS)
        .chain(rooms::RoomsConsumer::TOPICS)
        .collect();
    (groups.iter().map(|g| format!("{prefix}-{g}")).collect(), topics)
}

/// Commits the end of every topic for the new consumer groups. They would otherwise start from
/// the earliest offset and replay every event that dev and test runs published before, for
/// users and bookings the bench databases do not hold, while the checkout is being measured.
/// Returns how many events were skipped.
async fn skip_backlog(brokers: String, prefix: String) -> anyhow::Result<i64> {
    tokio::task::spawn_blocking(move || {
        let (groups, topics) = consumer_groups(&prefix);
        let mut ends = TopicPartitionList::new();
        let mut skipped = 0;
        for (i, group) in groups.iter().enumerate() {
            let consumer: BaseConsumer = ClientConfig::new()
                .set("bootstrap.servers", &brokers)
                .set("group.id", group)
                .set("enable.auto.commit", "false")
                .create()
                .context("creating a Kafka consumer")?;
            if i == 0 {
                let metadata = consumer.fetch_metadata(None, KAFKA_TIMEOUT).context("reading Kafka's topics")?;
                for topic in metadata.topics().iter().filter(|t| topics.contains(t.name())) {
                    for partition in topic.partitions() {
                        let (low, high) = consumer.fetch_watermarks(topic.name(), partition.id(), KAFKA_TIMEOUT)?;
                        ends.add_partition_offset(topic.name(), partition.id(), Offset::Offset(high))?;
                        skipped += high - low;
                    }
                }
            }
            if ends.count() > 0 {
                consumer.commit(&ends, CommitMode::Sync).with_context(|| format!("committing offsets for {group}"))?;
            }
        }
        Ok(skipped)
    })
    .await?
}
