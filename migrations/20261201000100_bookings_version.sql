-- bookings: a per-booking version that orders its events. Events about one booking travel on
-- different topics with no order between them; consumers apply the highest version they saw.
ALTER TABLE bookings.bookings
    ADD COLUMN version bigint NOT NULL DEFAULT 1 CONSTRAINT bookings_version_positive CHECK (version >= 1);

-- Events written before: numbered in the order they were written (one event per change of the
-- booking row, each written in the transaction of its change), and each booking's version set to
-- its last, so the next change continues the count.
WITH numbered AS (
    SELECT id, key, row_number() OVER (PARTITION BY key ORDER BY id) AS version
    FROM bookings.outbox
    WHERE NOT (payload -> 'payload' ? 'version')
)
UPDATE bookings.outbox o SET payload = jsonb_set(o.payload, '{payload,version}', to_jsonb(n.version))
FROM numbered n WHERE o.id = n.id;

UPDATE bookings.bookings b SET version = e.version
FROM (SELECT key, max((payload -> 'payload' ->> 'version')::bigint) AS version FROM bookings.outbox GROUP BY key) e
WHERE e.key = b.id::text AND e.version > 1;

-- The database keeps the count, whoever writes the row: 1 on insert, one more on every update.
CREATE FUNCTION bookings.count_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.version := 1;
    ELSE
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER bookings_version BEFORE INSERT OR UPDATE ON bookings.bookings
    FOR EACH ROW EXECUTE FUNCTION bookings.count_version();
