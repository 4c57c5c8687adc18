CREATE TABLE "contributions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contributions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"external_ref" text NOT NULL UNIQUE,
	"date" date NOT NULL,
	"amount_usd" numeric(14,2) NOT NULL,
	"income_stream" text NOT NULL,
	"kind" text NOT NULL,
	"partner_id" integer NOT NULL,
	"objective_code" text NOT NULL,
	"region_code" text NOT NULL,
	"country_iso3" text,
	"partnership_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contributions_amount_non_negative" CHECK ("amount_usd" >= 0),
	CONSTRAINT "contributions_income_stream" CHECK (income_stream IN ('INDIVIDUAL_GIVING', 'CORPORATE', 'FOUNDATION', 'HNWI')),
	CONSTRAINT "contributions_kind" CHECK (kind IN ('CASH', 'IN_KIND'))
);
--> statement-breakpoint
CREATE TABLE "field_needs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "field_needs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text NOT NULL,
	"sector" text,
	"region_code" text NOT NULL,
	"country_iso3" text,
	"objective_code" text,
	"status" text NOT NULL,
	"identified_on" date NOT NULL,
	"partnership_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_needs_status" CHECK (status IN ('OPEN', 'MATCHED', 'CLOSED'))
);
--> statement-breakpoint
CREATE TABLE "impact_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "impact_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"external_ref" text NOT NULL UNIQUE,
	"date" date NOT NULL,
	"metric_code" text NOT NULL,
	"value" numeric(18,4) NOT NULL,
	"region_code" text NOT NULL,
	"country_iso3" text,
	"partnership_id" integer,
	"objective_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "impact_records_value_non_negative" CHECK ("value" >= 0),
	CONSTRAINT "impact_records_metric_code" CHECK (metric_code ~ '^[A-Z][A-Z0-9_]*$')
);
--> statement-breakpoint
CREATE TABLE "objectives" (
	"code" text PRIMARY KEY,
	"name" text NOT NULL,
	"pillar" text NOT NULL,
	"description" text NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "objectives_pillar" CHECK (pillar IN ('INCOME', 'IMPACT', 'INNOVATION', 'ENABLER'))
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opportunities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"partner_id" integer,
	"prospect_name" text,
	"region_code" text NOT NULL,
	"country_iso3" text,
	"objective_code" text,
	"stage" text NOT NULL,
	"amount_usd" numeric(14,2) NOT NULL,
	"probability" numeric(5,4) NOT NULL,
	"expected_close_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_stage" CHECK (stage IN ('IDENTIFIED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST')),
	CONSTRAINT "opportunities_amount_non_negative" CHECK ("amount_usd" >= 0),
	CONSTRAINT "opportunities_probability" CHECK ("probability" BETWEEN 0 AND 1),
	CONSTRAINT "opportunities_who" CHECK ("partner_id" IS NOT NULL OR "prospect_name" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partners_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"external_ref" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"partner_type" text NOT NULL,
	"sector" text,
	"scope" text NOT NULL,
	"region_code" text NOT NULL,
	"country_iso3" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_type" CHECK (partner_type IN ('CORPORATION', 'FOUNDATION', 'HNWI', 'GIVING_CHANNEL', 'ASSOCIATION')),
	CONSTRAINT "partners_scope" CHECK (scope IN ('LOCAL', 'GLOBAL'))
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partnerships_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"external_ref" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"partner_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"country_iso3" text,
	"objective_code" text NOT NULL,
	"modality" text NOT NULL,
	"status" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnerships_modality" CHECK (modality IN ('CASH', 'IN_KIND', 'TECHNICAL_EXPERTISE', 'SHARED_VALUE')),
	CONSTRAINT "partnerships_status" CHECK (status IN ('PLANNED', 'ACTIVE', 'COMPLETED', 'SUSPENDED')),
	CONSTRAINT "partnerships_dates" CHECK ("end_date" IS NULL OR "end_date" >= "start_date")
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"iso3" text PRIMARY KEY,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "countries_iso3_format" CHECK ("iso3" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "country_memberships" (
	"country_iso3" text,
	"region_code" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "country_memberships_pkey" PRIMARY KEY("country_iso3","valid_from"),
	CONSTRAINT "country_memberships_range" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY,
	"name" text NOT NULL,
	"city" text,
	CONSTRAINT "regions_code_format" CHECK ("code" ~ '^[A-Z]{2,3}$')
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"region_code" text NOT NULL,
	"country_iso3" text,
	"partnership_id" integer,
	"story_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "target_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"target_id" integer NOT NULL,
	"version" integer NOT NULL,
	"value" numeric(18,4) NOT NULL,
	"previous_value" numeric(18,4),
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_versions_key" UNIQUE("target_id","version")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"metric_code" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_code" text NOT NULL,
	"region_code" text,
	"country_iso3" text,
	"year" integer NOT NULL,
	"quarter" integer,
	"value" numeric(18,4) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_key" UNIQUE NULLS NOT DISTINCT("metric_code","scope_code","year","quarter"),
	CONSTRAINT "targets_scope_type" CHECK (scope_type IN ('GLOBAL', 'REGION', 'COUNTRY')),
	CONSTRAINT "targets_scope_consistent" CHECK ((scope_type = 'GLOBAL' AND scope_code = 'GLOBAL' AND region_code IS NULL AND country_iso3 IS NULL)
        OR (scope_type = 'REGION' AND region_code = scope_code AND country_iso3 IS NULL)
        OR (scope_type = 'COUNTRY' AND country_iso3 = scope_code AND region_code IS NULL)),
	CONSTRAINT "targets_quarter" CHECK ("quarter" IS NULL OR "quarter" BETWEEN 1 AND 4),
	CONSTRAINT "targets_year" CHECK ("year" BETWEEN 2000 AND 2100),
	CONSTRAINT "targets_value_non_negative" CHECK ("value" >= 0),
	CONSTRAINT "targets_metric_code" CHECK (metric_code ~ '^[A-Z][A-Z0-9_]*$')
);
--> statement-breakpoint
CREATE INDEX "contributions_date_idx" ON "contributions" ("date");--> statement-breakpoint
CREATE INDEX "contributions_region_date_idx" ON "contributions" ("region_code","date");--> statement-breakpoint
CREATE INDEX "contributions_country_date_idx" ON "contributions" ("country_iso3","date");--> statement-breakpoint
CREATE INDEX "contributions_partner_date_idx" ON "contributions" ("partner_id","date");--> statement-breakpoint
CREATE INDEX "field_needs_region_idx" ON "field_needs" ("region_code","status");--> statement-breakpoint
CREATE INDEX "impact_records_metric_date_idx" ON "impact_records" ("metric_code","date");--> statement-breakpoint
CREATE INDEX "impact_records_region_metric_date_idx" ON "impact_records" ("region_code","metric_code","date");--> statement-breakpoint
CREATE INDEX "impact_records_partnership_idx" ON "impact_records" ("partnership_id");--> statement-breakpoint
CREATE INDEX "opportunities_close_idx" ON "opportunities" ("expected_close_date","region_code");--> statement-breakpoint
CREATE INDEX "partners_region_idx" ON "partners" ("region_code");--> statement-breakpoint
CREATE INDEX "partners_name_idx" ON "partners" ("name");--> statement-breakpoint
CREATE INDEX "partnerships_partner_idx" ON "partnerships" ("partner_id");--> statement-breakpoint
CREATE INDEX "partnerships_region_idx" ON "partnerships" ("region_code","objective_code");--> statement-breakpoint
CREATE INDEX "countries_region_idx" ON "countries" ("region_code");--> statement-breakpoint
CREATE INDEX "stories_region_date_idx" ON "stories" ("region_code","story_date");--> statement-breakpoint
CREATE INDEX "targets_year_metric_idx" ON "targets" ("year","metric_code");--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_objective_code_objectives_code_fkey" FOREIGN KEY ("objective_code") REFERENCES "objectives"("code");--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_country_iso3_countries_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "countries"("iso3");--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_partnership_id_partnerships_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id");--> statement-breakpoint
ALTER TABLE "field_needs" ADD CONSTRAINT "field_needs_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "field_needs" ADD CONSTRAINT "field_needs_country_iso3_countries_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "countries"("iso3");--> statement-breakpoint
ALTER TABLE "field_needs" ADD CONSTRAINT "field_needs_objective_code_objectives_code_fkey" FOREIGN KEY ("objective_code") REFERENCES "objectives"("code");--> statement-breakpoint
ALTER TABLE "field_needs" ADD CONSTRAINT "field_needs_partnership_id_partnerships_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id");--> statement-breakpoint
ALTER TABLE "impact_records" ADD CONSTRAINT "impact_records_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "impact_records" ADD CONSTRAINT "impact_records_country_iso3_countries_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "countries"("iso3");--> statement-breakpoint
ALTER TABLE "impact_records" ADD CONSTRAINT "impact_records_partnership_id_partnerships_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id");--> statement-breakpoint
ALTER TABLE "impact_records" ADD CONSTRAINT "impact_records_objective_code_objectives_code_fkey" FOREIGN KEY ("objective_code") REFERENCES "objectives"("code");--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_country_iso3_countries_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "countries"("iso3");--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_objective_code_objectives_code_fkey" FOREIGN KEY ("objective_code") REFERENCES "objectives"("code");--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_country_iso3_countries_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "countries"("iso3");--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_country_iso3_countries_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "countries"("iso3");--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_objective_code_objectives_code_fkey" FOREIGN KEY ("objective_code") REFERENCES "objectives"("code");--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "country_memberships" ADD CONSTRAINT "country_memberships_country_iso3_countries_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "countries"("iso3");--> statement-breakpoint
ALTER TABLE "country_memberships" ADD CONSTRAINT "country_memberships_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_country_iso3_countries_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "countries"("iso3");--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_partnership_id_partnerships_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id");--> statement-breakpoint
ALTER TABLE "target_versions" ADD CONSTRAINT "target_versions_target_id_targets_id_fkey" FOREIGN KEY ("target_id") REFERENCES "targets"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_region_code_regions_code_fkey" FOREIGN KEY ("region_code") REFERENCES "regions"("code");--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_country_iso3_countries_iso3_fkey" FOREIGN KEY ("country_iso3") REFERENCES "countries"("iso3");