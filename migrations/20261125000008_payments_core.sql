-- payments service: the ledger of money moved through the card gateway. Rows are only ever
-- added: an authorisation holds money, captures take some of it, refunds give some of a capture
-- back, a void releases what an authorisation still holds. Card numbers never reach the
-- database: only the gateway's token, the last four digits and the brand.
CREATE TABLE payments.payments (
    id                uuid PRIMARY KEY,
    booking_id        uuid NOT NULL,
    user_id           uuid NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('authorisation', 'capture', 'refund', 'void')),
    -- The authorisation (or capture, for a refund) this acts on.
    parent_id         uuid REFERENCES payments.payments(id),
    status            text NOT NULL CHECK (status IN ('succeeded', 'failed')),
    amount_minor      bigint NOT NULL CHECK (amount_minor >= 0),
    currency          char(3) NOT NULL,
    card_token        text,
    card_last4        char(4),
    card_brand        text,
    gateway_reference text,
    failure_code      text,
    failure_message   text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payments_amount_positive CHECK (amount_minor > 0),
    CONSTRAINT payments_currency_code CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT payments_last4_digits CHECK (card_last4 ~ '^[0-9]{4}$'),
    CONSTRAINT payments_parent_by_kind CHECK ((kind = 'authorisation') = (parent_id IS NULL)),
    CONSTRAINT payments_succeeded_has_reference CHECK (status = 'failed' OR gateway_reference IS NOT NULL),
    CONSTRAINT payments_failure_explained CHECK (
        (status = 'failed') = (failure_code IS NOT NULL AND failure_message IS NOT NULL)),
    CONSTRAINT payments_failure_code CHECK (
        failure_code IN ('declined', 'insufficient_funds', 'gateway_error', 'timeout', 'unavailable'))
);
CREATE INDEX payments_booking_idx ON payments.payments (booking_id, created_at);
CREATE INDEX payments_parent_idx ON payments.payments (parent_id) WHERE parent_id IS NOT NULL;

-- What CHECKs cannot see across rows: captures never exceed their authorisation, refunds never
-- exceed their capture, nothing is captured after a void, and a void releases exactly what is
-- left. Locking the parent row serialises every movement against it, so two concurrent
-- captures can never both fit into what remains.
CREATE FUNCTION payments.check_movement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent payments.payments%ROWTYPE;
    used   bigint;
BEGIN
    IF NEW.status <> 'succeeded' OR NEW.kind = 'authorisation' THEN
        RETURN NEW;
    END IF;
    SELECT * INTO parent FROM payments.payments WHERE id = NEW.parent_id FOR UPDATE;
    IF parent.status <> 'succeeded' OR parent.booking_id <> NEW.booking_id OR parent.currency <> NEW.currency
       OR parent.kind <> (CASE NEW.kind WHEN 'refund' THEN 'capture' ELSE 'authorisation' END) THEN
        RAISE EXCEPTION 'a % must act on a succeeded payment of the same booking and currency', NEW.kind
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_parent_fits';
    END IF;
    IF NEW.kind IN ('capture', 'void') AND EXISTS (
        SELECT 1 FROM payments.payments
        WHERE parent_id = parent.id AND kind = 'void' AND status = 'succeeded') THEN
        RAISE EXCEPTION 'authorisation % was voided', parent.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_authorisation_voided';
    END IF;
    SELECT coalesce(sum(amount_minor), 0) INTO used FROM payments.payments
    WHERE parent_id = parent.id AND status = 'succeeded'
      AND kind = (CASE NEW.kind WHEN 'refund' THEN 'refund' ELSE 'capture' END);
    IF NEW.kind = 'void' AND NEW.amount_minor <> parent.amount_minor - used THEN
        RAISE EXCEPTION 'a void releases exactly the % still held', parent.amount_minor - used
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_void_releases_the_rest';
    END IF;
    IF NEW.kind = 'capture' AND used + NEW.amount_minor > parent.amount_minor THEN
        RAISE EXCEPTION 'captures would exceed the authorised %', parent.amount_minor
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_capture_within_authorisation';
    END IF;
    IF NEW.kind = 'refund' AND used + NEW.amount_minor > parent.amount_minor THEN
        RAISE EXCEPTION 'refunds would exceed the captured %', parent.amount_minor
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_refund_within_capture';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payments_check_movement BEFORE INSERT ON payments.payments
    FOR EACH ROW EXECUTE FUNCTION payments.check_movement();

CREATE FUNCTION payments.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payments are a ledger: rows are added, never changed or deleted'
        USING ERRCODE = 'restrict_violation', CONSTRAINT = 'payments_append_only';
END $$;
CREATE TRIGGER payments_append_only BEFORE UPDATE OR DELETE ON payments.payments
    FOR EACH ROW EXECUTE FUNCTION payments.refuse_change();

-- Every money-moving request carries a key. The first request claims it (state 'pending');
-- retries with the same request get the stored answer, a different request under the same key
-- is refused. A failed attempt moved no money, so a later retry may claim its key again.
CREATE TABLE payments.idempotency (
    key         uuid PRIMARY KEY,
    operation   text NOT NULL CHECK (operation IN ('authorise', 'capture', 'refund', 'void')),
    -- What was asked, in words (never card data), to tell a retry from a different request.
    request     text NOT NULL,
    state       text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'succeeded', 'failed')),
    response    jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_answered CHECK ((state = 'pending') = (response IS NULL))
);

-- The hotel's settings for payments: one row.
CREATE TABLE payments.settings (
    id          boolean PRIMARY KEY DEFAULT true CHECK (id),
    -- When an authorisation is captured: at booking, at check-in or at check-out.
    capture_at  text NOT NULL DEFAULT 'booking' CHECK (capture_at IN ('booking', 'check_in', 'check_out')),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO payments.settings DEFAULT VALUES;

-- Events the payments consumer has handled; a redelivery is skipped.
CREATE TABLE payments.processed_events (
    event_id      uuid PRIMARY KEY,
    topic         text NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now()
);
