CREATE TABLE `sandbox_invites` (
	`token` text PRIMARY KEY NOT NULL,
	`sandbox_id` text NOT NULL,
	`created_by_visitor_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`sandbox_id`) REFERENCES `sandboxes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sandbox_invites_sandbox` ON `sandbox_invites` (`sandbox_id`);--> statement-breakpoint
CREATE TABLE `sandbox_members` (
	`sandbox_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`number` integer NOT NULL,
	`invited_by_visitor_id` text,
	`invite_token` text,
	`display_name` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`sandbox_id`, `visitor_id`),
	FOREIGN KEY (`sandbox_id`) REFERENCES `sandboxes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sandbox_members_visitor` ON `sandbox_members` (`visitor_id`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `sandbox_id` text;--> statement-breakpoint
ALTER TABLE `conversation_messages` ADD `suggestion` text;--> statement-breakpoint
ALTER TABLE `conversation_messages` ADD `suggestion_opened_at` integer;