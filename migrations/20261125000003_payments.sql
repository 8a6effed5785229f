-- payments service: its schema exists from the start so the service owns its data from day one;
-- transactions, folios and invoices arrive with the payments work.
CREATE SCHEMA IF NOT EXISTS payments;

CREATE TABLE payments.outbox (
    id            bigserial PRIMARY KEY,
    event_id      uuid NOT NULL UNIQUE,
    topic         text NOT NULL,
    key           text NOT NULL,
    payload       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX payments_outbox_unpublished_idx ON payments.outbox (id) WHERE published_at IS NULL;
