-- The partner days rollups (partner_days_by_country, partner_days_by_region, partner_days): each
-- partner's days per region and country, per region and over every region, kept by the same
-- statements as the other rollups, in the writing transaction. The functions below are those of
-- `rollup_maintenance` with these added; and a contribution whose amount alone changed no longer
-- goes through the removals (it leaves no slice and no day).
GRANT SELECT ON partner_days_by_country, partner_days_by_region, partner_days TO panorama_app;
--> statement-breakpoint
ALTER TABLE partner_days_by_country SET (fillfactor = 80);
--> statement-breakpoint
ALTER TABLE partner_days_by_region SET (fillfactor = 80);
--> statement-breakpoint
ALTER TABLE partner_days SET (fillfactor = 80);
--> statement-breakpoint

-- The statement that folds a set of contribution changes into the rollups. `changes` is a query
-- of contribution rows with a `sign` (+1: the row now counts; -1: it no longer does) and the
-- `partner_type` they count under. `partner_level`: the partner activity rollups change too (not
-- when only a partner's type changed: they read the type from partners). `fresh`: the rollups are
-- empty, nothing to add to. The changes are summed per month and finest slice once (`monthly`)
-- and per day for the daily slices (`daily`); each rollup is summed from those, and written in
-- the order of grain, bucket and region, so that a rebuilt rollup keeps the rows a query reads
-- together.
CREATE OR REPLACE FUNCTION panorama_contribution_rollup_sql(changes text, partner_level boolean, fresh boolean)
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
  -- The partner days rollups keep a count and the days, no sums.
  merge_count constant text := CASE WHEN fresh THEN '' ELSE
    ' ON CONFLICT (%s) DO UPDATE SET contribution_count = r.contribution_count + excluded.contribution_count%s' END;
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
       ORDER BY 1, 2, 3%2$s),
    country_days AS (
      INSERT INTO partner_days_by_country AS r (grain, bucket, region_code, country_iso3, partner_id, contribution_count, first_day,
          active_days, active_months)
      SELECT g.grain, CASE g.grain WHEN 'Y' THEN y.year ELSE '-infinity'::date END, y.region_code, y.country_iso3, y.partner_id,
             sum(y.contribution_count),
             CASE g.grain WHEN 'A' THEN coalesce(min(y.first_day) FILTER (WHERE g.grain = 'A'), 'infinity') END,
             CASE g.grain WHEN 'Y' THEN bit_or(y.days) FILTER (WHERE g.grain = 'Y') END,
             CASE g.grain WHEN 'Y' THEN bit_or(y.months) FILTER (WHERE g.grain = 'Y') END
        FROM yearly y CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)
       GROUP BY 1, 2, 3, 4, 5
      HAVING sum(y.contribution_count) <> 0 OR min(y.first_day) IS NOT NULL
       ORDER BY 1, 2, 3%3$s),
    region_days AS (
      INSERT INTO partner_days_by_region AS r (grain, bucket, region_code, partner_id, contribution_count, first_day,
          active_days, active_months)
      SELECT g.grain, CASE g.grain WHEN 'Y' THEN y.year ELSE '-infinity'::date END, y.region_code, y.partner_id,
             sum(y.contribution_count),
             CASE g.grain WHEN 'A' THEN coalesce(min(y.first_day) FILTER (WHERE g.grain = 'A'), 'infinity') END,
             CASE g.grain WHEN 'Y' THEN bit_or(y.days) FILTER (WHERE g.grain = 'Y') END,
             CASE g.grain WHEN 'Y' THEN bit_or(y.months) FILTER (WHERE g.grain = 'Y') END
        FROM yearly y CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)
       GROUP BY 1, 2, 3, 4
      HAVING sum(y.contribution_count) <> 0 OR min(y.first_day) IS NOT NULL
       ORDER BY 1, 2, 3%4$s),
    overall_days AS (
      INSERT INTO partner_days AS r (grain, bucket, partner_id, contribution_count, first_day,
          active_days, active_months)
      SELECT g.grain, CASE g.grain WHEN 'Y' THEN y.year ELSE '-infinity'::date END, y.partner_id,
             sum(y.contribution_count),
             CASE g.grain WHEN 'A' THEN coalesce(min(y.first_day) FILTER (WHERE g.grain = 'A'), 'infinity') END,
             CASE g.grain WHEN 'Y' THEN bit_or(y.days) FILTER (WHERE g.grain = 'Y') END,
             CASE g.grain WHEN 'Y' THEN bit_or(y.months) FILTER (WHERE g.grain = 'Y') END
        FROM yearly y CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)
       GROUP BY 1, 2, 3
      HAVING sum(y.contribution_count) <> 0 OR min(y.first_day) IS NOT NULL
       ORDER BY 1, 2, 3%5$s)$sql$,
      format(merge, 'grain, bucket, region_code, partner_id, income_stream, objective_code, kind, country_iso3',
        merge_days),
      format(merge, 'grain, bucket, region_code, partner_id, income_stream, kind', merge_days),
      format(merge_count, 'grain, bucket, region_code, country_iso3, partner_id', merge_days),
      format(merge_count, 'grain, bucket, region_code, partner_id', merge_days),
      format(merge_count, 'grain, bucket, partner_id', merge_days));
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
CREATE OR REPLACE FUNCTION panorama_contribution_removal_sql(removed text, partner_level boolean)
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
       AND r.partner_id = k.partner_id AND r.income_stream = k.income_stream AND r.objective_code = k.objective_code
       AND r.kind = k.kind AND r.country_iso3 IS NOT DISTINCT FROM k.country_iso3$sql$, removed);
  RETURN NEXT format($sql$
    DELETE FROM partner_activity_by_region r
     USING (SELECT DISTINCT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', o.date::timestamp)::date
                                                  ELSE '-infinity'::date END AS bucket,
                   o.region_code, o.partner_id, o.income_stream, o.kind
              FROM (%s) o CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)) k
     WHERE r.contribution_count = 0 AND r.grain = k.grain AND r.bucket = k.bucket AND r.region_code = k.region_code
       AND r.partner_id = k.partner_id AND r.income_stream = k.income_stream AND r.kind = k.kind$sql$, removed);
  RETURN NEXT format($sql$
    DELETE FROM partner_days_by_country r
     USING (SELECT DISTINCT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', o.date::timestamp)::date
                                                  ELSE '-infinity'::date END AS bucket,
                   o.region_code, o.country_iso3, o.partner_id
              FROM (%s) o CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)) k
     WHERE r.contribution_count = 0 AND r.grain = k.grain AND r.bucket = k.bucket AND r.region_code = k.region_code
       AND r.country_iso3 IS NOT DISTINCT FROM k.country_iso3 AND r.partner_id = k.partner_id$sql$, removed);
  RETURN NEXT format($sql$
    DELETE FROM partner_days_by_region r
     USING (SELECT DISTINCT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', o.date::timestamp)::date
                                                  ELSE '-infinity'::date END AS bucket,
                   o.region_code, o.partner_id
              FROM (%s) o CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)) k
     WHERE r.contribution_count = 0 AND r.grain = k.grain AND r.bucket = k.bucket AND r.region_code = k.region_code
       AND r.partner_id = k.partner_id$sql$, removed);
  RETURN NEXT format($sql$
    DELETE FROM partner_days r
     USING (SELECT DISTINCT g.grain, CASE g.grain WHEN 'Y' THEN date_trunc('year', o.date::timestamp)::date
                                                  ELSE '-infinity'::date END AS bucket,
                   o.partner_id
              FROM (%s) o CROSS JOIN (VALUES ('A'), ('Y')) AS g(grain)) k
     WHERE r.contribution_count = 0 AND r.grain = k.grain AND r.bucket = k.bucket AND r.partner_id = k.partner_id$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_activity r SET active_days = r.active_days & ~gone.days,
           active_months = panorama_active_months(r.active_days & ~gone.days, r.bucket)
      FROM (SELECT date_trunc('year', o.date::timestamp)::date AS bucket,
                   o.region_code, o.partner_id, o.income_stream, o.objective_code, o.kind, o.country_iso3,
                   bit_or(panorama_year_days(date_trunc('month', o.date::timestamp)::date,
                                             panorama_month_day_bit(o.date))) AS days
              FROM (%s) o
             WHERE NOT EXISTS (
                   SELECT 1 FROM contributions c
                    WHERE c.date = o.date AND c.region_code = o.region_code AND c.partner_id = o.partner_id
                      AND c.income_stream = o.income_stream AND c.objective_code = o.objective_code
                      AND c.kind = o.kind AND c.country_iso3 IS NOT DISTINCT FROM o.country_iso3)
             GROUP BY 1, 2, 3, 4, 5, 6, 7) gone
     WHERE r.grain = 'Y' AND r.bucket = gone.bucket AND r.region_code = gone.region_code
       AND r.partner_id = gone.partner_id AND r.income_stream = gone.income_stream
       AND r.objective_code = gone.objective_code AND r.kind = gone.kind
       AND r.country_iso3 IS NOT DISTINCT FROM gone.country_iso3$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_activity_by_region r SET active_days = r.active_days & ~gone.days,
           active_months = panorama_active_months(r.active_days & ~gone.days, r.bucket)
      FROM (SELECT date_trunc('year', o.date::timestamp)::date AS bucket,
                   o.region_code, o.partner_id, o.income_stream, o.kind,
                   bit_or(panorama_year_days(date_trunc('month', o.date::timestamp)::date,
                                             panorama_month_day_bit(o.date))) AS days
              FROM (%s) o
             WHERE NOT EXISTS (
                   SELECT 1 FROM contributions c
                    WHERE c.date = o.date AND c.region_code = o.region_code AND c.partner_id = o.partner_id
                      AND c.income_stream = o.income_stream AND c.kind = o.kind)
             GROUP BY 1, 2, 3, 4, 5) gone
     WHERE r.grain = 'Y' AND r.bucket = gone.bucket AND r.region_code = gone.region_code
       AND r.partner_id = gone.partner_id AND r.income_stream = gone.income_stream AND r.kind = gone.kind$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_days_by_country r SET active_days = r.active_days & ~gone.days,
           active_months = panorama_active_months(r.active_days & ~gone.days, r.bucket)
      FROM (SELECT date_trunc('year', o.date::timestamp)::date AS bucket,
                   o.region_code, o.country_iso3, o.partner_id,
                   bit_or(panorama_year_days(date_trunc('month', o.date::timestamp)::date,
                                             panorama_month_day_bit(o.date))) AS days
              FROM (%s) o
             WHERE NOT EXISTS (
                   SELECT 1 FROM contributions c
                    WHERE c.date = o.date AND c.region_code = o.region_code
                      AND c.country_iso3 IS NOT DISTINCT FROM o.country_iso3 AND c.partner_id = o.partner_id)
             GROUP BY 1, 2, 3, 4) gone
     WHERE r.grain = 'Y' AND r.bucket = gone.bucket AND r.region_code = gone.region_code
       AND r.country_iso3 IS NOT DISTINCT FROM gone.country_iso3 AND r.partner_id = gone.partner_id$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_days_by_region r SET active_days = r.active_days & ~gone.days,
           active_months = panorama_active_months(r.active_days & ~gone.days, r.bucket)
      FROM (SELECT date_trunc('year', o.date::timestamp)::date AS bucket,
                   o.region_code, o.partner_id,
                   bit_or(panorama_year_days(date_trunc('month', o.date::timestamp)::date,
                                             panorama_month_day_bit(o.date))) AS days
              FROM (%s) o
             WHERE NOT EXISTS (
                   SELECT 1 FROM contributions c
                    WHERE c.date = o.date AND c.region_code = o.region_code AND c.partner_id = o.partner_id)
             GROUP BY 1, 2, 3) gone
     WHERE r.grain = 'Y' AND r.bucket = gone.bucket AND r.region_code = gone.region_code
       AND r.partner_id = gone.partner_id$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_days r SET active_days = r.active_days & ~gone.days,
           active_months = panorama_active_months(r.active_days & ~gone.days, r.bucket)
      FROM (SELECT date_trunc('year', o.date::timestamp)::date AS bucket,
                   o.partner_id,
                   bit_or(panorama_year_days(date_trunc('month', o.date::timestamp)::date,
                                             panorama_month_day_bit(o.date))) AS days
              FROM (%s) o
             WHERE NOT EXISTS (
                   SELECT 1 FROM contributions c
                    WHERE c.date = o.date AND c.partner_id = o.partner_id)
             GROUP BY 1, 2) gone
     WHERE r.grain = 'Y' AND r.bucket = gone.bucket AND r.partner_id = gone.partner_id$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_activity r SET first_day = y.first_day
      FROM (SELECT y.region_code, y.partner_id, y.income_stream, y.objective_code, y.kind, y.country_iso3,
                   min(y.bucket + position(B'1' IN y.active_days) - 1) AS first_day
              FROM partner_activity y
             WHERE y.grain = 'Y' AND EXISTS (
                   SELECT 1 FROM (%s) o
                    WHERE o.region_code = y.region_code AND o.partner_id = y.partner_id
                      AND o.income_stream = y.income_stream AND o.objective_code = y.objective_code
                      AND o.kind = y.kind AND o.country_iso3 IS NOT DISTINCT FROM y.country_iso3)
             GROUP BY 1, 2, 3, 4, 5, 6) y
     WHERE r.grain = 'A' AND r.bucket = '-infinity' AND r.region_code = y.region_code
       AND r.partner_id = y.partner_id AND r.income_stream = y.income_stream AND r.objective_code = y.objective_code
       AND r.kind = y.kind AND r.country_iso3 IS NOT DISTINCT FROM y.country_iso3
       AND r.first_day <> y.first_day$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_activity_by_region r SET first_day = y.first_day
      FROM (SELECT y.region_code, y.partner_id, y.income_stream, y.kind,
                   min(y.bucket + position(B'1' IN y.active_days) - 1) AS first_day
              FROM partner_activity_by_region y
             WHERE y.grain = 'Y' AND EXISTS (
                   SELECT 1 FROM (%s) o
                    WHERE o.region_code = y.region_code AND o.partner_id = y.partner_id
                      AND o.income_stream = y.income_stream AND o.kind = y.kind)
             GROUP BY 1, 2, 3, 4) y
     WHERE r.grain = 'A' AND r.bucket = '-infinity' AND r.region_code = y.region_code
       AND r.partner_id = y.partner_id AND r.income_stream = y.income_stream AND r.kind = y.kind
       AND r.first_day <> y.first_day$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_days_by_country r SET first_day = y.first_day
      FROM (SELECT y.region_code, y.country_iso3, y.partner_id,
                   min(y.bucket + position(B'1' IN y.active_days) - 1) AS first_day
              FROM partner_days_by_country y
             WHERE y.grain = 'Y' AND EXISTS (
                   SELECT 1 FROM (%s) o
                    WHERE o.region_code = y.region_code AND o.country_iso3 IS NOT DISTINCT FROM y.country_iso3
                      AND o.partner_id = y.partner_id)
             GROUP BY 1, 2, 3) y
     WHERE r.grain = 'A' AND r.bucket = '-infinity' AND r.region_code = y.region_code
       AND r.country_iso3 IS NOT DISTINCT FROM y.country_iso3 AND r.partner_id = y.partner_id
       AND r.first_day <> y.first_day$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_days_by_region r SET first_day = y.first_day
      FROM (SELECT y.region_code, y.partner_id,
                   min(y.bucket + position(B'1' IN y.active_days) - 1) AS first_day
              FROM partner_days_by_region y
             WHERE y.grain = 'Y' AND EXISTS (
                   SELECT 1 FROM (%s) o
                    WHERE o.region_code = y.region_code AND o.partner_id = y.partner_id)
             GROUP BY 1, 2) y
     WHERE r.grain = 'A' AND r.bucket = '-infinity' AND r.region_code = y.region_code
       AND r.partner_id = y.partner_id
       AND r.first_day <> y.first_day$sql$, removed);
  RETURN NEXT format($sql$
    UPDATE partner_days r SET first_day = y.first_day
      FROM (SELECT y.partner_id,
                   min(y.bucket + position(B'1' IN y.active_days) - 1) AS first_day
              FROM partner_days y
             WHERE y.grain = 'Y' AND EXISTS (
                   SELECT 1 FROM (%s) o
                    WHERE o.partner_id = y.partner_id)
             GROUP BY 1) y
     WHERE r.grain = 'A' AND r.bucket = '-infinity' AND r.partner_id = y.partner_id
       AND r.first_day <> y.first_day$sql$, removed);
