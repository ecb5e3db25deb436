CREATE TABLE "nodes" (
	"name" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"instance" text NOT NULL,
	"started_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sandboxes" ADD COLUMN "node" text;