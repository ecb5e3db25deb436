CREATE TABLE `rate_limit` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`count` integer NOT NULL,
	`last_request` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rate_limit_key_unique` ON `rate_limit` (`key`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_fold_watermarks` (
	`name` text PRIMARY KEY NOT NULL,
	`position` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_fold_watermarks`("name", "position") SELECT "name", "position" FROM `fold_watermarks`;--> statement-breakpoint
DROP TABLE `fold_watermarks`;--> statement-breakpoint
ALTER TABLE `__new_fold_watermarks` RENAME TO `fold_watermarks`;--> statement-breakpoint
PRAGMA foreign_keys=ON;