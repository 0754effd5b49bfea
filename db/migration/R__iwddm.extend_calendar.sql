-- iwddm.extend_calendar(from_ts, to_ts): make date_time and event_date cover every
-- 15-minute interval of the whole local days (mart time zone) holding from_ts .. to_ts.
-- Contract: idempotent; only the missing days are added, so a load whose events lie inside
-- the covered range costs one lookup. Coverage stays one contiguous range.
CREATE OR REPLACE PROCEDURE iwddm.extend_calendar(from_ts timestamptz, to_ts timestamptz)
LANGUAGE plpgsql
AS $$
DECLARE
    cfg      iwddm.mart_config;
    want_from timestamptz;
    want_to   timestamptz;
BEGIN
    IF from_ts IS NULL OR to_ts IS NULL OR from_ts > to_ts THEN
        RAISE EXCEPTION 'extend_calendar: invalid range % .. %', from_ts, to_ts
            USING HINT = 'Pass two timestamps with from_ts <= to_ts.';
    END IF;
    SELECT * INTO cfg FROM iwddm.mart_config;
    IF cfg.calendar_from IS NOT NULL AND from_ts >= cfg.calendar_from AND to_ts < cfg.calendar_to THEN
        RETURN;
    END IF;
    want_from := least(cfg.calendar_from, date_trunc('day', from_ts, cfg.timezone));
    -- The next local midnight, computed on local time (a local day may last 23 or 25 hours).
    want_to := greatest(cfg.calendar_to,
        ((date_trunc('day', to_ts, cfg.timezone) AT TIME ZONE cfg.timezone) + interval '1 day') AT TIME ZONE cfg.timezone);

    INSERT INTO iwddm.date_time (date_time_key, start_ts, end_ts, local_start, event_date_key,
        interval_of_day, date_time_30min_key, date_time_hour_key, date_time_day_key,
        date_time_week_key, date_time_month_key, date_time_quarter_key, date_time_year_key,
        cal_date, label_yyyy_mm_dd)
    SELECT extract(epoch FROM s)::bigint, s, s + interval '15 minutes', l,
           to_char(l, 'YYYYMMDD')::integer,
           ((extract(epoch FROM s) - extract(epoch FROM date_trunc('day', s, cfg.timezone))) / 900)::smallint,
           extract(epoch FROM s)::bigint - (extract(minute FROM l)::integer % 30) * 60,
           extract(epoch FROM s)::bigint - extract(minute FROM l)::integer * 60,
           extract(epoch FROM date_trunc('day', s, cfg.timezone))::bigint,
           extract(epoch FROM date_trunc('week', s, cfg.timezone))::bigint,
           extract(epoch FROM date_trunc('month', s, cfg.timezone))::bigint,
           extract(epoch FROM date_trunc('quarter', s, cfg.timezone))::bigint,
           extract(epoch FROM date_trunc('year', s, cfg.timezone))::bigint,
           l::date, to_char(l, 'YYYY-MM-DD')
    FROM generate_series(want_from, want_to - interval '15 minutes', interval '15 minutes') s,
         LATERAL (SELECT s AT TIME ZONE cfg.timezone AS l) local
    WHERE cfg.calendar_from IS NULL OR s < cfg.calendar_from OR s >= cfg.calendar_to;

    INSERT INTO iwddm.event_date (event_date_key, calendar_date, year, quarter, month, day_of_month,
        iso_day_of_week, week_start, month_name, day_name,
        event_date, event_date_str, day_num_in_week, day_num_in_month, day_num_in_year, week_num_in_year,
        week_start_date, week_end_date, month_num_in_year, quarter_num_in_year, year_num)
    SELECT to_char(d, 'YYYYMMDD')::integer, d, extract(year FROM d), extract(quarter FROM d),
           extract(month FROM d), extract(day FROM d), extract(isodow FROM d),
           d - (extract(isodow FROM d)::integer - 1), trim(to_char(d, 'Month')), trim(to_char(d, 'Day')),
           -- SPEC §3.1's names (Monday is day 1; ISO weeks)
           d, to_char(d, 'YYYY-MM-DD'), extract(isodow FROM d), extract(day FROM d), extract(doy FROM d),
           extract(week FROM d), d - (extract(isodow FROM d)::integer - 1), d - (extract(isodow FROM d)::integer - 1) + 6,
           extract(month FROM d), extract(quarter FROM d), extract(year FROM d)
    FROM generate_series((want_from AT TIME ZONE cfg.timezone)::date,
                         ((want_to AT TIME ZONE cfg.timezone)::date - 1), interval '1 day') g(day),
         LATERAL (SELECT g.day::date AS d) x
    ON CONFLICT (event_date_key) DO NOTHING;

    UPDATE iwddm.mart_config SET calendar_from = want_from, calendar_to = want_to;
    -- The coarser aggregate views join date_time. Statistics of an emptier calendar make the
    -- planner nest loops over every interval (minutes instead of milliseconds once a backfill
    -- has added months in one transaction, before autovacuum sees it); new days are rare, and
    -- sampling the calendar costs milliseconds.
    ANALYZE iwddm.date_time;
END
$$;
