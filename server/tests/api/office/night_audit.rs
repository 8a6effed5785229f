//! The night audit on databases of its own (it is hotel-wide): no-shows at their fee, the
//! in-house stays checked against their folios, rooms set for stay-over service, pickup kept, the
//! date rolled and `night_audit.completed` written once; refused twice for one date, refused
//! before midnight, and run once by two instances racing.
use crate::billing::{deliver_booking_events, taxed_room_type};
use crate::helpers::{account_id, add_guest, request, sign_in, OwnHotel, TestApp};
use crate::schemas::assert_valid;
use bookings::night_audit::{NightAuditRefusal, Trigger};
use bookings::{Booking, BookingStatus, LateFee};
use chrono::{Days, NaiveDate};
use kernel::{Money, Stay};
use office::NightAuditError;

fn from_today(app: &TestApp, days: u64, nights: u64) -> Stay {
    let check_in = app.state.bookings.today() + Days::new(days);
    Stay::new(check_in, check_in + Days::new(nights)).unwrap()
}

/// Moves a booking `days` into the past, with its priced nights and the nights its creation's
/// event will post to the folio.
async fn earlier(app: &TestApp, b: &Booking, days: i32) {
    sqlx::query(
        "UPDATE bookings.bookings SET check_in = check_in - $2, check_out = check_out - $2, \
         price_detail = jsonb_set(price_detail, '{nights}', (SELECT jsonb_agg(jsonb_set(n, '{date}', \
             to_jsonb(((n->>'date')::date - $2)::text))) FROM jsonb_array_elements(price_detail->'nights') n)) \
         WHERE id = $1",
    )
    .bind(b.id.as_uuid())
    .bind(days)
    .execute(&app.deps.pg)
    .await
    .unwrap();
    sqlx::query(
        "UPDATE bookings.outbox SET payload = jsonb_set(payload, '{payload,lines}', (SELECT jsonb_agg(CASE \
             WHEN l->>'date' IS NULL THEN l ELSE jsonb_set(l, '{date}', to_jsonb(((l->>'date')::date - $2)::text)) END) \
             FROM jsonb_array_elements(payload->'payload'->'lines') l)) \
         WHERE key = $1 AND topic = 'booking.created'",
    )
    .bind(b.id.to_string())
    .bind(days)
    .execute(&app.deps.pg)
    .await
    .unwrap();
}

async fn set_status(app: &TestApp, b: &Booking, status: &str) {
    sqlx::query("UPDATE bookings.bookings SET status = $2 WHERE id = $1")
        .bind(b.id.as_uuid())
        .bind(status)
        .execute(&app.deps.pg)
        .await
        .unwrap();
}

async fn set_business_date(app: &TestApp, date: NaiveDate) {
    app.state.bookings.business_date().await.unwrap();
    sqlx::query("UPDATE bookings.hotel SET business_date = $1").bind(date).execute(&app.deps.pg).await.unwrap();
}

