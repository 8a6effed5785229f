-- Availability searches ask "which rooms are held on any of these nights?" across all room types.
CREATE INDEX bookings_live_stay_idx ON bookings.bookings
    USING gist (daterange(check_in, check_out, '[)'))
    WHERE status NOT IN ('cancelled', 'no_show');
