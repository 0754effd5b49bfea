-- iwddm schema, version 15: the job's two staging slots (issue 14).
-- While the database loads one page, the job stages the next one on a second connection: it
-- COPYs the page's typed rows (iwddm.stage_typed_event's shape) into one of these two tables and
-- commits, so the COPY no longer waits for the load before it. The page's load then reads the
-- slot in its own transaction (load_staged, when the setting iwddm.staged_ahead names it), and
-- the cursor still commits with the page's data. The slots alternate: one is being loaded while
-- the other is being filled. The job empties a slot before it stages into it and both when its
-- run ends, and names only the slot it has just staged, so rows left in a slot (a failed load, a
-- killed run) are never loaded; were they, every event would be found loaded already.
-- UNLOGGED: a slot holds a page that is still in the feed after the cursor, so nothing in it needs
-- recovering after a crash (PostgreSQL empties unlogged tables then).
CREATE UNLOGGED TABLE iwddm.stage_ahead_0 (LIKE iwddm.stage_typed_event INCLUDING DEFAULTS);
CREATE UNLOGGED TABLE iwddm.stage_ahead_1 (LIKE iwddm.stage_typed_event INCLUDING DEFAULTS);
