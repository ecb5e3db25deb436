CREATE TABLE `account_activity` (
	`account_id` text PRIMARY KEY NOT NULL,
	`people` integer DEFAULT 0 NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`tours_started` integer DEFAULT 0 NOT NULL,
	`steps` integer DEFAULT 0 NOT NULL,
	`tours_finished` integer DEFAULT 0 NOT NULL,
	`deals_created` integer DEFAULT 0 NOT NULL,
	`stages_moved` integer DEFAULT 0 NOT NULL,
	`activities_logged` integer DEFAULT 0 NOT NULL,
	`imports` integer DEFAULT 0 NOT NULL,
	`choices` integer DEFAULT 0 NOT NULL,
	`navigations` integer DEFAULT 0 NOT NULL,
	`ctas` integer DEFAULT 0 NOT NULL,
	`handraises` integer DEFAULT 0 NOT NULL,
	`missing_targets` integer DEFAULT 0 NOT NULL,
	`interactions` integer DEFAULT 0 NOT NULL,
	`human_events` integer DEFAULT 0 NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`longest_gap_ms` integer DEFAULT 0 NOT NULL,
	`raw_score` real DEFAULT 0 NOT NULL,
	`rank_key` real DEFAULT -1000000000 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `account_activity_rank` ON `account_activity` (`rank_key`);--> statement-breakpoint
CREATE INDEX `account_activity_raised_rank` ON `account_activity` (`rank_key`) WHERE handraises > 0;--> statement-breakpoint
CREATE TABLE `fold_watermarks` (
	`name` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `funnel_counts` (
	`demo_slug` text NOT NULL,
	`persona` text DEFAULT '' NOT NULL,
	`locale` text DEFAULT '' NOT NULL,
	`stage` text NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`demo_slug`, `stage`, `persona`, `locale`)
);
--> statement-breakpoint
CREATE TABLE `funnel_marks` (
	`visitor_id` text NOT NULL,
	`demo_slug` text NOT NULL,
	`stage` text NOT NULL,
	PRIMARY KEY(`visitor_id`, `demo_slug`, `stage`)
);
--> statement-breakpoint
CREATE TABLE `visitor_activity` (
	`visitor_id` text PRIMARY KEY NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`tours_started` integer DEFAULT 0 NOT NULL,
	`steps` integer DEFAULT 0 NOT NULL,
	`tours_finished` integer DEFAULT 0 NOT NULL,
	`deals_created` integer DEFAULT 0 NOT NULL,
	`stages_moved` integer DEFAULT 0 NOT NULL,
	`activities_logged` integer DEFAULT 0 NOT NULL,
	`imports` integer DEFAULT 0 NOT NULL,
	`choices` integer DEFAULT 0 NOT NULL,
	`navigations` integer DEFAULT 0 NOT NULL,
	`ctas` integer DEFAULT 0 NOT NULL,
	`handraises` integer DEFAULT 0 NOT NULL,
	`missing_targets` integer DEFAULT 0 NOT NULL,
	`interactions` integer DEFAULT 0 NOT NULL,
	`human_events` integer DEFAULT 0 NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`longest_gap_ms` integer DEFAULT 0 NOT NULL,
	`raw_score` real DEFAULT 0 NOT NULL,
	`rank_key` real DEFAULT -1000000000 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `visitor_activity_rank` ON `visitor_activity` (`rank_key`);--> statement-breakpoint
CREATE INDEX `visitor_activity_raised_rank` ON `visitor_activity` (`rank_key`) WHERE handraises > 0;