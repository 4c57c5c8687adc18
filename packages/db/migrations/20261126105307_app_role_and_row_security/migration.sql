-- The server works as `panorama_app`, a role that owns nothing: it reads the tables, writes the
-- data tables, appends to the audit trail, and is held by row-level security on the tables that
-- regional users write. Migrations and the demo seed run as the tables' owner.
DO $$
BEGIN
  CREATE ROLE panorama_app NOLOGIN;
EXCEPTION
  -- The role is shared by every database of the cluster: another database may have made it.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  -- Lets the connecting user `SET ROLE panorama_app` when it is not a superuser.
  EXECUTE format('GRANT panorama_app TO %I', current_user);
EXCEPTION
  WHEN duplicate_object OR unique_violation OR insufficient_privilege OR invalid_grant_operation THEN NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO panorama_app;
--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA public TO panorama_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO panorama_app;
--> statement-breakpoint
GRANT INSERT, UPDATE, DELETE ON
  partners, partnerships, contributions, impact_records, targets, target_versions,
  opportunities, field_needs, stories, users, sessions, api_tokens, login_throttle
  TO panorama_app;
--> statement-breakpoint
GRANT INSERT ON audit_log TO panorama_app;
--> statement-breakpoint

-- The audit trail is append-only, for everyone.
CREATE FUNCTION panorama_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail is append-only: % is not allowed on audit_log.', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION panorama_refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION panorama_refuse_audit_change();
--> statement-breakpoint

-- Who is writing: set per transaction by the server (`set_config(..., true)`).
CREATE FUNCTION panorama_may_write(row_region text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('panorama.user_role', true), '') = 'ADMIN'
      OR (coalesce(current_setting('panorama.user_role', true), '') = 'REGIONAL'
          AND row_region IS NOT NULL
          AND row_region = current_setting('panorama.user_region', true))
$$;
--> statement-breakpoint

-- The region a target belongs to: its region, or its country's region in its year.
CREATE FUNCTION panorama_target_region(scope_type text, scope_code text, target_year integer)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE scope_type
    WHEN 'REGION' THEN scope_code
    WHEN 'COUNTRY' THEN (
      SELECT m.region_code FROM country_memberships m
      WHERE m.country_iso3 = scope_code
        AND m.valid_from <= make_date(target_year, 12, 31)
        AND (m.valid_to IS NULL OR m.valid_to >= make_date(target_year, 1, 1))
      ORDER BY m.valid_from DESC
      LIMIT 1)
  END
$$;
--> statement-breakpoint

ALTER TABLE targets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY targets_read ON targets FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY targets_insert ON targets FOR INSERT
  WITH CHECK (panorama_may_write(panorama_target_region(scope_type, scope_code, year)));
--> statement-breakpoint
CREATE POLICY targets_update ON targets FOR UPDATE
  USING (panorama_may_write(panorama_target_region(scope_type, scope_code, year)))
  WITH CHECK (panorama_may_write(panorama_target_region(scope_type, scope_code, year)));
--> statement-breakpoint
CREATE POLICY targets_delete ON targets FOR DELETE
  USING (panorama_may_write(panorama_target_region(scope_type, scope_code, year)));
--> statement-breakpoint

ALTER TABLE target_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY target_versions_read ON target_versions FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY target_versions_insert ON target_versions FOR INSERT
  WITH CHECK (EXISTS (
    SELECT 1 FROM targets t
    WHERE t.id = target_id AND panorama_may_write(panorama_target_region(t.scope_type, t.scope_code, t.year))));
--> statement-breakpoint

ALTER TABLE stories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY stories_read ON stories FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY stories_write ON stories FOR ALL
  USING (panorama_may_write(region_code)) WITH CHECK (panorama_may_write(region_code));
--> statement-breakpoint

ALTER TABLE opportunities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY opportunities_read ON opportunities FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY opportunities_write ON opportunities FOR ALL
  USING (panorama_may_write(region_code)) WITH CHECK (panorama_may_write(region_code));
--> statement-breakpoint

ALTER TABLE field_needs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY field_needs_read ON field_needs FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY field_needs_write ON field_needs FOR ALL
  USING (panorama_may_write(region_code)) WITH CHECK (panorama_may_write(region_code));
