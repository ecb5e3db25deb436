CREATE TABLE `hand_raises` (
	`raiser` text PRIMARY KEY NOT NULL,
	`raised_at` integer NOT NULL
);
