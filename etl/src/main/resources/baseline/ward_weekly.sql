-- A plain DuckDB computation of the core ward_weekly figures straight from native CSV logs.
-- It is the benchmark's baseline and, being written independently of the Spark job's Java clock,
-- a cross-check of it (etl test BaselineSqlTest). Scope: the native CSV format, the default office
-- hours (close 17:00), PAUSE rule, SAME_DAY / WORKING_DAYS / DAYS / MONTHS limits; it stops with an
-- error on anything else (HOURS limits, RESTART rule).
-- Placeholders filled by the caller: {{EVENTS}} (a glob or list of CSV files), {{HOLIDAYS}},
-- {{PROCEDURES}} (CSV paths), {{AS_OF}} (an ISO instant, or empty for the latest event).
SET TimeZone = 'Asia/Ho_Chi_Minh';

CREATE OR REPLACE TEMP TABLE raw AS
SELECT * FROM read_csv({{EVENTS}}, header = true, all_varchar = true);

-- accepted, typed, deduplicated events (same event_id kept once)
CREATE OR REPLACE TEMP TABLE ev AS
SELECT event_id, dossier_id, ward_code, procedure_code, event_type, channel,
       occurred_at::TIMESTAMPTZ AS t, due_at::TIMESTAMPTZ AS due_at, officer_id,
       CASE event_type WHEN 'RECEIVED' THEN 0 WHEN 'ASSIGNED' THEN 1 WHEN 'SUPPLEMENT_REQUESTED' THEN 2
         WHEN 'SUPPLEMENT_RECEIVED' THEN 3 WHEN 'APOLOGY_ISSUED' THEN 4 WHEN 'INTEGRATION_ERROR' THEN 5
         WHEN 'COMPLETED' THEN 6 WHEN 'REJECTED' THEN 7 WHEN 'WITHDRAWN' THEN 8 ELSE 9 END AS rank
FROM (SELECT *, row_number() OVER (PARTITION BY coalesce(event_id, dossier_id || event_type || occurred_at)
                                   ORDER BY occurred_at) AS n FROM raw)
WHERE n = 1;

CREATE OR REPLACE TEMP TABLE params AS
SELECT coalesce(nullif('{{AS_OF}}', '')::TIMESTAMPTZ, (SELECT max(t) FROM ev)) AS as_of;

-- the deadline calendar: working days, their running index, the next working day
CREATE OR REPLACE TEMP TABLE hol AS SELECT "date"::DATE AS d, upper(kind) AS kind FROM read_csv('{{HOLIDAYS}}', header = true, all_varchar = true);
CREATE OR REPLACE TEMP TABLE cal AS
WITH days AS (
  SELECT r.d::DATE AS d FROM range((SELECT min(t)::DATE - 40 FROM ev), (SELECT max(t)::DATE + 800 FROM ev), INTERVAL 1 DAY) r(d)),
flags AS (
  SELECT days.d, coalesce(h.kind = 'WORKDAY', false) OR (isodow(days.d) <= 5 AND coalesce(h.kind, '') <> 'HOLIDAY') AS working
  FROM days LEFT JOIN hol h ON h.d = days.d)
