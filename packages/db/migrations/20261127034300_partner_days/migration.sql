CREATE TABLE "partner_days" (
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"partner_id" integer NOT NULL,
	"contribution_count" integer NOT NULL,
	"first_day" date,
	"active_days" bit(366),
	"active_months" integer,
	CONSTRAINT "partner_days_key" UNIQUE("grain","bucket","partner_id"),
	CONSTRAINT "partner_days_grain" CHECK (grain IN ('A', 'Y')),
	CONSTRAINT "partner_days_days" CHECK ((grain = 'A') = (first_day IS NOT NULL) AND (grain = 'Y') = (active_days IS NOT NULL)
        AND (grain = 'Y') = (active_months IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "partner_days_by_country" (
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"region_code" text NOT NULL,
	"country_iso3" text,
	"partner_id" integer NOT NULL,
	"contribution_count" integer NOT NULL,
	"first_day" date,
	"active_days" bit(366),
	"active_months" integer,
	CONSTRAINT "partner_days_by_country_key" UNIQUE NULLS NOT DISTINCT("grain","bucket","region_code","country_iso3","partner_id"),
	CONSTRAINT "partner_days_by_country_grain" CHECK (grain IN ('A', 'Y')),
	CONSTRAINT "partner_days_by_country_days" CHECK ((grain = 'A') = (first_day IS NOT NULL) AND (grain = 'Y') = (active_days IS NOT NULL)
        AND (grain = 'Y') = (active_months IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "partner_days_by_region" (
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"region_code" text NOT NULL,
	"partner_id" integer NOT NULL,
	"contribution_count" integer NOT NULL,
	"first_day" date,
	"active_days" bit(366),
	"active_months" integer,
	CONSTRAINT "partner_days_by_region_key" UNIQUE("grain","bucket","region_code","partner_id"),
	CONSTRAINT "partner_days_by_region_grain" CHECK (grain IN ('A', 'Y')),
	CONSTRAINT "partner_days_by_region_days" CHECK ((grain = 'A') = (first_day IS NOT NULL) AND (grain = 'Y') = (active_days IS NOT NULL)
        AND (grain = 'Y') = (active_months IS NOT NULL))
);
