//! Benchmark of the reservations engine, then of the whole guest checkout through HTTP, against
//! the local stack. Run it through `scripts/bench`, which creates the `hotel_bench` PostgreSQL
//! database; this binary drops and refills the `hotel_bench` MongoDB database itself. Figures are
//! printed, never asserted.
//!
//! Environment: BENCH_DATABASE_URL, MONGODB_URI, BENCH_RESULTS (a file that receives `key=value`
//! lines for scripts/bench's summary), and knobs BENCH_ROOMS_PER_TYPE, BENCH_AVAIL_RUNS,
//! BENCH_BOOKINGS, BENCH_BOOK_SECONDS, BENCH_CLIENTS, BENCH_RACERS, BENCH_CHECKOUT_SECONDS,
//! BENCH_CHECKOUT_CLIENTS, BENCH_CHECKOUT_ROOMS; the checkout's app reads the usual REDIS_URL,
//! KAFKA_BROKERS, OIDC_* variables (server::config), and BENCH_LOG=1 shows its logs (RUST_LOG).
mod checkout;
mod manager;

use anyhow::{ensure, Context};
use bookings::{BookRequest, BookingError, BookingsService};
use chrono::{Days, NaiveDate, Utc};
use kernel::{Currency, Email, Money, Party, Role, RoomTypeCode, Stay, UserId};
use rooms::{Room, RoomType, RoomsService};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::task::JoinSet;

const MONGO_DB: &str = "hotel_bench";
const ROOM_TYPES: usize = 10;
const PAST_DAYS: i64 = 730;
const FUTURE_DAYS: i64 = 1095;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A small deterministic PRNG (xorshift64*): no dependency, reproducible runs.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
}

