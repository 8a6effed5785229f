-- bookings: the rooms each night audit counted per room type, physical and out of order, for the
-- reports' rooms available (physical minus out of order) on nights already closed.
CREATE TABLE bookings.audited_rooms (
    business_date  date NOT NULL REFERENCES bookings.night_audits (business_date) DEFERRABLE INITIALLY DEFERRED,
    room_type      text NOT NULL,
    physical       integer NOT NULL CONSTRAINT audited_rooms_physical CHECK (physical >= 0),
    out_of_order   integer NOT NULL CONSTRAINT audited_rooms_out_of_order CHECK (out_of_order BETWEEN 0 AND physical),
    PRIMARY KEY (business_date, room_type)
);
