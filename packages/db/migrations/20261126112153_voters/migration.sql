CREATE TABLE "voter" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"cycle_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"serial" text NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"resident_id" text NOT NULL,
	"birth_date" date NOT NULL,
	"group_name" text DEFAULT '' NOT NULL,
	"household_no" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"approval" text DEFAULT '' NOT NULL,
	"pinyin" text DEFAULT '' NOT NULL,
	"import_id" integer,
	"status" text DEFAULT 'registered' NOT NULL,
	"removed_reason" text,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voter_cycle_serial_key" UNIQUE("cycle_id","serial"),
	CONSTRAINT "voter_sex_check" CHECK ("sex" in ('M', 'F')),
	CONSTRAINT "voter_status_check" CHECK ("status" in ('registered', 'removed')),
	CONSTRAINT "voter_resident_id_check" CHECK ("resident_id" ~ '^[0-9]{17}[0-9X]$'),
	CONSTRAINT "voter_removed_check" CHECK (("status" = 'removed') = ("removed_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "voter_duplicate" (
	"id" serial PRIMARY KEY,
	"import_id" integer NOT NULL,
	"election_id" integer NOT NULL,
	"row_number" integer NOT NULL,
	"name" text NOT NULL,
	"sex" text NOT NULL,
	"resident_id" text NOT NULL,
	"birth_date" date NOT NULL,
	"group_name" text DEFAULT '' NOT NULL,
	"household_no" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"approval" text DEFAULT '' NOT NULL,
	"existing_voter_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "voter_import" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"imported" integer NOT NULL,
	"rejected" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"errors" jsonb NOT NULL,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voter_list_change" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"voter_id" integer NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"after_version" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	CONSTRAINT "voter_list_change_kind_check" CHECK ("kind" in ('add', 'remove')),
	CONSTRAINT "voter_list_change_reason_check" CHECK (length(trim("reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "voter_list_version" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"version" integer NOT NULL,
	"published_on" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" integer,
	"voter_count" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" jsonb NOT NULL,
	CONSTRAINT "voter_list_version_key" UNIQUE("election_id","version")
);
--> statement-breakpoint
CREATE TABLE "voter_objection" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"complainant" text NOT NULL,
	"voter_id" integer,
	"subject_name" text NOT NULL,
	"kind" text NOT NULL,
	"content" text NOT NULL,
	"received_on" date NOT NULL,
	"late" boolean NOT NULL,
	"decide_by" date NOT NULL,
	"upheld" boolean,
	"decision" text,
	"decided_on" date,
	"decision_published_on" date,
	CONSTRAINT "voter_objection_kind_check" CHECK ("kind" in ('omission', 'error', 'ineligible', 'other')),
	CONSTRAINT "voter_objection_decided_check" CHECK (("decided_on" is null) = ("decision" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "voter_cycle_person_key" ON "voter" ("cycle_id","resident_id") WHERE "status" = 'registered';--> statement-breakpoint
CREATE INDEX "voter_election_idx" ON "voter" ("election_id","status");--> statement-breakpoint
CREATE INDEX "voter_duplicate_election_idx" ON "voter_duplicate" ("election_id","status");--> statement-breakpoint
CREATE INDEX "voter_list_change_election_idx" ON "voter_list_change" ("election_id");--> statement-breakpoint
CREATE INDEX "voter_objection_election_idx" ON "voter_objection" ("election_id");--> statement-breakpoint
ALTER TABLE "voter" ADD CONSTRAINT "voter_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "voter" ADD CONSTRAINT "voter_cycle_id_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id");--> statement-breakpoint
ALTER TABLE "voter" ADD CONSTRAINT "voter_community_id_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id");--> statement-breakpoint
ALTER TABLE "voter_duplicate" ADD CONSTRAINT "voter_duplicate_import_id_voter_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "voter_import"("id");--> statement-breakpoint
ALTER TABLE "voter_duplicate" ADD CONSTRAINT "voter_duplicate_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "voter_duplicate" ADD CONSTRAINT "voter_duplicate_existing_voter_id_voter_id_fkey" FOREIGN KEY ("existing_voter_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "voter_import" ADD CONSTRAINT "voter_import_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "voter_list_change" ADD CONSTRAINT "voter_list_change_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "voter_list_change" ADD CONSTRAINT "voter_list_change_voter_id_voter_id_fkey" FOREIGN KEY ("voter_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "voter_list_change" ADD CONSTRAINT "voter_list_change_actor_id_account_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "account"("id");--> statement-breakpoint
ALTER TABLE "voter_list_version" ADD CONSTRAINT "voter_list_version_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "voter_list_version" ADD CONSTRAINT "voter_list_version_published_by_account_id_fkey" FOREIGN KEY ("published_by") REFERENCES "account"("id");--> statement-breakpoint
ALTER TABLE "voter_objection" ADD CONSTRAINT "voter_objection_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "voter_objection" ADD CONSTRAINT "voter_objection_voter_id_voter_id_fkey" FOREIGN KEY ("voter_id") REFERENCES "voter"("id");