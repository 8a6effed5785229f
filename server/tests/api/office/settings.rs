//! The hotel's settings, on a hotel of this test's own (its times and policies are every
//! other test's too in the shared one): bad values refused beside their field, saving nothing;
//! a saved change is kept by the service it belongs to, followed at once (a new check-in time
//! moves the guest's free-cancellation deadline) and audited.
use crate::helpers::{account_id, add_room_type, post, sign_in, stay, OwnHotel};
use bookings::{CancellationPolicy, LateFee, RatePlanSettings};
use kernel::audit_trail::AuditQuery;
use kernel::Party;
use reqwest::StatusCode;

fn form(check_in: &str, check_out: &str, capture: &str, inspection: bool) -> Vec<(&'static str, String)> {
    let mut f = vec![("check_in", check_in.into()), ("check_out", check_out.into()), ("night_audit", "03:00".into()), ("capture", capture.into())];
    if inspection {
        f.push(("inspection", "on".into()));
    }
    f
}

#[tokio::test]
async fn settings_are_refused_beside_their_field_saved_by_their_services_followed_at_once_and_audited() {
    let own = OwnHotel::fresh("settings").await;
    let app = own.spawn().await;
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    let manager_id = account_id(&app, "manager@hotel.test").await;
    let (status, page) = post(&manager, &app, "admin/settings", &[]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!((page["check_in"].as_str(), page["check_out"].as_str(), page["capture"].as_str()), (Some("15:00"), Some("11:00"), Some("booking")));
    assert_eq!((page["inspection_required"].as_bool(), page["name"].as_str()), (Some(true), Some("Hotel Aurora")));

    for (bad, field) in [
        (form("3pm", "11:00", "booking", true), "check_in"),
        (form("15:00", "16:00", "booking", true), "check_out"),
        (form("15:00", "11:00", "never", true), "capture"),
    ] {
        let (status, error) = post(&manager, &app, "admin/save_settings", &bad).await;
        assert_eq!((status, error["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some(field)), "{bad:?}: {error}");
    }
    assert_eq!(post(&manager, &app, "admin/settings", &[]).await.1, page, "nothing saved");

    let t = add_room_type(&app, 1).await;
    let plan = RatePlanSettings {
        included_adults: 2, included_children: 0, extra_adult_minor: 0, extra_child_minor: 0, vat_bp: 0, city_tax_minor: 0,
        city_tax_max_nights: 0, cancellation: CancellationPolicy { free_days: 2, late_fee: LateFee::FirstNight },
    };
    app.state.bookings.set_rate_plan(&t.code, &plan).await.unwrap();
    let wanted = stay(40, 2);
    let deadline = || async {
        let offer = app.state.bookings.quote(&t.code, &wanted, &Party::new(2, 0).unwrap(), None).await.unwrap();
        offer.terms.free_until.with_timezone(&app.state.bookings.clock().time_zone).format("%Y-%m-%d %H:%M").to_string()
    };
    let two_days_before = wanted.check_in() - chrono::Duration::days(2);
    assert_eq!(deadline().await, format!("{two_days_before} 15:00"));

    let (status, saved) = post(&manager, &app, "admin/save_settings", &form("14:00", "10:30", "check_in", false)).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!((saved["check_in"].as_str(), saved["check_out"].as_str(), saved["night_audit"].as_str()), (Some("14:00"), Some("10:30"), Some("03:00")));
    assert_eq!(deadline().await, format!("{two_days_before} 14:00"), "the guest's deadline follows at once");
    assert_eq!(app.state.payments.capture_policy().await.unwrap(), payments::CapturePolicy::CheckIn);
    assert!(!app.state.rooms.housekeeping_settings().await.unwrap().inspection_required);

    let sources = office::AuditSources {
        bookings: &app.state.bookings, rooms: &app.state.rooms, billing: &app.state.billing, users: &app.state.users, notifications: &app.state.notifications,
    };
    let log = office::audit_log(sources, &AuditQuery { by: Some(manager_id), limit: 50, ..AuditQuery::default() }).await.unwrap();
    let mut what: Vec<String> = log.actions.iter().map(|a| format!("{}: {}", a.area, a.action)).collect();
    what.sort();
    assert_eq!(what, ["Rooms: changed", "Settings: changed the hotel's times", "Settings: changed when cards are charged"], "{:?}", log.actions);
}
