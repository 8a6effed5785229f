//! The manager's office at the benchmark's size: the revenue report over the past year by day
//! (and by month), and one night audit of the whole hotel.
use crate::{pct, Results};
use bookings::night_audit::Trigger;
use bookings::BookingsService;
use chrono::{Days, NaiveDate};
use office::reports::{Grain, ReportQuery};
use office::Office;
use rooms::RoomsService;
use sqlx::PgPool;
use std::time::{Duration, Instant};

pub async fn run(pg: &PgPool, bookings: &BookingsService, rooms: &RoomsService, today: NaiveDate, results: &mut Results) -> anyhow::Result<()> {
    let office = Office { bookings: bookings.clone(), rooms: rooms.clone(), billing: payments::billing::BillingService::new(pg.clone()) };
    let runs: usize = crate::env_or("BENCH_REPORT_RUNS", 10);
    let (first, last) = (today - Days::new(365), today - Days::new(1));
    println!("== revenue report: {first} .. {last} (a year), {runs} runs by day, then by month");
    for grain in [Grain::Day, Grain::Month] {
        let query = ReportQuery { first, last, grain, room_type: None, pickup_days: 7 };
        let mut lat: Vec<Duration> = Vec::with_capacity(runs);
        let mut sold = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let report = office.report(query.clone()).await?;
            lat.push(t.elapsed());
            sold = report.total.counts.rooms_sold;
        }
        let (p50, p99) = (pct(&mut lat, 50.0), pct(&mut lat, 99.0));
        let name = grain.as_str();
        println!("   by {name}: p50 {p50:.1} ms  p99 {p99:.1} ms  ({sold} room nights sold)");
        results.put(&format!("report_year_by_{name}_p50_ms"), format!("{p50:.1}"));
        results.put(&format!("report_year_by_{name}_p99_ms"), format!("{p99:.1}"));
    }

    println!("== night audit of yesterday for the whole hotel");
    bookings.business_date().await?;
    sqlx::query("UPDATE bookings.hotel SET business_date = $1").bind(today - Days::new(1)).execute(pg).await?;
    let t = Instant::now();
    let run = office.run_night_audit(desk::THE_SYSTEM, Trigger::Scheduled, None).await?;
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let r = &run.report;
    println!(
        "   {ms:.0} ms: {} no-shows, {} in house, {} rooms set for service, {} pickup room nights kept",
        r.no_shows.len(),
        r.in_house,
        r.rooms_for_service,
        r.pickup.room_nights
    );
    results.put("night_audit_ms", format!("{ms:.0}"));
    Ok(())
}
