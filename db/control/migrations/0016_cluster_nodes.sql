CREATE TABLE `nodes` (
	`name` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`instance` text NOT NULL,
	`started_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `sandboxes` ADD `node` text;