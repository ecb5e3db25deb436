CREATE TABLE "sandbox_invites" (
	"token" text PRIMARY KEY NOT NULL,
	"sandbox_id" text NOT NULL,
	"created_by_visitor_id" text NOT NULL,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE TABLE "sandbox_members" (
	"sandbox_id" text NOT NULL,
	"visitor_id" text NOT NULL,
	"number" bigint NOT NULL,
	"invited_by_visitor_id" text,
	"invite_token" text,
	"display_name" text,
	"created_at" bigint DEFAULT ((extract(epoch from clock_timestamp()) * 1000)::bigint) NOT NULL,
	CONSTRAINT "sandbox_members_sandbox_id_visitor_id_pk" PRIMARY KEY("sandbox_id","visitor_id")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "sandbox_id" text;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD COLUMN "suggestion" jsonb;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD COLUMN "suggestion_opened_at" bigint;--> statement-breakpoint
ALTER TABLE "sandbox_invites" ADD CONSTRAINT "sandbox_invites_sandbox_id_sandboxes_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandboxes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_members" ADD CONSTRAINT "sandbox_members_sandbox_id_sandboxes_id_fk" FOREIGN KEY ("sandbox_id") REFERENCES "public"."sandboxes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_members" ADD CONSTRAINT "sandbox_members_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sandbox_invites_sandbox" ON "sandbox_invites" USING btree ("sandbox_id");--> statement-breakpoint
CREATE INDEX "sandbox_members_visitor" ON "sandbox_members" USING btree ("visitor_id");