//! The rates editor as a manager uses it: bad fields refused beside the field, storing nothing;
//! a preview prices a stay before and after a change and stores nothing; a saved change moves
//! the guest's quote at once and is audited with before and after; overlapping seasons are
//! refused by the database; the calendar shows each night's price and restrictions.
use crate::helpers::{add_room_type, post, sign_in, spawn_app, stay, unique};
use kernel::{Party, Stay};
use reqwest::StatusCode;
use serde_json::Value;

fn field(answer: &Value) -> Option<&str> {
    answer["InvalidField"]["field"].as_str()
}

fn season_form(code: &str, id: &str, name: &str, stay: &Stay, kind: &str, amount: &str, intent: &str) -> Vec<(&'static str, String)> {
    vec![
        ("room_type", code.into()), ("id", id.into()), ("name", name.into()),
        ("starts", (stay.check_in() - chrono::Duration::days(5)).to_string()),
        ("last_night", (stay.check_out() + chrono::Duration::days(5)).to_string()),
        ("kind", kind.into()), ("amount", amount.into()), ("intent", intent.into()),
        ("try_stay[arrival]", stay.check_in().to_string()), ("try_stay[departure]", stay.check_out().to_string()),
        ("try_stay[adults]", "2".into()), ("try_stay[children]", "0".into()),
    ]
}

