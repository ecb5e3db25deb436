// Registered demos (their validated definitions) and the record of demos:check browser walks.
import "server-only";
import { asc, desc, eq, notInArray } from "drizzle-orm";
import type { Demo } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

export type DemoRow = typeof import("@/db/control/schema").demos.$inferInsert;
export type CheckRunRow = typeof import("@/db/control/schema").demoCheckRuns.$inferSelect;

/** Upserts `rows` and deletes every other demo but those in `keep`, in one transaction. */
export function replaceDemos(rows: DemoRow[], keep: string[], s: Store = store()): Promise<void> {
  return s.transaction(async (tx) => {
    const { demos } = tx.t;
    for (const row of rows) await tx.run(tx.db.insert(demos).values(row).onConflictDoUpdate({ target: demos.slug, set: row }));
    await tx.run(tx.db.delete(demos).where(notInArray(demos.slug, [...rows.map((row) => row.slug), ...keep])));
  });
}

/** Every registered demo in gallery order. */
export function demosInGalleryOrder(s: Store = store()) {
  const { demos } = s.t;
  return s.all(
    s.db
      .select({
        slug: demos.slug,
        title: demos.title,
        persona: demos.persona,
        durationMinutes: demos.durationMinutes,
        summary: demos.summary,
        definition: demos.definition,
      })
      .from(demos)
      .orderBy(asc(demos.position), asc(demos.title)),
  );
}

/** A registered demo's definition, or undefined for a slug nobody registered. */
export async function demoDefinition(slug: string, s: Store = store()): Promise<Demo["definition"] | undefined> {
  const { demos } = s.t;
  return (await s.one(s.db.select({ definition: demos.definition }).from(demos).where(eq(demos.slug, slug))))?.definition;
}

export async function demoIsRegistered(slug: string, s: Store = store()): Promise<boolean> {
  const { demos } = s.t;
  return (await s.one(s.db.select({ slug: demos.slug }).from(demos).where(eq(demos.slug, slug)))) !== undefined;
}

export async function insertCheckRun(run: CheckRunRow, s: Store = store()): Promise<void> {
  await s.run(s.db.insert(s.t.demoCheckRuns).values(run));
}

/** The latest walk of each demo that has been checked. */
export async function latestCheckRunPerDemo(s: Store = store()): Promise<CheckRunRow[]> {
  const { demoCheckRuns } = s.t;
  const slugs = await s.all(s.db.selectDistinct({ slug: demoCheckRuns.slug }).from(demoCheckRuns));
  const latest: CheckRunRow[] = [];
  for (const { slug } of slugs) {
    const row = await s.one(
      s.db.select().from(demoCheckRuns).where(eq(demoCheckRuns.slug, slug)).orderBy(desc(demoCheckRuns.checkedAt)).limit(1),
    );
    if (row) latest.push(row);
  }
  return latest;
}

export function demoRow(slug: string, s: Store = store()): Promise<Demo | undefined> {
  const { demos } = s.t;
  return s.one(s.db.select().from(demos).where(eq(demos.slug, slug)));
}

/** Every registered demo, by position then slug. */
export function registeredDemos(s: Store = store()): Promise<Demo[]> {
  const { demos } = s.t;
  return s.all(s.db.select().from(demos).orderBy(asc(demos.position), asc(demos.slug)));
}
