// The sample product "Pipeline": a small CRM. One SQLite file per visitor holds these tables.
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { activityKinds, stages } from "@/lib/pipeline/vocabulary";

/** Key/value facts about this sandbox, e.g. the personalised company name. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const companies = sqliteTable("companies", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  industry: text("industry").notNull(),
  employees: integer("employees"),
  website: text("website"),
});

export const contacts = sqliteTable("contacts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  companyId: integer("company_id")
    .notNull()
    .references(() => companies.id),
  name: text("name").notNull(),
  title: text("title").notNull(),
  email: text("email"),
});

export const deals = sqliteTable("deals", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  companyId: integer("company_id")
    .notNull()
    .references(() => companies.id),
  title: text("title").notNull(),
  /** Whole currency units; the fixture's deals are all one currency. */
  amount: integer("amount").notNull(),
  stage: text("stage", { enum: stages }).notNull(),
  owner: text("owner").notNull(),
  /** ISO date (YYYY-MM-DD). */
  closeDate: text("close_date").notNull(),
  /** ISO timestamp. */
  createdAt: text("created_at").notNull(),
});

export const activities = sqliteTable("activities", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  dealId: integer("deal_id")
    .notNull()
    .references(() => deals.id),
  contactId: integer("contact_id").references(() => contacts.id),
  kind: text("kind", { enum: activityKinds }).notNull(),
  summary: text("summary").notNull(),
  /** ISO timestamp. */
  occurredAt: text("occurred_at").notNull(),
});

export type Company = typeof companies.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type Deal = typeof deals.$inferSelect;
export type Activity = typeof activities.$inferSelect;
