-- users service: guest profiles the front desk makes for walk-in and phone guests. Such a
-- profile has no identity-provider subject until its guest signs in with the same, verified,
-- email; who made it is kept. Emails of accounts are the provider's to keep unique (a stale
-- email of a renamed account may still be stored), so uniqueness here holds among the desk's
-- profiles; the users service also refuses a profile for an email an account already has.
ALTER TABLE users.users
    ALTER COLUMN subject DROP NOT NULL,
    ADD COLUMN created_by uuid REFERENCES users.users (id),
    ADD COLUMN phone text CONSTRAINT users_phone_length CHECK (char_length(phone) BETWEEN 5 AND 32),
    -- A user either signed in (the provider's subject) or was made by someone at the desk.
    ADD CONSTRAINT users_profile_origin CHECK (subject IS NOT NULL OR created_by IS NOT NULL);

CREATE UNIQUE INDEX users_desk_profile_email ON users.users (lower(email)) WHERE subject IS NULL;
