-- notifications: every change a manager makes to a template, written with the change.
CREATE TABLE notifications.template_changes (
    id          bigserial PRIMARY KEY,
    event       text NOT NULL,
    language    text NOT NULL,
    changed_by  uuid NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    before      jsonb,
    after       jsonb NOT NULL,
    FOREIGN KEY (event, language) REFERENCES notifications.templates (event, language)
);
CREATE INDEX template_changes_template_at ON notifications.template_changes (event, language, at);
