-- The audit log reads each source newest first (`ORDER BY at DESC` under a LIMIT): an index on
-- each source's time lets PostgreSQL merge the sources in order instead of sorting them all.
CREATE INDEX audit_log_at ON bookings.audit_log (at);
CREATE INDEX night_audits_finished_at ON bookings.night_audits (finished_at);
CREATE INDEX folio_charges_staff_posted_at ON payments.folio_charges (posted_at) WHERE posted_by IS NOT NULL;
CREATE INDEX cash_movements_created_at ON payments.cash_movements (created_at);
CREATE INDEX invoices_issued_at ON payments.invoices (issued_at);
CREATE INDEX credit_notes_staff_issued_at ON payments.credit_notes (issued_at) WHERE issued_by IS NOT NULL;
CREATE INDEX extra_changes_at ON payments.extra_changes (at);
CREATE INDEX template_changes_at ON notifications.template_changes (at);
CREATE INDEX users_desk_profiles_created_at ON users.users (created_at) WHERE created_by IS NOT NULL;
