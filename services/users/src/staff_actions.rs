//! What managers did to staff accounts and what the desk did to guest profiles, for the audit log.
use crate::UsersService;
use kernel::audit_trail::{AuditQuery, AuditRow, StaffAction};

const PAGE: &str = kernel::audit_page_sql!(r#"
    SELECT at, changed_by AS by, 'Staff' AS area,
           CASE action WHEN 'invited' THEN 'invited' WHEN 'role_changed' THEN 'changed the role of'
                       WHEN 'disabled' THEN 'disabled' ELSE 'enabled' END
           || CASE WHEN after->>'role' IS NOT NULL AND action <> 'disabled' AND action <> 'enabled' THEN ' (' || (after->>'role') || ')' ELSE '' END AS action,
           email AS subject, NULL::uuid AS booking, 'users.staff:' || lpad(id::text, 19, '0') AS key
      FROM users.staff_changes
    UNION ALL
    SELECT created_at, created_by, 'Guests', 'made a guest profile', email, NULL, 'users.profile:' || id::text
      FROM users.users WHERE created_by IS NOT NULL"#);

impl UsersService {
    pub async fn staff_actions(&self, q: &AuditQuery) -> anyhow::Result<Vec<StaffAction>> {
        let (by, from, until, booking, at, key, limit) = q.binds();
        let rows: Vec<AuditRow> = sqlx::query_as(PAGE)
            .bind(by).bind(from).bind(until).bind(booking).bind(at).bind(key).bind(limit)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(StaffAction::from).collect())
    }
}
