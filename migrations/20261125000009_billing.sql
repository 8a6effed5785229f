-- billing (inside the payments service): folios, invoices and credit notes. Everything here is
-- written once and never changed: a wrong charge is reversed by another posting, an invoice is
-- corrected by a credit note.

-- One folio per booking; its row is locked by every posting and by invoicing, so the charges
-- an invoice covers cannot change under it.
CREATE TABLE payments.folios (
    booking_id  uuid PRIMARY KEY,
    user_id     uuid NOT NULL,
    currency    char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    opened_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payments.invoices (
    id              uuid PRIMARY KEY,
    hotel           text NOT NULL,
    year            integer NOT NULL,
    sequence        integer NOT NULL CHECK (sequence > 0),
    number          text NOT NULL UNIQUE,
    booking_id      uuid NOT NULL REFERENCES payments.folios (booking_id),
    user_id         uuid NOT NULL,
    currency        char(3) NOT NULL,
    -- The charges as they were when invoiced: a snapshot, so later postings never change it.
    lines           jsonb NOT NULL,
    vat_minor       bigint NOT NULL,
    city_tax_minor  bigint NOT NULL,
    total_minor     bigint NOT NULL,
    issued_by       uuid NOT NULL,
    issued_at       timestamptz NOT NULL,
    CONSTRAINT invoices_gapless UNIQUE (hotel, year, sequence)
);
CREATE INDEX invoices_booking_idx ON payments.invoices (booking_id, issued_at);

CREATE TABLE payments.credit_notes (
    id            uuid PRIMARY KEY,
    hotel         text NOT NULL,
    year          integer NOT NULL,
    sequence      integer NOT NULL CHECK (sequence > 0),
    number        text NOT NULL UNIQUE,
    invoice_id    uuid NOT NULL REFERENCES payments.invoices (id),
    booking_id    uuid NOT NULL REFERENCES payments.folios (booking_id),
    user_id       uuid NOT NULL,
    currency      char(3) NOT NULL,
    amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
    reason        text NOT NULL,
    -- The refund that caused it, when it was issued automatically: one credit note per refund.
    payment_id    uuid UNIQUE,
    issued_by     uuid,
    issued_at     timestamptz NOT NULL,
    CONSTRAINT credit_notes_gapless UNIQUE (hotel, year, sequence)
);
CREATE INDEX credit_notes_booking_idx ON payments.credit_notes (booking_id, issued_at);

-- Charges are posted, never edited. A reversal is a posting of the opposite amount that names
-- the charge it reverses; a charge is reversed at most once.
CREATE TABLE payments.folio_charges (
    id               uuid PRIMARY KEY,
    seq              bigserial NOT NULL UNIQUE,
    booking_id       uuid NOT NULL REFERENCES payments.folios (booking_id),
    kind             text NOT NULL CHECK (kind IN ('room_night', 'length_of_stay', 'promo', 'vat', 'city_tax',
                                                   'cancellation_fee', 'extra', 'credit')),
    night            date,
    description      text NOT NULL,
    amount_minor     bigint NOT NULL,
    currency         char(3) NOT NULL,
    reverses         uuid UNIQUE REFERENCES payments.folio_charges (id),
    -- What posted it: a booking event, a member of staff (with their retry key), a credit note.
    source_event_id  uuid,
    posted_by        uuid,
    idempotency_key  uuid,
    credit_note_id   uuid REFERENCES payments.credit_notes (id),
    posted_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT folio_charges_night_dated CHECK (kind <> 'room_night' OR night IS NOT NULL),
    CONSTRAINT folio_charges_extra_by_staff CHECK (
        kind <> 'extra' OR reverses IS NOT NULL OR (posted_by IS NOT NULL AND idempotency_key IS NOT NULL)),
    CONSTRAINT folio_charges_idempotency UNIQUE (booking_id, idempotency_key)
);
CREATE INDEX folio_charges_booking_idx ON payments.folio_charges (booking_id, seq);

-- Which postings each invoice covers: a posting is invoiced at most once.
CREATE TABLE payments.invoice_charges (
    charge_id   uuid PRIMARY KEY REFERENCES payments.folio_charges (id),
    invoice_id  uuid NOT NULL REFERENCES payments.invoices (id)
);
CREATE INDEX invoice_charges_invoice_idx ON payments.invoice_charges (invoice_id);

-- The last number given per series (invoice, credit note), hotel and year. Numbers are taken
-- with the row locked inside the issuing transaction: a rollback gives the number back.
CREATE TABLE payments.document_counters (
    series  text NOT NULL CHECK (series IN ('invoice', 'credit_note')),
    hotel   text NOT NULL,
    year    integer NOT NULL,
    last    integer NOT NULL DEFAULT 0 CHECK (last >= 0),
    PRIMARY KEY (series, hotel, year)
);

CREATE FUNCTION payments.refuse_billing_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are issued once and never changed or deleted', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation', CONSTRAINT = TG_TABLE_NAME || '_immutable';
END $$;
CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON payments.invoices
    FOR EACH ROW EXECUTE FUNCTION payments.refuse_billing_change();
CREATE TRIGGER credit_notes_immutable BEFORE UPDATE OR DELETE ON payments.credit_notes
    FOR EACH ROW EXECUTE FUNCTION payments.refuse_billing_change();
CREATE TRIGGER folio_charges_immutable BEFORE UPDATE OR DELETE ON payments.folio_charges
    FOR EACH ROW EXECUTE FUNCTION payments.refuse_billing_change();
CREATE TRIGGER invoice_charges_immutable BEFORE UPDATE OR DELETE ON payments.invoice_charges
    FOR EACH ROW EXECUTE FUNCTION payments.refuse_billing_change();
-- TRUNCATE skips row triggers.
CREATE TRIGGER invoices_no_truncate BEFORE TRUNCATE ON payments.invoices
    FOR EACH STATEMENT EXECUTE FUNCTION payments.refuse_billing_change();
CREATE TRIGGER credit_notes_no_truncate BEFORE TRUNCATE ON payments.credit_notes
    FOR EACH STATEMENT EXECUTE FUNCTION payments.refuse_billing_change();

-- Booking and payment events billing has handled; a redelivery is skipped.
CREATE TABLE payments.billing_processed_events (
    event_id      uuid PRIMARY KEY,
    topic         text NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now()
);
