-- payments: every change a manager makes to the extras catalogue, written with the change.
CREATE TABLE payments.extra_changes (
    id          bigserial PRIMARY KEY,
    extra_id    uuid NOT NULL REFERENCES payments.extras (id),
    changed_by  uuid NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    -- The extra before (NULL when it was added) and after the change.
    before      jsonb,
    after       jsonb NOT NULL
);
CREATE INDEX extra_changes_extra_at ON payments.extra_changes (extra_id, at);
