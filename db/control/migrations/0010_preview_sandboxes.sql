CREATE TABLE `preview_sandboxes` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`demo_slug` text NOT NULL,
	`template` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_active_at` integer NOT NULL,
	`personalization` text,
	`locale` text,
	FOREIGN KEY (`member_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `preview_sandboxes_member_demo` ON `preview_sandboxes` (`member_id`,`demo_slug`);--> statement-breakpoint
CREATE INDEX `preview_sandboxes_active` ON `preview_sandboxes` (`last_active_at`);