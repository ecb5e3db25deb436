CREATE TABLE `event_daily_counts` (
	`day` text NOT NULL,
	`demo_slug` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`step_id` text DEFAULT '' NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`day`, `demo_slug`, `type`, `step_id`)
);
--> statement-breakpoint
CREATE TABLE `visitor_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`visitor_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`last_event_at` integer NOT NULL,
	`event_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `visitor_sessions_visitor_last` ON `visitor_sessions` (`visitor_id`,`last_event_at`);--> statement-breakpoint
ALTER TABLE `events` ADD `session_id` text;--> statement-breakpoint
ALTER TABLE `events` ADD `bot` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sandboxes` ADD `status` text DEFAULT 'live' NOT NULL;--> statement-breakpoint
ALTER TABLE `sandboxes` ADD `gone_reason` text;--> statement-breakpoint
ALTER TABLE `sandboxes` ADD `personalization` text;--> statement-breakpoint
CREATE INDEX `sandboxes_status_active` ON `sandboxes` (`status`,`last_active_at`);--> statement-breakpoint
ALTER TABLE `visitors` ADD `browser` text;--> statement-breakpoint
ALTER TABLE `visitors` ADD `os` text;--> statement-breakpoint
ALTER TABLE `visitors` ADD `device` text;--> statement-breakpoint
ALTER TABLE `visitors` ADD `bot` integer DEFAULT false NOT NULL;