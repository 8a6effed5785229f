//! What managers did to the email templates, for the audit log.
use crate::NotificationsService;
use kernel::audit_trail::{AuditQuery, StaffAction};

const PAGE: &str = kernel::audit_page_sql!(r#"
    SELECT at, changed_by AS by, 'Email templates' AS area, 'changed a template' AS action,
           event || ' (' || language || ')' AS subject, NULL::uuid AS booking,
           'notifications.template:' || lpad(id::text, 19, '0') AS key
      FROM notifications.template_changes"#);

impl NotificationsService {
    pub async fn staff_actions(&self, q: &AuditQuery) -> anyhow::Result<Vec<StaffAction>> {
        Ok(kernel::audit_page!(self.pool(), PAGE, q))
    }
}
