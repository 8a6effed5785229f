-- Who changed which pricing rule or promo code, when, and the rows before and after.
CREATE TABLE bookings.rate_changes (
    id          bigserial PRIMARY KEY,
    -- The room type whose rules changed, or the promo code.
    subject     text NOT NULL,
    action      text NOT NULL CONSTRAINT rate_changes_action CHECK (action IN (
                    'plan_set', 'season_added', 'season_changed', 'season_removed', 'weekday_set',
                    'weekday_removed', 'stay_discount_set', 'stay_discount_removed', 'restriction_added',
                    'restriction_removed', 'promo_added', 'promo_removed')),
    changed_by  uuid NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    before      jsonb NOT NULL DEFAULT 'null',
    after       jsonb NOT NULL DEFAULT 'null'
);
CREATE INDEX rate_changes_at ON bookings.rate_changes (at);
