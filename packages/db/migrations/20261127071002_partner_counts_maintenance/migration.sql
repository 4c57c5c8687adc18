-- partner_counts: active, new and retained partners per calendar year, over every region, per
-- region and per region and country, counted from the partner days rollups. A write counts again
-- the slices its contributions were or are in (every year of them: a partner's first day may move
-- to any year), after the partner days are in step, in the writing transaction. The trigger and
-- the clear and rebuild functions below are those of `partner_days_maintenance` with this added.
GRANT SELECT ON partner_counts TO panorama_app;
--> statement-breakpoint

-- `, a.region_code, a.country_iso3` for the slice columns given.
CREATE FUNCTION panorama_slice_columns(alias text, slice text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT coalesce(string_agg(format(', %I.%I', alias, name), '' ORDER BY n), '')
  FROM unnest(slice) WITH ORDINALITY AS u(name, n)
$fn$;
--> statement-breakpoint

-- ` AND a.region_code IS NOT DISTINCT FROM b.region_code …` for the slice columns given.
CREATE FUNCTION panorama_same_slice(a text, b text, slice text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT coalesce(string_agg(format(' AND %1$I.%3$I IS NOT DISTINCT FROM %2$I.%3$I', a, b, name), '' ORDER BY n), '')
  FROM unnest(slice) WITH ORDINALITY AS u(name, n)
$fn$;
--> statement-breakpoint

-- The statements that count the partners again, level by level: each deletes the counts of the
-- slices `touched` (a query of contribution rows' region_code and country_iso3; every slice when
-- null) and inserts them again from that level's partner days. Over every region (level A) the
-- one slice is counted again whatever was touched.
CREATE FUNCTION panorama_partner_counts_sql(touched text) RETURNS SETOF text LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
  level text;
  days text;
  slice text[];
  touched_cte text;
  inside text;
BEGIN
  FOREACH level IN ARRAY ARRAY['A', 'R', 'C'] LOOP
    days := CASE level WHEN 'A' THEN 'partner_days' WHEN 'R' THEN 'partner_days_by_region' ELSE 'partner_days_by_country' END;
    slice := CASE level WHEN 'A' THEN '{}'::text[] WHEN 'R' THEN '{region_code}'::text[]
      ELSE '{region_code,country_iso3}'::text[] END;
    IF touched IS NULL OR level = 'A' THEN
      touched_cte := NULL;
      inside := 'true';
    ELSE
      touched_cte := format('touched AS MATERIALIZED (SELECT DISTINCT %s FROM (%s) t)', array_to_string(slice, ', '), touched);
      inside := format('EXISTS (SELECT 1 FROM touched t WHERE true%s)', panorama_same_slice('t', 'x', slice));
    END IF;
    RETURN NEXT format('%s DELETE FROM partner_counts x WHERE x.level = %L AND %s',
      CASE WHEN touched_cte IS NULL THEN '' ELSE 'WITH ' || touched_cte END, level, inside);
    RETURN NEXT format($sql$WITH %1$s
      years AS MATERIALIZED (SELECT x.bucket, x.partner_id%2$s FROM %3$I x WHERE x.grain = 'Y' AND %4$s),
      active AS (SELECT y.bucket%5$s, count(*)::int AS n FROM years y GROUP BY y.bucket%5$s),
      retained AS (SELECT y.bucket%5$s, count(*)::int AS n FROM years y
        JOIN years p ON p.partner_id = y.partner_id AND p.bucket = (y.bucket - interval '1 year')::date%6$s
        GROUP BY y.bucket%5$s),
      firsts AS (SELECT make_date(extract(year FROM x.first_day)::int, 1, 1) AS bucket%2$s, count(*)::int AS n
        FROM %3$I x WHERE x.grain = 'A' AND %4$s GROUP BY 1%2$s),
      slices AS (SELECT a.bucket%7$s FROM active a
        UNION SELECT (a.bucket + interval '1 year')::date%7$s FROM active a
        UNION SELECT f.bucket%8$s FROM firsts f)
    INSERT INTO partner_counts (level, bucket, region_code, country_iso3, active_partners, new_partners,
      retained_partners, previous_active_partners)
    SELECT %9$L, s.bucket, %10$s, %11$s, coalesce(a.n, 0), coalesce(f.n, 0), coalesce(r.n, 0), coalesce(pa.n, 0)
    FROM slices s
    LEFT JOIN active a ON a.bucket = s.bucket%12$s
    LEFT JOIN firsts f ON f.bucket = s.bucket%13$s
    LEFT JOIN retained r ON r.bucket = s.bucket%14$s
    LEFT JOIN active pa ON pa.bucket = (s.bucket - interval '1 year')::date%15$s
    ORDER BY s.bucket%16$s$sql$,
      CASE WHEN touched_cte IS NULL THEN '' ELSE touched_cte || ',' END,
      panorama_slice_columns('x', slice), days, inside, panorama_slice_columns('y', slice),
      panorama_same_slice('p', 'y', slice), panorama_slice_columns('a', slice), panorama_slice_columns('f', slice),
      level, CASE WHEN level = 'A' THEN 'NULL' ELSE 's.region_code' END,
      CASE WHEN level = 'C' THEN 's.country_iso3' ELSE 'NULL' END,
      panorama_same_slice('a', 's', slice), panorama_same_slice('f', 's', slice), panorama_same_slice('r', 's', slice),
      panorama_same_slice('pa', 's', slice), panorama_slice_columns('s', slice));
  END LOOP;
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
  -- The rows whose partners' days may have changed, before and after: their slices are counted again.
  touched text;
  changed boolean;
  statement text;
BEGIN
  IF panorama_rollups_deferred() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    added := 'SELECT * FROM new_rows';
    touched := added;
  ELSIF TG_OP = 'DELETE' THEN
    removed := 'SELECT * FROM old_rows';
    moved := removed;
    touched := removed;
  ELSE
    added := panorama_changed_rows_sql('new_rows', 'old_rows', rollup_columns);
    removed := panorama_changed_rows_sql('old_rows', 'new_rows', rollup_columns);
    moved := panorama_changed_rows_sql('old_rows', 'new_rows', slice_columns);
    touched := format('SELECT region_code, country_iso3 FROM (%s) b UNION ALL SELECT region_code, country_iso3 FROM (%s) a',
      moved, panorama_changed_rows_sql('new_rows', 'old_rows', slice_columns));
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
  EXECUTE format('SELECT EXISTS (%s)', touched) INTO changed;
  IF changed THEN
    FOR statement IN SELECT panorama_partner_counts_sql(touched) LOOP
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
      partner_days_by_country, partner_days_by_region, partner_days, partner_counts;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

-- Recomputes every rollup from the fact tables: after a bulk load that deferred them, or to repair.
CREATE OR REPLACE FUNCTION panorama_rebuild_rollups() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public SET work_mem = '256MB' AS $fn$
DECLARE
  statement text;
BEGIN
  TRUNCATE contribution_totals, contribution_totals_by_region, partner_activity, partner_activity_by_region,
    partner_days_by_country, partner_days_by_region, partner_days, partner_counts, impact_totals;
  EXECUTE panorama_contribution_rollup_sql(
    'SELECT 1 AS sign, c.*, pa.partner_type FROM contributions c JOIN partners pa ON pa.id = c.partner_id', true, true);
  FOR statement IN SELECT panorama_partner_counts_sql(NULL) LOOP
    EXECUTE statement;
  END LOOP;
  EXECUTE panorama_impact_rollup_sql('SELECT 1 AS sign, ir.* FROM impact_records ir', true);
END
$fn$;
--> statement-breakpoint

-- The counts are filled from what the database holds.
SELECT panorama_rebuild_rollups();
