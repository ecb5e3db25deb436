ALTER TABLE "funnel_counts" ADD COLUMN "source" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "funnel_counts" DROP CONSTRAINT "funnel_counts_demo_slug_stage_persona_locale_pk";--> statement-breakpoint
ALTER TABLE "funnel_counts" ADD CONSTRAINT "funnel_counts_demo_slug_stage_persona_locale_source_pk" PRIMARY KEY("demo_slug","stage","persona","locale","source");
