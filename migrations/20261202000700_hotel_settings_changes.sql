-- Hotel settings a manager changes, kept with who changed them. Rooms keep theirs in MongoDB.

-- Rooms are turned over between guests: the departing guest leaves before the next arrives.
ALTER TABLE bookings.hotel
    ADD CONSTRAINT hotel_turnover CHECK (check_out_time < check_in_time);

CREATE TABLE bookings.hotel_changes (
    id          bigserial PRIMARY KEY,
    changed_by  uuid NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    before      jsonb NOT NULL,
    after       jsonb NOT NULL
);
CREATE INDEX hotel_changes_at ON bookings.hotel_changes (at);

CREATE TABLE payments.settings_changes (
    id          bigserial PRIMARY KEY,
    changed_by  uuid NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    before      jsonb NOT NULL,
    after       jsonb NOT NULL
);
CREATE INDEX settings_changes_at ON payments.settings_changes (at);
