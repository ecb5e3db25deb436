-- Team sessions no longer keep the IP address or user agent they were opened from (lib/auth/auth.ts), and a
-- conversation with a visitor who sent GPC / Do-Not-Track no longer keeps the sandbox it was asked from.
UPDATE `session` SET `ip_address` = NULL, `user_agent` = NULL;
--> statement-breakpoint
UPDATE `conversations` SET `sandbox_id` = NULL WHERE `linked` = 0;
