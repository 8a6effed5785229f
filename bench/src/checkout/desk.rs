//! The front desk on the seeded hotel (500 rooms, five years of bookings) through HTTP: the
//! server-side render of the Today page and of the room rack (14 days), and the time from a
//! check-in posted by one receptionist to its event reaching another receptionist's open live
//! stream. Figures only.
use super::browser::Browser;
use crate::{env_or, pct, room_type, Results};
use bookings::{BookRequest, BookingsService};
use chrono::Days;
use kernel::{Party, Stay, UserId};
use rooms::RoomsService;
use sqlx::PgPool;
use std::time::{Duration, Instant};

const FRONT_DESK: (&str, &str) = ("frontdesk@hotel.test", "frontdesk");

/// Renders each page `runs` times (after one unmeasured render) and answers p50, p99 and size.
async fn renders(desk: &Browser, path: &str, runs: usize) -> anyhow::Result<(f64, f64, usize)> {
    let mut lat = Vec::with_capacity(runs);
    let mut size = desk.page(path).await?.len();
    for _ in 0..runs {
        let t = Instant::now();
        size = desk.page(path).await?.len();
        lat.push(t.elapsed());
    }
    Ok((pct(&mut lat, 50.0), pct(&mut lat, 99.0), size))
}

pub async fn run(base: &str, pg: &PgPool, rooms: &RoomsService, results: &mut Results) -> anyhow::Result<()> {
    let runs: usize = env_or("BENCH_DESK_RUNS", 30);
    println!("== front desk: Today and the 14-day rack rendered on the server, {runs} times each");
    let desk = Browser::sign_in(base, FRONT_DESK.0, FRONT_DESK.1).await?;
    for (name, path) in [("today", "/desk"), ("in_house", "/desk?list=in_house"), ("rack", "/desk/rack")] {
        let (p50, p99, size) = renders(&desk, path, runs).await?;
        println!("   {path:<22} p50 {p50:.1} ms  p99 {p99:.1} ms  ({} KiB of HTML)", size / 1024);
        results.put(&format!("desk_{name}_p50_ms"), format!("{p50:.1}"));
        results.put(&format!("desk_{name}_p99_ms"), format!("{p99:.1}"));
        results.put(&format!("desk_{name}_kib"), size / 1024);
    }

    let arrivals: usize = env_or("BENCH_DESK_CHECK_INS", 10);
    println!("== front desk: {arrivals} check-ins, each timed until another console's live stream shows it");
    let bookings = BookingsService::new(pg.clone(), rooms.clone()).await?;
    let (rt, rs) = room_type("DESKLIVE", 12_000, arrivals, 1);
    rooms.add(&rt, &rs).await?;
    let today = bookings.today();
    let mut ids = Vec::with_capacity(arrivals);
    for _ in 0..arrivals {
        let request = BookRequest {
            user_id: UserId::new(),
            room_type: rt.code.clone(),
            stay: Stay::new(today, today + Days::new(1))?,
            party: Party::new(1, 0)?,
            idempotency_key: uuid::Uuid::new_v4(),
            promo_code: None,
        };
        ids.push(bookings.book(request).await?.id);
    }
    let watcher = Browser::sign_in(base, FRONT_DESK.0, FRONT_DESK.1).await?;
    let mut stream = watcher.live("/live/desk").await?;
    stream.until(|_| true, Duration::from_secs(10)).await?;
    let mut lat = Vec::with_capacity(arrivals);
    for id in &ids {
        let t = Instant::now();
        desk.post("/api/check_in_booking", &[("id", id.to_string())]).await?;
        let needle = id.to_string();
        stream.until(|line| line.contains(&needle), Duration::from_secs(30)).await?;
        lat.push(t.elapsed());
    }
    let (p50, p99) = (pct(&mut lat, 50.0), pct(&mut lat, 99.0));
    println!("   check-in → other console: p50 {p50:.0} ms  p99 {p99:.0} ms (outbox relay, Kafka, the feed's consumer, SSE)");
    results.put("desk_live_p50_ms", format!("{p50:.0}"));
    results.put("desk_live_p99_ms", format!("{p99:.0}"));
    Ok(())
}
