-- users: every change a manager makes to the staff in Keycloak, and when a person's access was
-- last changed here, so their sessions take the new role at once instead of at the re-check.
ALTER TABLE users.users ADD COLUMN access_changed_at timestamptz;

CREATE TABLE users.staff_changes (
    id          bigserial PRIMARY KEY,
    -- Keycloak's id of the person changed: the subject of their sign-ins.
    subject     text NOT NULL,
    email       text NOT NULL,
    changed_by  uuid NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    action      text NOT NULL CONSTRAINT staff_changes_action CHECK (action IN ('invited', 'role_changed', 'disabled', 'enabled')),
    before      jsonb,
    after       jsonb
);
CREATE INDEX staff_changes_at ON users.staff_changes (at);
CREATE INDEX staff_changes_subject_at ON users.staff_changes (subject, at);
