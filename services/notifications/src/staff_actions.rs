//! What managers did to the email templates, for the audit log.
use crate::NotificationsService;
use kernel::audit_trail::{AuditQuery, AuditRow, StaffAction};

const PAGE: &str = kernel::audit_page_sql!(r#"
    SELECT at, changed_by AS by, 'Email templates' AS area, 'changed a template' AS action,
           event || ' (' || language || ')' AS subject, NULL::uuid AS booking,
           'notifications.template:' || lpad(id::text, 19, '0') AS key
      FROM notifications.template_changes"#);

impl NotificationsService {
    pub async fn staff_actions(&self, q: &AuditQuery) -> anyhow::Result<Vec<StaffAction>> {
        let (by, from, until, booking, at, key, limit) = q.binds();
        let rows: Vec<AuditRow> = sqlx::query_as(PAGE)
            .bind(by).bind(from).bind(until).bind(booking).bind(at).bind(key).bind(limit)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(StaffAction::from).collect())
    }
}
