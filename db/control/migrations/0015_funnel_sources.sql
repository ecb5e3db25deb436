PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_funnel_counts` (
	`demo_slug` text NOT NULL,
	`persona` text DEFAULT '' NOT NULL,
	`locale` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`stage` text NOT NULL,
	`visitors` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`demo_slug`, `stage`, `persona`, `locale`, `source`)
);
--> statement-breakpoint
INSERT INTO `__new_funnel_counts`("demo_slug", "persona", "locale", "stage", "visitors") SELECT "demo_slug", "persona", "locale", "stage", "visitors" FROM `funnel_counts`;--> statement-breakpoint
DROP TABLE `funnel_counts`;--> statement-breakpoint
ALTER TABLE `__new_funnel_counts` RENAME TO `funnel_counts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;