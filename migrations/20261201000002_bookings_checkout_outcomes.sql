-- bookings: a checkout either books its room or is abandoned (the room was lost and the
-- guest's money goes back), never both. Both outcomes claim the same key, so whichever commits
-- first wins and the other sees it: a retried submit can never book after its hold was released.
CREATE TABLE bookings.checkout_outcomes (
    user_id          uuid NOT NULL,
    idempotency_key  uuid NOT NULL,
    outcome          text NOT NULL CHECK (outcome IN ('booked', 'abandoned')),
    decided_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);
