-- notifications service: one delivery per (cause event, template); the unique key makes
-- consuming an event idempotent.
CREATE SCHEMA IF NOT EXISTS notifications;

CREATE TABLE notifications.deliveries (
    id              uuid PRIMARY KEY,
    cause_event_id  uuid NOT NULL,
    template        text NOT NULL,
    user_id         uuid NOT NULL,
    channel         text NOT NULL DEFAULT 'email' CHECK (channel IN ('email')),
    recipient       text NOT NULL,
    status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT deliveries_once_per_event UNIQUE (cause_event_id, template)
);

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
