//! The housekeeping tablet on the seeded hotel (500 rooms) through HTTP: the supervisor's board
//! rendered on the server; the time from a change pressed on one tablet until another tablet,
//! told by its open live stream, has fetched the room again; and a replay of 50 presses queued offline, sent in order as the
//! tablet's queue sends them. Figures only.
use super::browser::Browser;
use crate::{env_or, pct, room_type, Results};
use rooms::RoomsService;
use std::time::{Duration, Instant};

const SUPERVISOR: (&str, &str) = ("manager@hotel.test", "manager");

fn press(room: &str, action: &str) -> Vec<(&'static str, String)> {
    vec![
        ("room", room.to_owned()),
        ("action", action.to_owned()),
        ("note", String::new()),
        ("until", String::new()),
        ("key", uuid::Uuid::new_v4().to_string()),
    ]
}

pub async fn run(base: &str, rooms: &RoomsService, results: &mut Results) -> anyhow::Result<()> {
    let runs: usize = env_or("BENCH_BOARD_RUNS", 30);
    println!("== housekeeping: the board rendered on the server, {runs} times");
    let supervisor = Browser::sign_in(base, SUPERVISOR.0, SUPERVISOR.1).await?;
    let mut lat = Vec::with_capacity(runs);
    let mut size = supervisor.page("/housekeeping").await?.len();
    for _ in 0..runs {
        let t = Instant::now();
        size = supervisor.page("/housekeeping").await?.len();
        lat.push(t.elapsed());
    }
    let (p50, p99) = (pct(&mut lat, 50.0), pct(&mut lat, 99.0));
    println!("   /housekeeping          p50 {p50:.1} ms  p99 {p99:.1} ms  ({} KiB of HTML)", size / 1024);
    results.put("board_p50_ms", format!("{p50:.1}"));
    results.put("board_p99_ms", format!("{p99:.1}"));
    results.put("board_kib", size / 1024);

    let changes: usize = env_or("BENCH_TABLET_CHANGES", 100);
    println!("== housekeeping: {changes} changes, each timed until another tablet has the room again");
    let (rt, rs) = room_type("HKLIVE", 9_000, 50, 7);
    rooms.add(&rt, &rs).await?;
    let watcher = Browser::sign_in(base, SUPERVISOR.0, SUPERVISOR.1).await?;
    let mut stream = watcher.live("/live/housekeeping").await?;
    stream.until(|_| true, Duration::from_secs(10)).await?;
    let room = rs[0].id.to_string();
    let mut lat = Vec::with_capacity(changes);
    for i in 0..changes {
        let action = if i % 2 == 0 { "needs_cleaning" } else { "finish" };
        let t = Instant::now();
        supervisor.post("/api/housekeeping/act", &press(&room, action)).await?;
        if !stream.until_or_end(|line| line.contains(&room), Duration::from_secs(30)).await? {
            // The server ended the stream (the role re-check interval); like a browser, open
            // another, which answers `resync`, and fetch the room again.
            stream = watcher.live("/live/housekeeping").await?;
        }
        // What the board does with the pushed change: fetch that room alone.
        watcher.post("/api/housekeeping/room", &[("room", room.clone())]).await?;
        lat.push(t.elapsed());
    }
    let (p50, p99) = (pct(&mut lat, 50.0), pct(&mut lat, 99.0));
    println!("   press → other tablet: p50 {p50:.0} ms  p99 {p99:.0} ms (room lock, outbox in the room, relay, Kafka, SSE, the room fetched)");
    results.put("tablet_live_p50_ms", format!("{p50:.0}"));
    results.put("tablet_live_p99_ms", format!("{p99:.0}"));

    let queued = rs.len();
    for r in &rs {
        supervisor.post("/api/housekeeping/act", &press(&r.id.to_string(), "needs_cleaning")).await?;
    }
    let t = Instant::now();
    for r in &rs {
        supervisor.post("/api/housekeeping/act", &press(&r.id.to_string(), "finish")).await?;
    }
    let total = t.elapsed().as_secs_f64() * 1000.0;
    println!("   replay of {queued} queued presses, in order: {total:.0} ms ({:.1} ms each)", total / queued as f64);
    results.put("tablet_replay_ms", format!("{total:.0}"));
    Ok(())
}
