// The record of demos:check browser walks, per demo, in the control database: the checker records each
// demo's result, the studio shows the latest (when, which path failed).
import "server-only";
import { desc, eq } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { demoCheckRuns } from "@/db/control/schema";
import { newId } from "@/lib/sandbox/ids";
import { type CheckRun, checkRunSchema } from "./check-run-schema";

export type RecordedCheckRun = CheckRun & { id: string; ok: boolean };

export function recordCheckRun(run: CheckRun, db: ControlDb = controlDb()): RecordedCheckRun {
  const valid = checkRunSchema.parse(run);
  const recorded = { ...valid, id: newId(), ok: valid.failures.length === 0 && valid.paths.every((p) => p.ok) };
  db.insert(demoCheckRuns).values(recorded).run();
  return recorded;
}

/** The latest walk of each demo that has been checked, by slug. */
export function latestCheckRuns(db: ControlDb = controlDb()): Map<string, RecordedCheckRun> {
  const latest = db.selectDistinct({ slug: demoCheckRuns.slug }).from(demoCheckRuns).all();
  const bySlug = new Map<string, RecordedCheckRun>();
  for (const { slug } of latest) {
    const row = db.select().from(demoCheckRuns).where(eq(demoCheckRuns.slug, slug)).orderBy(desc(demoCheckRuns.checkedAt)).limit(1).get();
    if (row) bySlug.set(slug, row);
  }
  return bySlug;
}
