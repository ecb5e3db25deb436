// What a marketer writes in demos/<slug>/fixture.yaml: the sample CRM data each sandbox starts with.
// Rows refer to each other by `key`, so a fixture reads like prose and survives reordering. Every field is
// described and every message is in a marketer's words: docs/demo-format.md is generated from these.
import { z } from "zod";
import { activityKinds, stages } from "@/lib/pipeline/vocabulary";
import { slugPattern, slugRule } from "./slug";

const key = z.string().regex(slugPattern, `a key is ${slugRule}`);
const isoDate = z.iso.date({ message: "a date is written YYYY-MM-DD, like 2026-01-15" });
const isoDateTime = z.iso.datetime({ message: "a time is written YYYY-MM-DDTHH:MM:SSZ (UTC), like 2026-01-15T14:30:00Z" });
/** YAML turns unquoted dates into Date objects; accept both spellings. */
const dateText = (schema: z.ZodType<string>, length: number) =>
  z.preprocess((value) => (value instanceof Date ? value.toISOString().slice(0, length) : value), schema);

/** A count or an amount: "84k", "$84000", "84,000" and "84000.50" each get a sentence saying how to write it. */
const wholeNumber = (field: string, what: string, example: number) =>
  z
    .number({ error: `${field} is a plain number${what}, like ${example} — no $, k, commas or spaces` })
    .int({ error: `${field} is a whole number${what}, like ${example}` });

const text = (max: number) => z.string().min(1, "write at least one character").max(max, `at most ${max} characters`);

export const companyRow = z
  .object({
    key: key.describe("Names the company for the contacts and deals that refer to it (lower-case letters, digits, dashes)."),
    name: text(80).describe("The company's name, as the product shows it."),
    industry: text(60).describe("Its industry, in a word or two (Energy, Software…)."),
    employees: wholeNumber("employees", "", 250).positive("employees is more than 0").optional().describe("Headcount."),
    website: z.string().max(120).optional().describe("Its web address, without https://."),
  })
  .strict();

export const contactRow = z
  .object({
    key: key.describe("Names the contact for the activities that refer to it."),
    company: key.describe("The key of the company the contact works at."),
    name: text(80).describe("The contact's full name."),
    title: text(80).describe("Their job title (CFO, Head of Purchasing…)."),
    email: z.email("an email address, like ana@northwind.example").optional().describe("Their email address."),
  })
  .strict();

export const dealRow = z
  .object({
    key: key.describe("Names the deal for the activities that refer to it."),
    company: key.describe("The key of the company the deal is with."),
    title: text(120).describe("The deal's name (Globex renewal)."),
    amount: wholeNumber("amount", " of dollars", 84000)
      .nonnegative("amount is 0 or more")
      .describe("What the deal is worth, in whole dollars."),
    stage: z.enum(stages).describe("Where the deal stands."),
    owner: text(60).describe("The rep who owns it, by name."),
    closeDate: dateText(isoDate, 10).describe("When it is expected to close, written YYYY-MM-DD as it stood on anchorDate."),
    createdAt: dateText(isoDateTime, 24).describe("When it was created, written YYYY-MM-DDTHH:MM:SSZ as it stood on anchorDate."),
  })
  .strict();

export const activityRow = z
  .object({
    deal: key.describe("The key of the deal this happened on."),
    contact: key.optional().describe("The key of the contact it was with."),
    kind: z.enum(activityKinds).describe("What it was."),
    summary: text(280).describe("What happened, in a sentence or two."),
    at: dateText(isoDateTime, 24).describe("When it happened, written YYYY-MM-DDTHH:MM:SSZ as it stood on anchorDate."),
  })
  .strict();

/** The fixture's tables and the shape of one row of each; any table may live in a CSV file instead. */
export const fixtureTables = { companies: companyRow, contacts: contactRow, deals: dealRow, activities: activityRow } as const;
export type FixtureTable = keyof typeof fixtureTables;

/** How a table is written: its rows, or (in the file a marketer writes) the name of a CSV file beside the fixture. */
const tableAbout = (about: string) =>
  `${about} A list of rows, or the name of a .csv file beside the fixture with a header row of these fields.`;

export const fixtureSchema = z
  .object({
    anchorDate: dateText(isoDate, 10).describe(
      "The day the fixture's dates were written for; every sandbox shifts each date by (today − anchorDate).",
    ),
    workspace: text(60).describe("The visitor's own company in the story; a personalised link may replace it."),
    companies: z
      .array(companyRow)
      .min(1, "companies needs at least one row")
      .describe(tableAbout("The companies in the CRM (at least one).")),
    contacts: z.array(contactRow).describe(tableAbout("The people at those companies.")).default([]),
    deals: z.array(dealRow).describe(tableAbout("The deals on the board.")),
    activities: z.array(activityRow).describe(tableAbout("Calls, emails, meetings and notes in the deals' history.")).default([]),
  })
  .strict()
  .superRefine((fixture, ctx) => {
    const known = (list: { key: string }[], what: string, path: (string | number)[], value: string | undefined) => {
      if (value !== undefined && !list.some((row) => row.key === value)) {
        const keys = list.map((row) => row.key).join(", ");
        ctx.addIssue({ code: "custom", path, message: `unknown ${what} "${value}"; the ${what} keys are: ${keys}` });
      }
    };
    const unique = (list: { key: string }[], name: string) => {
      const seen = new Set<string>();
      list.forEach((row, index) => {
        if (seen.has(row.key)) {
          ctx.addIssue({ code: "custom", path: [name, index, "key"], message: `duplicate key "${row.key}" — give each row its own key` });
        }
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
  })
  .meta({ title: "Openhouse fixture", description: "demos/<slug>/fixture.yaml: the sample data every sandbox of a demo starts with." });

export type Fixture = z.infer<typeof fixtureSchema>;
