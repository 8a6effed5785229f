-- The role and databases of the project; idempotent. Run as a superuser by scripts/stack (after
-- every start) and by the postgres image of deploy/compose.yaml (first start, /docker-entrypoint-initdb.d).
-- The app's migrations create the schemas (users, bookings, payments, notifications) and btree_gist
-- (a trusted extension: the database owner may create it).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotel') THEN
    CREATE ROLE hotel LOGIN CREATEDB PASSWORD 'hotel';
  ELSE
    ALTER ROLE hotel LOGIN CREATEDB PASSWORD 'hotel';
  END IF;
END $$;

-- hotel: the app; hotel_test: the tests; ferretdb: FerretDB's backend (the app's MongoDB data).
SELECT format('CREATE DATABASE %I OWNER hotel', d)
  FROM unnest(ARRAY['hotel', 'hotel_test', 'ferretdb']) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \gexec
