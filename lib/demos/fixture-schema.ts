// What a marketer writes in demos/<slug>/fixture.yaml: the sample CRM data each sandbox starts with.
// Rows refer to each other by `key`, so a fixture reads like prose and survives reordering.
import { z } from "zod";
import { activityKinds, stages } from "@/lib/pipeline/vocabulary";
import { slugPattern, slugRule } from "./slug";

const key = z.string().regex(slugPattern, `a key is ${slugRule}`);
const isoDate = z.iso.date({ message: "a date is written YYYY-MM-DD" });
const isoDateTime = z.iso.datetime({ message: "a time is written YYYY-MM-DDTHH:MM:SSZ" });
/** YAML turns unquoted dates into Date objects; accept both spellings. */
const dateText = (schema: z.ZodType<string>, length: number) =>
  z.preprocess((value) => (value instanceof Date ? value.toISOString().slice(0, length) : value), schema);

export const companyRow = z
  .object({
    key,
    name: z.string().min(1).max(80),
    industry: z.string().min(1).max(60),
    employees: z.number().int().positive().optional(),
    website: z.string().max(120).optional(),
  })
  .strict();

export const contactRow = z
  .object({
    key,
    company: key,
    name: z.string().min(1).max(80),
    title: z.string().min(1).max(80),
    email: z.email().optional(),
  })
  .strict();

export const dealRow = z
  .object({
    key,
    company: key,
    title: z.string().min(1).max(120),
    amount: z.number().int().nonnegative(),
    stage: z.enum(stages),
    owner: z.string().min(1).max(60),
    closeDate: dateText(isoDate, 10),
    createdAt: dateText(isoDateTime, 24),
  })
  .strict();

export const activityRow = z
  .object({
    deal: key,
    contact: key.optional(),
    kind: z.enum(activityKinds),
    summary: z.string().min(1).max(280),
    at: dateText(isoDateTime, 24),
  })
  .strict();

/** The fixture's tables and the shape of one row of each; any table may live in a CSV file instead. */
export const fixtureTables = { companies: companyRow, contacts: contactRow, deals: dealRow, activities: activityRow } as const;
export type FixtureTable = keyof typeof fixtureTables;

export const fixtureSchema = z
  .object({
    /** The day the fixture's dates were written for; sandboxes shift every date by (today − anchorDate). */
    anchorDate: dateText(isoDate, 10),
    /** The visitor's own company in the story; personalisation may replace it. */
    workspace: z.string().min(1).max(60),
    companies: z.array(companyRow).min(1),
    contacts: z.array(contactRow).default([]),
    deals: z.array(dealRow),
    activities: z.array(activityRow).default([]),
  })
  .strict()
  .superRefine((fixture, ctx) => {
    const known = (list: { key: string }[], what: string, path: (string | number)[], value: string | undefined) => {
      if (value !== undefined && !list.some((row) => row.key === value)) {
        ctx.addIssue({ code: "custom", path, message: `unknown ${what} "${value}"` });
      }
    };
    const unique = (list: { key: string }[], name: string) => {
      const seen = new Set<string>();
      list.forEach((row, index) => {
        if (seen.has(row.key)) ctx.addIssue({ code: "custom", path: [name, index, "key"], message: `duplicate key "${row.key}"` });
        seen.add(row.key);
      });
    };
    unique(fixture.companies, "companies");
    unique(fixture.contacts, "contacts");
    unique(fixture.deals, "deals");
    fixture.contacts.forEach((row, index) => {
      known(fixture.companies, "company", ["contacts", index, "company"], row.company);
    });
    fixture.deals.forEach((row, index) => {
      known(fixture.companies, "company", ["deals", index, "company"], row.company);
    });
    fixture.activities.forEach((row, index) => {
      known(fixture.deals, "deal", ["activities", index, "deal"], row.deal);
      known(fixture.contacts, "contact", ["activities", index, "contact"], row.contact);
    });
  });

export type Fixture = z.infer<typeof fixtureSchema>;
