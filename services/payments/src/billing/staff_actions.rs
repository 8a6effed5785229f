//! What staff did to folios, cash, documents and the extras catalogue, for the audit log.
use super::BillingService;
use kernel::audit_trail::{AuditQuery, StaffAction};

/// Amounts read as on the folio (`12.50 EUR`): numeric division, never a float.
const PAGE: &str = kernel::audit_page_sql!(r#"
    SELECT posted_at AS at, posted_by AS by, 'Folio' AS area,
           CASE WHEN reverses IS NOT NULL THEN 'reversed a posting' ELSE 'posted ' || replace(kind, '_', ' ') END AS action,
           description || ' ' || to_char(amount_minor / 100.0, 'FM999999999990.00') || ' ' || currency AS subject,
           booking_id AS booking, 'payments.posting:' || lpad(seq::text, 19, '0') AS key
      FROM payments.folio_charges WHERE posted_by IS NOT NULL
    UNION ALL
    SELECT created_at, taken_by, 'Cash', CASE kind WHEN 'receipt' THEN 'took cash' ELSE 'paid out cash' END,
           to_char(amount_minor / 100.0, 'FM999999999990.00') || ' ' || currency, booking_id, 'payments.cash:' || id::text
      FROM payments.cash_movements
    UNION ALL
    SELECT issued_at, issued_by, 'Invoices', 'issued an invoice', number, booking_id, 'payments.invoice:' || number
      FROM payments.invoices
    UNION ALL
    SELECT issued_at, issued_by, 'Invoices', 'issued a credit note', number || ': ' || reason, booking_id, 'payments.credit:' || number
      FROM payments.credit_notes WHERE issued_by IS NOT NULL
    UNION ALL
    SELECT at, changed_by, 'Extras', CASE WHEN before IS NULL THEN 'added an extra' ELSE 'changed an extra' END,
           coalesce(after->>'name', ''), NULL, 'payments.extra:' || lpad(id::text, 19, '0')
      FROM payments.extra_changes
    UNION ALL
    SELECT at, changed_by, 'Settings', 'changed when cards are charged', 'at ' || replace(after->>'capture_at', '_', '-'), NULL,
           'payments.settings:' || lpad(id::text, 19, '0')
      FROM payments.settings_changes"#);

impl BillingService {
    pub async fn staff_actions(&self, q: &AuditQuery) -> anyhow::Result<Vec<StaffAction>> {
        Ok(kernel::audit_page!(self.pool(), PAGE, q))
    }
}
