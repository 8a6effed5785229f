-- billing: the highest booking version a folio has applied. Booking events arrive in any order;
-- one no newer than this is already superseded (created and modified carry the whole priced
-- stay, cancelled is final) and is skipped. 0: nothing versioned applied yet.
ALTER TABLE payments.folios
    ADD COLUMN booking_version bigint NOT NULL DEFAULT 0 CONSTRAINT folios_booking_version CHECK (booking_version >= 0);
