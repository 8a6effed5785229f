-- payments: no gateway call inside a database transaction. An idempotency key's claim is the
-- durable record of a gateway request in flight: the reference the gateway gets (one per key
-- for as long as the outcome is open), the card token used, and a lease after which another
-- process may take over a claim whose owner died.
ALTER TABLE payments.idempotency
    ADD COLUMN booking_id  uuid,
    ADD COLUMN payment_id  uuid,
    ADD COLUMN card_token  text,
    ADD COLUMN lease_until timestamptz;

ALTER TABLE payments.idempotency DROP CONSTRAINT idempotency_state_check;
ALTER TABLE payments.idempotency DROP CONSTRAINT idempotency_answered;
-- 'unknown': the gateway was asked and did not say what it did (a timeout). A retry with the
-- same key asks the gateway about the same reference before sending anything again.
ALTER TABLE payments.idempotency
    ADD CONSTRAINT idempotency_state CHECK (state IN ('pending', 'unknown', 'succeeded', 'failed')),
    ADD CONSTRAINT idempotency_answered CHECK ((state IN ('pending', 'unknown')) = (response IS NULL)),
    ADD CONSTRAINT idempotency_pending_leased CHECK (state <> 'pending' OR lease_until IS NOT NULL),
    ADD CONSTRAINT idempotency_open_has_reference CHECK (state NOT IN ('pending', 'unknown') OR payment_id IS NOT NULL);

-- One movement of a booking's money in flight at a time: what the ledger allows is decided
-- before the gateway call and recorded after it, so two must never overlap.
CREATE UNIQUE INDEX idempotency_one_in_flight_per_booking ON payments.idempotency (booking_id)
    WHERE state = 'pending';

-- What a booking should cost now, as the bookings service last said (its event version), so
-- money follows a change of the stay: captures stop at it, a surplus is refunded.
CREATE TABLE payments.booking_dues (
    booking_id  uuid PRIMARY KEY,
    due_minor   bigint NOT NULL CHECK (due_minor >= 0),
    currency    char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- 0 when set by the checkout's authorisation, then the booking event's version.
    version     bigint NOT NULL CHECK (version >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Holds a checkout must give back because it could not book the room, until they are given
-- back: the record that no guest is charged without a room, retried until it is done.
CREATE TABLE payments.releases (
    booking_id  uuid PRIMARY KEY,
    reason      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    released_at timestamptz
);
CREATE INDEX releases_open_idx ON payments.releases (created_at) WHERE released_at IS NULL;