END
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION panorama_roll_up_contributions() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public SET work_mem = '64MB' AS $fn$
DECLARE
  rollup_columns constant text := 'date, amount_usd, income_stream, kind, partner_id, objective_code, region_code, country_iso3';
  -- A row that only changed its amount leaves no slice and no day: the removals need not see it.
  slice_columns constant text := 'date, income_stream, kind, partner_id, objective_code, region_code, country_iso3';
  added text;
  removed text;
  -- The rows that no longer count in their slice or on their day (`removed` but for amount changes).
  moved text;
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
    moved := removed;
  ELSE
    added := panorama_changed_rows_sql('new_rows', 'old_rows', rollup_columns);
    removed := panorama_changed_rows_sql('old_rows', 'new_rows', rollup_columns);
    moved := panorama_changed_rows_sql('old_rows', 'new_rows', slice_columns);
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
  IF moved IS NOT NULL THEN
    EXECUTE format('SELECT EXISTS (%s)', moved) INTO changed;
  END IF;
  IF moved IS NOT NULL AND changed THEN
    FOR statement IN SELECT panorama_contribution_removal_sql(format(
        'SELECT r.*, pa.partner_type FROM (%s) r JOIN partners pa ON pa.id = r.partner_id', moved), true) LOOP
      EXECUTE statement;
    END LOOP;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

