//! What staff did to stays, rates and the business date, for the manager's audit log.
use crate::BookingsService;
use kernel::audit_trail::{AuditQuery, StaffAction};

/// Keys are the source and the row's id, zero-padded so they order as numbers.
const PAGE: &str = kernel::audit_page_sql!(r#"
    SELECT at, actor AS by, 'Stay' AS area, replace(action, '_', ' ') AS action,
           concat_ws(' · ', 'room ' || coalesce(after->>'room_number', before->>'room_number'), reason) AS subject, booking_id AS booking, 'bookings.audit:' || lpad(id::text, 19, '0') AS key
      FROM bookings.audit_log
    UNION ALL
    SELECT finished_at, CASE trigger WHEN 'scheduled' THEN NULL ELSE run_by END, 'Night audit',
           CASE trigger WHEN 'scheduled' THEN 'closed the business date on schedule' ELSE 'closed the business date' END,
           business_date::text, NULL, 'bookings.night:' || business_date::text
      FROM bookings.night_audits
    UNION ALL
    SELECT at, changed_by, 'Rates', replace(action, '_', ' '), subject, NULL, 'bookings.rates:' || lpad(id::text, 19, '0')
      FROM bookings.rate_changes
    UNION ALL
    SELECT at, changed_by, 'Settings', 'changed the hotel''s times',
           'check-in ' || (after->>'check_in') || ', check-out ' || (after->>'check_out') || ', night audit ' || (after->>'night_audit'),
           NULL, 'bookings.hotel:' || lpad(id::text, 19, '0')
      FROM bookings.hotel_changes"#);

impl BookingsService {
    pub async fn staff_actions(&self, q: &AuditQuery) -> anyhow::Result<Vec<StaffAction>> {
        Ok(kernel::audit_page!(self.pool(), PAGE, q))
    }
}

impl BookingsService {
    /// The booking whose id begins with `reference`, the 8 hex digits its documents print.
    pub async fn by_reference(&self, reference: &str) -> anyhow::Result<Option<kernel::BookingId>> {
        let r = reference.to_ascii_lowercase();
        anyhow::ensure!(r.len() == 8 && r.chars().all(|c| c.is_ascii_hexdigit()), "a reference is 8 hex digits");
        // A range of ids, so the primary key's index finds it.
        let ids: Vec<uuid::Uuid> = sqlx::query_scalar("SELECT id FROM bookings.bookings WHERE id BETWEEN $1::uuid AND $2::uuid LIMIT 2")
            .bind(format!("{r}-0000-0000-0000-000000000000"))
            .bind(format!("{r}-ffff-ffff-ffff-ffffffffffff"))
            .fetch_all(self.pool())
            .await?;
        Ok(match ids.as_slice() {
            [id] => Some(kernel::BookingId::from_uuid(*id)),
            _ => None,
        })
    }
}
