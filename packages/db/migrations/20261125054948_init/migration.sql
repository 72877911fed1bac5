CREATE TABLE "account" (
	"id" serial PRIMARY KEY,
	"username" text NOT NULL CONSTRAINT "account_username_key" UNIQUE,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_role_check" CHECK ("role" in ('township-admin', 'community-committee', 'clerk', 'observer'))
);
--> statement-breakpoint
CREATE TABLE "account_community" (
	"account_id" integer,
	"community_id" integer,
	CONSTRAINT "account_community_pkey" PRIMARY KEY("account_id","community_id")
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY,
	"at" timestamp(3) with time zone NOT NULL,
	"actor_id" integer,
	"actor" text NOT NULL,
	"operation" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklist_step" (
	"election_id" integer,
	"step_key" text,
	"done_on" date NOT NULL,
	CONSTRAINT "checklist_step_pkey" PRIMARY KEY("election_id","step_key")
);
--> statement-breakpoint
CREATE TABLE "community" (
	"id" serial PRIMARY KEY,
	"township_id" integer NOT NULL,
	"code" text NOT NULL CONSTRAINT "community_code_key" UNIQUE,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"area" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_kind_check" CHECK ("kind" in ('village', 'residents')),
	CONSTRAINT "community_area_check" CHECK ("area" in ('town-centre', 'rural'))
);
--> statement-breakpoint
CREATE TABLE "community_group" (
	"id" serial PRIMARY KEY,
	"community_id" integer NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"population" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "community_group_number_key" UNIQUE("community_id","number"),
	CONSTRAINT "community_group_name_key" UNIQUE("community_id","name"),
	CONSTRAINT "community_group_households_check" CHECK ("households" >= 0),
	CONSTRAINT "community_group_population_check" CHECK ("population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cycle" (
	"id" serial PRIMARY KEY,
	"township_id" integer NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"profile" text NOT NULL,
	"default_election_day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_year_key" UNIQUE("township_id","year"),
	CONSTRAINT "cycle_profile_check" CHECK ("profile" in ('national', 'sichuan'))
);
--> statement-breakpoint
CREATE TABLE "election" (
	"id" serial PRIMARY KEY,
	"cycle_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"election_day" date NOT NULL,
	CONSTRAINT "election_cycle_community_key" UNIQUE("cycle_id","community_id")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY,
	"account_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "setting" (
	"key" text PRIMARY KEY,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "township" (
	"id" serial PRIMARY KEY,
	"code" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "session_account_idx" ON "session" ("account_id");--> statement-breakpoint
ALTER TABLE "account_community" ADD CONSTRAINT "account_community_account_id_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id");--> statement-breakpoint
ALTER TABLE "account_community" ADD CONSTRAINT "account_community_community_id_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id");--> statement-breakpoint
ALTER TABLE "checklist_step" ADD CONSTRAINT "checklist_step_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "community" ADD CONSTRAINT "community_township_id_township_id_fkey" FOREIGN KEY ("township_id") REFERENCES "township"("id");--> statement-breakpoint
ALTER TABLE "community_group" ADD CONSTRAINT "community_group_community_id_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id");--> statement-breakpoint
ALTER TABLE "cycle" ADD CONSTRAINT "cycle_township_id_township_id_fkey" FOREIGN KEY ("township_id") REFERENCES "township"("id");--> statement-breakpoint
ALTER TABLE "election" ADD CONSTRAINT "election_cycle_id_cycle_id_fkey" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id");--> statement-breakpoint
ALTER TABLE "election" ADD CONSTRAINT "election_community_id_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "community"("id");--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_account_id_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id");