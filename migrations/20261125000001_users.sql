-- users service: people who sign in, their role, and the events about them.
CREATE SCHEMA IF NOT EXISTS users;

CREATE TABLE users.users (
    id          uuid PRIMARY KEY,
    -- The identity provider's stable subject; email can change, this cannot.
    subject     text NOT NULL UNIQUE,
    email       text NOT NULL CHECK (position('@' in email) > 1),
    name        text NOT NULL,
    role        text NOT NULL CHECK (role IN ('guest', 'housekeeping', 'front_desk', 'manager', 'admin')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_email_idx ON users.users (lower(email));

CREATE TABLE users.outbox (
    id            bigserial PRIMARY KEY,
    event_id      uuid NOT NULL UNIQUE,
    topic         text NOT NULL,
    key           text NOT NULL,
    payload       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX users_outbox_unpublished_idx ON users.outbox (id) WHERE published_at IS NULL;
