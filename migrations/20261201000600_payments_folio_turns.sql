-- payments: one desk at a time moves money on a folio. Taking or refunding is checked against
-- the open balance and then done; two desks doing both at once would each find the whole balance
-- open. A turn is a lease, so a desk that dies mid-payment holds the folio only until it ends.
CREATE TABLE payments.folio_turns (
    booking_id uuid PRIMARY KEY,
    key uuid NOT NULL,
    until timestamptz NOT NULL
);
