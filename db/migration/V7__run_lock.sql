-- iwddm schema, version 7: run and load locks that only the job's role can take (issue 12).
--
-- A run holds EXCLUSIVE on iwddm.run_lock for its whole duration (a transaction kept open on
-- a connection of its own); load_staged, run_historical, set_timezone and rebuild_aggregates
-- hold EXCLUSIVE on iwddm.load_lock for their transaction. LOCK TABLE in any mode above ACCESS
-- SHARE needs UPDATE, DELETE or TRUNCATE on the table, which the read-only reporting role
-- (SELECT only) does not have, and the ACCESS SHARE of its SELECTs does not conflict with
-- EXCLUSIVE. Advisory locks, which any role may take, let a reader make runs skip or wait.
-- The tables hold no rows: they exist to be locked.
CREATE TABLE iwddm.run_lock ();
COMMENT ON TABLE iwddm.run_lock IS
    'Locked IN EXCLUSIVE MODE by the running job for its whole run; a second run finds it taken and skips.';
CREATE TABLE iwddm.load_lock ();
COMMENT ON TABLE iwddm.load_lock IS
    'Locked IN EXCLUSIVE MODE by load_staged, run_historical, set_timezone and rebuild_aggregates for their transaction.';
