//! How long a sign-in is trusted: the role is re-read from the identity provider every few
//! minutes (refresh-token grant), and a session ends after an absolute lifetime however busy it is.
use crate::{Oidc, User, UsersError, UsersService};
use chrono::{DateTime, Utc};
use kernel::UserId;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The identity provider's refresh token. Kept server side only (in the session store); never
/// printed, never sent to the browser.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RefreshToken(String);

impl RefreshToken {
    pub fn new(token: String) -> Self {
        Self(token)
    }

    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for RefreshToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RefreshToken(***)")
    }
}

/// How often the role is re-checked and how long a session may live at most.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    /// A session whose role was last confirmed longer ago than this asks the provider again.
    pub recheck_after: Duration,
    /// Counted from sign-in; activity never extends it.
    pub lifetime: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self { recheck_after: Duration::from_secs(120), lifetime: Duration::from_secs(12 * 3600) }
    }
}

/// What a session remembers of its sign-in, besides who signed in.
///
/// `Default` is a grant that ended long ago: a session written before grants existed decodes to
/// it and is signed out at its next request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Grant {
    pub refresh_token: RefreshToken,
    pub signed_in_at: DateTime<Utc>,
    /// When the provider last confirmed the role.
    pub checked_at: DateTime<Utc>,
}

impl Default for Grant {
    fn default() -> Self {
        Self { refresh_token: RefreshToken::default(), signed_in_at: DateTime::UNIX_EPOCH, checked_at: DateTime::UNIX_EPOCH }
    }
}

impl Grant {
    /// A grant starting now, at sign-in.
    pub fn new(refresh_token: RefreshToken, now: DateTime<Utc>) -> Self {
        Self { refresh_token, signed_in_at: now, checked_at: now }
    }
}

/// What a session may do after [`SessionGuard::check`].
#[derive(Debug, Clone)]
pub enum Verdict {
    /// Trust the role the session holds.
    Valid,
    /// The provider confirmed the person again: store these in the session.
    Renewed { user: User, grant: Grant, id_token: String },
    /// Sign the person out; says why, for the log.
    Ended(String),
}

/// The one place that decides whether a session's sign-in still holds.
#[derive(Clone)]
pub struct SessionGuard {
    oidc: Oidc,
    users: UsersService,
    policy: SessionPolicy,
    renewals: Renewals,
}

impl SessionGuard {
    pub fn new(oidc: Oidc, users: UsersService, policy: SessionPolicy) -> Self {
        Self { oidc, users, policy, renewals: Renewals::default() }
    }

    /// Checks a session's grant: past its lifetime it ends; when its role is older than the
    /// re-check interval the refresh token is exchanged and the role taken from the fresh ID
    /// token; a change of the person's access made in the office (`StaffDirectory`) since the
    /// last check asks at once. A provider that refuses the refresh (user disabled, session revoked, token
    /// expired) ends the session; an unreachable provider is an error and the session is kept,
    /// so it works again once the provider answers.
    ///
    /// One refresh per session at a time: concurrent calls for it (`session_key`, e.g. a page's
    /// several server functions) wait for it and take its verdict, so none acts on the role it
    /// replaced, and the provider never sees one refresh token twice.
    #[tracing::instrument(skip_all, fields(user = %user_id))]
    pub async fn check(&self, session_key: &str, user_id: UserId, grant: &Grant) -> Result<Verdict, UsersError> {
        let now = Utc::now();
        if now - grant.signed_in_at >= delta(self.policy.lifetime) {
            return Ok(Verdict::Ended("the session reached its absolute lifetime".into()));
        }
        let due = now - grant.checked_at >= delta(self.policy.recheck_after);
        if !due && !self.users.access_changed_after(user_id, grant.checked_at).await? {
            return Ok(Verdict::Valid);
        }
        let slot = self.renewals.slot(session_key);
        let mut last = slot.lock().await;
        if let Some((from, verdict)) = last.as_ref() {
            if *from == grant.checked_at {
                return Ok(verdict.clone());
            }
        }
        let verdict = self.renew(user_id, grant, now).await?;
        *last = Some((grant.checked_at, verdict.clone()));
        Ok(verdict)
    }

    async fn renew(&self, user_id: UserId, grant: &Grant, now: DateTime<Utc>) -> Result<Verdict, UsersError> {
        let renewed = match self.oidc.refresh(&grant.refresh_token).await {
            Ok(renewed) => renewed,
            Err(UsersError::Unexpected(e)) => return Err(UsersError::Unexpected(e)),
            Err(refused) => return Ok(Verdict::Ended(refused.to_string())),
        };
        let user = self.users.sign_in(&renewed.identity).await?;
        if user.id != user_id {
            return Ok(Verdict::Ended("the refreshed sign-in names someone else".into()));
        }
        let grant = Grant { refresh_token: renewed.refresh_token, signed_in_at: grant.signed_in_at, checked_at: now };
        Ok(Verdict::Renewed { user, grant, id_token: renewed.id_token })
    }
}

/// Each session's last renewal, keyed by the grant it renewed: a call still holding that grant
/// (its request read the session before the renewal was stored) is given the same verdict.
type Slot = Arc<tokio::sync::Mutex<Option<(DateTime<Utc>, Verdict)>>>;

#[derive(Clone, Default)]
struct Renewals(Arc<Mutex<HashMap<String, (Slot, Instant)>>>);

impl Renewals {
    /// How long a renewal is kept for the calls that read the session before it.
    const KEPT: Duration = Duration::from_secs(60);

    fn slot(&self, key: &str) -> Slot {
        let mut slots = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = Instant::now();
        slots.retain(|_, (slot, used)| Arc::strong_count(slot) > 1 || now.duration_since(*used) < Self::KEPT);
        let (slot, used) = slots.entry(key.to_owned()).or_insert_with(|| (Slot::default(), now));
        *used = now;
        slot.clone()
    }
}

fn delta(d: Duration) -> chrono::TimeDelta {
    chrono::TimeDelta::from_std(d).unwrap_or(chrono::TimeDelta::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn one_renewal_per_session_at_a_time() {
        let renewals = Renewals::default();
        let first = renewals.slot("a");
        let held = first.lock().await;
        assert!(renewals.slot("a").try_lock().is_err(), "a second call for the session waits for the first");
        assert!(renewals.slot("b").try_lock().is_ok(), "other sessions are not held up");
        drop(held);
        assert!(renewals.slot("a").try_lock().is_ok(), "free again once the first one ended");
    }

    #[test]
    fn a_grant_from_before_grants_existed_has_ended() {
        let old = Grant::default();
        assert!(Utc::now() - old.signed_in_at > delta(SessionPolicy::default().lifetime));
        assert_eq!(format!("{:?}", RefreshToken::new("secret".into())), "RefreshToken(***)");
    }
}
