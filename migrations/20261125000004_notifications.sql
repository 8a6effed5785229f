-- notifications service: the delivery log. A consumed event only queues a delivery (one per
-- cause event and template: consuming is idempotent); a worker sends queued deliveries, holding
-- each row's lock during the SMTP call so two workers never send the same one.
CREATE SCHEMA IF NOT EXISTS notifications;

CREATE TABLE notifications.deliveries (
    id               uuid PRIMARY KEY,
    cause_event_id   uuid NOT NULL,
    template         text NOT NULL,
    user_id          uuid NOT NULL,
    channel          text NOT NULL DEFAULT 'email' CHECK (channel IN ('email')),
    recipient        text NOT NULL,
    subject          text NOT NULL,
    body_text        text NOT NULL,
    body_html        text NOT NULL,
    -- queued: waiting for its first or next attempt; failed: gave up after the last attempt.
    status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error       text,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    CONSTRAINT deliveries_once_per_event UNIQUE (cause_event_id, template)
);
CREATE INDEX deliveries_due_idx ON notifications.deliveries (next_attempt_at) WHERE status = 'queued';
CREATE INDEX deliveries_user_idx ON notifications.deliveries (user_id, created_at DESC);

CREATE TABLE notifications.outbox (
    id            bigserial PRIMARY KEY,
    event_id      uuid NOT NULL UNIQUE,
    topic         text NOT NULL,
    key           text NOT NULL,
    payload       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX notifications_outbox_unpublished_idx ON notifications.outbox (id) WHERE published_at IS NULL;
