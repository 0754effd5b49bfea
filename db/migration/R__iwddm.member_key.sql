-- iwddm.member_key(parts...): the surrogate key of a feed-fed dimension member.
-- Contract: a deterministic 64-bit hash of the natural key parts (md5, portable across
-- platforms), so the same members get the same keys in any load order; 0 (the "unknown"
-- member) when every part is null. load_key_events resolves every key of every event with it,
-- so it must stay cheap: one md5 of a short text, inlined.
-- STABLE like the text[] to text cast it hashes, so PostgreSQL can inline it (see iwddm.interval_key).
CREATE OR REPLACE FUNCTION iwddm.member_key(VARIADIC parts text[])
RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN num_nonnulls(VARIADIC parts) = 0 THEN 0
                ELSE ('x' || left(md5(parts::text), 16))::bit(64)::bigint END
$$;
