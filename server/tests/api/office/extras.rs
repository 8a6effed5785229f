//! The extras catalogue: a manager adds and changes extras, each change kept with who made it;
//! bad fields are refused beside the field and store nothing; the desk's list follows at once;
//! the front desk may post extras but not change the catalogue.
use crate::helpers::{account_id, post, sign_in, spawn_app, unique};
use reqwest::StatusCode;

fn form(id: &str, code: &str, name: &str, price: &str, vat: &str, active: bool) -> Vec<(&'static str, String)> {
    let mut f = vec![("id", id.to_owned()), ("code", code.to_owned()), ("name", name.to_owned()), ("price", price.to_owned()), ("vat", vat.to_owned())];
    if active {
        f.push(("active", "on".into()));
    }
    f
}

#[tokio::test]
async fn a_manager_keeps_the_catalogue_and_the_desk_posts_from_it() {
    let app = spawn_app().await;
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    let code = unique("spa_").to_lowercase();

    for (bad, field) in [
        (form("", "Not A Code", "Spa", "40.00", "19", true), "code"),
        (form("", &code, "  ", "40.00", "19", true), "name"),
        (form("", &code, "Spa", "forty", "19", true), "price"),
        (form("", &code, "Spa", "0", "19", true), "price"),
        (form("", &code, "Spa", "40.00", "120", true), "vat"),
    ] {
        let (status, error) = post(&manager, &app, "admin/save_extra", &bad).await;
        assert_eq!((status, error["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some(field)), "{bad:?}: {error}");
    }
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM payments.extras WHERE code = $1").bind(&code).fetch_one(&app.deps.pg).await.unwrap();
    assert_eq!(stored, 0, "a refused form stores nothing");

    let (status, added) = post(&manager, &app, "admin/save_extra", &form("", &code, "Spa day", "40.00", "7.5", true)).await;
    assert_eq!(status, StatusCode::OK, "{added}");
    assert_eq!((added["vat_percent"].as_str(), added["price"]["minor"].as_i64()), (Some("7.5"), Some(4_000)));
    let id = added["id"].as_str().unwrap().to_owned();
    let (status, taken) = post(&manager, &app, "admin/save_extra", &form("", &code, "Another", "5", "19", true)).await;
    assert_eq!((status, taken["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("code")), "{taken}");
    assert!(app.state.billing.extras().await.unwrap().iter().any(|e| e.code == code), "on the desk's list at once");

    let (status, changed) = post(&manager, &app, "admin/save_extra", &form(&id, "ignored", "Spa day (2 h)", "45,50", "7.5", false)).await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!((changed["code"].as_str(), changed["price"]["minor"].as_i64(), changed["active"].as_bool()), (Some(&*code), Some(4_550), Some(false)), "the code stays");
    assert!(!app.state.billing.extras().await.unwrap().iter().any(|e| e.code == code), "off the desk's list");

    let history: Vec<(uuid::Uuid, Option<serde_json::Value>, serde_json::Value)> =
        sqlx::query_as("SELECT changed_by, before, after FROM payments.extra_changes WHERE extra_id = $1::uuid ORDER BY id")
            .bind(&id)
            .fetch_all(&app.deps.pg)
            .await
            .unwrap();
    let max = account_id(&app, "manager@hotel.test").await.as_uuid();
    assert_eq!(history.len(), 2);
    assert!(history.iter().all(|h| h.0 == max), "each change names the manager");
    assert_eq!((history[0].1.clone(), history[1].1.as_ref().map(|b| b["name"].clone())), (None, Some("Spa day".into())));
    assert_eq!(history[1].2["active"], false);

    let (status, page) = post(&manager, &app, "admin/extras", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page["total"].as_u64().unwrap() >= 7, "the seeded six and this one: {page}");

    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    let (status, _) = post(&desk, &app, "admin/save_extra", &form(&id, &code, "Free spa", "0.01", "0", true)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
