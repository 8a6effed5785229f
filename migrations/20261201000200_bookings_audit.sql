-- bookings: who changed a booking, when and from what to what, written in the transaction of
-- the change; and the staff's notes on a stay. Actors and authors are users' ids: the users
-- service owns them, so there is no foreign key across schemas.
CREATE TABLE bookings.audit_log (
    id         bigserial PRIMARY KEY,
    booking_id uuid NOT NULL REFERENCES bookings.bookings (id),
    actor      uuid NOT NULL,
    action     text NOT NULL CONSTRAINT audit_log_action CHECK (
        action IN ('check_in', 'check_out', 'move_room', 'modify', 'cancel', 'add_note')
    ),
    at         timestamptz NOT NULL DEFAULT now(),
    -- Small snapshots of the booking (status, room, dates, party, total); NULL when the action
    -- does not change the booking itself (a note).
    before     jsonb,
    after      jsonb,
    reason     text
);
CREATE INDEX audit_log_booking_at ON bookings.audit_log (booking_id, at);

CREATE TABLE bookings.stay_notes (
    id         bigserial PRIMARY KEY,
    booking_id uuid NOT NULL REFERENCES bookings.bookings (id),
    author     uuid NOT NULL,
    text       text NOT NULL CONSTRAINT stay_notes_text_length CHECK (char_length(text) BETWEEN 1 AND 2000),
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stay_notes_booking_at ON bookings.stay_notes (booking_id, at);
