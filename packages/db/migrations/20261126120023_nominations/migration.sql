CREATE TABLE "nomination_count" (
	"election_id" integer,
	"group_name" text,
	"position" text,
	"voter_id" integer,
	"nominations" integer NOT NULL,
	CONSTRAINT "nomination_count_pkey" PRIMARY KEY("election_id","group_name","position","voter_id"),
	CONSTRAINT "nomination_count_check" CHECK ("nominations" >= 0)
);
--> statement-breakpoint
CREATE TABLE "nomination_group" (
	"election_id" integer,
	"group_name" text,
	"participants" integer NOT NULL,
	CONSTRAINT "nomination_group_pkey" PRIMARY KEY("election_id","group_name"),
	CONSTRAINT "nomination_group_participants_check" CHECK ("participants" >= 0)
);
--> statement-breakpoint
ALTER TABLE "nomination_count" ADD CONSTRAINT "nomination_count_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");--> statement-breakpoint
ALTER TABLE "nomination_count" ADD CONSTRAINT "nomination_count_voter_id_voter_id_fkey" FOREIGN KEY ("voter_id") REFERENCES "voter"("id");--> statement-breakpoint
ALTER TABLE "nomination_group" ADD CONSTRAINT "nomination_group_election_id_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id");