CREATE TABLE "imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"user_email" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "imports_status" CHECK (status IN ('DONE', 'REFUSED'))
);
--> statement-breakpoint
CREATE INDEX "imports_at_idx" ON "imports" ("at");--> statement-breakpoint
CREATE INDEX "imports_user_idx" ON "imports" ("user_id","at");--> statement-breakpoint
-- The server's role records imports and reads them back; it never changes or removes one.
GRANT SELECT, INSERT ON imports TO panorama_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE imports_id_seq TO panorama_app;