pub(crate) struct Results(Vec<(String, String)>);
impl Results {
    fn put(&mut self, key: &str, value: impl ToString) {
        self.0.push((key.to_owned(), value.to_string()));
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pg_url = std::env::var("BENCH_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://hotel:hotel@127.0.0.1:5432/hotel_bench".into());
    ensure!(pg_url.contains("hotel_bench"), "refusing to run against {pg_url}: the benchmark only uses hotel_bench");
    let mongo_uri = std::env::var("MONGODB_URI").unwrap_or_else(|_| "mongodb://127.0.0.1:27017/".into());

    let pg = PgPoolOptions::new()
        .max_connections(32)
        .acquire_timeout(Duration::from_secs(60))
        .connect(&pg_url)
        .await
        .context("PostgreSQL hotel_bench is unreachable (does scripts/bench create it?)")?;
    sqlx::migrate!("../migrations").run(&pg).await.context("migrations on hotel_bench")?;
    let mongo = mongodb::Client::with_uri_str(&mongo_uri).await?.database(MONGO_DB);
    mongo.drop().await.context("dropping the MongoDB hotel_bench database")?;
    let rooms = RoomsService::new(mongo.clone());
    rooms.ensure_indexes().await?;
    let bookings = BookingsService::new(pg.clone(), rooms.clone()).await?;
    let users = users::UsersService::new(pg.clone());
    let mut results = Results(Vec::new());
    let today = Utc::now().date_naive();

    // 1. Seed.
    let per_type: usize = env_or("BENCH_ROOMS_PER_TYPE", 50);
    println!("== seeding {} rooms over {ROOM_TYPES} room types (MongoDB {MONGO_DB})", per_type * ROOM_TYPES);
    let t = Instant::now();
    let mut all_rooms: Vec<(RoomType, Vec<Room>)> = Vec::new();
    for i in 0..ROOM_TYPES {
        let (rt, rs) = room_type(&format!("BK{:02}", i + 1), 9_000 + 1_500 * i as i64, per_type, (i % 3 + 1) as u8);
        rooms.add(&rt, &rs).await?;
        all_rooms.push((rt, rs));
    }
    let (last_type, last_rooms) = room_type("BKLAST", 50_000, 1, 2);
    rooms.add(&last_type, &last_rooms).await?;
    println!("   rooms added in {:.1} s", t.elapsed().as_secs_f64());
    results.put("rooms", per_type * ROOM_TYPES);

    let seeded = seed_bookings(&pg, &all_rooms, today).await?;
    results.put("seeded_bookings", seeded.0);
    results.put("seed_seconds", format!("{:.1}", seeded.1));
    results.put("seed_occupancy_pct", format!("{:.1}", seeded.2));

    // 2a. Availability search latency.
    let runs: usize = env_or("BENCH_AVAIL_RUNS", 200);
    let party = Party::new(2, 0)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    println!("== availability search: {runs} runs each for 1-, 7- and 30-night stays at random future dates");
    // One warm-up so connection setup is not measured.
    bookings.availability(&stay(today, 10, 1), &party, None).await?;
    for nights in [1i64, 7, 30] {
        let mut lat = Vec::with_capacity(runs);
        let mut types_found = 0usize;
        for _ in 0..runs {
            let s = stay(today, rng.range(1, FUTURE_DAYS - nights), nights);
            let t = Instant::now();
            let found = bookings.availability(&s, &party, None).await?;
            lat.push(t.elapsed());
            types_found += found.len();
        }
        let (p50, p99) = (pct(&mut lat, 50.0), pct(&mut lat, 99.0));
        println!(
            "   {nights:>2} nights: p50 {p50:.2} ms  p99 {p99:.2} ms  (avg {:.1} room types available)",
            types_found as f64 / runs as f64
        );
        results.put(&format!("avail_{nights}n_p50_ms"), format!("{p50:.2}"));
        results.put(&format!("avail_{nights}n_p99_ms"), format!("{p99:.2}"));
    }

    // 2b. Bookings per second on distinct rooms.
    let clients: usize = env_or("BENCH_CLIENTS", 16);
    let target: usize = env_or("BENCH_BOOKINGS", 2000);
    let max_secs: u64 = env_or("BENCH_BOOK_SECONDS", 10);
    println!("== booking throughput: {clients} concurrent clients, up to {target} bookings or {max_secs} s");
    let guests = make_guests(&users, clients, "client").await?;
    let done = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs(max_secs);
    let t = Instant::now();
    let mut set = JoinSet::new();
    for (c, guest) in guests.into_iter().enumerate() {
        // Clients share a room type only if they book in different years, so they never compete.
        let code = all_rooms[c % ROOM_TYPES].0.code.clone();
        let start = 30 + 370 * (c / ROOM_TYPES) as i64;
        let (svc, done) = (bookings.clone(), done.clone());
        set.spawn(async move {
            let (mut ok, mut refused, mut lat) = (0usize, 0usize, Vec::new());
            let mut day = start;
            while Instant::now() < deadline && done.fetch_add(1, Ordering::Relaxed) < target {
                let req = BookRequest {
                    user_id: guest,
                    room_type: code.clone(),
                    stay: stay(today, day, 1),
                    party,
                    idempotency_key: uuid::Uuid::new_v4(),
                    promo_code: None,
                };
                let t = Instant::now();
                match svc.book(req).await {
                    Ok(_) => ok += 1,
                    Err(BookingError::NoLongerAvailable) => refused += 1,
                    Err(e) => return Err(anyhow::Error::new(e)),
                }
                lat.push(t.elapsed());
                day += 1;
            }
            Ok::<_, anyhow::Error>((ok, refused, lat))
        });
    }
    let (mut ok, mut refused, mut lat) = (0usize, 0usize, Vec::new());
    while let Some(r) = set.join_next().await {
        let (o, f, l) = r??;
        ok += o;
        refused += f;
        lat.extend(l);
    }
    let secs = t.elapsed().as_secs_f64();
    let rate = ok as f64 / secs;
    let (p50, p99) = (pct(&mut lat, 50.0), pct(&mut lat, 99.0));
    println!("   {ok} bookings committed ({refused} refused as full) in {secs:.2} s: {rate:.1} bookings/s");
    println!("   per-booking latency p50 {p50:.2} ms  p99 {p99:.2} ms");
    results.put("book_clients", clients);
    results.put("book_committed", ok);
    results.put("book_refused", refused);
    results.put("book_seconds", format!("{secs:.2}"));
    results.put("bookings_per_sec", format!("{rate:.1}"));
    results.put("book_p50_ms", format!("{p50:.2}"));
    results.put("book_p99_ms", format!("{p99:.2}"));

    // 2c. Racing for the last room.
    let racers: usize = env_or("BENCH_RACERS", 200);
    println!("== last-room race: {racers} concurrent bookings of the single {} room", last_type.code);
    let guests = make_guests(&users, racers, "racer").await?;
    let race_stay = stay(today, 100, 3);
    let gate = Arc::new(tokio::sync::Barrier::new(racers));
    let mut set = JoinSet::new();
    for guest in guests {
        let (svc, gate, code) = (bookings.clone(), gate.clone(), last_type.code.clone());
        set.spawn(async move {
            gate.wait().await;
            let req = BookRequest { user_id: guest, room_type: code, stay: race_stay, party, idempotency_key: uuid::Uuid::new_v4(), promo_code: None };
            let t = Instant::now();
            let r = svc.book(req).await;
            (t.elapsed(), r)
        });
    }
    let (mut won, mut lost, mut lat) = (0usize, 0usize, Vec::new());
    while let Some(r) = set.join_next().await {
        let (d, r) = r?;
        lat.push(d);
        match r {
            Ok(_) => won += 1,
            Err(BookingError::NoLongerAvailable) => lost += 1,
            Err(e) => return Err(e.into()),
        }
    }
    let held: i64 = sqlx::query_scalar("SELECT count(*) FROM bookings.bookings WHERE room_type = 'BKLAST'")
        .fetch_one(&pg)
        .await?;
    let (p50, p99) = (pct(&mut lat, 50.0), pct(&mut lat, 99.0));
    println!(
        "   {won} won, {lost} refused, {held} booking(s) stored; latency p50 {p50:.2} ms  p99 {p99:.2} ms  -> {}",
        if won == 1 && held == 1 { "exactly one winner" } else { "NOT exactly one winner" }
    );
    results.put("race_racers", racers);
    results.put("race_won", won);
    results.put("race_stored", held);
    results.put("race_p50_ms", format!("{p50:.2}"));
    results.put("race_p99_ms", format!("{p99:.2}"));

    // 2d. The manager's office: the year's report and a night audit.
    manager::run(&pg, &bookings, &rooms, today, &mut results).await?;

    // 3. The whole guest checkout through HTTP. Last, because its app keeps running (relay and
    // consumers included) until the process ends.
    if std::env::var("BENCH_LOG").is_ok() {
        server::telemetry::init();
    }
    checkout::run(&pg, &pg_url, &rooms, &mut results).await?;

    if let Ok(path) = std::env::var("BENCH_RESULTS") {
        let mut f = std::fs::File::create(&path).with_context(|| format!("writing {path}"))?;
        for (k, v) in &results.0 {
            writeln!(f, "{k}={v}")?;
        }
    }
    Ok(())
}

fn room_type(code: &str, price_minor: i64, count: usize, floor_base: u8) -> (RoomType, Vec<Room>) {
    let code = RoomTypeCode::parse(code).expect("a valid room type code");
    let rt = RoomType {
        code: code.clone(),
        name: format!("Bench {code}"),
        description: "A room type made by the benchmark".into(),
        max_adults: 2,
        max_children: 2,
        base_price: Money::from_minor(price_minor, Currency::EUR),
        beds: "1 double".into(),
        size_m2: 22,
        amenities: vec!["wifi".into()],
        features: rooms::bson::doc! { "view": "bench" },
    };
    let rs = (0..count).map(|i| Room::new(format!("{code}-{i:03}"), floor_base as _, code.clone())).collect();
    (rt, rs)
}

/// Five years of stays per room, generated sequentially so they never overlap: 1–7 nights, then
/// a gap of 0–3 nights (≈72% occupancy), inserted with `INSERT … SELECT FROM unnest(…)` in chunks.
async fn seed_bookings(pg: &PgPool, all: &[(RoomType, Vec<Room>)], today: NaiveDate) -> anyhow::Result<(usize, f64, f64)> {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let (first, last) = (today - Days::new(PAST_DAYS as u64), today + Days::new(FUTURE_DAYS as u64));
    let mut rows: Vec<(uuid::Uuid, String, String, NaiveDate, NaiveDate, i64)> = Vec::new();
    let mut nights_booked = 0i64;
    for (rt, rs) in all {
        for room in rs {
            let mut day = first + Days::new(rng.range(0, 3) as u64);
            loop {
                let nights = rng.range(1, 7);
                let out = day + Days::new(nights as u64);
                if out > last {
                    break;
                }
                rows.push((room.id.as_uuid(), room.number.clone(), rt.code.to_string(), day, out, rt.base_price.minor() * nights));
                nights_booked += nights;
                day = out + Days::new(rng.range(0, 3) as u64);
            }
        }
    }
    let total_nights = (PAST_DAYS + FUTURE_DAYS) * all.iter().map(|(_, r)| r.len() as i64).sum::<i64>();
    let occupancy = 100.0 * nights_booked as f64 / total_nights as f64;
    println!("== seeding {} bookings ({first} .. {last}, {occupancy:.1}% occupancy) into bookings.bookings", rows.len());
    let t = Instant::now();
    let mut inserted = 0usize;
    for chunk in rows.chunks(20_000) {
        let mut cols = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (id, num, ty, cin, cout, total) in chunk {
            cols.0.push(*id);
            cols.1.push(num.clone());
            cols.2.push(ty.clone());
            cols.3.push(*cin);
            cols.4.push(*cout);
            cols.5.push(*total);
        }
        sqlx::query(
            "INSERT INTO bookings.bookings (id, user_id, room_id, room_number, room_type, check_in, check_out,
                 adults, children, total_minor, currency, status, idempotency_key, created_at)
             SELECT gen_random_uuid(), gen_random_uuid(), r.room_id, r.room_number, r.room_type, r.check_in, r.check_out,
                 2, 0, r.total_minor, 'EUR',
                 CASE WHEN r.check_out <= $7 THEN 'checked_out' WHEN r.check_in <= $7 THEN 'checked_in' ELSE 'confirmed' END,
                 gen_random_uuid(), r.check_in - 30
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::date[], $6::bigint[])
                 AS r(room_id, room_number, room_type, check_in, check_out, total_minor)",
        )
        .bind(&cols.0)
        .bind(&cols.1)
        .bind(&cols.2)
        .bind(&cols.3)
        .bind(&cols.4)
        .bind(&cols.5)
        .bind(today)
        .execute(pg)
        .await
        .context("seeding bookings")?;
        inserted += chunk.len();
        println!("   {inserted:>7} / {} rows, {:.1} s", rows.len(), t.elapsed().as_secs_f64());
    }
    sqlx::query("ANALYZE bookings.bookings").execute(pg).await?;
    let secs = t.elapsed().as_secs_f64();
    println!("   seeded in {secs:.1} s ({:.0} rows/s)", inserted as f64 / secs);
    Ok((inserted, secs, occupancy))
}

async fn make_guests(users: &users::UsersService, n: usize, what: &str) -> anyhow::Result<Vec<UserId>> {
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let tag = uuid::Uuid::new_v4().simple().to_string();
        let identity = users::Identity {
            subject: format!("bench-{what}-{i}-{tag}"),
            email: Email::parse(&format!("{what}{i}-{tag}@bench.test"))?,
            email_verified: true,
            name: format!("Bench {what} {i}"),
            role: Role::Guest,
            language: None,
        };
        ids.push(users.sign_in(&identity).await?.id);
    }
    Ok(ids)
}

fn stay(today: NaiveDate, from_today: i64, nights: i64) -> Stay {
    let check_in = today + Days::new(from_today as u64);
    Stay::new(check_in, check_in + Days::new(nights as u64)).expect("a valid stay")
}

/// The `p`th percentile in milliseconds (nearest rank).
fn pct(lat: &mut [Duration], p: f64) -> f64 {
    if lat.is_empty() {
        return f64::NAN;
    }
    lat.sort_unstable();
    let idx = ((p / 100.0) * lat.len() as f64).ceil() as usize;
    lat[idx.clamp(1, lat.len()) - 1].as_secs_f64() * 1000.0
}
