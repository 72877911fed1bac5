CREATE TABLE "tally_sheet" (
	"id" serial PRIMARY KEY,
	"box_id" integer NOT NULL,
	"slot" integer NOT NULL,
	"actor_id" integer,
	"totals" jsonb NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"decision_reason" text,
	CONSTRAINT "tally_sheet_slot_key" UNIQUE("box_id","slot"),
	CONSTRAINT "tally_sheet_slot_check" CHECK ("slot" in (1, 2))
);
--> statement-breakpoint
ALTER TABLE "tally_sheet" ADD CONSTRAINT "tally_sheet_box_id_box_count_id_fkey" FOREIGN KEY ("box_id") REFERENCES "box_count"("id");--> statement-breakpoint
ALTER TABLE "tally_sheet" ADD CONSTRAINT "tally_sheet_actor_id_account_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "account"("id");