-- iwddm.wfm_record_delivery(last_key, intervals): records that WFM acknowledged every
-- interval up to and including last_key (docs/wfm.md). The driver calls it in the transaction
-- that records the acknowledgement. Delivery only moves forward: an older last_key is refused.
CREATE OR REPLACE PROCEDURE iwddm.wfm_record_delivery(last_key bigint, intervals integer)
LANGUAGE plpgsql
AS $$
DECLARE
    previous bigint;
BEGIN
    IF last_key IS NULL OR last_key % 900 <> 0 OR intervals IS NULL OR intervals < 1 THEN
        RAISE EXCEPTION 'wfm_record_delivery: last_key % must be an interval key and intervals % at least 1',
            last_key, intervals
            USING HINT = 'last_key is the date_time_key of the last interval WFM acknowledged.';
    END IF;
    SELECT w.last_delivered_interval INTO previous FROM iwddm.wfm_delivery w FOR UPDATE;
    IF previous IS NOT NULL AND last_key <= previous THEN
        RAISE EXCEPTION 'wfm_record_delivery: interval % is not after the last delivered one %', last_key, previous
            USING HINT = 'To resend older intervals, lower iwddm.wfm_delivery.last_delivered_interval by hand first.';
    END IF;
    UPDATE iwddm.wfm_delivery
    SET last_delivered_interval = last_key, delivered_at = now(),
        intervals_delivered = intervals_delivered + intervals;
END
$$;
