-- iwddm.plain_event_id(doc): the event's id when it is one plain JSON integer of at most 18
-- digits (what the batch audit and rejected_event record), else null. doc: the event as jsonb.
-- Pure SQL, inlined into the parse statements.
CREATE OR REPLACE FUNCTION iwddm.plain_event_id(doc jsonb)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN jsonb_typeof(doc -> 'id') = 'number' AND doc ->> 'id' ~ '^\d{1,18}$'
                THEN (doc ->> 'id')::bigint END
$$;
