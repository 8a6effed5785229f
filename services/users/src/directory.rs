//! The hotel's staff as Keycloak keeps them, changed through its admin REST API with the realm's
//! service account (`hotel-staff-admin`, see `deploy/keycloak`): listed, invited, given another
//! role, disabled. Keycloak stays the one place a role lives; each change here also marks the
//! person's row so their sessions take the new role at their next request (see
//! `SessionGuard::check`) and is kept in `users.staff_changes` with who made it.
use crate::{UsersError, UsersService};
use kernel::{Email, Role, UserId};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// The roles a staff member may hold; a guest is anyone without one.
pub const STAFF_ROLES: [Role; 4] = [Role::Housekeeping, Role::FrontDesk, Role::Manager, Role::Admin];
/// Staff on one page of the list.
pub const STAFF_PER_PAGE: usize = 25;
const TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("{message}")]
    Invalid { field: &'static str, message: String },
    #[error("someone already has an account with this email")]
    EmailTaken,
    #[error("that person is not on the hotel's staff list")]
    NotFound,
    /// The person changing it may not: says who may.
    #[error("{0}")]
    NotAllowed(String),
    #[error("the sign-in server (Keycloak) did not answer; nothing was changed, please try again")]
    Unavailable,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for StaffError {
    fn from(e: sqlx::Error) -> Self {
        Self::Unexpected(anyhow::Error::new(e).context("users database"))
    }
}

impl From<reqwest::Error> for StaffError {
    fn from(e: reqwest::Error) -> Self {
        if e.is_connect() || e.is_timeout() {
            Self::Unavailable
        } else {
            Self::Unexpected(anyhow::Error::new(e).context("Keycloak's admin API"))
        }
    }
}

/// A staff member as the list shows them. `id` is Keycloak's, the subject of their sign-ins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: String,
    pub email: String,
    pub name: String,
    /// The most powerful of their hotel roles: what they act as.
    pub role: Role,
    pub enabled: bool,
}

/// How an invited person first signs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FirstSignIn {
    /// Keycloak emails them a link to choose a password.
    Email,
    /// This password, which they must change at their first sign-in.
    TemporaryPassword(String),
}

#[derive(Debug, Clone)]
pub struct Invite {
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub first_sign_in: FirstSignIn,
}

#[derive(Debug, Clone)]
pub struct DirectoryConfig {
    /// The realm's issuer, e.g. `http://127.0.0.1:8180/realms/hotel`.
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: String,
}

/// Keycloak's admin API for one realm. Cheap to clone.
#[derive(Clone)]
pub struct StaffDirectory {
    http: reqwest::Client,
    config: Arc<DirectoryConfig>,
    users: UsersService,
    token: Arc<Mutex<Option<(Instant, String)>>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct KcUser {
    id: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    username: String,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
    #[serde(default)]
    enabled: bool,
}

impl KcUser {
    fn member(self, role: Role) -> StaffMember {
        let name = [self.first_name.unwrap_or_default(), self.last_name.unwrap_or_default()].join(" ").trim().to_owned();
        let email = self.email.unwrap_or(self.username);
        StaffMember { name: if name.is_empty() { email.clone() } else { name }, email, id: self.id, role, enabled: self.enabled }
    }
}

/// Who may give or take `role`: admins any role, managers any but admin.
fn may_manage(me: Role, role: Role) -> bool {
    match me {
        Role::Admin => true,
        Role::Manager => role != Role::Admin,
        _ => false,
    }
}

impl StaffDirectory {
    pub fn new(config: DirectoryConfig, users: UsersService) -> Self {
        let http = reqwest::Client::builder().timeout(TIMEOUT).build().expect("an HTTP client");
        Self { http, config: Arc::new(config), users, token: Arc::default() }
    }

    fn admin_url(&self, path: &str) -> String {
        let issuer = self.config.issuer_url.trim_end_matches('/');
        let (base, realm) = issuer.rsplit_once("/realms/").unwrap_or((issuer, "hotel"));
        format!("{base}/admin/realms/{realm}{path}")
    }

