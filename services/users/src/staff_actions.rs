//! What managers did to staff accounts and what the desk did to guest profiles, for the audit log.
use crate::UsersService;
use kernel::audit_trail::{AuditQuery, StaffAction};

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
        Ok(kernel::audit_page!(&self.pool, PAGE, q))
    }
}
