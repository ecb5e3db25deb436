CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`domain` text,
	`owner_user_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `accounts_owner` ON `accounts` (`owner_user_id`);--> statement-breakpoint
CREATE TABLE `share_links` (
	`token` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`demo_slug` text NOT NULL,
	`persona` text,
	`personalization` text,
	`created_by_user_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `share_links_account` ON `share_links` (`account_id`);--> statement-breakpoint
ALTER TABLE `user` ADD `role` text DEFAULT 'rep' NOT NULL;--> statement-breakpoint
ALTER TABLE `visitors` ADD `account_id` text REFERENCES accounts(id);--> statement-breakpoint
ALTER TABLE `visitors` ADD `share_link_token` text;--> statement-breakpoint
CREATE INDEX `visitors_account_seen` ON `visitors` (`account_id`,`last_seen_at`);--> statement-breakpoint
-- Everyone on the team before roles existed could do everything: they keep that as admins.
UPDATE `user` SET `role` = 'admin';
