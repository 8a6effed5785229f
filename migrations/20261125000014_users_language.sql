-- users service: the language the hotel writes to each person in, from the identity provider's
-- `locale` claim when it sends one. The list grows with the message templates.
ALTER TABLE users.users
    ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de'));
