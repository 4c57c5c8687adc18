-- The rollups follow the fact tables in the writing transaction: statement-level triggers fold
-- each statement's changes (its transition tables) into them, so the seed, every import and any
-- other write keep them exact with nothing to call, and a rollback leaves them as they were.
-- Sums and counts take the changes as deltas (+ what a row adds, - what it no longer adds), so a
-- write costs what it changes, not the months it touches. A bulk load may defer them for its
-- transaction (`SET LOCAL panorama.rollups = 'deferred'`) and rebuild them once at the end
-- (`SELECT panorama_rebuild_rollups()`). The server's role reads them; only these functions,
-- running as their owner, write them.
GRANT SELECT ON contribution_totals, contribution_totals_by_region, partner_activity, partner_activity_by_region,
  impact_totals TO panorama_app;
--> statement-breakpoint

-- Most writes update rollup rows in place: room on each page lets them stay there (HOT updates).
DO $$
DECLARE
  rollup text;
BEGIN
  FOREACH rollup IN ARRAY ARRAY['contribution_totals', 'contribution_totals_by_region', 'partner_activity',
                                'partner_activity_by_region', 'impact_totals'] LOOP
    EXECUTE format('ALTER TABLE %I SET (fillfactor = 80)', rollup);
  END LOOP;
END
$$;
--> statement-breakpoint

