//! Only managers and admins open the office or call its functions: a stranger is asked to sign
//! in, a guest, a housekeeper and the front desk are refused, on the page and on every function.
use crate::helpers::{browser, post, sign_in, spawn_app};
use reqwest::StatusCode;

const ROOM: &[(&str, &str)] = &[("id", ""), ("number", "T-1"), ("floor", "1"), ("room_type", "STD")];
const FUNCTIONS: &[(&str, &[(&str, &str)])] = &[
    ("admin/access", &[]),
    ("admin/night_audit", &[]),
    ("admin/run_night_audit", &[("date", "2026-01-01")]),
    ("admin/rooms", &[]),
    ("admin/save_room", ROOM),
    ("admin/retire_room", &[("id", "00000000-0000-0000-0000-000000000000"), ("retire", "on")]),
    ("admin/save_room_type", &[("code", "STD"), ("name", "x"), ("max_adults", "2"), ("max_children", "0"), ("base_price", "1"), ("beds", "x"), ("size_m2", "9")]),
    ("admin/retire_room_type", &[("code", "STD"), ("retire", "on")]),
    ("admin/staff", &[]),
    ("admin/invite_staff", &[("email", "x@staff.hotel.test"), ("first_name", "X"), ("last_name", "Y"), ("role", "admin"), ("how", "email")]),
    ("admin/set_staff_role", &[("id", "00000000-0000-0000-0000-000000000000"), ("role", "admin")]),
    ("admin/set_staff_enabled", &[("id", "00000000-0000-0000-0000-000000000000")]),
    ("admin/rates", &[]),
    ("admin/audit_log", &[]),
    ("admin/settings", &[]),
    ("admin/save_settings", &[("check_in", "15:00"), ("check_out", "11:00"), ("night_audit", "02:00"), ("capture", "check_out")]),
    ("admin/save_season", &[("room_type", "STD"), ("name", "x"), ("starts", "2027-01-01"), ("last_night", "2027-01-02"), ("kind", "percent"), ("amount", "90")]),
    ("admin/save_weekday", &[("room_type", "STD"), ("name", "x"), ("adjust", "90"), ("days[mon]", "on")]),
    ("admin/save_stay_discount", &[("room_type", "STD"), ("min_nights", "2"), ("discount", "90")]),
    ("admin/add_restriction", &[("room_type", "STD"), ("rule", "closed_to_arrival"), ("first", "2027-01-01"), ("last", "2027-01-02")]),
    ("admin/save_rate_plan", &[("room_type", "STD"), ("included_adults", "2"), ("included_children", "0"), ("extra_adult", "0"), ("extra_child", "0"), ("vat", "0"), ("city_tax", "0"), ("city_tax_max_nights", "0"), ("free_days", "0"), ("late_fee", "none")]),
    ("admin/remove_rate_rule", &[("room_type", "STD"), ("kind", "season"), ("key", "1")]),
    ("admin/add_promo", &[("code", "FREE100"), ("kind", "percent"), ("amount", "100"), ("first", "2027-01-01"), ("last", "2027-12-31"), ("min_nights", "1")]),
    ("admin/remove_promo", &[("code", "WELCOME10")]),
];

/// Every page of the office.
const PAGES: &[&str] = &[
    "/admin", "/admin/reports", "/admin/rooms", "/admin/rates", "/admin/extras", "/admin/staff", "/admin/templates", "/admin/settings", "/admin/audit",
];

async fn page_at(app: &crate::helpers::TestApp, client: reqwest::Client, path: &str) -> reqwest::Response {
    client.get(format!("{}{path}", app.address)).send().await.unwrap()
}

fn form(fields: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    fields.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

#[tokio::test]
async fn the_office_asks_a_stranger_to_sign_in_refuses_other_staff_and_guests_and_opens_for_a_manager() {
    let app = spawn_app().await;
    let page = |client: reqwest::Client| page_at(&app, client, "/admin");
    for path in PAGES {
        assert_eq!(page_at(&app, browser(), path).await.status(), StatusCode::UNAUTHORIZED, "a stranger on {path}");
    }
    for &(function, fields) in FUNCTIONS {
        assert_eq!(post(&browser(), &app, function, &form(fields)).await.0, StatusCode::UNAUTHORIZED, "{function}");
    }
    for (user, password) in [("guest@hotel.test", "guest"), ("housekeeping@hotel.test", "housekeeping"), ("frontdesk@hotel.test", "frontdesk")] {
        let client = sign_in(&app, user, password).await;
        for path in PAGES {
            assert_eq!(page_at(&app, client.clone(), path).await.status(), StatusCode::FORBIDDEN, "{user} on {path}");
        }
        for &(function, fields) in FUNCTIONS {
            assert_eq!(post(&client, &app, function, &form(fields)).await.0, StatusCode::FORBIDDEN, "{user} calling {function}");
        }
    }
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    for path in PAGES {
        assert_eq!(page_at(&app, manager.clone(), path).await.status(), StatusCode::OK, "the manager on {path}");
    }
    let opened = page(manager.clone()).await;
    assert_eq!(opened.status(), StatusCode::OK);
    let html = opened.text().await.unwrap();
    assert!(html.contains("Manager&#x27;s office") || html.contains("Manager's office"), "the office's frame");
    assert!(html.contains("data-testid=\"business-date\""), "the night audit page");
    let (status, view) = post(&manager, &app, "admin/night_audit", &[]).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert!(view["business_date"].is_string(), "{view}");
}
