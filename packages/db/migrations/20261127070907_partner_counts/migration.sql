CREATE TABLE "partner_counts" (
	"level" text NOT NULL,
	"bucket" date NOT NULL,
	"region_code" text,
	"country_iso3" text,
	"active_partners" integer NOT NULL,
	"new_partners" integer NOT NULL,
	"retained_partners" integer NOT NULL,
	"previous_active_partners" integer NOT NULL,
	CONSTRAINT "partner_counts_key" UNIQUE NULLS NOT DISTINCT("level","bucket","region_code","country_iso3"),
	CONSTRAINT "partner_counts_level" CHECK (level IN ('A', 'R', 'C') AND (level = 'A') = (region_code IS NULL) AND (level = 'C' OR country_iso3 IS NULL))
);
