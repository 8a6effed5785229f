-- billing: a credit note can document postings made after the invoice it credits (the
-- reversals of a modified or cancelled stay), so they never reach a later invoice as well.
CREATE TABLE payments.credit_note_charges (
    charge_id       uuid PRIMARY KEY REFERENCES payments.folio_charges (id),
    credit_note_id  uuid NOT NULL REFERENCES payments.credit_notes (id)
);
CREATE INDEX credit_note_charges_note_idx ON payments.credit_note_charges (credit_note_id);

-- A posting is covered by one document at most: an invoice or a credit note, never both.
CREATE FUNCTION payments.refuse_double_cover() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM payments.invoice_charges WHERE charge_id = NEW.charge_id)
       OR EXISTS (SELECT 1 FROM payments.credit_note_charges WHERE charge_id = NEW.charge_id) THEN
        RAISE EXCEPTION 'posting % is already on an invoice or a credit note', NEW.charge_id
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'billing_charge_covered_once';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoice_charges_covered_once BEFORE INSERT ON payments.invoice_charges
    FOR EACH ROW EXECUTE FUNCTION payments.refuse_double_cover();
CREATE TRIGGER credit_note_charges_covered_once BEFORE INSERT ON payments.credit_note_charges
    FOR EACH ROW EXECUTE FUNCTION payments.refuse_double_cover();

CREATE TRIGGER credit_note_charges_immutable BEFORE UPDATE OR DELETE ON payments.credit_note_charges
    FOR EACH ROW EXECUTE FUNCTION payments.refuse_billing_change();
