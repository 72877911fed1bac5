ALTER TABLE "box_count" ADD COLUMN "counted" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "count_round" ALTER COLUMN "candidates" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "box_count" ADD CONSTRAINT "box_count_counted_check" CHECK ("counted" >= 0 and "counted" <= "ballots_returned");