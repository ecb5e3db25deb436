CREATE TABLE `shoulder_views` (
	`id` text PRIMARY KEY NOT NULL,
	`visitor_id` text NOT NULL,
	`sandbox_id` text NOT NULL,
	`viewer_user_id` text,
	`viewer_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`viewer_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `shoulder_views_visitor` ON `shoulder_views` (`visitor_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `share_links` ADD `untracked_openings` integer DEFAULT 0 NOT NULL;