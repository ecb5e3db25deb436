CREATE TABLE `demo_check_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`checked_at` integer NOT NULL,
	`ok` integer NOT NULL,
	`base_url` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`paths` text NOT NULL,
	`failures` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `demo_check_runs_slug` ON `demo_check_runs` (`slug`,`checked_at`);