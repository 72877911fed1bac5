CREATE TABLE "ballot" (
	"id" serial PRIMARY KEY,
	"round_id" integer NOT NULL,
	"box_id" integer NOT NULL,
	"client_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"spoiled" boolean NOT NULL,
	"sections" jsonb NOT NULL,
	"entered_at" timestamp(3) with time zone NOT NULL,
	"actor_id" integer,
	CONSTRAINT "ballot_client_key" UNIQUE("round_id","client_id"),
	CONSTRAINT "ballot_seq_key" UNIQUE("round_id","seq")
);
--> statement-breakpoint
CREATE TABLE "ballot_issue" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"voter_id" integer NOT NULL,
	"place_id" integer NOT NULL,
	"proxy_holder_id" integer,
	"issued_at" timestamp(3) with time zone NOT NULL,
	"actor_id" integer,
	CONSTRAINT "ballot_issue_voter_key" UNIQUE("election_id","round","voter_id")
);
--> statement-breakpoint
CREATE TABLE "ballot_void" (
	"ballot_id" integer PRIMARY KEY,
	"seq" bigint NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer
);
--> statement-breakpoint
CREATE TABLE "box_clerk" (
	"box_id" integer,
	"account_id" integer,
	CONSTRAINT "box_clerk_pkey" PRIMARY KEY("box_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "box_count" (
	"id" serial PRIMARY KEY,
	"round_id" integer NOT NULL,
	"place_id" integer NOT NULL,
	"status" text NOT NULL,
	"ballots_returned" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "box_count_key" UNIQUE("round_id","place_id"),
	CONSTRAINT "box_count_returned_check" CHECK ("ballots_returned" >= 0)
);
--> statement-breakpoint
CREATE TABLE "candidate" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"voter_id" integer NOT NULL,
	"position" text NOT NULL,
	"stage" text NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"education" text,
	"party_member" boolean DEFAULT false NOT NULL,
	"incumbent" boolean DEFAULT false NOT NULL,
	"commitment_signed_on" date,
	"withdrawn_reason" text,
	CONSTRAINT "candidate_position_check" CHECK ("position" in ('director', 'deputy', 'member'))
);
--> statement-breakpoint
CREATE TABLE "candidate_list_publication" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"stage" text NOT NULL,
	"published_on" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "count_round" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"positions" jsonb NOT NULL,
	"candidates" jsonb,
	"seq" bigint DEFAULT 0 NOT NULL,
	"certified_at" timestamp with time zone,
	"certified_by" integer,
	"determination" jsonb,
	CONSTRAINT "count_round_key" UNIQUE("election_id","number")
);
--> statement-breakpoint
CREATE TABLE "election_committee_person" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"voter_id" integer NOT NULL,
	"standing" text NOT NULL,
	"role" text,
	"votes" integer,
	"removed_reason" text,
	CONSTRAINT "election_committee_person_key" UNIQUE("election_id","voter_id"),
	CONSTRAINT "election_committee_standing_check" CHECK ("standing" in ('member', 'reserve', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "kinship" (
	"id" serial PRIMARY KEY,
	"voter_id" integer NOT NULL,
	"relative_id" integer NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "kinship_pair_key" UNIQUE("voter_id","relative_id"),
	CONSTRAINT "kinship_not_self_check" CHECK ("voter_id" <> "relative_id")
);
--> statement-breakpoint
CREATE TABLE "polling_place" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"box_number" text NOT NULL,
	CONSTRAINT "polling_place_box_key" UNIQUE("election_id","box_number"),
	CONSTRAINT "polling_place_kind_check" CHECK ("kind" in ('central', 'station', 'mobile'))
);
--> statement-breakpoint
CREATE TABLE "proxy" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"principal_id" integer NOT NULL,
	"holder_id" integer NOT NULL,
	"relation" text NOT NULL,
	"written_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	CONSTRAINT "proxy_not_self_check" CHECK ("principal_id" <> "holder_id")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" serial PRIMARY KEY,
	"election_id" integer NOT NULL,
	"voter_id" integer NOT NULL,
	"role" text NOT NULL,
	"place_id" integer,
	CONSTRAINT "staff_key" UNIQUE("election_id","voter_id","role")
);
--> statement-breakpoint
CREATE TABLE "tally_event" (
	"round_id" integer,
	"seq" bigint,
	"election_id" integer NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "tally_event_pkey" PRIMARY KEY("round_id","seq")
);
--> statement-breakpoint
ALTER TABLE "election" ADD COLUMN "director_seats" integer;--> statement-breakpoint
ALTER TABLE "election" ADD COLUMN "deputy_seats" integer;--> statement-breakpoint
ALTER TABLE "election" ADD COLUMN "member_seats" integer;--> statement-breakpoint
CREATE INDEX "ballot_box_idx" ON "ballot" ("box_id");--> statement-breakpoint
CREATE INDEX "ballot_issue_election_idx" ON "ballot_issue" ("election_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "candidate_key" ON "candidate" ("election_id","stage","position","voter_id") WHERE "withdrawn_reason" is null;--> statement-breakpoint
CREATE INDEX "candidate_list_publication_idx" ON "candidate_list_publication" ("election_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "election_committee_chair_key" ON "election_committee_person" ("election_id") WHERE "role" = 'chair' and "standing" = 'member';--> statement-breakpoint
CREATE UNIQUE INDEX "proxy_principal_key" ON "proxy" ("election_id","principal_id") WHERE "status" = 'active';--> statement-breakpoint
CREATE INDEX "proxy_holder_idx" ON "proxy" ("election_id","holder_id");--> statement-breakpoint
CREATE INDEX "tally_event_election_idx" ON "tally_event" ("election_id","round_id","seq");--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_round_id_count_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "count_round"("id");--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_box_id_box_count_id_fkey" FOREIGN KEY ("box_id") REFERENCES "box_count"("id");--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_actor_id_account_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "account"("id");--> statement-breakpoint
ALTER TABLE "ballot_issue" ADD CONSTRAINT "ballot_issue_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "ballot_issue" ADD CONSTRAINT "ballot_issue_voter_id_voter_id_fkey" FOREIGN KEY ("voter_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "ballot_issue" ADD CONSTRAINT "ballot_issue_place_id_polling_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "polling_place"("id");--> statement-breakpoint
ALTER TABLE "ballot_issue" ADD CONSTRAINT "ballot_issue_proxy_holder_id_voter_id_fkey" FOREIGN KEY ("proxy_holder_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "ballot_issue" ADD CONSTRAINT "ballot_issue_actor_id_account_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "account"("id");--> statement-breakpoint
ALTER TABLE "ballot_void" ADD CONSTRAINT "ballot_void_ballot_id_ballot_id_fkey" FOREIGN KEY ("ballot_id") REFERENCES "ballot"("id");--> statement-breakpoint
ALTER TABLE "ballot_void" ADD CONSTRAINT "ballot_void_actor_id_account_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "account"("id");--> statement-breakpoint
ALTER TABLE "box_clerk" ADD CONSTRAINT "box_clerk_box_id_box_count_id_fkey" FOREIGN KEY ("box_id") REFERENCES "box_count"("id");--> statement-breakpoint
ALTER TABLE "box_clerk" ADD CONSTRAINT "box_clerk_account_id_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id");--> statement-breakpoint
ALTER TABLE "box_count" ADD CONSTRAINT "box_count_round_id_count_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "count_round"("id");--> statement-breakpoint
ALTER TABLE "box_count" ADD CONSTRAINT "box_count_place_id_polling_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "polling_place"("id");--> statement-breakpoint
ALTER TABLE "candidate" ADD CONSTRAINT "candidate_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "candidate" ADD CONSTRAINT "candidate_voter_id_voter_id_fkey" FOREIGN KEY ("voter_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "candidate_list_publication" ADD CONSTRAINT "candidate_list_publication_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "count_round" ADD CONSTRAINT "count_round_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "count_round" ADD CONSTRAINT "count_round_certified_by_account_id_fkey" FOREIGN KEY ("certified_by") REFERENCES "account"("id");--> statement-breakpoint
ALTER TABLE "election_committee_person" ADD CONSTRAINT "election_committee_person_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "election_committee_person" ADD CONSTRAINT "election_committee_person_voter_id_voter_id_fkey" FOREIGN KEY ("voter_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "kinship" ADD CONSTRAINT "kinship_voter_id_voter_id_fkey" FOREIGN KEY ("voter_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "kinship" ADD CONSTRAINT "kinship_relative_id_voter_id_fkey" FOREIGN KEY ("relative_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "polling_place" ADD CONSTRAINT "polling_place_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "proxy" ADD CONSTRAINT "proxy_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "proxy" ADD CONSTRAINT "proxy_principal_id_voter_id_fkey" FOREIGN KEY ("principal_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "proxy" ADD CONSTRAINT "proxy_holder_id_voter_id_fkey" FOREIGN KEY ("holder_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_voter_id_voter_id_fkey" FOREIGN KEY ("voter_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_place_id_polling_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "polling_place"("id");--> statement-breakpoint
ALTER TABLE "tally_event" ADD CONSTRAINT "tally_event_round_id_count_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "count_round"("id");--> statement-breakpoint
ALTER TABLE "tally_event" ADD CONSTRAINT "tally_event_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "election" ADD CONSTRAINT "election_seats_check" CHECK (coalesce("director_seats", 0) >= 0 and coalesce("deputy_seats", 0) >= 0 and coalesce("member_seats", 0) >= 0);