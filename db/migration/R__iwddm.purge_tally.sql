-- iwddm.purge_tally(tally, tbl, rows_removed, bytes_freed): adds one table's removal to a
-- purge tally {"<table>": {"rows": n, "bytes": b}, ...} (etl_audit.purged, iwddm.purge_expired).
CREATE OR REPLACE FUNCTION iwddm.purge_tally(tally jsonb, tbl text, rows_removed bigint, bytes_freed bigint)
RETURNS jsonb
LANGUAGE sql STABLE  -- like jsonb_build_object, so it inlines (db-tests/23)
AS $$
    SELECT coalesce(tally, '{}') || jsonb_build_object(tbl, jsonb_build_object(
        'rows', coalesce((tally -> tbl ->> 'rows')::bigint, 0) + rows_removed,
        'bytes', coalesce((tally -> tbl ->> 'bytes')::bigint, 0) + bytes_freed))
$$;
