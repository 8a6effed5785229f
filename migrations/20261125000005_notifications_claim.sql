-- A delivery is claimed ('sending') before the SMTP call, so two consumers of one event can
-- never both send it; a claim older than five minutes is taken to be from a crashed worker.
ALTER TABLE notifications.deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE notifications.deliveries
    ADD CONSTRAINT deliveries_status_check CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    ADD COLUMN claimed_at timestamptz;