-- Emptying a fact table empties its rollups.
CREATE OR REPLACE FUNCTION panorama_clear_rollups() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
BEGIN
  IF TG_TABLE_NAME = 'impact_records' THEN
    TRUNCATE impact_totals;
  ELSE
    TRUNCATE contribution_totals, contribution_totals_by_region, partner_activity, partner_activity_by_region,
      partner_days_by_country, partner_days_by_region, partner_days;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

-- Recomputes every rollup from the fact tables: after a bulk load that deferred them, or to repair.
CREATE OR REPLACE FUNCTION panorama_rebuild_rollups() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public SET work_mem = '256MB' AS $fn$
BEGIN
  TRUNCATE contribution_totals, contribution_totals_by_region, partner_activity, partner_activity_by_region,
    partner_days_by_country, partner_days_by_region, partner_days, impact_totals;
  EXECUTE panorama_contribution_rollup_sql(
    'SELECT 1 AS sign, c.*, pa.partner_type FROM contributions c JOIN partners pa ON pa.id = c.partner_id', true, true);
  EXECUTE panorama_impact_rollup_sql('SELECT 1 AS sign, ir.* FROM impact_records ir', true);
END
$fn$;
--> statement-breakpoint

-- The new rollups are filled from what the database holds.
SELECT panorama_rebuild_rollups();
