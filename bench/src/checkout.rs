//! The whole guest checkout through HTTP, as browsers do it: the real app runs in this process on
//! a free port (sessions in Redis, sign-in through Keycloak, outbox relay and consumers on), and
//! signed-in clients post the room page's booking form to the `book` server function, which
//! prices the stay, authorises the card, books a room and writes the outbox row. Each client has
//! a room type of its own and books its nights one after another, so no two ever compete.
mod app;
mod browser;
mod desk;
mod housekeeping;
mod smtp_sink;

use crate::{env_or, pct, room_type, Results, MONGO_DB};
use anyhow::ensure;
use browser::{book_form, Browser};
use chrono::{Days, NaiveDate, Utc};
use rooms::RoomsService;
use sqlx::PgPool;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

/// The demo guest every client signs in as: one user, one session per client.
const GUEST: (&str, &str) = ("guest@hotel.test", "guest");
/// The app's outboxes the relay publishes from.
const OUTBOXES: [eventbus::OutboxTable; 4] = [users::OUTBOX, bookings::OUTBOX, payments::OUTBOX, notifications::OUTBOX];

/// What one client saw: checkouts that booked, their latencies, and the others by message.
#[derive(Default)]
struct Tally {
    booked: usize,
    latencies: Vec<Duration>,
    failures: BTreeMap<String, usize>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.booked += other.booked;
        self.latencies.extend(other.latencies);
        for (message, n) in other.failures {
            *self.failures.entry(message).or_default() += n;
        }
    }
}

/// Runs the checkout benchmark and records its figures under `checkout_*` in `results`.
pub async fn run(pg: &PgPool, pg_url: &str, rooms: &RoomsService, results: &mut Results) -> anyhow::Result<()> {
    let clients: usize = env_or("BENCH_CHECKOUT_CLIENTS", 16);
    let seconds: u64 = env_or("BENCH_CHECKOUT_SECONDS", 10);
    let rooms_per_client: u64 = env_or("BENCH_CHECKOUT_ROOMS", 4);
    ensure!((1..=99).contains(&clients) && rooms_per_client > 0, "BENCH_CHECKOUT_CLIENTS is 1..=99, BENCH_CHECKOUT_ROOMS at least 1");
    println!("== guest checkout through HTTP: {clients} signed-in clients posting /api/book for {seconds} s");

    let mut codes = Vec::with_capacity(clients);
    for c in 0..clients {
        let (rt, rs) = room_type(&format!("WEB{:02}", c + 1), 11_000, rooms_per_client as usize, 1);
        rooms.add(&rt, &rs).await?;
        codes.push(rt.code.to_string());
    }
    // The in-process parts above left their events unpublished (no relay ran); nobody consumes
    // them, and publishing them now would be work the checkout is not measured for.
    let mut earlier = 0;
    for table in OUTBOXES {
        let sql = format!("UPDATE {} SET published_at = now() WHERE published_at IS NULL", table.0);
        earlier += sqlx::query(sqlx::AssertSqlSafe(sql)).execute(pg).await?.rows_affected();
    }
    println!("   {earlier} earlier outbox rows marked published (the in-process parts' events)");

    let sink = smtp_sink::SmtpSink::start().await?;
    let app = app::start(pg_url, MONGO_DB, &sink.url).await?;
    let t = Instant::now();
    let mut browsers = Vec::with_capacity(clients);
    for _ in 0..clients {
        browsers.push(Browser::sign_in(&app.base_url, GUEST.0, GUEST.1).await?);
    }
    println!("   {clients} sessions signed in through Keycloak's login form in {:.1} s", t.elapsed().as_secs_f64());

    // A client's k-th checkout takes a room on night 1 + k / rooms_per_client from tomorrow.
    let first_night = Utc::now().date_naive() + Days::new(1);
    let night = move |k: u64| first_night + Days::new(k / rooms_per_client);
    // One unmeasured checkout each, so connection set-up is not timed.
    let mut warm_up = Tally::default();
    for (browser, code) in browsers.iter().zip(&codes) {
        warm_up.merge(checkout_once(browser, code, night(0)).await);
    }
    ensure!(warm_up.booked == clients, "the warm-up checkouts failed: {:?}", warm_up.failures);

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let t = Instant::now();
    let mut set = JoinSet::new();
    for (browser, code) in browsers.into_iter().zip(codes) {
        set.spawn(async move {
            let mut tally = Tally::default();
            let mut k = 1;
            while Instant::now() < deadline {
                tally.merge(checkout_once(&browser, &code, night(k)).await);
                k += 1;
            }
            tally
        });
    }
    let mut tally = Tally::default();
    while let Some(client) = set.join_next().await {
        tally.merge(client?);
    }
    let secs = t.elapsed().as_secs_f64();
    let drain = outbox_drained(pg).await?;
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM bookings.bookings WHERE room_type LIKE 'WEB%'")
        .fetch_one(pg)
        .await?;
    report(results, clients, secs, &mut tally, stored - warm_up.booked as i64, drain, sink.accepted());
    desk::run(&app.base_url, pg, rooms, results).await?;
    housekeeping::run(&app.base_url, rooms, results).await
}

