-- The data version: a number that moves with every write to the data the analytics read, so
-- that a cached answer is never served once the data under it has changed. A sequence, not a
-- row: moving it takes no lock, so a long import never holds up other writers.
CREATE SEQUENCE panorama_data_version;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE panorama_data_version TO panorama_app;
--> statement-breakpoint

-- Once per statement (not per row), whoever writes: the server, an import, the seed, psql.
-- The server moves it again once its transaction has committed (`writeAs`), so that nothing
-- read between this statement and the commit is kept under the new number.
CREATE FUNCTION panorama_data_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM nextval('public.panorama_data_version');
  PERFORM pg_notify('panorama_data_version', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  data_table text;
BEGIN
  FOREACH data_table IN ARRAY ARRAY[
    'contributions', 'impact_records', 'partners', 'partnerships', 'targets', 'target_versions',
    'opportunities', 'field_needs', 'stories', 'objectives', 'regions', 'countries', 'country_memberships'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION panorama_data_changed()',
      data_table || '_data_version', data_table);
  END LOOP;
END
$$;