fn with(mut form: Vec<(&'static str, String)>, key: &'static str, value: &str) -> Vec<(&'static str, String)> {
    form.retain(|(k, _)| *k != key);
    form.push((key, value.into()));
    form
}

async fn quoted(app: &crate::helpers::TestApp, code: &kernel::RoomTypeCode, stay: &Stay) -> i64 {
    app.state.bookings.quote(code, stay, &Party::new(2, 0).unwrap(), None).await.unwrap().priced.total().minor()
}

async fn changes(app: &crate::helpers::TestApp, subject: &str) -> Vec<(String, uuid::Uuid, Value, Value)> {
    sqlx::query_as("SELECT action, changed_by, before, after FROM bookings.rate_changes WHERE subject = $1 ORDER BY id")
        .bind(subject)
        .fetch_all(&app.deps.pg)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_season_is_previewed_saved_changed_and_removed_and_the_quote_follows_each_save() {
    let app = spawn_app().await;
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    let manager_id = crate::helpers::account_id(&app, "manager@hotel.test").await;
    let t = add_room_type(&app, 1).await;
    let (code, wanted) = (t.code.to_string(), stay(150, 3));
    let base = 3 * 12_345;
    assert_eq!(quoted(&app, &t.code, &wanted).await, base);

    for (bad, wanted_field) in [
        (with(season_form(&code, "", "Peak", &wanted, "percent", "20", "save"), "name", " "), "name"),
        (with(season_form(&code, "", "Peak", &wanted, "percent", "20", "save"), "starts", "soon"), "starts"),
        (with(season_form(&code, "", "Peak", &wanted, "percent", "20", "save"), "last_night", "2020-01-01"), "last_night"),
        (season_form(&code, "", "Peak", &wanted, "percent", "lots", "save"), "amount"),
        (season_form(&code, "", "Peak", &wanted, "fixed", "-5", "save"), "amount"),
        (with(season_form(&code, "", "Peak", &wanted, "percent", "20", "preview"), "try_stay[departure]", "2020-01-01"), "departure"),
    ] {
        let (status, error) = post(&manager, &app, "admin/save_season", &bad).await;
        assert_eq!((status, field(&error)), (StatusCode::BAD_REQUEST, Some(wanted_field)), "{bad:?}: {error}");
    }

    let (status, preview) = post(&manager, &app, "admin/save_season", &season_form(&code, "", "Peak", &wanted, "percent", "20", "preview")).await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert!(preview["saved"].is_null());
    assert_eq!(preview["preview"]["now"]["total"]["minor"].as_i64(), Some(base));
    assert_eq!(preview["preview"]["with_change"]["total"]["minor"].as_i64(), Some(3 * 14_814), "12,345 + 20% rounded, a night");
    assert!(app.state.bookings.rate_rules(&t.code).await.unwrap().seasons.is_empty(), "a preview stores nothing");
    assert_eq!(quoted(&app, &t.code, &wanted).await, base);
    assert!(changes(&app, &code).await.is_empty());

    let (status, saved) = post(&manager, &app, "admin/save_season", &season_form(&code, "", "Peak", &wanted, "percent", "20", "save")).await;
    assert_eq!((status, saved["saved"].as_str()), (StatusCode::OK, Some("Added the season Peak")), "{saved}");
    assert_eq!(quoted(&app, &t.code, &wanted).await, 3 * 14_814, "the guest's quote follows at once");

    let (status, clash) = post(&manager, &app, "admin/save_season", &season_form(&code, "", "Clash", &wanted, "percent", "5", "save")).await;
    assert_eq!((status, field(&clash)), (StatusCode::BAD_REQUEST, Some("starts")), "{clash}");
    assert!(clash["InvalidField"]["message"].as_str().unwrap().contains("'Clash' overlaps"), "{clash}");
    let (status, clash_preview) = post(&manager, &app, "admin/save_season", &season_form(&code, "", "Clash", &wanted, "percent", "5", "preview")).await;
    assert_eq!((status, field(&clash_preview)), (StatusCode::BAD_REQUEST, Some("starts")), "the preview is refused as the save would be");

    let rules = app.state.bookings.rate_rules(&t.code).await.unwrap();
    let id = rules.seasons[0].0.to_string();
    let (status, changed) = post(&manager, &app, "admin/save_season", &season_form(&code, &id, "Peak", &wanted, "fixed", "150.00", "save")).await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(quoted(&app, &t.code, &wanted).await, 3 * 15_000);

    let page = post(&manager, &app, "admin/rates", &[("room_type", code.clone()), ("month", wanted.check_in().format("%Y-%m").to_string())]).await.1;
    let night = page["calendar"].as_array().unwrap().iter().find(|n| n["date"] == wanted.check_in().to_string()).expect("the stay's night").clone();
    assert_eq!(night["price"]["minor"].as_i64(), Some(15_000), "{night}");
    assert_eq!(page["seasons"][0]["label"].as_str(), Some("€150.00 a night"));

    let (status, removed) = post(&manager, &app, "admin/remove_rate_rule", &[("room_type", code.clone()), ("kind", "season".into()), ("key", id.clone())]).await;
    assert_eq!(status, StatusCode::OK, "{removed}");
    assert_eq!(quoted(&app, &t.code, &wanted).await, base);
    let (status, gone) = post(&manager, &app, "admin/remove_rate_rule", &[("room_type", code.clone()), ("kind", "season".into()), ("key", id)]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{gone}");

    let audit = changes(&app, &code).await;
    let actions: Vec<&str> = audit.iter().map(|(a, ..)| a.as_str()).collect();
    assert_eq!(actions, ["season_added", "season_changed", "season_removed"]);
    assert!(audit.iter().all(|(_, by, ..)| *by == manager_id.as_uuid()), "each names the manager");
    assert_eq!((audit[1].2["adjust_bp"].as_i64(), audit[1].3["fixed_minor"].as_i64()), (Some(2_000), Some(15_000)), "before and after");
    assert_eq!((audit[2].2["name"].as_str(), &audit[2].3), (Some("Peak"), &Value::Null));
}

#[tokio::test]
async fn weekday_long_stay_restriction_plan_and_promo_forms_refuse_bad_values_and_save_good_ones() {
    let app = spawn_app().await;
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    let t = add_room_type(&app, 1).await;
    let code = t.code.to_string();
    let wanted = stay(160, 1);
    let try_stay = |form: &mut Vec<(&'static str, String)>| {
        form.push(("try_stay[arrival]", wanted.check_in().to_string()));
        form.push(("try_stay[departure]", wanted.check_out().to_string()));
    };

    let (status, none) = post(&manager, &app, "admin/save_weekday", &[("room_type", code.clone()), ("name", "Weekend".into()), ("adjust", "15".into())]).await;
    assert_eq!((status, field(&none)), (StatusCode::BAD_REQUEST, Some("days")), "{none}");
    let (status, ok) = post(&manager, &app, "admin/save_weekday", &[
        ("room_type", code.clone()), ("name", "Weekend".into()), ("adjust", "+15".into()), ("days[fri]", "on".into()), ("days[sat]", "on".into()),
    ]).await;
    assert_eq!(status, StatusCode::OK, "{ok}");
    let rules = app.state.bookings.rate_rules(&t.code).await.unwrap();
    assert_eq!(rules.weekdays.iter().map(|(_, d, bp)| (*d, bp.get())).collect::<Vec<_>>(), [(5, 1_500), (6, 1_500)]);

    let (status, one) = post(&manager, &app, "admin/save_stay_discount", &[("room_type", code.clone()), ("min_nights", "1".into()), ("discount", "10".into())]).await;
    assert_eq!((status, field(&one)), (StatusCode::BAD_REQUEST, Some("min_nights")), "{one}");
    let (status, _) = post(&manager, &app, "admin/save_stay_discount", &[("room_type", code.clone()), ("min_nights", "5".into()), ("discount", "12.5".into())]).await;
    assert_eq!(status, StatusCode::OK);

    let restriction = |rule: &str, value: &str, intent: &str| {
        let mut f = vec![
            ("room_type", code.clone()), ("rule", rule.to_owned()), ("value", value.to_owned()), ("intent", intent.to_owned()),
            ("first", (wanted.check_in() - chrono::Duration::days(3)).to_string()), ("last", (wanted.check_in() + chrono::Duration::days(3)).to_string()),
        ];
        try_stay(&mut f);
        f
    };
    let (status, zero) = post(&manager, &app, "admin/add_restriction", &restriction("min_stay", "0", "save")).await;
    assert_eq!((status, field(&zero)), (StatusCode::BAD_REQUEST, Some("value")), "{zero}");
    let (status, preview) = post(&manager, &app, "admin/add_restriction", &restriction("min_stay", "2", "preview")).await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert!(preview["preview"]["now"]["total"]["minor"].as_i64().is_some(), "{preview}");
    assert!(preview["preview"]["with_change"]["refused"].as_str().unwrap().contains("at least 2 nights"), "{preview}");
    assert!(app.state.bookings.rate_rules(&t.code).await.unwrap().restrictions.is_empty(), "a preview stores nothing");
    let (status, _) = post(&manager, &app, "admin/add_restriction", &restriction("closed_to_arrival", "", "save")).await;
    assert_eq!(status, StatusCode::OK);
    let refused = app.state.bookings.quote(&t.code, &wanted, &Party::new(2, 0).unwrap(), None).await.unwrap_err();
    assert!(refused.to_string().contains("Arrivals on"), "{refused}");

    let plan = |vat: &str, fee: &str, percent: &str| vec![
        ("room_type", code.clone()), ("included_adults", "2".into()), ("included_children", "0".into()), ("extra_adult", "20.00".into()),
        ("extra_child", "10".into()), ("vat", vat.into()), ("city_tax", "2.50".into()), ("city_tax_max_nights", "7".into()),
        ("free_days", "3".into()), ("late_fee", fee.into()), ("late_percent", percent.into()),
    ];
    for (bad, wanted_field) in [(plan("lots", "none", ""), "vat"), (plan("7", "percent", ""), "late_percent"), (plan("7", "percent", "150"), "late_fee")] {
        let (status, error) = post(&manager, &app, "admin/save_rate_plan", &bad).await;
        assert_eq!((status, field(&error)), (StatusCode::BAD_REQUEST, Some(wanted_field)), "{bad:?}: {error}");
    }
    let (status, _) = post(&manager, &app, "admin/save_rate_plan", &plan("7", "percent", "50")).await;
    assert_eq!(status, StatusCode::OK);
    let settings = app.state.bookings.rate_rules(&t.code).await.unwrap().settings;
    assert_eq!((settings.vat_bp, settings.extra_adult_minor, settings.cancellation.free_days), (700, 2_000, 3));

    let today = app.state.bookings.today();
    let ended = bookings::SeasonInput { name: "Last autumn".into(), starts: today - chrono::Duration::days(60), ends: today - chrono::Duration::days(30), fixed_minor: None, adjust_bp: Some(500) };
    app.state.bookings.add_season(&t.code, &ended).await.unwrap();
    let listed = |page: &Value| page["seasons"].as_array().unwrap().iter().any(|s| s["name"] == "Last autumn");
    let (_, current) = post(&manager, &app, "admin/rates", &[("room_type", code.clone())]).await;
    assert!(!listed(&current) && current["past_hidden"].as_u64() == Some(1), "what has ended is not listed by default: {current}");
    let (_, all) = post(&manager, &app, "admin/rates", &[("room_type", code.clone()), ("past", "on".into())]).await;
    assert!(listed(&all), "{all}");

    let promo = unique("P");
    let promo_form = |code: &str, amount: &str| vec![
        ("code", code.to_owned()), ("kind", "percent".into()), ("amount", amount.to_owned()), ("min_nights", "1".into()),
        ("first", wanted.check_in().to_string()), ("last", (wanted.check_in() + chrono::Duration::days(30)).to_string()),
    ];
    for (bad, wanted_field) in [(promo_form("x", "10"), "code"), (promo_form(&promo, "0"), "discount"), (promo_form(&promo, "ten"), "amount")] {
        let (status, error) = post(&manager, &app, "admin/add_promo", &bad).await;
        assert_eq!((status, field(&error)), (StatusCode::BAD_REQUEST, Some(wanted_field)), "{bad:?}: {error}");
    }
    let (status, added) = post(&manager, &app, "admin/add_promo", &promo_form(&promo.to_lowercase(), "10")).await;
    assert_eq!(status, StatusCode::OK, "{added}");
    let (status, twice) = post(&manager, &app, "admin/add_promo", &promo_form(&promo, "10")).await;
    assert_eq!((status, field(&twice)), (StatusCode::BAD_REQUEST, Some("code")), "{twice}");
    assert!(app.state.bookings.promo_codes().await.unwrap().iter().any(|p| p.code == promo));
    let (status, _) = post(&manager, &app, "admin/remove_promo", &[("code", promo.clone())]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(app.state.bookings.promo_codes().await.unwrap().iter().all(|p| p.code != promo));
    let actions: Vec<String> = changes(&app, &promo).await.into_iter().map(|(a, ..)| a).collect();
    assert_eq!(actions, ["promo_added", "promo_removed"]);
    let audited: Vec<String> = changes(&app, &code).await.into_iter().map(|(a, ..)| a).collect();
    assert_eq!(audited, ["weekday_set", "stay_discount_set", "restriction_added", "plan_set"]);
}
