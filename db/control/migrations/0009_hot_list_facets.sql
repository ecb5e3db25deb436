CREATE TABLE `hot_list_facets` (
	`facet` text NOT NULL,
	`kind` text NOT NULL,
	`entity_id` text NOT NULL,
	`rank_key` real NOT NULL,
	`hand_raised` integer NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `entity_id`, `facet`)
);
--> statement-breakpoint
CREATE INDEX `hot_list_facets_rank` ON `hot_list_facets` (`facet`,`kind`,`rank_key`);--> statement-breakpoint
CREATE INDEX `hot_list_facets_raised_rank` ON `hot_list_facets` (`facet`,`kind`,`rank_key`) WHERE hand_raised = 1;--> statement-breakpoint
-- Backfill from the aggregates folded so far (the fold keeps the rows current from here on), with the rules
-- lib/insights/hot-list-facets.ts applies: who is listed, and which demos and personas they tried.
WITH `entries` AS (
	SELECT 'visitor' AS `kind`, a.`visitor_id` AS `id`, a.`rank_key`, a.`handraises` > 0 AS `hand`, a.`first_at`, a.`last_at`
	FROM `visitor_activity` a JOIN `visitors` v ON v.`id` = a.`visitor_id`
	WHERE v.`account_id` IS NULL AND v.`bot` = 0 AND v.`do_not_track` = 0 AND (a.`human_events` > 0 OR a.`interactions` > 0)
	UNION ALL
	SELECT 'account', `account_id`, `rank_key`, `handraises` > 0, `first_at`, `last_at` FROM `account_activity` WHERE `people` > 0
), `tried` AS (
	SELECT DISTINCT 'visitor' AS `kind`, s.`visitor_id` AS `id`, s.`demo_slug` AS `demo`, json_extract(s.`personalization`, '$.persona') AS `persona`
	FROM `sandboxes` s WHERE s.`visitor_id` IS NOT NULL
	UNION
	SELECT 'account', v.`account_id`, s.`demo_slug`, json_extract(s.`personalization`, '$.persona')
	FROM `visitors` v JOIN `sandboxes` s ON s.`visitor_id` = v.`id` WHERE v.`account_id` IS NOT NULL
), `facets` AS (
	SELECT `kind`, `id`, '' AS `facet` FROM `entries`
	UNION SELECT `kind`, `id`, 'demo:' || `demo` FROM `tried`
	UNION SELECT `kind`, `id`, 'persona:' || `persona` FROM `tried` WHERE `persona` IS NOT NULL
	UNION SELECT `kind`, `id`, 'demo:' || `demo` || '+persona:' || `persona` FROM `tried` WHERE `persona` IS NOT NULL
)
INSERT OR IGNORE INTO `hot_list_facets` (`facet`, `kind`, `entity_id`, `rank_key`, `hand_raised`, `first_at`, `last_at`)
SELECT f.`facet`, e.`kind`, e.`id`, e.`rank_key`, e.`hand`, e.`first_at`, e.`last_at`
FROM `facets` f JOIN `entries` e ON e.`kind` = f.`kind` AND e.`id` = f.`id`;
