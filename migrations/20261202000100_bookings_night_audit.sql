-- bookings: the hotel's business date and its night audit. The business date is the day the
-- next night audit closes; NULL until the app first reads it, which sets the hotel's calendar date.
ALTER TABLE bookings.hotel
    ADD COLUMN business_date     date,
    ADD COLUMN night_audit_time  time NOT NULL DEFAULT '02:00';

-- One row per business date closed: the key is what refuses a second audit of one date.
CREATE TABLE bookings.night_audits (
    business_date  date PRIMARY KEY,
    run_by         uuid NOT NULL,
    trigger        text NOT NULL CONSTRAINT night_audits_trigger CHECK (trigger IN ('scheduled', 'manager')),
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    report         jsonb NOT NULL,
    CONSTRAINT night_audits_finished_after_start CHECK (finished_at >= started_at)
);

-- Rooms and room revenue on the books per stay date and room type, as the night audit of
-- `taken_on` found them: pickup compares two of these.
CREATE TABLE bookings.pickup_snapshots (
    -- Deferred: the audit writes its snapshot, then its report with the snapshot's totals.
    taken_on       date NOT NULL REFERENCES bookings.night_audits (business_date) DEFERRABLE INITIALLY DEFERRED,
    stay_date      date NOT NULL,
    room_type      text NOT NULL,
    rooms          integer NOT NULL CONSTRAINT pickup_rooms_counted CHECK (rooms > 0),
    revenue_minor  bigint NOT NULL CONSTRAINT pickup_revenue_not_negative CHECK (revenue_minor >= 0),
    currency       char(3) NOT NULL,
    PRIMARY KEY (taken_on, room_type, stay_date),
    CONSTRAINT pickup_future_dates CHECK (stay_date > taken_on)
);
