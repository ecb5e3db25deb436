// The record of demos:check browser walks, per demo, in the control database: the checker records each
// demo's result, the studio shows the latest (when, which path failed).
import "server-only";
import { insertCheckRun, latestCheckRunPerDemo } from "@/db/queries/demos";
import { newId } from "@/lib/sandbox/ids";
import { type CheckRun, checkRunSchema } from "./check-run-schema";

export type RecordedCheckRun = CheckRun & { id: string; ok: boolean };

export async function recordCheckRun(run: CheckRun): Promise<RecordedCheckRun> {
  const valid = checkRunSchema.parse(run);
  const recorded = { ...valid, id: newId(), ok: valid.failures.length === 0 && valid.paths.every((p) => p.ok) };
  await insertCheckRun(recorded);
  return recorded;
}

/** The latest walk of each demo that has been checked, by slug. */
export async function latestCheckRuns(): Promise<Map<string, RecordedCheckRun>> {
  return new Map((await latestCheckRunPerDemo()).map((row) => [row.slug, row]));
}
