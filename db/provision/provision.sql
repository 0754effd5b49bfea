-- Provisions an iwddm mart database (the seed guide's "Provision IWD Data Mart" page):
--   iwddm_dm    the owner role: the job logs in with it and Flyway creates every object as it;
--   iwddm_gcxi  the read-only role for Genesys CX Insights: SELECT on every table and view of
--               schema iwddm, present and future, and nothing else.
-- Run it as a database administrator, connected to the (already created) mart database, with the
-- passwords as psql variables, never written in a file:
--   psql -v ON_ERROR_STOP=1 -d iwddm_0001 \
--        -v dm_password="$IWDDM_DM_PASSWORD" -v gcxi_password="$IWDDM_GCXI_PASSWORD" \
--        -f db/provision/provision.sql
-- Idempotent: running it again resets the two passwords and re-grants SELECT on what exists.
-- Roles are cluster-wide: a second mart database in the same cluster reuses them.
\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;

\if :{?dm_password}
\else
  \warn 'provision.sql: missing -v dm_password=... (the iwddm_dm password)'
  SELECT 1 / 0 AS "dm_password is required";
\endif
\if :{?gcxi_password}
\else
  \warn 'provision.sql: missing -v gcxi_password=... (the iwddm_gcxi password)'
  SELECT 1 / 0 AS "gcxi_password is required";
\endif

BEGIN;

-- The seed's roles, created only when missing (\gexec runs the generated statement; %L quotes
-- the password so that no value can break out of the literal).
SELECT format('CREATE USER iwddm_dm WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT'
              ' NOREPLICATION CONNECTION LIMIT -1 PASSWORD %L', :'dm_password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'iwddm_dm') \gexec
SELECT format('CREATE USER iwddm_gcxi WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT'
              ' NOREPLICATION CONNECTION LIMIT -1 PASSWORD %L', :'gcxi_password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'iwddm_gcxi') \gexec
SELECT format('ALTER USER iwddm_dm WITH PASSWORD %L', :'dm_password') \gexec
SELECT format('ALTER USER iwddm_gcxi WITH PASSWORD %L', :'gcxi_password') \gexec

-- Both may connect; nobody else gets to create things in public (PostgreSQL < 15 allowed it).
GRANT CONNECT ON DATABASE :"DBNAME" TO iwddm_dm, iwddm_gcxi;
-- The first migration says CREATE SCHEMA IF NOT EXISTS iwddm, which PostgreSQL checks against the
-- database's CREATE privilege even when the schema exists: the owner role needs it.
GRANT CREATE ON DATABASE :"DBNAME" TO iwddm_dm;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- The mart schema belongs to iwddm_dm, so Flyway (the job's initialize chain, logged in as
-- iwddm_dm) creates every table, view and routine as iwddm_dm.
CREATE SCHEMA IF NOT EXISTS iwddm AUTHORIZATION iwddm_dm;
ALTER SCHEMA iwddm OWNER TO iwddm_dm;

-- GCXI reads the schema...
GRANT USAGE ON SCHEMA iwddm TO iwddm_gcxi;
-- ...every table and view that exists now (a re-run after migrations covers them too)...
GRANT SELECT ON ALL TABLES IN SCHEMA iwddm TO iwddm_gcxi;
-- ...and every one iwddm_dm creates later (future migrations, aggregate tables and views).
ALTER DEFAULT PRIVILEGES FOR ROLE iwddm_dm IN SCHEMA iwddm GRANT SELECT ON TABLES TO iwddm_gcxi;
-- The seed's own statement (not limited to one schema), kept for fidelity.
ALTER DEFAULT PRIVILEGES FOR USER iwddm_dm GRANT SELECT ON TABLES TO iwddm_gcxi;

COMMIT;
\echo 'provisioned: iwddm_dm (owner of schema iwddm) and iwddm_gcxi (read-only) in database' :"DBNAME"