    /// The service account's access token, reused until shortly before it expires.
    async fn token(&self) -> Result<String, StaffError> {
        let mut slot = self.token.lock().await;
        if let Some((until, token)) = &*slot {
            if Instant::now() < *until {
                return Ok(token.clone());
            }
        }
        let url = format!("{}/protocol/openid-connect/token", self.config.issuer_url.trim_end_matches('/'));
        let form = [("grant_type", "client_credentials"), ("client_id", &self.config.client_id), ("client_secret", &self.config.client_secret)];
        let answer = self.http.post(url).form(&form).send().await?;
        if !answer.status().is_success() {
            return Err(anyhow::anyhow!("Keycloak refused the staff service account: {}", answer.status()).into());
        }
        let answer: Value = answer.json().await?;
        let token = answer["access_token"].as_str().ok_or_else(|| anyhow::anyhow!("no access token from Keycloak"))?.to_owned();
        let life = answer["expires_in"].as_u64().unwrap_or(60).saturating_sub(15).max(5);
        *slot = Some((Instant::now() + Duration::from_secs(life), token.clone()));
        Ok(token)
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Result<reqwest::Response, StaffError> {
        let mut request = self.http.request(method.clone(), self.admin_url(path)).bearer_auth(self.token().await?);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let answer = request.send().await?;
        match answer.status() {
            s if s.is_success() => Ok(answer),
            reqwest::StatusCode::NOT_FOUND => Err(StaffError::NotFound),
            reqwest::StatusCode::CONFLICT => Err(StaffError::EmailTaken),
            s => {
                let text = answer.text().await.unwrap_or_default();
                tracing::error!(%method, path, status = %s, text, "Keycloak refused a staff change");
                Err(anyhow::anyhow!("Keycloak answered {method} {path} with {s}: {text}").into())
            }
        }
    }

    /// Everyone holding a staff role, enabled or not, by name; one page (from 0) and the total.
    #[tracing::instrument(skip(self))]
    pub async fn staff(&self, page: usize) -> Result<(Vec<StaffMember>, usize), StaffError> {
        let mut all: Vec<StaffMember> = Vec::new();
        for role in STAFF_ROLES {
            let users: Vec<KcUser> = self.call(reqwest::Method::GET, &format!("/roles/{}/users?first=0&max=10000", role.as_str()), None).await?.json().await?;
            for user in users {
                match all.iter_mut().find(|m| m.id == user.id) {
                    Some(known) => known.role = known.role.max(role),
                    None => all.push(user.member(role)),
                }
            }
        }
        all.sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
        let total = all.len();
        Ok((all.into_iter().skip(page * STAFF_PER_PAGE).take(STAFF_PER_PAGE).collect(), total))
    }

    /// One person with their hotel role (a guest when they hold none).
    pub async fn member(&self, id: &str) -> Result<StaffMember, StaffError> {
        let user: KcUser = self.call(reqwest::Method::GET, &format!("/users/{}", encode(id)), None).await?.json().await?;
        let roles: Vec<Value> = self.call(reqwest::Method::GET, &format!("/users/{}/role-mappings/realm", encode(id)), None).await?.json().await?;
        let role = roles.iter().filter_map(|r| Role::parse(r["name"].as_str()?)).max().unwrap_or(Role::Guest);
        Ok(user.member(role))
    }

    /// Creates the Keycloak account with its role; `by` acts as `my_role`.
    #[tracing::instrument(skip(self, invite), fields(role = %invite.role))]
    pub async fn invite(&self, invite: Invite, by: UserId, my_role: Role) -> Result<StaffMember, StaffError> {
        self.check_role(invite.role, my_role)?;
        let name_ok = |s: &str| (1..=60).contains(&s.trim().chars().count());
        if !name_ok(&invite.first_name) {
            return Err(StaffError::Invalid { field: "first_name", message: "a first name of 1 to 60 characters".into() });
        }
        if !name_ok(&invite.last_name) {
            return Err(StaffError::Invalid { field: "last_name", message: "a last name of 1 to 60 characters".into() });
        }
        let mut user = json!({
            "username": invite.email.as_str(), "email": invite.email.as_str(), "emailVerified": true, "enabled": true,
            "firstName": invite.first_name.trim(), "lastName": invite.last_name.trim(),
        });
        if let FirstSignIn::TemporaryPassword(password) = &invite.first_sign_in {
            if password.chars().count() < 10 {
                return Err(StaffError::Invalid { field: "password", message: "a temporary password of at least 10 characters".into() });
            }
            user["credentials"] = json!([{ "type": "password", "value": password, "temporary": true }]);
        }
        let created = self.call(reqwest::Method::POST, "/users", Some(user)).await?;
        let id = created
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .and_then(|l| l.rsplit('/').next())
            .ok_or_else(|| anyhow::anyhow!("Keycloak created a user without saying where"))?
            .to_owned();
        self.grant(&id, &[invite.role], true).await?;
        if invite.first_sign_in == FirstSignIn::Email {
            self.call(reqwest::Method::PUT, &format!("/users/{id}/execute-actions-email?lifespan=259200"), Some(json!(["UPDATE_PASSWORD"]))).await?;
        }
        let member = self.member(&id).await?;
        self.record(&member, by, "invited", None, Some(&member)).await?;
        tracing::info!(staff = %id, "staff member invited");
        Ok(member)
    }

    /// Gives `id` the hotel role `role` in place of the ones they hold (`Guest`: none).
    #[tracing::instrument(skip(self))]
    pub async fn set_role(&self, id: &str, role: Role, by: UserId, my_role: Role) -> Result<StaffMember, StaffError> {
        let before = self.member(id).await?;
        self.check_change(&before, by, my_role).await?;
        self.check_role(role, my_role)?;
        let mapped: Vec<Value> = self.call(reqwest::Method::GET, &format!("/users/{}/role-mappings/realm", encode(id)), None).await?.json().await?;
        let held: Vec<Role> = mapped.iter().filter_map(|r| Role::parse(r["name"].as_str()?)).filter(|r| STAFF_ROLES.contains(r) && *r != role).collect();
        if !held.is_empty() {
            self.grant(id, &held, false).await?;
        }
        if role != Role::Guest {
            self.grant(id, &[role], true).await?;
        }
        let after = self.member(id).await?;
        self.record(&after, by, "role_changed", Some(&before), Some(&after)).await?;
        Ok(after)
    }

    /// Disables (`enabled` false) or enables the account; disabling also ends its sessions at
    /// Keycloak, so no refresh succeeds and the app signs them out at their next request.
    #[tracing::instrument(skip(self))]
    pub async fn set_enabled(&self, id: &str, enabled: bool, by: UserId, my_role: Role) -> Result<StaffMember, StaffError> {
        let before = self.member(id).await?;
        self.check_change(&before, by, my_role).await?;
        self.call(reqwest::Method::PUT, &format!("/users/{}", encode(id)), Some(json!({ "enabled": enabled }))).await?;
        if !enabled {
            self.call(reqwest::Method::POST, &format!("/users/{}/logout", encode(id)), None).await?;
        }
        let after = self.member(id).await?;
        self.record(&after, by, if enabled { "enabled" } else { "disabled" }, Some(&before), Some(&after)).await?;
        Ok(after)
    }

    fn check_role(&self, role: Role, my_role: Role) -> Result<(), StaffError> {
        if may_manage(my_role, role) {
            Ok(())
        } else {
            Err(StaffError::NotAllowed(format!("only an admin may give the role {role}")))
        }
    }

    async fn check_change(&self, member: &StaffMember, by: UserId, my_role: Role) -> Result<(), StaffError> {
        if self.users.subject_of(by).await.map_err(|e| StaffError::Unexpected(e.into()))?.as_deref() == Some(member.id.as_str()) {
            return Err(StaffError::NotAllowed("you cannot change your own account here; ask another manager or an admin".into()));
        }
        if !may_manage(my_role, member.role) {
            return Err(StaffError::NotAllowed(format!("only an admin may change someone who is {}", member.role)));
        }
        Ok(())
    }

    async fn grant(&self, id: &str, roles: &[Role], add: bool) -> Result<(), StaffError> {
        let mut representations = Vec::new();
        for role in roles {
            representations.push(self.call(reqwest::Method::GET, &format!("/roles/{}", role.as_str()), None).await?.json::<Value>().await?);
        }
        let method = if add { reqwest::Method::POST } else { reqwest::Method::DELETE };
        self.call(method, &format!("/users/{}/role-mappings/realm", encode(id)), Some(Value::Array(representations))).await?;
        Ok(())
    }

    async fn record(&self, member: &StaffMember, by: UserId, action: &str, before: Option<&StaffMember>, after: Option<&StaffMember>) -> Result<(), StaffError> {
        let snapshot = |m: &StaffMember| json!({ "email": m.email, "name": m.name, "role": m.role.as_str(), "enabled": m.enabled });
        let mut tx = self.users.pool.begin().await?;
        sqlx::query("INSERT INTO users.staff_changes (subject, email, changed_by, action, before, after) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&member.id)
            .bind(&member.email)
            .bind(by.as_uuid())
            .bind(action)
            .bind(before.map(snapshot))
            .bind(after.map(snapshot))
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE users.users SET access_changed_at = clock_timestamp() WHERE subject = $1")
            .bind(&member.id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Keycloak ids are UUIDs; anything else is refused before it reaches a URL.
fn encode(id: &str) -> String {
    if id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') { id.to_owned() } else { "invalid".to_owned() }
}

impl UsersService {
    /// The identity provider's subject of a stored user.
    pub async fn subject_of(&self, id: UserId) -> Result<Option<String>, UsersError> {
        Ok(sqlx::query_scalar("SELECT subject FROM users.users WHERE id = $1").bind(id.as_uuid()).fetch_optional(&self.pool).await?)
    }

    /// Whether the person's access was changed here after `at` (see [`StaffDirectory`]).
    pub async fn access_changed_after(&self, id: UserId, at: chrono::DateTime<chrono::Utc>) -> Result<bool, UsersError> {
        let changed: Option<bool> = sqlx::query_scalar("SELECT access_changed_at > $2 FROM users.users WHERE id = $1")
            .bind(id.as_uuid())
            .bind(at)
            .fetch_optional(&self.pool)
            .await?
            .flatten();
        Ok(changed.unwrap_or(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn managers_give_every_role_but_admin() {
        assert!(may_manage(Role::Manager, Role::FrontDesk) && may_manage(Role::Manager, Role::Manager));
        assert!(!may_manage(Role::Manager, Role::Admin));
        assert!(may_manage(Role::Admin, Role::Admin));
        assert!(!may_manage(Role::FrontDesk, Role::Housekeeping));
        assert_eq!(encode("../users"), "invalid");
    }
}
