-- The capture policy in force when the guest's card was first held: the terms the guest
-- booked under, kept when the hotel later changes its policy.
ALTER TABLE payments.booking_dues
    ADD COLUMN capture_at text CHECK (capture_at IN ('booking', 'check_in', 'check_out'));
