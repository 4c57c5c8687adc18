CREATE TABLE "contribution_totals" (
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"region_code" text NOT NULL,
	"income_stream" text NOT NULL,
	"partner_type" text NOT NULL,
	"objective_code" text NOT NULL,
	"kind" text NOT NULL,
	"country_iso3" text,
	"revenue_usd" numeric NOT NULL,
	"contribution_count" integer NOT NULL,
	CONSTRAINT "contribution_totals_key" UNIQUE NULLS NOT DISTINCT("grain","bucket","region_code","income_stream","partner_type","objective_code","kind","country_iso3"),
	CONSTRAINT "contribution_totals_grain" CHECK (grain IN ('Y', 'M'))
);
--> statement-breakpoint
CREATE TABLE "contribution_totals_by_region" (
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"region_code" text NOT NULL,
	"income_stream" text NOT NULL,
	"partner_type" text NOT NULL,
	"kind" text NOT NULL,
	"revenue_usd" numeric NOT NULL,
	"contribution_count" integer NOT NULL,
	CONSTRAINT "contribution_totals_by_region_key" UNIQUE("grain","bucket","region_code","income_stream","partner_type","kind"),
	CONSTRAINT "contribution_totals_by_region_grain" CHECK (grain IN ('Y', 'M', 'D'))
);
--> statement-breakpoint
CREATE TABLE "impact_totals" (
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"metric_code" text NOT NULL,
	"region_code" text NOT NULL,
	"objective_code" text NOT NULL,
	"country_iso3" text,
	"value" numeric NOT NULL,
	"record_count" integer NOT NULL,
	CONSTRAINT "impact_totals_key" UNIQUE NULLS NOT DISTINCT("grain","bucket","metric_code","region_code","objective_code","country_iso3"),
	CONSTRAINT "impact_totals_grain" CHECK (grain IN ('Y', 'M'))
);
--> statement-breakpoint
CREATE TABLE "partner_activity" (
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"partner_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"income_stream" text NOT NULL,
	"objective_code" text NOT NULL,
	"kind" text NOT NULL,
	"country_iso3" text,
	"revenue_usd" numeric NOT NULL,
	"contribution_count" integer NOT NULL,
	"first_day" date,
	"active_days" bit(366),
	"active_months" integer,
	CONSTRAINT "partner_activity_key" UNIQUE NULLS NOT DISTINCT("grain","bucket","region_code","partner_id","income_stream","objective_code","kind","country_iso3"),
	CONSTRAINT "partner_activity_grain" CHECK (grain IN ('A', 'Y')),
	CONSTRAINT "partner_activity_days" CHECK ((grain = 'A') = (first_day IS NOT NULL) AND (grain = 'Y') = (active_days IS NOT NULL)
        AND (grain = 'Y') = (active_months IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "partner_activity_by_region" (
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"partner_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"income_stream" text NOT NULL,
	"kind" text NOT NULL,
	"revenue_usd" numeric NOT NULL,
	"contribution_count" integer NOT NULL,
	"first_day" date,
	"active_days" bit(366),
	"active_months" integer,
	CONSTRAINT "partner_activity_by_region_key" UNIQUE("grain","bucket","region_code","partner_id","income_stream","kind"),
	CONSTRAINT "partner_activity_by_region_grain" CHECK (grain IN ('A', 'Y')),
	CONSTRAINT "partner_activity_by_region_days" CHECK ((grain = 'A') = (first_day IS NOT NULL) AND (grain = 'Y') = (active_days IS NOT NULL)
        AND (grain = 'Y') = (active_months IS NOT NULL))
);