/// One checkout with a fresh form (and so a fresh idempotency key).
async fn checkout_once(browser: &Browser, code: &str, night: NaiveDate) -> Tally {
    let mut tally = Tally::default();
    let t = Instant::now();
    match browser.book(&book_form(code, night, 1)).await {
        Ok(()) => {
            tally.booked = 1;
            tally.latencies.push(t.elapsed());
        }
        Err(failure) => {
            tally.failures.insert(failure.to_string().replace('\n', " "), 1);
        }
    }
    tally
}

/// Seconds until the relay has published every outbox row (`None` if not within a minute).
async fn outbox_drained(pg: &PgPool) -> anyhow::Result<Option<f64>> {
    let sql = OUTBOXES
        .iter()
        .map(|t| format!("(SELECT count(*) FROM {} WHERE published_at IS NULL)", t.0))
        .collect::<Vec<_>>()
        .join(" + ");
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(60) {
        let pending: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT {sql}"))).fetch_one(pg).await?;
        if pending == 0 {
            return Ok(Some(t.elapsed().as_secs_f64()));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(None)
}

fn report(results: &mut Results, clients: usize, secs: f64, tally: &mut Tally, stored: i64, drain: Option<f64>, emails: usize) {
    let failed: usize = tally.failures.values().sum();
    let rate = tally.booked as f64 / secs;
    let (p50, p99) = (pct(&mut tally.latencies, 50.0), pct(&mut tally.latencies, 99.0));
    let drain = drain.map_or_else(|| "over 60".to_owned(), |s| format!("{s:.1}"));
    println!("   {} checkouts booked ({failed} failed) in {secs:.2} s: {rate:.1} checkouts/s", tally.booked);
    println!("   per-checkout latency p50 {p50:.2} ms  p99 {p99:.2} ms");
    println!("   {stored} of them stored in bookings.bookings; outbox empty {drain} s after the last; {emails} emails sent by then");
    for (message, n) in &tally.failures {
        println!("   failed {n}x: {message}");
    }
    let failures = tally.failures.iter().map(|(m, n)| format!("{n}x {m}")).collect::<Vec<_>>().join("; ");
    results.put("checkout_clients", clients);
    results.put("checkout_booked", tally.booked);
    results.put("checkout_failed", failed);
    results.put("checkout_seconds", format!("{secs:.2}"));
    results.put("checkouts_per_sec", format!("{rate:.1}"));
    results.put("checkout_p50_ms", format!("{p50:.2}"));
    results.put("checkout_p99_ms", format!("{p99:.2}"));
    results.put("checkout_stored", stored);
    results.put("checkout_outbox_drain_s", drain);
    results.put("checkout_emails", emails);
    results.put("checkout_failures", if failures.is_empty() { "none".to_owned() } else { failures });
}
