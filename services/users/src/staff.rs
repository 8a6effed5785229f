//! Listing the hotel's staff by role, e.g. the housekeeping attendants a supervisor shares the
//! day's rooms among.
use crate::{store, User, UsersError, UsersService};
use kernel::{Role, UserId};

/// The most people one list of a role returns; a hotel's staff of one role fits many times over.
pub const MAX_STAFF_LISTED: u32 = 500;

impl UsersService {
    /// Up to `limit` (at most [`MAX_STAFF_LISTED`]) people with `role`, by name.
    #[tracing::instrument(skip(self))]
    pub async fn with_role(&self, role: Role, limit: u32) -> Result<Vec<User>, UsersError> {
        let limit = i64::from(limit.clamp(1, MAX_STAFF_LISTED));
        let mut conn = self.pool.acquire().await?;
        let ids: Vec<uuid::Uuid> = sqlx::query_scalar(
            "SELECT id FROM users.users WHERE role = $1 ORDER BY name, id LIMIT $2",
        )
        .bind(role.as_str())
        .bind(limit)
        .fetch_all(&mut *conn)
        .await?;
        let mut users = store::find_many(&mut conn, &ids).await?;
        users.sort_by(|a, b| (&a.name, a.id).cmp(&(&b.name, b.id)));
        Ok(users)
    }

    /// Those of `ids` who have `role`; the others (unknown, or another role) are left out.
    #[tracing::instrument(skip(self, ids), fields(ids = ids.len()))]
    pub async fn having_role(&self, ids: &[UserId], role: Role) -> Result<Vec<UserId>, UsersError> {
        let found = self.find_many(ids).await?;
        Ok(ids
            .iter()
            .copied()
            .filter(|id| found.iter().any(|u| u.id == *id && u.role == role))
            .collect())
    }
}
