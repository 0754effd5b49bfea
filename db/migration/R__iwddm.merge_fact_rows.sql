-- iwddm.merge_fact_rows(target, staged, key_column, audit_key, delete_missing): brings the rows
-- of an intraday fact table (i_task_fact, i_task_work_fact) for the touched tasks
-- (pg_temp.load_touched) to the recomputed rows in a temporary table, so that audit keys say
-- exactly what changed (SPEC §3.1): a new row gets created_ and updated_etl_audit_key =
-- audit_key; a stored row whose values differ is updated and gets updated_etl_audit_key =
-- audit_key; an unchanged row is not written at all. With delete_missing, stored rows of the
-- touched tasks that the recompute no longer has (an assignment that a late event undid) go.
-- Contract: staged has a column for every column of target except the two audit keys, with
-- the same names; key_column identifies a row. Columns are read from the catalog, so a column
-- added to the table is merged without touching this routine.
CREATE OR REPLACE PROCEDURE iwddm.merge_fact_rows(
    target regclass, staged regclass, key_column text, audit_key bigint, delete_missing boolean)
LANGUAGE plpgsql
AS $$
DECLARE
    value_columns  text;  -- c1, c2 (every column but the key and the audit keys)
    staged_values  text;  -- s.c1, s.c2
    stored_values  text;  -- t.c1, t.c2
BEGIN
    IF target NOT IN ('iwddm.i_task_fact'::regclass, 'iwddm.i_task_work_fact'::regclass) THEN
        RAISE EXCEPTION 'merge_fact_rows: % is not an intraday task or work fact table', target
            USING HINT = 'Pass iwddm.i_task_fact or iwddm.i_task_work_fact; the loader calls this, not DBAs.';
    END IF;
    IF audit_key IS NULL THEN
        RAISE EXCEPTION 'merge_fact_rows: no audit key'
            USING HINT = 'Pass the etl_audit_key of the batch that writes the rows.';
    END IF;
    SELECT string_agg(format('%I', attname), ', ' ORDER BY attnum),
           string_agg(format('s.%I', attname), ', ' ORDER BY attnum),
           string_agg(format('t.%I', attname), ', ' ORDER BY attnum)
      INTO value_columns, staged_values, stored_values
      FROM pg_attribute
     WHERE attrelid = target AND attnum > 0 AND NOT attisdropped
       AND attname NOT IN (key_column, 'created_etl_audit_key', 'updated_etl_audit_key');

    IF delete_missing THEN
        EXECUTE format('DELETE FROM %1$s t USING pg_temp.load_touched x WHERE t.interaction_id = x.interaction_id
                          AND NOT EXISTS (SELECT 1 FROM %2$s s WHERE s.%3$I = t.%3$I)',
                       target, staged, key_column);
    END IF;
    EXECUTE format('UPDATE %1$s t SET (%2$s) = ROW(%3$s), updated_etl_audit_key = %4$L FROM %5$s s
                    WHERE s.%6$I = t.%6$I AND ROW(%7$s) IS DISTINCT FROM ROW(%3$s)',
                   target, value_columns, staged_values, audit_key, staged, key_column, stored_values);
    EXECUTE format('INSERT INTO %1$s (%2$I, %3$s, created_etl_audit_key, updated_etl_audit_key)
                    SELECT s.%2$I, %4$s, %5$L, %5$L FROM %6$s s
                    WHERE NOT EXISTS (SELECT 1 FROM %1$s t WHERE t.%2$I = s.%2$I)',
                   target, key_column, value_columns, staged_values, audit_key, staged);
END
$$;