async fn completed_events(app: &TestApp) -> Vec<serde_json::Value> {
    sqlx::query_scalar("SELECT payload FROM bookings.outbox WHERE topic = 'night_audit.completed' ORDER BY id")
        .fetch_all(&app.deps.pg)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_night_audit_marks_no_shows_checks_folios_keeps_pickup_and_rolls_the_date_once() {
    let own = OwnHotel::fresh("night_audit").await;
    let app = own.spawn().await;
    let room_type = taxed_room_type(&app, LateFee::FirstNight).await;
    let other_type = taxed_room_type(&app, LateFee::FirstNight).await;
    let guest = add_guest(&app).await;
    let today = app.state.bookings.today();
    let yesterday = today - Days::new(1);
    let book = |stay| app.state.bookings.book(request(guest.id, &room_type, stay));

    let absent = book(from_today(&app, 0, 3)).await.unwrap();
    earlier(&app, &absent, 1).await;
    let in_house = book(from_today(&app, 0, 2)).await.unwrap();
    earlier(&app, &in_house, 1).await;
    deliver_booking_events(&app, in_house.id).await;
    set_status(&app, &in_house, "checked_in").await;
    let unposted = app.state.bookings.book(request(guest.id, &other_type, from_today(&app, 0, 2))).await.unwrap();
    earlier(&app, &unposted, 1).await;
    set_status(&app, &unposted, "checked_in").await;
    let ahead = book(from_today(&app, 5, 2)).await.unwrap();
    let arriving_today = app.state.bookings.book(request(guest.id, &other_type, from_today(&app, 0, 1))).await.unwrap();
    set_business_date(&app, yesterday).await;
    let manager = account_id(&app, "manager@hotel.test").await;

    let run = app.state.office.run_night_audit(manager, Trigger::Manager, Some(yesterday)).await.unwrap();
    assert_eq!(run.business_date, yesterday);
    let report = &run.report;
    let no_show = app.state.bookings.find(absent.id).await.unwrap();
    assert_eq!(no_show.status, BookingStatus::NoShow);
    assert_eq!(report.no_shows.len(), 1, "only the arrival of the closed date: {report:?}");
    assert_eq!((report.no_shows[0].booking_id, report.no_shows[0].arrival), (absent.id, yesterday));
    let first_night = Money::from_minor(12_345, absent.total.currency());
    assert_eq!((report.no_shows[0].fee, report.no_show_fees), (first_night, first_night), "the first night, as the terms say");
    assert_eq!(app.state.bookings.find(arriving_today.id).await.unwrap().status, BookingStatus::Confirmed, "today's arrival waits");
    assert_eq!(report.in_house, 2);
    assert_eq!(report.room_revenue, Money::from_minor(2 * 12_345, absent.total.currency()), "the closed night of both stays");
    assert_eq!(report.nights_not_on_folio, vec![unposted.room_number.clone()], "only the stay whose folio lacks the night");

    let pickup: Vec<(NaiveDate, String, i32, i64)> = sqlx::query_as(
        "SELECT stay_date, room_type, rooms, revenue_minor FROM bookings.pickup_snapshots WHERE taken_on = $1 ORDER BY stay_date, room_type",
    )
    .bind(yesterday)
    .fetch_all(&app.deps.pg)
    .await
    .unwrap();
    let mine: Vec<_> = pickup.iter().filter(|p| p.1 == room_type.code.as_str()).map(|p| (p.0, p.2, p.3)).collect();
    let night = |d: u64| today + Days::new(d);
    assert_eq!(
        mine,
        vec![(night(0), 1, 12_345), (night(5), 1, 12_345), (night(6), 1, 12_345)],
        "the in-house stay's last night and the stay ahead, each at its price; the no-show's nights are gone"
    );
    assert!(pickup.iter().all(|p| p.0 > yesterday), "stay dates after the closed one only");
    assert_eq!(report.pickup.room_nights, pickup.iter().map(|p| p.2 as u64).sum::<u64>());
    let _ = ahead;

    assert_eq!(app.state.bookings.business_date().await.unwrap().date, today, "the date rolled");
    let events = completed_events(&app).await;
    assert_eq!(events.len(), 1);
    assert_valid("night_audit.completed", &events[0]);
    let payload = &events[0]["payload"];
    assert_eq!((payload["business_date"].as_str(), payload["next_business_date"].as_str()), (Some(&*yesterday.to_string()), Some(&*today.to_string())));
    assert_eq!((payload["no_shows"].as_u64(), payload["no_show_fees"].as_str(), payload["trigger"].as_str()), (Some(1), Some("123.45"), Some("manager")));

    let again = app.state.office.run_night_audit(manager, Trigger::Manager, Some(yesterday)).await.unwrap_err();
    assert!(matches!(again, NightAuditError::Refused(NightAuditRefusal::AlreadyRan(d)) if d == yesterday), "{again:?}");
    let early = app.state.office.run_night_audit(manager, Trigger::Scheduled, None).await.unwrap_err();
    assert!(matches!(early, NightAuditError::Refused(NightAuditRefusal::NotYet { date, .. }) if date == today), "{early:?}");
    assert_eq!(completed_events(&app).await.len(), 1, "refusals write nothing");
    assert_eq!(app.state.bookings.night_audits(1, 10).await.unwrap().1, 1);

    let (runs, _) = app.state.bookings.night_audits(1, 10).await.unwrap();
    assert_eq!(runs[0].report, run.report, "the report is kept as it was shown");
}

/// The audit page as a manager's browser calls it: the date, then a run refused for a date that
/// is not the open one (a page left open) and accepted for the open one.
#[tokio::test]
async fn a_manager_runs_the_audit_of_the_date_the_page_showed() {
    let own = OwnHotel::fresh("night_audit_page").await;
    let app = own.spawn().await;
    let today = app.state.bookings.today();
    set_business_date(&app, today - Days::new(2)).await;
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    let (status, page) = crate::helpers::post(&manager, &app, "admin/night_audit", &[]).await;
    assert_eq!(status, reqwest::StatusCode::OK, "{page}");
    assert_eq!(page["business_date"], (today - Days::new(2)).to_string());
    assert_eq!(page["not_yet"], serde_json::Value::Null, "two days behind, it may run");

    let stale = [("date", (today - Days::new(3)).to_string())];
    let (status, refused) = crate::helpers::post(&manager, &app, "admin/run_night_audit", &stale).await;
    assert_eq!(status, reqwest::StatusCode::CONFLICT, "{refused}");
    let ran = [("date", (today - Days::new(2)).to_string())];
    let (status, run) = crate::helpers::post(&manager, &app, "admin/run_night_audit", &ran).await;
    assert_eq!(status, reqwest::StatusCode::OK, "{run}");
    assert_eq!(run["run_by"], "Max Manager");
    let (_, page) = crate::helpers::post(&manager, &app, "admin/night_audit", &[]).await;
    assert_eq!(page["business_date"], (today - Days::new(1)).to_string());
    assert_eq!(page["runs"].as_array().map(Vec::len), Some(1), "{page}");
    let (status, _) = crate::helpers::post(&manager, &app, "admin/run_night_audit", &ran).await;
    assert_eq!(status, reqwest::StatusCode::CONFLICT, "a second press closes nothing more");
}

/// Two instances of the app run the audit of one date at the same moment: one does it, the other
/// is refused, and every effect is there once.
#[tokio::test]
async fn two_instances_racing_run_the_audit_once() {
    let own = OwnHotel::fresh("night_audit_race").await;
    let (first, second) = (own.spawn().await, own.spawn().await);
    let room_type = taxed_room_type(&first, LateFee::FirstNight).await;
    let guest = add_guest(&first).await;
    let absent = first.state.bookings.book(request(guest.id, &room_type, from_today(&first, 0, 2))).await.unwrap();
    earlier(&first, &absent, 1).await;
    let yesterday = first.state.bookings.today() - Days::new(1);
    set_business_date(&first, yesterday).await;

    let (a, b) = tokio::join!(
        first.state.office.run_night_audit(desk::THE_SYSTEM, Trigger::Scheduled, None),
        second.state.office.run_night_audit(desk::THE_SYSTEM, Trigger::Scheduled, None),
    );
    let (ran, refused): (Vec<_>, Vec<_>) = [a, b].into_iter().partition(Result::is_ok);
    assert_eq!(ran.len(), 1, "exactly one instance ran it: {refused:?}");
    let refused = refused.into_iter().next().unwrap().unwrap_err();
    assert!(
        matches!(refused, NightAuditError::Refused(NightAuditRefusal::Running | NightAuditRefusal::NotYet { .. })),
        "the other was told it runs (or has run): {refused:?}"
    );
    assert_eq!(completed_events(&first).await.len(), 1);
    assert_eq!(first.state.bookings.night_audits(1, 10).await.unwrap().1, 1);
    let cancelled: i64 = sqlx::query_scalar("SELECT count(*) FROM bookings.outbox WHERE topic = 'booking.cancelled' AND key = $1")
        .bind(absent.id.to_string())
        .fetch_one(&first.deps.pg)
        .await
        .unwrap();
    assert_eq!(cancelled, 1, "the no-show was marked once");
}

/// The schedule catches up: two dates behind at the audit time, it closes each in turn, once,
/// as the schedule, and stops at the date whose next day has not reached the time.
#[tokio::test]
async fn the_schedule_closes_every_date_missed_once_and_stops_at_today() {
    let own = OwnHotel::fresh("night_audit_schedule").await;
    let app = own.spawn().await;
    let today = app.state.bookings.today();
    set_business_date(&app, today - Days::new(2)).await;
    sqlx::query("UPDATE bookings.hotel SET night_audit_time = '00:00'").execute(&app.deps.pg).await.unwrap();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let schedule = tokio::spawn(app.state.office.clone().run_night_audits(stopped));
    crate::helpers::eventually("the schedule to catch up", std::time::Duration::from_secs(60), || async {
        (app.state.bookings.business_date().await.unwrap().date == today).then_some(())
    })
    .await;
    let (runs, total) = app.state.bookings.night_audits(1, 10).await.unwrap();
    assert_eq!(total, 2);
    assert!(runs.iter().all(|r| r.trigger == Trigger::Scheduled && r.run_by == desk::THE_SYSTEM), "{runs:?}");
    assert_eq!(runs.iter().map(|r| r.business_date).collect::<Vec<_>>(), vec![today - Days::new(1), today - Days::new(2)]);
    stop.send(true).unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(10), schedule).await.expect("the schedule stops").unwrap();
    assert_eq!(completed_events(&app).await.len(), 2);
}