SELECT d, working, sum(working::INT) OVER (ORDER BY d) AS widx,
       min(CASE WHEN working THEN d END) OVER (ORDER BY d ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS on_or_after
FROM flags;
CREATE OR REPLACE TEMP TABLE wday AS SELECT widx, d FROM cal WHERE working;

CREATE OR REPLACE TEMP TABLE proc AS
SELECT procedure_code, time_value::INT AS n, upper(time_unit) AS unit,
       coalesce(nullif(same_day_cutoff, ''), '15:00')::TIME AS cutoff, upper(coalesce(nullif(clock_rule, ''), 'PAUSE')) AS rule
FROM read_csv('{{PROCEDURES}}', header = true, all_varchar = true);

SELECT CASE WHEN count(*) > 0 THEN error('baseline: HOURS limits and the RESTART rule are not covered') END
FROM proc WHERE (unit = 'HOURS' OR rule = 'RESTART')
  AND procedure_code IN (SELECT DISTINCT procedure_code FROM ev WHERE procedure_code IS NOT NULL);

-- one row per dossier: receipt, due date, end
CREATE OR REPLACE TEMP TABLE rec AS
SELECT dossier_id, arg_min(ward_code, t) AS ward_code, arg_min(procedure_code, t) AS procedure_code,
       arg_min(channel, t) AS channel, min(t) AS received_at, arg_min(due_at, t) AS logged_due
FROM ev WHERE event_type = 'RECEIVED' AND t <= (SELECT as_of FROM params) GROUP BY dossier_id;

CREATE OR REPLACE TEMP TABLE dossier AS
WITH base AS (
  SELECT r.*, r.received_at::DATE AS ld, r.received_at::TIMESTAMP::TIME AS lt, c.working AS l_working
  FROM rec r JOIN cal c ON c.d = r.received_at::DATE),
receipt AS (
  SELECT b.*, CASE WHEN b.l_working AND b.lt < TIME '17:00' THEN b.ld
                   ELSE (SELECT on_or_after FROM cal WHERE cal.d = b.ld + 1) END AS receipt_day
  FROM base b),
due AS (
  SELECT rc.*, p.n, p.unit, p.cutoff,
    CASE
      WHEN rc.logged_due IS NOT NULL THEN rc.logged_due::DATE
      WHEN p.unit = 'SAME_DAY' THEN CASE WHEN rc.ld = rc.receipt_day AND rc.lt >= p.cutoff
                                         THEN (SELECT on_or_after FROM cal WHERE cal.d = rc.receipt_day + 1)
                                         ELSE rc.receipt_day END
      WHEN p.unit = 'WORKING_DAYS' THEN (SELECT w.d FROM wday w, cal c2
                                         WHERE c2.d = rc.receipt_day AND w.widx = c2.widx + p.n)
      WHEN p.unit = 'DAYS' THEN (SELECT on_or_after FROM cal WHERE cal.d = rc.receipt_day + p.n)
      WHEN p.unit = 'MONTHS' THEN (SELECT on_or_after FROM cal WHERE cal.d = (rc.receipt_day + to_months(p.n))::DATE)
    END AS due_date
  FROM receipt rc LEFT JOIN proc p USING (procedure_code)),
ends AS (
  SELECT e.dossier_id, arg_min(e.event_type, epoch_us(e.t) * 10 + e.rank) AS outcome, min(e.t) AS ended_at
  FROM ev e JOIN rec r USING (dossier_id)
  WHERE e.event_type IN ('COMPLETED', 'REJECTED', 'WITHDRAWN') AND e.t >= r.received_at
    AND e.t <= (SELECT as_of FROM params)
  GROUP BY e.dossier_id)
SELECT d.dossier_id, d.ward_code, d.channel, d.received_at, d.due_date, e.ended_at, e.outcome
FROM due d LEFT JOIN ends e USING (dossier_id);

-- supplement pauses: requests are grouped by how many arrivals came before them; a group's first
-- request starts a pause that the next arrival closes (a pause never closed is closed by the end)
CREATE OR REPLACE TEMP TABLE supp AS
SELECT e.dossier_id, e.event_type, e.t, e.rank,
       coalesce(sum(CASE WHEN e.event_type = 'SUPPLEMENT_RECEIVED' THEN 1 ELSE 0 END) OVER (
         PARTITION BY e.dossier_id ORDER BY e.t, e.rank ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS arrivals_before
FROM ev e JOIN dossier d USING (dossier_id)
WHERE e.event_type IN ('SUPPLEMENT_REQUESTED', 'SUPPLEMENT_RECEIVED') AND e.t >= d.received_at
  AND (d.ended_at IS NULL OR e.t <= d.ended_at) AND e.t <= (SELECT as_of FROM params);

CREATE OR REPLACE TEMP TABLE pause AS
WITH req AS (SELECT dossier_id, arrivals_before AS g, min(t) AS started FROM supp
             WHERE event_type = 'SUPPLEMENT_REQUESTED' GROUP BY ALL),
arr AS (SELECT dossier_id, arrivals_before AS g, t AS arrived FROM supp WHERE event_type = 'SUPPLEMENT_RECEIVED')
SELECT req.dossier_id, req.started, coalesce(arr.arrived, d.ended_at) AS closed, arr.arrived AS arrived
FROM req LEFT JOIN arr USING (dossier_id, g) JOIN dossier d USING (dossier_id);

CREATE OR REPLACE TEMP TABLE requests AS
SELECT dossier_id, t FROM supp WHERE event_type = 'SUPPLEMENT_REQUESTED';

-- verdicts of resolved dossiers (adjusted end = end − all pauses before it; >1 request = late)
CREATE OR REPLACE TEMP TABLE resolved AS
SELECT d.ward_code, d.dossier_id, d.ended_at,
  CASE WHEN (SELECT count(*) FROM requests q WHERE q.dossier_id = d.dossier_id) > 1 THEN 'LATE'
       WHEN (d.ended_at - to_microseconds(coalesce((SELECT sum(epoch_us(p.closed) - epoch_us(p.started)) FROM pause p
                                     WHERE p.dossier_id = d.dossier_id AND p.closed <= d.ended_at), 0)::BIGINT))::DATE
            < d.due_date THEN 'EARLY'
       WHEN (d.ended_at - to_microseconds(coalesce((SELECT sum(epoch_us(p.closed) - epoch_us(p.started)) FROM pause p
                                     WHERE p.dossier_id = d.dossier_id AND p.closed <= d.ended_at), 0)::BIGINT))::DATE
            = d.due_date THEN 'ON_TIME'
       ELSE 'LATE' END AS verdict
FROM dossier d WHERE d.outcome IN ('COMPLETED', 'REJECTED') AND d.due_date IS NOT NULL;

-- open dossiers judged at each week's end (or the as-of time in the week under way)
CREATE OR REPLACE TEMP TABLE snapshot AS
WITH weeks AS (
  SELECT d.dossier_id, d.ward_code, d.received_at, d.ended_at, d.due_date, w.ws::DATE AS week_start,
         least(w.ws::TIMESTAMP + INTERVAL 7 DAY - INTERVAL 1 MICROSECOND, (SELECT as_of FROM params)::TIMESTAMP)
           ::TIMESTAMPTZ AS snap
  FROM dossier d,
       LATERAL (SELECT unnest(generate_series(date_trunc('week', d.received_at::DATE)::TIMESTAMP,
                                              date_trunc('week', coalesce(d.ended_at, (SELECT as_of FROM params))::DATE)::TIMESTAMP,
                                              INTERVAL 7 DAY)) AS ws) w
  WHERE d.due_date IS NOT NULL),
open_at AS (
  SELECT * FROM weeks WHERE received_at <= snap AND (ended_at IS NULL OR ended_at > snap)),
stand AS (
  SELECT o.*, coalesce((SELECT min(p.started) FROM pause p WHERE p.dossier_id = o.dossier_id AND p.started <= o.snap
                          AND (p.closed IS NULL OR p.arrived IS NULL OR p.arrived > o.snap)), o.snap) AS stand_at
  FROM open_at o)
SELECT s.ward_code, s.week_start,
  ((SELECT count(*) FROM requests q WHERE q.dossier_id = s.dossier_id AND q.t <= s.snap) > 1
   OR (s.stand_at - to_microseconds(coalesce((SELECT sum(epoch_us(p.arrived) - epoch_us(p.started)) FROM pause p
                              WHERE p.dossier_id = s.dossier_id AND p.arrived <= s.stand_at), 0)::BIGINT))::DATE
      > s.due_date) AS overdue
FROM stand s;

-- the figures, per unit and week
CREATE OR REPLACE TEMP TABLE baseline_ward_weekly AS
WITH recv AS (
  SELECT ward_code, date_trunc('week', received_at::DATE)::DATE AS week_start, count(*) AS received,
         count(*) FILTER (WHERE channel = 'ONLINE') AS received_online,
         count(*) FILTER (WHERE channel = 'COUNTER') AS received_counter,
         count(*) FILTER (WHERE channel = 'POST') AS received_post
  FROM dossier GROUP BY ALL),
res AS (
  SELECT ward_code, date_trunc('week', ended_at::DATE)::DATE AS week_start, count(*) AS resolved,
         count(*) FILTER (WHERE verdict = 'EARLY') AS early, count(*) FILTER (WHERE verdict = 'ON_TIME') AS on_time,
         count(*) FILTER (WHERE verdict = 'LATE') AS late
  FROM resolved GROUP BY ALL),
opn AS (
  SELECT ward_code, week_start, count(*) AS open_end, count(*) FILTER (WHERE overdue) AS open_overdue_end
  FROM snapshot GROUP BY ALL),
evw AS (
  SELECT ward_code, date_trunc('week', t::DATE)::DATE AS week_start,
         count(*) FILTER (WHERE event_type = 'INTEGRATION_ERROR') AS integration_errors,
         count(*) FILTER (WHERE event_type = 'APOLOGY_ISSUED') AS apologies
  FROM ev WHERE t <= (SELECT as_of FROM params) GROUP BY ALL),
keys AS (SELECT ward_code, week_start FROM recv UNION SELECT ward_code, week_start FROM res
         UNION SELECT ward_code, week_start FROM opn UNION SELECT ward_code, week_start FROM evw)
SELECT k.ward_code, k.week_start,
       coalesce(received, 0) AS received, coalesce(received_online, 0) AS received_online,
       coalesce(received_counter, 0) AS received_counter, coalesce(received_post, 0) AS received_post,
       coalesce(resolved, 0) AS resolved, coalesce(early, 0) AS early, coalesce(on_time, 0) AS on_time,
       coalesce(late, 0) AS late, coalesce(open_end, 0) AS open_end, coalesce(open_overdue_end, 0) AS open_overdue_end,
       coalesce(integration_errors, 0) AS integration_errors, coalesce(apologies, 0) AS apologies
FROM keys k LEFT JOIN recv USING (ward_code, week_start) LEFT JOIN res USING (ward_code, week_start)
  LEFT JOIN opn USING (ward_code, week_start) LEFT JOIN evw USING (ward_code, week_start);
