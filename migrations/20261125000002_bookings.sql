-- bookings service: reservations. A held room can never be sold twice for one night.
CREATE SCHEMA IF NOT EXISTS bookings;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE bookings.bookings (
    id               uuid PRIMARY KEY,
    user_id          uuid NOT NULL,
    room_id          uuid NOT NULL,
    room_number      text NOT NULL,
    room_type        text NOT NULL,
    check_in         date NOT NULL,
    check_out        date NOT NULL,
    adults           smallint NOT NULL CHECK (adults >= 1),
    children         smallint NOT NULL CHECK (children >= 0),
    total_minor      bigint NOT NULL CHECK (total_minor >= 0),
    currency         char(3) NOT NULL,
    status           text NOT NULL DEFAULT 'confirmed'
                     CHECK (status IN ('pending', 'confirmed', 'checked_in', 'checked_out', 'cancelled', 'no_show')),
    -- A retried "book" with the same key returns the first booking instead of a second one.
    idempotency_key  uuid NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bookings_stay_positive CHECK (check_out > check_in),
    CONSTRAINT bookings_idempotency_key UNIQUE (user_id, idempotency_key),
    CONSTRAINT bookings_no_double_booking EXCLUDE USING gist (
        room_id WITH =,
        daterange(check_in, check_out, '[)') WITH &&
    ) WHERE (status NOT IN ('cancelled', 'no_show'))
);
CREATE INDEX bookings_user_idx ON bookings.bookings (user_id, check_in DESC);

CREATE TABLE bookings.outbox (
    id            bigserial PRIMARY KEY,
    event_id      uuid NOT NULL UNIQUE,
    topic         text NOT NULL,
    key           text NOT NULL,
    payload       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX bookings_outbox_unpublished_idx ON bookings.outbox (id) WHERE published_at IS NULL;
