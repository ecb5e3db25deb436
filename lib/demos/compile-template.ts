// Compiles a demo's fixture into a template SQLite file that sandboxes are copied from.
// Dates are shifted at compile time, once per day, so provisioning a sandbox stays a plain file copy.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { migrationsFolder } from "@/db/control-plane";
import * as sandboxSchema from "@/db/sandbox/schema";
import { runtime } from "@/lib/runtime/runtime";
import type { Fixture } from "./fixture-schema";
import type { LoadedDemo } from "./load-demo";
import { shiftIso, storyDay, storyShiftDays } from "./shift-dates";

/** Changes whenever the sandbox schema's migrations change, so old templates are rebuilt. */
function sandboxSchemaHash(): string {
  return runtime().shared("demos.sandbox-schema-hash", () => {
    const folder = migrationsFolder.sandbox();
    const hash = crypto.createHash("sha256");
    for (const file of fs
      .readdirSync(folder)
      .filter((name) => name.endsWith(".sql"))
      .sort()) {
      hash.update(fs.readFileSync(path.join(folder, file)));
    }
    return hash.digest("hex");
  });
}

/** How far this fixture's story moves for a sandbox made at `now` (lib/demos/shift-dates.ts). */
export function fixtureShiftDays(fixture: Fixture, now: Date): number {
  const timestamps = [...fixture.deals.map((deal) => deal.createdAt), ...fixture.activities.map((activity) => activity.at)];
  return storyShiftDays(fixture.anchorDate, timestamps, now);
}

// Named for the day the story is set on, not the calendar day: early in a day it may still be yesterday's.
export function templateFileName(demo: LoadedDemo, now: Date): string {
  const key = crypto.createHash("sha256").update(demo.fixtureHash).update(sandboxSchemaHash()).digest("hex").slice(0, 12);
  const day = storyDay(demo.fixture.anchorDate, fixtureShiftDays(demo.fixture, now));
  return `${demo.slug}-${key}-${day.replaceAll("-", "")}.sqlite`;
}

function seed(file: string, fixture: Fixture, now: Date): void {
  const sqlite = new Database(file);
  try {
    const db = drizzle(sqlite, { schema: sandboxSchema });
    migrate(db, { migrationsFolder: migrationsFolder.sandbox() });
    const days = fixtureShiftDays(fixture, now);
    const idOf = (list: { key: string }[], key: string) => list.findIndex((row) => row.key === key) + 1;
    db.transaction((tx) => {
      tx.insert(sandboxSchema.settings)
        .values([{ key: "workspace", value: fixture.workspace }])
        .run();
      tx.insert(sandboxSchema.companies)
        .values(
          fixture.companies.map((row, index) => ({
            id: index + 1,
            name: row.name,
            industry: row.industry,
            employees: row.employees,
            website: row.website,
          })),
        )
        .run();
      if (fixture.contacts.length > 0) {
        tx.insert(sandboxSchema.contacts)
          .values(
            fixture.contacts.map((row, index) => ({
              id: index + 1,
              companyId: idOf(fixture.companies, row.company),
              name: row.name,
              title: row.title,
              email: row.email,
            })),
          )
          .run();
      }
      if (fixture.deals.length > 0) {
        tx.insert(sandboxSchema.deals)
          .values(
            fixture.deals.map((row, index) => ({
              id: index + 1,
              companyId: idOf(fixture.companies, row.company),
              title: row.title,
              amount: row.amount,
              stage: row.stage,
              owner: row.owner,
              closeDate: shiftIso(row.closeDate, days),
              createdAt: shiftIso(row.createdAt, days),
            })),
          )
          .run();
      }
      if (fixture.activities.length > 0) {
        tx.insert(sandboxSchema.activities)
          .values(
            fixture.activities.map((row) => ({
              dealId: idOf(fixture.deals, row.deal),
              contactId: row.contact ? idOf(fixture.contacts, row.contact) : null,
              kind: row.kind,
              summary: row.summary,
              occurredAt: shiftIso(row.at, days),
            })),
          )
          .run();
      }
    });
    // One self-contained file: rollback journal, no -wal beside it, compacted.
    sqlite.pragma("journal_mode = DELETE");
    sqlite.exec("VACUUM");
  } finally {
    sqlite.close();
  }
}

/**
 * Returns the path of the template for a sandbox made now for a demo, compiling it if needed. Written under a temporary
 * name and renamed, so a crash or a concurrent compile never leaves a half-written template.
 */
export function ensureTemplate(demo: LoadedDemo, now = new Date()): string {
  const dir = runtime().paths.templates;
  const name = templateFileName(demo, now);
  const file = path.join(dir, name);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `.${name}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
  try {
    seed(temporary, demo.fixture, now);
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  removeStaleTemplates(demo.slug, name);
  return file;
}

function removeStaleTemplates(slug: string, keep: string): void {
  const dir = runtime().paths.templates;
  for (const name of fs.readdirSync(dir)) {
    // Slugs may contain dashes: match "<slug>-<12 hex>-<8 digits>.sqlite" exactly.
    if (name !== keep && new RegExp(`^${slug}-[0-9a-f]{12}-\\d{8}\\.sqlite$`).test(name)) {
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}
