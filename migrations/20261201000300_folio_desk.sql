-- The folio at the desk: the hotel's extras, charges with their own VAT, allowances, and money
-- taken at the desk by card or in cash.

-- What staff post from a list. Prices are what the guest pays (VAT included), as on the menu;
-- a posting splits them into the net charge and its VAT line.
CREATE TABLE payments.extras (
    id           uuid PRIMARY KEY,
    code         text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9_]{2,40}$'),
    name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    price_minor  bigint NOT NULL CHECK (price_minor > 0),
    currency     char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    vat_bp       integer NOT NULL CHECK (vat_bp BETWEEN 0 AND 10000),
    active       boolean NOT NULL DEFAULT true,
    sort         integer NOT NULL DEFAULT 0,
    updated_by   uuid,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO payments.extras (id, code, name, price_minor, currency, vat_bp, sort) VALUES
    ('0e0f0000-0000-4000-8000-000000000001', 'breakfast', 'Breakfast', 1800, 'EUR', 1900, 1),
    ('0e0f0000-0000-4000-8000-000000000002', 'parking', 'Parking (per day)', 1500, 'EUR', 1900, 2),
    ('0e0f0000-0000-4000-8000-000000000003', 'minibar_water', 'Minibar: water', 350, 'EUR', 1900, 3),
    ('0e0f0000-0000-4000-8000-000000000004', 'minibar_snack', 'Minibar: snack', 450, 'EUR', 1900, 4),
    ('0e0f0000-0000-4000-8000-000000000005', 'late_checkout', 'Late check-out', 3000, 'EUR', 700, 5),
    ('0e0f0000-0000-4000-8000-000000000006', 'laundry', 'Laundry', 1200, 'EUR', 1900, 6);

-- Extras carry their own VAT line (the stay's VAT is replaced when the stay changes; theirs is
-- not); an allowance is a correction in the guest's favour, with its reason as description.
ALTER TABLE payments.folio_charges DROP CONSTRAINT folio_charges_kind_check;
ALTER TABLE payments.folio_charges
    ADD CONSTRAINT folio_charges_kind CHECK (kind IN ('room_night', 'length_of_stay', 'promo', 'vat', 'city_tax',
        'cancellation_fee', 'extra', 'extra_vat', 'allowance', 'credit')),
    ADD COLUMN extra_id uuid REFERENCES payments.extras (id),
    -- The posting a VAT line belongs to, so the two are always read (and invoiced) together.
    ADD COLUMN vat_of uuid REFERENCES payments.folio_charges (id),
    ADD CONSTRAINT folio_charges_allowance_by_staff CHECK (
        kind <> 'allowance' OR reverses IS NOT NULL
        OR (posted_by IS NOT NULL AND idempotency_key IS NOT NULL AND amount_minor < 0)),
    ADD CONSTRAINT folio_charges_extra_vat_belongs CHECK (kind <> 'extra_vat' OR reverses IS NOT NULL OR vat_of IS NOT NULL);
-- A VAT line has no key of its own: its charge's key answers for both.
ALTER TABLE payments.folio_charges DROP CONSTRAINT folio_charges_extra_by_staff;
ALTER TABLE payments.folio_charges ADD CONSTRAINT folio_charges_extra_by_staff CHECK (
    kind <> 'extra' OR reverses IS NOT NULL OR (posted_by IS NOT NULL AND idempotency_key IS NOT NULL AND amount_minor > 0));

-- Card money taken at the desk pays the folio (extras, the balance), not the stay: the stay's
-- money follows what the booking costs (booking_dues), and must never refund a desk payment as
-- a surplus. A capture, refund or void has its parent's purpose.
ALTER TABLE payments.payments
    ADD COLUMN purpose text NOT NULL DEFAULT 'stay' CONSTRAINT payments_purpose CHECK (purpose IN ('stay', 'folio'));
CREATE FUNCTION payments.check_purpose() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.parent_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM payments.payments WHERE id = NEW.parent_id AND purpose = NEW.purpose) THEN
        RAISE EXCEPTION 'a % has the purpose of the payment it acts on', NEW.kind
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_purpose_of_parent';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payments_purpose_of_parent BEFORE INSERT ON payments.payments
    FOR EACH ROW EXECUTE FUNCTION payments.check_purpose();

-- What the desk gave back from the stay's own card money (an allowance on a paid stay): the
-- stay is due that much less, so following its due never takes it again.
ALTER TABLE payments.booking_dues
    ADD COLUMN credited_minor bigint NOT NULL DEFAULT 0 CONSTRAINT booking_dues_credited CHECK (credited_minor >= 0);

-- Cash received or paid out at the desk: no gateway, the member of staff answers for it.
CREATE TABLE payments.cash_movements (
    id               uuid PRIMARY KEY,
    booking_id       uuid NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('receipt', 'refund')),
    amount_minor     bigint NOT NULL CHECK (amount_minor > 0),
    currency         char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    taken_by         uuid NOT NULL,
    idempotency_key  uuid NOT NULL UNIQUE,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cash_movements_booking_idx ON payments.cash_movements (booking_id, created_at);
CREATE TRIGGER cash_movements_append_only BEFORE UPDATE OR DELETE ON payments.cash_movements
    FOR EACH ROW EXECUTE FUNCTION payments.refuse_change();
