//! The staff page over Keycloak's admin API: a manager invites someone (a temporary password, or
//! Keycloak's email reaching Mailpit), gives them another role and disables them, and their own
//! session follows at its next request, long before the role re-check interval; bad fields are
//! refused beside the field; a manager cannot give or take admin, nor change their own account;
//! each change names the manager; the front desk is refused.
use crate::helpers::{account_id, eventually, mailpit_search, post, sign_in, spawn_app, unique};
use crate::roles::KeycloakAdmin;
use reqwest::StatusCode;
use std::time::Duration;

fn invite(email: &str, first: &str, role: &str, how: &str) -> Vec<(&'static str, String)> {
    vec![("email", email.into()), ("first_name", first.into()), ("last_name", "Tester".into()), ("role", role.into()), ("how", how.into())]
}

async fn role_of(client: &reqwest::Client, app: &crate::helpers::TestApp) -> serde_json::Value {
    client.post(format!("{}/api/whoami", app.address)).send().await.unwrap().json::<serde_json::Value>().await.unwrap()["role"].clone()
}

#[tokio::test]
async fn a_manager_invites_changes_and_disables_staff_and_their_session_follows_at_once() {
    let app = spawn_app().await;
    let manager = sign_in(&app, "manager@hotel.test", "manager").await;
    let email = format!("{}@staff.hotel.test", unique("desk").to_lowercase());

    for (bad, field) in [
        (invite("not-an-email", "Dana", "front_desk", "password"), "email"),
        (invite(&email, " ", "front_desk", "password"), "first_name"),
        (invite(&email, "Dana", "guest", "password"), "role"),
        (invite("frontdesk@hotel.test", "Dana", "front_desk", "password"), "email"),
    ] {
        let (status, error) = post(&manager, &app, "admin/invite_staff", &bad).await;
        assert_eq!((status, error["InvalidField"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some(field)), "{bad:?}: {error}");
    }
    let (status, refused) = post(&manager, &app, "admin/invite_staff", &invite(&email, "Dana", "admin", "password")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only an admin makes an admin: {refused}");

    let (status, invited) = post(&manager, &app, "admin/invite_staff", &invite(&email, "Dana", "front_desk", "password")).await;
    assert_eq!(status, StatusCode::OK, "{invited}");
    assert_eq!(invited["member"]["role"], "front_desk");
    assert_eq!(invited["temporary_password"].as_str().map(str::len), Some(12), "{invited}");
    let id = invited["member"]["id"].as_str().unwrap().to_owned();
    let (status, page) = post(&manager, &app, "admin/staff", &[]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page["staff"].as_array().unwrap().iter().any(|m| m["email"] == email.as_str() && m["role"] == "front_desk"), "listed: {page}");
    assert!(page["roles"].as_array().unwrap().iter().all(|r| r[0] != "admin"), "a manager is not offered admin: {page}");

    let keycloak = KeycloakAdmin::new();
    keycloak.set_password(&id, "desk-password-1").await;
    let dana = sign_in(&app, &email, "desk-password-1").await;
    assert_eq!(role_of(&dana, &app).await, "front_desk");

    let (status, changed) = post(&manager, &app, "admin/set_staff_role", &[("id", id.clone()), ("role", "housekeeping".into())]).await;
    assert_eq!((status, changed["role"].as_str()), (StatusCode::OK, Some("housekeeping")), "{changed}");
    // A page asks several things at once: every one of them acts on the new role, none on the
    // one it replaced while the first refreshes the sign-in.
    let next = futures::future::join_all((0..4).map(|_| role_of(&dana, &app))).await;
    assert_eq!(next, vec!["housekeeping"; 4], "her next requests act as housekeeping, not in two minutes");
    let (status, _) = post(&dana, &app, "admin/staff", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, disabled) = post(&manager, &app, "admin/set_staff_enabled", &[("id", id.clone())]).await;
    assert_eq!((status, disabled["enabled"].as_bool()), (StatusCode::OK, Some(false)), "{disabled}");
    assert_eq!(role_of(&dana, &app).await, serde_json::Value::Null, "signed out at once");
    let (status, enabled) = post(&manager, &app, "admin/set_staff_enabled", &[("id", id.clone()), ("enabled", "on".into())]).await;
    assert_eq!((status, enabled["enabled"].as_bool()), (StatusCode::OK, Some(true)), "{enabled}");

    let admin_id = {
        let (_, page) = post(&manager, &app, "admin/staff", &[]).await;
        page["staff"].as_array().unwrap().iter().find(|m| m["email"] == "admin@hotel.test").unwrap()["id"].as_str().unwrap().to_owned()
    };
    let (status, _) = post(&manager, &app, "admin/set_staff_role", &[("id", admin_id), ("role", "guest".into())]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a manager does not demote an admin");
    let my_id = keycloak_id_of(&app, "manager@hotel.test").await;
    let (status, _) = post(&manager, &app, "admin/set_staff_enabled", &[("id", my_id)]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "nor disables their own account");

    let max = account_id(&app, "manager@hotel.test").await.as_uuid();
    let history: Vec<(String, uuid::Uuid)> = sqlx::query_as("SELECT action, changed_by FROM users.staff_changes WHERE subject = $1 ORDER BY id")
        .bind(&id)
        .fetch_all(&app.deps.pg)
        .await
        .unwrap();
    let actions: Vec<&str> = history.iter().map(|h| h.0.as_str()).collect();
    assert_eq!(actions, ["invited", "role_changed", "disabled", "enabled"]);
    assert!(history.iter().all(|h| h.1 == max), "each names the manager");

    let emailed = format!("{}@staff.hotel.test", unique("hk").to_lowercase());
    let (status, invited) = post(&manager, &app, "admin/invite_staff", &invite(&emailed, "Eli", "housekeeping", "email")).await;
    assert_eq!((status, invited["temporary_password"].clone()), (StatusCode::OK, serde_json::Value::Null), "{invited}");
    let mail = eventually("Keycloak's invitation in Mailpit", Duration::from_secs(30), || async {
        mailpit_search(&format!("to:{emailed}")).await.filter(|m| m["messages_count"].as_u64() > Some(0))
    })
    .await;
    assert!(mail["messages"][0]["Subject"].as_str().unwrap_or_default().to_lowercase().contains("update"), "{mail}");

    let desk = sign_in(&app, "frontdesk@hotel.test", "frontdesk").await;
    assert_eq!(post(&desk, &app, "admin/staff", &[]).await.0, StatusCode::FORBIDDEN);
    keycloak.delete(&id).await;
    keycloak.delete(invited["member"]["id"].as_str().unwrap()).await;
}

async fn keycloak_id_of(app: &crate::helpers::TestApp, email: &str) -> String {
    sqlx::query_scalar("SELECT subject FROM users.users WHERE email = $1").bind(email).fetch_one(&app.deps.pg).await.unwrap()
}
