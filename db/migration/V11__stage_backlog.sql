-- iwddm schema, version 11: the backlog of a chunked load by hand (iwddm.load_staged_in_chunks).
-- A large staged set is moved here first, then staged and loaded a chunk at a time, each chunk
-- committed: a DBA can stop the load at any moment and call the procedure again to go on.
CREATE TABLE iwddm.stage_backlog (
    stage_id  bigint PRIMARY KEY,
    raw       text        NOT NULL,
    staged_at timestamptz NOT NULL
);
