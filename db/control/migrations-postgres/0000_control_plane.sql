CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" bigint,
	"refresh_token_expires_at" bigint,
	"scope" text,
	"password" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_activity" (
	"account_id" text PRIMARY KEY NOT NULL,
	"people" bigint DEFAULT 0 NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	"tours_started" bigint DEFAULT 0 NOT NULL,
	"steps" bigint DEFAULT 0 NOT NULL,
	"tours_finished" bigint DEFAULT 0 NOT NULL,
	"deals_created" bigint DEFAULT 0 NOT NULL,
	"stages_moved" bigint DEFAULT 0 NOT NULL,
	"activities_logged" bigint DEFAULT 0 NOT NULL,
	"imports" bigint DEFAULT 0 NOT NULL,
	"choices" bigint DEFAULT 0 NOT NULL,
	"navigations" bigint DEFAULT 0 NOT NULL,
	"ctas" bigint DEFAULT 0 NOT NULL,
	"handraises" bigint DEFAULT 0 NOT NULL,
	"missing_targets" bigint DEFAULT 0 NOT NULL,
	"interactions" bigint DEFAULT 0 NOT NULL,
	"human_events" bigint DEFAULT 0 NOT NULL,
	"first_at" bigint NOT NULL,
	"last_at" bigint NOT NULL,
	"longest_gap_ms" bigint DEFAULT 0 NOT NULL,
	"raw_score" double precision DEFAULT 0 NOT NULL,
	"rank_key" double precision DEFAULT -1000000000 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"domain" text,
	"owner_user_id" text,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"author" text NOT NULL,
	"author_user_id" text,
	"body" text NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" text PRIMARY KEY NOT NULL,
	"visitor_id" text NOT NULL,
	"demo_slug" text,
	"sandbox_id" text,
	"assignee_user_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"muted" boolean DEFAULT false NOT NULL,
	"linked" boolean DEFAULT true NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL,
	"last_message_at" bigint NOT NULL,
	"visitor_read_id" bigint DEFAULT 0 NOT NULL,
	"team_read_id" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demo_check_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"checked_at" bigint NOT NULL,
	"ok" boolean NOT NULL,
	"base_url" text NOT NULL,
	"duration_ms" bigint NOT NULL,
	"paths" jsonb NOT NULL,
	"failures" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demos" (
	"slug" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"persona" text NOT NULL,
	"duration_minutes" bigint NOT NULL,
	"summary" text NOT NULL,
	"definition" jsonb NOT NULL,
	"source_hash" text NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_daily_counts" (
	"day" text NOT NULL,
	"demo_slug" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"step_id" text DEFAULT '' NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "event_daily_counts_day_demo_slug_type_step_id_pk" PRIMARY KEY("day","demo_slug","type","step_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"visitor_id" text,
	"sandbox_id" text,
	"demo_slug" text,
	"type" text NOT NULL,
	"step_id" text,
	"step_index" bigint,
	"action" text,
	"props" jsonb,
	"occurred_at" bigint NOT NULL,
	"received_at" bigint NOT NULL,
	"session_id" text,
	"bot" boolean DEFAULT false NOT NULL,
	"seq" bigserial NOT NULL,
	"txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fold_watermarks" (
	"name" text PRIMARY KEY NOT NULL,
	"position" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funnel_counts" (
	"demo_slug" text NOT NULL,
	"persona" text DEFAULT '' NOT NULL,
	"locale" text DEFAULT '' NOT NULL,
	"stage" text NOT NULL,
	"visitors" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "funnel_counts_demo_slug_stage_persona_locale_pk" PRIMARY KEY("demo_slug","stage","persona","locale")
);
--> statement-breakpoint
CREATE TABLE "funnel_marks" (
	"visitor_id" text NOT NULL,
	"demo_slug" text NOT NULL,
	"stage" text NOT NULL,
	CONSTRAINT "funnel_marks_visitor_id_demo_slug_stage_pk" PRIMARY KEY("visitor_id","demo_slug","stage")
);
--> statement-breakpoint
CREATE TABLE "hand_raises" (
	"raiser" text PRIMARY KEY NOT NULL,
	"raised_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hot_list_facets" (
	"facet" text NOT NULL,
	"kind" text NOT NULL,
	"entity_id" text NOT NULL,
	"rank_key" double precision NOT NULL,
	"hand_raised" boolean NOT NULL,
	"first_at" bigint NOT NULL,
	"last_at" bigint NOT NULL,
	CONSTRAINT "hot_list_facets_kind_entity_id_facet_pk" PRIMARY KEY("kind","entity_id","facet")
);
--> statement-breakpoint
CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "preview_sandboxes" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"demo_slug" text NOT NULL,
	"template" text NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL,
	"last_active_at" bigint NOT NULL,
	"personalization" jsonb,
	"locale" text
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"count" bigint NOT NULL,
	"last_request" bigint NOT NULL,
	CONSTRAINT "rate_limit_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "sandboxes" (
	"id" text PRIMARY KEY NOT NULL,
	"visitor_id" text NOT NULL,
	"demo_slug" text NOT NULL,
	"template" text NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL,
	"last_active_at" bigint NOT NULL,
	"status" text DEFAULT 'live' NOT NULL,
	"gone_reason" text,
	"personalization" jsonb
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" bigint NOT NULL,
	"token" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "share_links" (
	"token" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"demo_slug" text NOT NULL,
	"persona" text,
	"personalization" jsonb,
	"created_by_user_id" text,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL,
	"expires_at" bigint,
	"revoked_at" bigint,
	"untracked_openings" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shoulder_views" (
	"id" text PRIMARY KEY NOT NULL,
	"visitor_id" text NOT NULL,
	"sandbox_id" text NOT NULL,
	"viewer_user_id" text,
	"viewer_name" text NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_presence" (
	"user_id" text PRIMARY KEY NOT NULL,
	"last_active_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"role" text DEFAULT 'rep' NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"created_at" bigint,
	"updated_at" bigint
);
--> statement-breakpoint
CREATE TABLE "visitor_activity" (
	"visitor_id" text PRIMARY KEY NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	"tours_started" bigint DEFAULT 0 NOT NULL,
	"steps" bigint DEFAULT 0 NOT NULL,
	"tours_finished" bigint DEFAULT 0 NOT NULL,
	"deals_created" bigint DEFAULT 0 NOT NULL,
	"stages_moved" bigint DEFAULT 0 NOT NULL,
	"activities_logged" bigint DEFAULT 0 NOT NULL,
	"imports" bigint DEFAULT 0 NOT NULL,
	"choices" bigint DEFAULT 0 NOT NULL,
	"navigations" bigint DEFAULT 0 NOT NULL,
	"ctas" bigint DEFAULT 0 NOT NULL,
	"handraises" bigint DEFAULT 0 NOT NULL,
	"missing_targets" bigint DEFAULT 0 NOT NULL,
	"interactions" bigint DEFAULT 0 NOT NULL,
	"human_events" bigint DEFAULT 0 NOT NULL,
	"first_at" bigint NOT NULL,
	"last_at" bigint NOT NULL,
	"longest_gap_ms" bigint DEFAULT 0 NOT NULL,
	"raw_score" double precision DEFAULT 0 NOT NULL,
	"rank_key" double precision DEFAULT -1000000000 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visitor_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"visitor_id" text NOT NULL,
	"started_at" bigint NOT NULL,
	"last_event_at" bigint NOT NULL,
	"event_count" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visitors" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL,
	"last_seen_at" bigint NOT NULL,
	"source" jsonb,
	"browser" text,
	"os" text,
	"device" text,
	"bot" boolean DEFAULT false NOT NULL,
	"do_not_track" boolean DEFAULT false NOT NULL,
	"account_id" text,
	"share_link_token" text
);
--> statement-breakpoint
CREATE TABLE "webhook_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"webhook_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" bigint DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"last_status" bigint,
	"last_error" text,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL,
	"delivered_at" bigint
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"format" text NOT NULL,
	"events" jsonb NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by_user_id" text,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_user_id_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_user_id_user_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preview_sandboxes" ADD CONSTRAINT "preview_sandboxes_member_id_user_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandboxes" ADD CONSTRAINT "sandboxes_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_user_id_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shoulder_views" ADD CONSTRAINT "shoulder_views_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shoulder_views" ADD CONSTRAINT "shoulder_views_viewer_user_id_user_id_fk" FOREIGN KEY ("viewer_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_presence" ADD CONSTRAINT "team_presence_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitors" ADD CONSTRAINT "visitors_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_outbox" ADD CONSTRAINT "webhook_outbox_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_user_id_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_activity_rank" ON "account_activity" USING btree ("rank_key");--> statement-breakpoint
CREATE INDEX "account_activity_raised_rank" ON "account_activity" USING btree ("rank_key") WHERE handraises > 0;--> statement-breakpoint
CREATE INDEX "accounts_owner" ON "accounts" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "conversation_messages_thread" ON "conversation_messages" USING btree ("conversation_id","id");--> statement-breakpoint
CREATE INDEX "conversations_visitor" ON "conversations" USING btree ("visitor_id");--> statement-breakpoint
CREATE INDEX "conversations_last_message" ON "conversations" USING btree ("last_message_at");--> statement-breakpoint
CREATE INDEX "demo_check_runs_slug" ON "demo_check_runs" USING btree ("slug","checked_at");--> statement-breakpoint
CREATE INDEX "events_visitor_time" ON "events" USING btree ("visitor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "events_time" ON "events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "events_commit_order" ON "events" USING btree ("txid","seq");--> statement-breakpoint
CREATE INDEX "hot_list_facets_rank" ON "hot_list_facets" USING btree ("facet","kind","rank_key");--> statement-breakpoint
CREATE INDEX "hot_list_facets_raised_rank" ON "hot_list_facets" USING btree ("facet","kind","rank_key") WHERE hand_raised;--> statement-breakpoint
CREATE INDEX "live_events_topic" ON "live_events" USING btree ("topic","id");--> statement-breakpoint
CREATE INDEX "preview_sandboxes_member_demo" ON "preview_sandboxes" USING btree ("member_id","demo_slug");--> statement-breakpoint
CREATE INDEX "preview_sandboxes_active" ON "preview_sandboxes" USING btree ("last_active_at");--> statement-breakpoint
CREATE INDEX "sandboxes_visitor_demo" ON "sandboxes" USING btree ("visitor_id","demo_slug");--> statement-breakpoint
CREATE INDEX "sandboxes_status_active" ON "sandboxes" USING btree ("status","last_active_at");--> statement-breakpoint
CREATE INDEX "share_links_account" ON "share_links" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "shoulder_views_visitor" ON "shoulder_views" USING btree ("visitor_id","created_at");--> statement-breakpoint
CREATE INDEX "visitor_activity_rank" ON "visitor_activity" USING btree ("rank_key");--> statement-breakpoint
CREATE INDEX "visitor_activity_raised_rank" ON "visitor_activity" USING btree ("rank_key") WHERE handraises > 0;--> statement-breakpoint
CREATE INDEX "visitor_sessions_visitor_last" ON "visitor_sessions" USING btree ("visitor_id","last_event_at");--> statement-breakpoint
CREATE INDEX "visitors_last_seen" ON "visitors" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "visitors_account_seen" ON "visitors" USING btree ("account_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "webhook_outbox_due" ON "webhook_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_outbox_hook" ON "webhook_outbox" USING btree ("webhook_id","id");