-- A month's days as the bits of an integer, the 1st as bit 30 and the 31st as bit 0, so that
-- `days::bit(31)` reads them from left to right.
CREATE FUNCTION panorama_month_day_bit(day date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 1 << (31 - extract(day FROM day)::integer)
$$;
--> statement-breakpoint

-- A month's day bits placed among its year's 366 (bit 0: 1 January).
CREATE FUNCTION panorama_year_days(month date, days integer) RETURNS bit(366)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((days::bit(31) || B'0'::bit(335))::bit(366)) >> (month - date_trunc('year', month::timestamp)::date)
$$;
--> statement-breakpoint

-- The months of a year with a day given on, one bit each (bit 0: January), from its days.
CREATE FUNCTION panorama_active_months(days bit(366), year date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(sum(1 << (extract(month FROM month)::integer - 1)), 0)::integer
    FROM generate_series(year, year + interval '11 months', interval '1 month') AS month
   WHERE bit_count(substring(days FROM month::date - year + 1
                                 FOR (month + interval '1 month')::date - month::date)) > 0
$$;
--> statement-breakpoint

-- The statement that folds a set of contribution changes into the rollups. `changes` is a query
-- of contribution rows with a `sign` (+1: the row now counts; -1: it no longer does) and the
-- `partner_type` they count under. `partner_level`: the partner activity rollups change too (not
-- when only a partner's type changed: they read the type from partners). `fresh`: the rollups are
-- empty, nothing to add to. The changes are summed per month and finest slice once (`monthly`)
-- and per day for the daily slices (`daily`); each rollup is summed from those, and written in
-- the order of grain, bucket and region, so that a rebuilt rollup keeps the rows a query reads
-- together.
CREATE FUNCTION panorama_contribution_rollup_sql(changes text, partner_level boolean, fresh boolean)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
  -- A slice already in a rollup adds the changes to its sums.
  merge constant text := CASE WHEN fresh THEN '' ELSE
    ' ON CONFLICT (%s) DO UPDATE SET revenue_usd = r.revenue_usd + excluded.revenue_usd,'
    ' contribution_count = r.contribution_count + excluded.contribution_count%s' END;
  -- Days given on are added; the first day can only move earlier (removals are seen to apart: a
  -- slice that only loses rows proposes no first day, 'infinity'). A partner's slice that only
  -- moves a gift from one day to another changes no sum but its days: it is kept.
  merge_days constant text := ', first_day = least(r.first_day, excluded.first_day),'
    ' active_days = r.active_days | excluded.active_days, active_months = r.active_months | excluded.active_months';
  statement text;
BEGIN
  statement := format($sql$
    WITH changes AS %4$s (%1$s),
    monthly AS MATERIALIZED (
      SELECT date_trunc('month', ch.date::timestamp)::date AS month, ch.partner_id, ch.partner_type, ch.region_code,
             ch.country_iso3, ch.income_stream, ch.objective_code, ch.kind,
             sum(ch.sign * ch.amount_usd) AS revenue_usd, sum(ch.sign)::integer AS contribution_count,
             min(ch.date) FILTER (WHERE ch.sign > 0) AS first_day,
             coalesce(bit_or(panorama_month_day_bit(ch.date)) FILTER (WHERE ch.sign > 0), 0) AS days
        FROM changes ch
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8),
    daily AS MATERIALIZED (
      SELECT ch.date AS day, ch.region_code, ch.income_stream, ch.partner_type, ch.kind,
             sum(ch.sign * ch.amount_usd) AS revenue_usd, sum(ch.sign)::integer AS contribution_count
        FROM changes ch
       GROUP BY 1, 2, 3, 4, 5),
    totals AS (
      INSERT INTO contribution_totals AS r (grain, bucket, region_code, income_stream, partner_type, objective_code,
          kind, country_iso3, revenue_usd, contribution_count)
      SELECT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', m.month::timestamp)::date ELSE m.month END,
             m.region_code, m.income_stream, m.partner_type, m.objective_code, m.kind, m.country_iso3,
             sum(m.revenue_usd), sum(m.contribution_count)
        FROM monthly m CROSS JOIN (VALUES ('Y'), ('M')) AS g(grain)
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      HAVING sum(m.contribution_count) <> 0 OR sum(m.revenue_usd) <> 0
       ORDER BY 1, 2, 3%2$s),
    region_totals AS (
      INSERT INTO contribution_totals_by_region AS r (grain, bucket, region_code, income_stream, partner_type, kind,
          revenue_usd, contribution_count)
      SELECT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', d.day::timestamp)::date
                                   WHEN 'M' THEN date_trunc('month', d.day::timestamp)::date ELSE d.day END,
             d.region_code, d.income_stream, d.partner_type, d.kind, sum(d.revenue_usd), sum(d.contribution_count)
        FROM daily d CROSS JOIN (VALUES ('Y'), ('M'), ('D')) AS g(grain)
       GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(d.contribution_count) <> 0 OR sum(d.revenue_usd) <> 0
       ORDER BY 1, 2, 3%3$s)$sql$,
    changes,
    format(merge, 'grain, bucket, region_code, income_stream, partner_type, objective_code, kind, country_iso3', ''),
    format(merge, 'grain, bucket, region_code, income_stream, partner_type, kind', ''),
    -- The changes are read twice: kept once (an update's are a join of its old and new rows),
    -- except for a rebuild's, a plain scan of the fact table.
    CASE WHEN fresh THEN 'NOT MATERIALIZED' ELSE 'MATERIALIZED' END);
  IF partner_level THEN
    statement := statement || format($sql$,
    yearly AS MATERIALIZED (
      SELECT date_trunc('year', m.month::timestamp)::date AS year, m.partner_id, m.region_code, m.country_iso3,
             m.income_stream, m.objective_code, m.kind, sum(m.revenue_usd) AS revenue_usd,
             sum(m.contribution_count)::integer AS contribution_count, min(m.first_day) AS first_day,
             bit_or(panorama_year_days(m.month, m.days)) AS days,
             coalesce(bit_or(1 << (extract(month FROM m.month)::integer - 1)) FILTER (WHERE m.days <> 0), 0) AS months
        FROM monthly m
       GROUP BY 1, 2, 3, 4, 5, 6, 7),
    activity AS (
      INSERT INTO partner_activity AS r (grain, bucket, region_code, partner_id, income_stream, objective_code, kind,
          country_iso3, revenue_usd, contribution_count, first_day, active_days, active_months)
      SELECT g.grain, CASE g.grain WHEN 'Y' THEN y.year ELSE '-infinity'::date END, y.region_code, y.partner_id,
             y.income_stream, y.objective_code, y.kind, y.country_iso3, sum(y.revenue_usd), sum(y.contribution_count),
             CASE g.grain WHEN 'A' THEN coalesce(min(y.first_day) FILTER (WHERE g.grain = 'A'), 'infinity') END,
             CASE g.grain WHEN 'Y' THEN bit_or(y.days) FILTER (WHERE g.grain = 'Y') END,
             CASE g.grain WHEN 'Y' THEN bit_or(y.months) FILTER (WHERE g.grain = 'Y') END
        FROM yearly y CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      HAVING sum(y.contribution_count) <> 0 OR sum(y.revenue_usd) <> 0 OR min(y.first_day) IS NOT NULL
       ORDER BY 1, 2, 3%1$s),
    region_activity AS (
      INSERT INTO partner_activity_by_region AS r (grain, bucket, region_code, partner_id, income_stream, kind,
          revenue_usd, contribution_count, first_day, active_days, active_months)
      SELECT g.grain, CASE g.grain WHEN 'Y' THEN y.year ELSE '-infinity'::date END, y.region_code, y.partner_id,
             y.income_stream, y.kind, sum(y.revenue_usd), sum(y.contribution_count),
             CASE g.grain WHEN 'A' THEN coalesce(min(y.first_day) FILTER (WHERE g.grain = 'A'), 'infinity') END,
             CASE g.grain WHEN 'Y' THEN bit_or(y.days) FILTER (WHERE g.grain = 'Y') END,
             CASE g.grain WHEN 'Y' THEN bit_or(y.months) FILTER (WHERE g.grain = 'Y') END
        FROM yearly y CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)
       GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(y.contribution_count) <> 0 OR sum(y.revenue_usd) <> 0 OR min(y.first_day) IS NOT NULL
       ORDER BY 1, 2, 3%2$s)$sql$,
      format(merge, 'grain, bucket, region_code, partner_id, income_stream, objective_code, kind, country_iso3',
        merge_days),
      format(merge, 'grain, bucket, region_code, partner_id, income_stream, kind', merge_days));
  END IF;
  RETURN statement || ' SELECT 1';
END
$fn$;
--> statement-breakpoint

-- The statements that see to removed contributions once their changes are folded in: slices left
-- without a contribution go; a day a partner no longer gave on in a slice leaves its active days
-- (unless another of its gifts that day remains), and the slice's first day moves on when it was
-- that day. `removed` is a query of the contribution rows that no longer count, with the
-- `partner_type` they counted under; `partner_level` as above.
CREATE FUNCTION panorama_contribution_removal_sql(removed text, partner_level boolean)
RETURNS SETOF text LANGUAGE plpgsql IMMUTABLE AS $fn$
BEGIN
  RETURN NEXT format($sql$
    DELETE FROM contribution_totals r
     USING (SELECT DISTINCT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', o.date::timestamp)::date
                                                  ELSE date_trunc('month', o.date::timestamp)::date END AS bucket,
                   o.region_code, o.income_stream, o.partner_type, o.objective_code, o.kind, o.country_iso3
              FROM (%s) o CROSS JOIN (VALUES ('Y'), ('M')) AS g(grain)) k
     WHERE r.contribution_count = 0 AND r.grain = k.grain AND r.bucket = k.bucket AND r.region_code = k.region_code
       AND r.income_stream = k.income_stream AND r.partner_type = k.partner_type
       AND r.objective_code = k.objective_code AND r.kind = k.kind
       AND r.country_iso3 IS NOT DISTINCT FROM k.country_iso3$sql$, removed);
  RETURN NEXT format($sql$
    DELETE FROM contribution_totals_by_region r
     USING (SELECT DISTINCT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', o.date::timestamp)::date
                                                  WHEN 'M' THEN date_trunc('month', o.date::timestamp)::date
                                                  ELSE o.date END AS bucket,
                   o.region_code, o.income_stream, o.partner_type, o.kind
              FROM (%s) o CROSS JOIN (VALUES ('Y'), ('M'), ('D')) AS g(grain)) k
     WHERE r.contribution_count = 0 AND r.grain = k.grain AND r.bucket = k.bucket AND r.region_code = k.region_code
       AND r.income_stream = k.income_stream AND r.partner_type = k.partner_type AND r.kind = k.kind$sql$, removed);
  IF NOT partner_level THEN
    RETURN;
  END IF;
  RETURN NEXT format($sql$
    DELETE FROM partner_activity r
     USING (SELECT DISTINCT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', o.date::timestamp)::date
                                                  ELSE '-infinity'::date END AS bucket,
                   o.region_code, o.partner_id, o.income_stream, o.objective_code, o.kind, o.country_iso3
              FROM (%s) o CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)) k
     WHERE r.contribution_count = 0 AND r.grain = k.grain AND r.bucket = k.bucket AND r.region_code = k.region_code
       AND r.partner_id = k.partner_id AND r.income_stream = k.income_stream
       AND r.objective_code = k.objective_code AND r.kind = k.kind
       AND r.country_iso3 IS NOT DISTINCT FROM k.country_iso3$sql$, removed);
  RETURN NEXT format($sql$
    DELETE FROM partner_activity_by_region r
     USING (SELECT DISTINCT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', o.date::timestamp)::date
                                                  ELSE '-infinity'::date END AS bucket,
                   o.region_code, o.partner_id, o.income_stream, o.kind
              FROM (%s) o CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)) k
     WHERE r.contribution_count = 0 AND r.grain = k.grain AND r.bucket = k.bucket AND r.region_code = k.region_code
       AND r.partner_id = k.partner_id AND r.income_stream = k.income_stream AND r.kind = k.kind$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_activity r SET active_days = r.active_days & ~gone.days,
                                  active_months = panorama_active_months(r.active_days & ~gone.days, r.bucket)
      FROM (SELECT date_trunc('year', o.date::timestamp)::date AS bucket, o.partner_id, o.region_code, o.income_stream,
                   o.objective_code, o.kind, o.country_iso3,
                   bit_or(panorama_year_days(date_trunc('month', o.date::timestamp)::date,
                                             panorama_month_day_bit(o.date))) AS days
              FROM (%s) o
             WHERE NOT EXISTS (
                   SELECT 1 FROM contributions c
                    WHERE c.partner_id = o.partner_id AND c.date = o.date AND c.region_code = o.region_code
                      AND c.income_stream = o.income_stream AND c.objective_code = o.objective_code
                      AND c.kind = o.kind AND c.country_iso3 IS NOT DISTINCT FROM o.country_iso3)
             GROUP BY 1, 2, 3, 4, 5, 6, 7) gone
     WHERE r.grain = 'Y' AND r.bucket = gone.bucket AND r.partner_id = gone.partner_id
       AND r.region_code = gone.region_code AND r.income_stream = gone.income_stream
       AND r.objective_code = gone.objective_code AND r.kind = gone.kind
       AND r.country_iso3 IS NOT DISTINCT FROM gone.country_iso3$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_activity_by_region r SET active_days = r.active_days & ~gone.days,
                                            active_months = panorama_active_months(r.active_days & ~gone.days, r.bucket)
      FROM (SELECT date_trunc('year', o.date::timestamp)::date AS bucket, o.partner_id, o.region_code, o.income_stream,
                   o.kind,
                   bit_or(panorama_year_days(date_trunc('month', o.date::timestamp)::date,
                                             panorama_month_day_bit(o.date))) AS days
              FROM (%s) o
             WHERE NOT EXISTS (
                   SELECT 1 FROM contributions c
                    WHERE c.partner_id = o.partner_id AND c.date = o.date AND c.region_code = o.region_code
                      AND c.income_stream = o.income_stream AND c.kind = o.kind)
             GROUP BY 1, 2, 3, 4, 5) gone
     WHERE r.grain = 'Y' AND r.bucket = gone.bucket AND r.partner_id = gone.partner_id
       AND r.region_code = gone.region_code AND r.income_stream = gone.income_stream AND r.kind = gone.kind$sql$,
    removed);
  RETURN NEXT format($sql$
    UPDATE partner_activity r SET first_day = y.first_day
      FROM (SELECT y.partner_id, y.region_code, y.income_stream, y.objective_code, y.kind, y.country_iso3,
                   min(y.bucket + position(B'1' IN y.active_days) - 1) AS first_day
              FROM partner_activity y
             WHERE y.grain = 'Y' AND EXISTS (
                   SELECT 1 FROM (%s) o
                    WHERE o.partner_id = y.partner_id AND o.region_code = y.region_code
                      AND o.income_stream = y.income_stream AND o.objective_code = y.objective_code
                      AND o.kind = y.kind AND o.country_iso3 IS NOT DISTINCT FROM y.country_iso3)
             GROUP BY 1, 2, 3, 4, 5, 6) y
     WHERE r.grain = 'A' AND r.bucket = '-infinity' AND r.partner_id = y.partner_id AND r.region_code = y.region_code
       AND r.income_stream = y.income_stream AND r.objective_code = y.objective_code AND r.kind = y.kind
       AND r.country_iso3 IS NOT DISTINCT FROM y.country_iso3 AND r.first_day <> y.first_day$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_activity_by_region r SET first_day = y.first_day
      FROM (SELECT y.partner_id, y.region_code, y.income_stream, y.kind,
                   min(y.bucket + position(B'1' IN y.active_days) - 1) AS first_day
              FROM partner_activity_by_region y
             WHERE y.grain = 'Y' AND EXISTS (
                   SELECT 1 FROM (%s) o
                    WHERE o.partner_id = y.partner_id AND o.region_code = y.region_code
                      AND o.income_stream = y.income_stream AND o.kind = y.kind)
             GROUP BY 1, 2, 3, 4) y
     WHERE r.grain = 'A' AND r.bucket = '-infinity' AND r.partner_id = y.partner_id AND r.region_code = y.region_code
       AND r.income_stream = y.income_stream AND r.kind = y.kind AND r.first_day <> y.first_day$sql$, removed);
END
$fn$;
--> statement-breakpoint

-- The same for impact records: `changes` is a query of impact record rows with a `sign`.
CREATE FUNCTION panorama_impact_rollup_sql(changes text, fresh boolean)
RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($sql$
    INSERT INTO impact_totals AS r (grain, bucket, metric_code, region_code, objective_code, country_iso3, value,
        record_count)
    SELECT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', ch.date::timestamp)::date
                                 ELSE date_trunc('month', ch.date::timestamp)::date END,
           ch.metric_code, ch.region_code, ch.objective_code, ch.country_iso3, sum(ch.sign * ch.value), sum(ch.sign)
      FROM (%s) ch CROSS JOIN (VALUES ('Y'), ('M')) AS g(grain)
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(ch.sign) <> 0 OR sum(ch.sign * ch.value) <> 0
     ORDER BY 1, 2, 3%s$sql$,
    changes,
    CASE WHEN fresh THEN '' ELSE ' ON CONFLICT (grain, bucket, metric_code, region_code, objective_code, country_iso3)'
      ' DO UPDATE SET value = r.value + excluded.value, record_count = r.record_count + excluded.record_count' END)
$fn$;
--> statement-breakpoint

-- The rows of an UPDATE whose rollup columns changed: as they are now (`new_rows` except
-- `old_rows`) or as they were (the other way round). A set difference, not a join: it is hashed
-- whatever the planner guesses of the transition tables' sizes.
CREATE FUNCTION panorama_changed_rows_sql(rows_now text, rows_before text, columns text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format('SELECT id, %3$s FROM %1$s EXCEPT SELECT id, %3$s FROM %2$s', rows_now, rows_before, columns)
$fn$;
--> statement-breakpoint

-- Whether the transaction loads in bulk and rebuilds the rollups at the end.
CREATE FUNCTION panorama_rollups_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('panorama.rollups', true), '') = 'deferred'
$$;
--> statement-breakpoint

CREATE FUNCTION panorama_roll_up_contributions() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public SET work_mem = '64MB' AS $fn$
DECLARE
  rollup_columns constant text := 'date, amount_usd, income_stream, kind, partner_id, objective_code, region_code, country_iso3';
  added text;
  removed text;
  changed boolean;
  statement text;
BEGIN
  IF panorama_rollups_deferred() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    added := 'SELECT * FROM new_rows';
  ELSIF TG_OP = 'DELETE' THEN
    removed := 'SELECT * FROM old_rows';
  ELSE
    added := panorama_changed_rows_sql('new_rows', 'old_rows', rollup_columns);
    removed := panorama_changed_rows_sql('old_rows', 'new_rows', rollup_columns);
  END IF;
  EXECUTE format('SELECT EXISTS (%s)', coalesce(added, removed)) INTO changed;
  IF NOT changed THEN
    RETURN NULL;
  END IF;
  -- Into empty rollups (a first load), the slices are inserted, with nothing to add to.
  EXECUTE panorama_contribution_rollup_sql(format(
    'SELECT ch.*, pa.partner_type FROM (%s) ch JOIN partners pa ON pa.id = ch.partner_id',
    concat_ws(' UNION ALL ', 'SELECT 1 AS sign, a.* FROM (' || added || ') a',
                             'SELECT -1 AS sign, r.* FROM (' || removed || ') r')), true,
    TG_OP = 'INSERT' AND NOT EXISTS (SELECT 1 FROM contribution_totals_by_region));
  IF removed IS NOT NULL THEN
    FOR statement IN SELECT panorama_contribution_removal_sql(format(
        'SELECT r.*, pa.partner_type FROM (%s) r JOIN partners pa ON pa.id = r.partner_id', removed), true) LOOP
      EXECUTE statement;
    END LOOP;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

-- A partner whose type changes takes its contributions from one partner-type slice to the other.
CREATE FUNCTION panorama_roll_up_partner_types() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public SET work_mem = '64MB' AS $fn$
DECLARE
  -- (id, partner_type) of the partners whose type changed: the new type, and the old one.
  retyped constant text := panorama_changed_rows_sql('new_rows', 'old_rows', 'partner_type');
  untyped constant text := panorama_changed_rows_sql('old_rows', 'new_rows', 'partner_type');
  changed boolean;
  statement text;
BEGIN
  IF panorama_rollups_deferred() THEN
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT EXISTS (%s)', retyped) INTO changed;
  IF NOT changed THEN
    RETURN NULL;
  END IF;
  EXECUTE panorama_contribution_rollup_sql(format(
    'SELECT 1 AS sign, c.*, p.partner_type FROM (%s) p JOIN contributions c ON c.partner_id = p.id'
    ' UNION ALL SELECT -1, c.*, p.partner_type FROM (%s) p JOIN contributions c ON c.partner_id = p.id',
    retyped, untyped), false, false);
  FOR statement IN SELECT panorama_contribution_removal_sql(format(
      'SELECT c.*, p.partner_type FROM (%s) p JOIN contributions c ON c.partner_id = p.id', untyped), false) LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

CREATE FUNCTION panorama_roll_up_impact_records() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public SET work_mem = '64MB' AS $fn$
DECLARE
  rollup_columns constant text := 'date, value, metric_code, region_code, objective_code, country_iso3';
  added text;
  removed text;
BEGIN
  IF panorama_rollups_deferred() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    added := 'SELECT * FROM new_rows';
  ELSIF TG_OP = 'DELETE' THEN
    removed := 'SELECT * FROM old_rows';
  ELSE
    added := panorama_changed_rows_sql('new_rows', 'old_rows', rollup_columns);
    removed := panorama_changed_rows_sql('old_rows', 'new_rows', rollup_columns);
  END IF;
  EXECUTE panorama_impact_rollup_sql(
    concat_ws(' UNION ALL ', 'SELECT 1 AS sign, a.* FROM (' || added || ') a',
                             'SELECT -1 AS sign, r.* FROM (' || removed || ') r'), false);
  IF removed IS NOT NULL THEN
    EXECUTE format($sql$
      DELETE FROM impact_totals r
       USING (SELECT DISTINCT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', o.date::timestamp)::date
                                                    ELSE date_trunc('month', o.date::timestamp)::date END AS bucket,
                     o.metric_code, o.region_code, o.objective_code, o.country_iso3
                FROM (%s) o CROSS JOIN (VALUES ('Y'), ('M')) AS g(grain)) k
       WHERE r.record_count = 0 AND r.grain = k.grain AND r.bucket = k.bucket AND r.metric_code = k.metric_code
         AND r.region_code = k.region_code AND r.objective_code = k.objective_code
         AND r.country_iso3 IS NOT DISTINCT FROM k.country_iso3$sql$, removed);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

-- Emptying a fact table empties its rollups.
CREATE FUNCTION panorama_clear_rollups() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
BEGIN
  IF TG_TABLE_NAME = 'impact_records' THEN
    TRUNCATE impact_totals;
  ELSE
    TRUNCATE contribution_totals, contribution_totals_by_region, partner_activity, partner_activity_by_region;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

-- Recomputes every rollup from the fact tables: after a bulk load that deferred them, or to repair.
CREATE FUNCTION panorama_rebuild_rollups() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public SET work_mem = '256MB' AS $fn$
BEGIN
  TRUNCATE contribution_totals, contribution_totals_by_region, partner_activity, partner_activity_by_region,
    impact_totals;
  EXECUTE panorama_contribution_rollup_sql(
    'SELECT 1 AS sign, c.*, pa.partner_type FROM contributions c JOIN partners pa ON pa.id = c.partner_id', true, true);
  EXECUTE panorama_impact_rollup_sql('SELECT 1 AS sign, ir.* FROM impact_records ir', true);
END
$fn$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION panorama_rebuild_rollups() FROM PUBLIC;
--> statement-breakpoint

CREATE TRIGGER contributions_roll_up_inserts AFTER INSERT ON contributions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION panorama_roll_up_contributions();
--> statement-breakpoint
CREATE TRIGGER contributions_roll_up_updates AFTER UPDATE ON contributions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION panorama_roll_up_contributions();
--> statement-breakpoint
CREATE TRIGGER contributions_roll_up_deletes AFTER DELETE ON contributions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION panorama_roll_up_contributions();
--> statement-breakpoint
CREATE TRIGGER contributions_roll_up_truncation AFTER TRUNCATE ON contributions
  FOR EACH STATEMENT EXECUTE FUNCTION panorama_clear_rollups();
--> statement-breakpoint
CREATE TRIGGER impact_records_roll_up_inserts AFTER INSERT ON impact_records
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION panorama_roll_up_impact_records();
--> statement-breakpoint
CREATE TRIGGER impact_records_roll_up_updates AFTER UPDATE ON impact_records
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION panorama_roll_up_impact_records();
--> statement-breakpoint
CREATE TRIGGER impact_records_roll_up_deletes AFTER DELETE ON impact_records
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION panorama_roll_up_impact_records();
--> statement-breakpoint
CREATE TRIGGER impact_records_roll_up_truncation AFTER TRUNCATE ON impact_records
  FOR EACH STATEMENT EXECUTE FUNCTION panorama_clear_rollups();
--> statement-breakpoint
CREATE TRIGGER partners_roll_up_types AFTER UPDATE ON partners
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION panorama_roll_up_partner_types();
--> statement-breakpoint

-- A database that already holds data gets its rollups now.
SELECT panorama_rebuild_rollups();
