//! Servers of the local stack stopped under a running app. Kafka stopped while guests book: the
//! outbox keeps every event and the relay delivers them all once Kafka is back; redelivery never
//! sends a guest a second email. Redis restarted under a signed-in session (`redis.rs`). Its own
//! test binary, run after the others, because it stops shared servers; its tests take turns.
#[path = "../api/helpers.rs"]
#[allow(dead_code)]
mod helpers;
mod redis;

use futures::future::join_all;
use helpers::{add_guest, add_room_type, eventually, mailpit_search, request, spawn_app_with_workers, stay};
use kernel::events::{BookingCreated, Envelope};
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::{ClientConfig, Message};
use std::collections::{HashMap, HashSet};
use std::process::Command;
use std::time::{Duration, Instant};

const BOOKINGS: usize = 500;
const OUTAGE_OUTLASTS_A_SEND: Duration = Duration::from_secs(15);
const GUESTS: usize = 5;

/// One outage at a time: each test stops a server the others need.
async fn one_outage_at_a_time() -> tokio::sync::MutexGuard<'static, ()> {
    static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    static WATCHDOG: std::sync::Once = std::sync::Once::new();
    WATCHDOG.call_once(|| {
        // What the relays and consumers met is what a failure here needs explained.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("eventbus::relay=warn,eventbus::publisher=warn,rooms::relay=warn"))
            .with_writer(std::io::stderr)
            .try_init();
        std::thread::spawn(|| {
            std::thread::sleep(WHOLE_BINARY_AT_MOST);
            eprintln!("the outage tests ran past {WHOLE_BINARY_AT_MOST:?}: something hangs; stopping so CI reports it");
            std::process::exit(101);
        });
    });
    TURN.lock().await
}

/// Both tests take about a minute; a hang (a client's close waiting on a restarted server) must
/// fail this binary, not spend the whole CI budget in silence.
const WHOLE_BINARY_AT_MOST: Duration = Duration::from_secs(900);

fn stack(args: &[&str]) {
    let script = format!("{}/../scripts/stack", env!("CARGO_MANIFEST_DIR"));
    let status = Command::new(&script).args(args).status().unwrap_or_else(|e| panic!("{script}: {e}"));
    assert!(status.success(), "scripts/stack {args:?} failed");
}

/// Brings Kafka back however the test ends, so the browser tests after it find the stack whole.
struct KafkaStopped;

impl KafkaStopped {
    fn stop() -> Self {
        stack(&["down", "kafka"]);
        KafkaStopped
    }
}

impl Drop for KafkaStopped {
    fn drop(&mut self) {
        stack(&["up"]);
    }
}

async fn unpublished(app: &helpers::TestApp, ids: &[uuid::Uuid]) -> i64 {
    let keys: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
    sqlx::query_scalar("SELECT count(*) FROM bookings.outbox WHERE topic = 'booking.created' AND key = ANY($1) AND published_at IS NULL")
        .bind(&keys)
        .fetch_one(&app.deps.pg)
        .await
        .unwrap()
}

async fn emails_to(address: &str) -> u64 {
    mailpit_search(&format!("to:\"{address}\"")).await.and_then(|r| r["messages_count"].as_u64()).unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn five_hundred_bookings_made_while_kafka_is_down_all_arrive_and_each_guest_gets_one_email_per_booking() {
    let _turn = one_outage_at_a_time().await;
    let app = spawn_app_with_workers().await;
    let room_type = add_room_type(&app, 10).await;
    let mut guests = Vec::new();
    for _ in 0..GUESTS {
        guests.push(add_guest(&app).await);
    }

    let outage = KafkaStopped::stop();
    let started = Instant::now();
    let mut bookings = Vec::new();
    for chunk in (0..BOOKINGS).collect::<Vec<_>>().chunks(50) {
        let made = join_all(chunk.iter().map(|i| {
            let req = request(guests[i % GUESTS].id, &room_type, stay(400 + 3 * (*i / 10) as i64, 2));
            app.state.bookings.book(req)
        }))
        .await;
        bookings.extend(made.into_iter().map(|b| b.expect("booking works while Kafka is down")));
    }
    println!("{BOOKINGS} bookings made with Kafka down in {:?}", started.elapsed());
    let ids: Vec<uuid::Uuid> = bookings.iter().map(|b| b.id.as_uuid()).collect();
    assert_eq!(unpublished(&app, &ids).await, BOOKINGS as i64, "every event waits in the outbox");

    // Longer than a send's timeout (`message.timeout.ms`): the relay's sends fail meanwhile.
    tokio::time::sleep(OUTAGE_OUTLASTS_A_SEND).await;
    drop(outage);
    let back = Instant::now();
    eventually("the relay to publish all 500", Duration::from_secs(180), || async {
        (unpublished(&app, &ids).await == 0).then_some(())
    })
    .await;
    println!("outbox drained {:?} after Kafka came back", back.elapsed());

    // Every event is on the topic: read it from the start and collect ours.
    let consumer = eventbus::ClosedApart::<StreamConsumer>::new(ClientConfig::new()
        .set("bootstrap.servers", std::env::var("KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into()))
        .set("group.id", format!("outage-reader-{}", uuid::Uuid::new_v4()))
        .set("auto.offset.reset", "earliest")
        .create()
        .unwrap());
    consumer.subscribe(&["booking.created"]).unwrap();
    let wanted: HashSet<String> = ids.iter().map(|i| i.to_string()).collect();
    let mut seen: HashMap<String, Envelope<BookingCreated>> = HashMap::new();
    tokio::time::timeout(Duration::from_secs(120), async {
        while seen.len() < BOOKINGS {
            let message = consumer.recv().await.unwrap();
            let key = String::from_utf8_lossy(message.key().unwrap_or_default()).into_owned();
            if wanted.contains(&key) {
                seen.insert(key, serde_json::from_slice(message.payload().unwrap()).unwrap());
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("only {} of {BOOKINGS} booking.created events on Kafka", seen.len()));
    drop(consumer);

    let per_guest = (BOOKINGS / GUESTS) as u64;
    for guest in &guests {
        let address = guest.email.to_string();
        eventually("every confirmation email", Duration::from_secs(180), || async {
            (emails_to(&address).await >= per_guest).then_some(())
        })
        .await;
    }

    // Redelivery: the consumer sees every event again; no guest gets a second email.
    let notifications = notifications::NotificationsService::new(app.deps.pg.clone(), app.deps.mailer.clone(), app.state.users.clone());
    for envelope in seen.values() {
        notifications.on_booking_created(envelope).await.unwrap();
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    for guest in &guests {
        assert_eq!(emails_to(&guest.email.to_string()).await, per_guest, "one email per booking for {}", guest.email);
    }
}
