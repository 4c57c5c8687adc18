-- partner_counts counted again by year: a write counts the active and retained partners again
-- only in the years its contributions were or are in, and the year after each (its retention
-- and its previous year's partners); the other years of its slices keep theirs, and only their
-- new partners are counted again (a partner's first day may move to any year). The slices'
-- partner days are read by their index, no longer whole. The trigger below is that of
-- `partner_counts_maintenance` with the years of an update's rows passed on.

-- ` AND a.region_code = b.region_code AND a.country_iso3 IS NOT DISTINCT FROM b.country_iso3 …`
-- for the slice columns given: a slice's region is never null (an index can find it), its country may be.
CREATE FUNCTION panorama_slice_match(a text, b text, slice text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT coalesce(string_agg(format(CASE WHEN name = 'region_code' THEN ' AND %1$I.%3$I = %2$I.%3$I'
                                         ELSE ' AND %1$I.%3$I IS NOT DISTINCT FROM %2$I.%3$I' END, a, b, name),
                             '' ORDER BY n), '')
  FROM unnest(slice) WITH ORDINALITY AS u(name, n)
$fn$;
--> statement-breakpoint

-- The statements that count the partners again: one per level, then one that drops the counts
-- left with nothing. `touched` is a query of contribution rows' date, region_code and
-- country_iso3; null counts every slice and year again (a rebuild: partner_counts is empty), after
-- the partner days, just filled again in the same transaction, are analyzed (without their
-- statistics, the joins below were planned as nested loops: 9 minutes at 10 million contributions).
-- A level's statement writes, for each slice touched: active, retained and previous partners of
-- each year touched and the year after, from the partner days of those years and the year
-- before; new partners of every year, from the slice's first days; and the rest as they were.
CREATE OR REPLACE FUNCTION panorama_partner_counts_sql(touched text) RETURNS SETOF text LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
  level text;
  days text;
  slice text[];
BEGIN
  IF touched IS NULL THEN
    RETURN NEXT 'ANALYZE partner_days, partner_days_by_region, partner_days_by_country';
    touched := $q$SELECT bucket AS date, region_code, country_iso3 FROM partner_days_by_country WHERE grain = 'Y'$q$;
  END IF;
  FOREACH level IN ARRAY ARRAY['A', 'R', 'C'] LOOP
    days := CASE level WHEN 'A' THEN 'partner_days' WHEN 'R' THEN 'partner_days_by_region' ELSE 'partner_days_by_country' END;
    slice := CASE level WHEN 'A' THEN '{}'::text[] WHEN 'R' THEN '{region_code}'::text[]
      ELSE '{region_code,country_iso3}'::text[] END;
    RETURN NEXT format($sql$WITH
      touched AS MATERIALIZED (SELECT DISTINCT make_date(extract(year FROM t.date)::int, 1, 1) AS bucket%1$s
        FROM (%2$s) t),
      recount AS MATERIALIZED (SELECT t.bucket%1$s FROM touched t
        UNION SELECT (t.bucket + interval '1 year')::date%1$s FROM touched t),
      wanted AS MATERIALIZED (SELECT r.bucket%3$s FROM recount r
        UNION SELECT (r.bucket - interval '1 year')::date%3$s FROM recount r),
      slices AS MATERIALIZED (SELECT DISTINCT true AS slice%1$s FROM touched t),
      years AS MATERIALIZED (SELECT x.bucket, x.partner_id%4$s FROM wanted w
        JOIN %5$I x ON x.grain = 'Y' AND x.bucket = w.bucket%6$s),
      active AS (SELECT y.bucket%7$s, count(*)::int AS n FROM years y GROUP BY y.bucket%7$s),
      retained AS (SELECT y.bucket%7$s, count(*)::int AS n FROM years y
        JOIN years p ON p.partner_id = y.partner_id AND p.bucket = (y.bucket - interval '1 year')::date%8$s
        GROUP BY y.bucket%7$s),
      firsts AS (SELECT make_date(extract(year FROM x.first_day)::int, 1, 1) AS bucket%4$s, count(*)::int AS n
        FROM slices s JOIN %5$I x ON x.grain = 'A' AND x.bucket = '-infinity'%9$s GROUP BY 1%4$s),
      kept AS (SELECT x.* FROM slices s JOIN partner_counts x ON x.level = %10$L%9$s),
      buckets AS (SELECT k.bucket%11$s FROM kept k UNION SELECT r.bucket%3$s FROM recount r
        UNION SELECT f.bucket%12$s FROM firsts f)
    INSERT INTO partner_counts (level, bucket, region_code, country_iso3, active_partners, new_partners,
      retained_partners, previous_active_partners)
    SELECT %10$L, b.bucket, %13$s, %14$s,
      CASE WHEN r.bucket IS NULL THEN coalesce(k.active_partners, 0) ELSE coalesce(a.n, 0) END,
      coalesce(f.n, 0),
      CASE WHEN r.bucket IS NULL THEN coalesce(k.retained_partners, 0) ELSE coalesce(rt.n, 0) END,
      CASE WHEN r.bucket IS NULL THEN coalesce(k.previous_active_partners, 0) ELSE coalesce(pa.n, 0) END
    FROM buckets b
    LEFT JOIN recount r ON r.bucket = b.bucket%15$s
    LEFT JOIN kept k ON k.bucket = b.bucket%16$s
    LEFT JOIN active a ON a.bucket = b.bucket%17$s
    LEFT JOIN firsts f ON f.bucket = b.bucket%18$s
    LEFT JOIN retained rt ON rt.bucket = b.bucket%19$s
    LEFT JOIN active pa ON pa.bucket = (b.bucket - interval '1 year')::date%20$s
    ORDER BY b.bucket%21$s
    ON CONFLICT (level, bucket, region_code, country_iso3) DO UPDATE SET
      active_partners = excluded.active_partners, new_partners = excluded.new_partners,
      retained_partners = excluded.retained_partners, previous_active_partners = excluded.previous_active_partners$sql$,
      panorama_slice_columns('t', slice), touched, panorama_slice_columns('r', slice), panorama_slice_columns('x', slice),
      days, panorama_slice_match('x', 'w', slice), panorama_slice_columns('y', slice),
      panorama_slice_match('p', 'y', slice), panorama_slice_match('x', 's', slice), level,
      panorama_slice_columns('k', slice), panorama_slice_columns('f', slice),
      CASE WHEN level = 'A' THEN 'NULL' ELSE 'b.region_code' END,
      CASE WHEN level = 'C' THEN 'b.country_iso3' ELSE 'NULL' END,
      panorama_slice_match('r', 'b', slice), panorama_slice_match('k', 'b', slice),
      panorama_slice_match('a', 'b', slice), panorama_slice_match('f', 'b', slice),
      panorama_slice_match('rt', 'b', slice), panorama_slice_match('pa', 'b', slice),
      panorama_slice_columns('b', slice));
  END LOOP;
  -- A year is counted while it has partners, partners the year before or new partners.
  RETURN NEXT 'DELETE FROM partner_counts WHERE active_partners = 0 AND new_partners = 0 AND previous_active_partners = 0';
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
  -- The rows whose partners' days may have changed, before and after: their slices and years are counted again.
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
    touched := format('SELECT date, region_code, country_iso3 FROM (%s) b UNION ALL SELECT date, region_code, country_iso3 FROM (%s) a',
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

-- Slices are matched by `panorama_slice_match` now: the earlier matcher has no user left.
DROP FUNCTION panorama_same_slice(text, text, text[]);
