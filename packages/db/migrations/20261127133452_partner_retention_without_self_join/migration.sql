-- A slice's retained partners (active in a year and in the year before) counted without joining
-- the years' partner days with themselves: each partner's previous year in the slice is read with
-- lag(), after one sort. A first import into a new database has no statistics on the partner
-- days yet, and the self-join was planned as a nested loop over all of them: 100,000
-- contributions took 96 s to count. The rest of `panorama_partner_counts_sql` is as in
-- `partner_counts_by_year`.
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
      retained AS (SELECT z.bucket%8$s, count(*)::int AS n
        FROM (SELECT y.bucket%7$s, lag(y.bucket) OVER (PARTITION BY y.partner_id%7$s ORDER BY y.bucket) AS before
              FROM years y) z
        WHERE z.before = (z.bucket - interval '1 year')::date
        GROUP BY z.bucket%8$s),
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
      panorama_slice_columns('z', slice), panorama_slice_match('x', 's', slice), level,
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
