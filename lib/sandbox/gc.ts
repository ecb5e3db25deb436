// Garbage collection: idle sandboxes and studio previews expire, old tombstones go, and files a crash left
// behind are swept.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { and, eq, lt } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { sandboxes } from "@/db/control/schema";
import { runtime } from "@/lib/runtime/runtime";
import { collectIdlePreviews, previewSandboxIds } from "@/lib/studio/preview/preview-sandboxes";
import { removeSandboxFiles } from "./files";
import { isWellFormedId } from "./ids";
import { retireSandboxes } from "./retire";

const dayMs = 86_400_000;
/** Gone rows stay this long so a returning owner gets "expired, here is a fresh one" rather than a 404. */
export const goneRowRetentionDays = 30;
/** A temporary file older than this is not being written any more: provisioning takes milliseconds. */
const strayFileAgeMs = 60_000;

export type GarbageReport = { expired: number; tombstonesDeleted: number; strayFilesRemoved: number; previewsCollected: number };

function olderThan(file: string, cutoffMs: number): boolean {
  try {
    return fs.statSync(file).mtimeMs < cutoffMs;
  } catch {
    return false;
  }
}

/** Temp files from interrupted copies, and sandbox files whose row never got written or is no longer live. */
function sweepStrayFiles(now: Date, db: ControlDb): number {
  const cutoff = now.getTime() - strayFileAgeMs;
  let removed = 0;
  for (const dir of [runtime().paths.sandboxes, runtime().paths.templates]) {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const live =
      dir === runtime().paths.sandboxes
        ? new Set(
            db
              .select({ id: sandboxes.id })
              .from(sandboxes)
              .where(eq(sandboxes.status, "live"))
              .all()
              .map((row) => row.id)
              // Studio previews keep their files beside prospects' sandboxes; their rows live in their own table.
              .concat(previewSandboxIds(db)),
          )
        : undefined;
    for (const name of names) {
      const file = path.join(dir, name);
      const id = name.endsWith(".sqlite") ? name.slice(0, -".sqlite".length) : undefined;
      const orphan = live !== undefined && id !== undefined && isWellFormedId(id) && !live.has(id);
      if (!(name.endsWith(".tmp") || orphan) || !olderThan(file, cutoff)) continue;
      if (orphan && id) removeSandboxFiles(id);
      else fs.rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

export function collectGarbage(now: Date = new Date(), db: ControlDb = controlDb()): GarbageReport {
  const idleSince = new Date(now.getTime() - runtime().config.sandboxTtlDays * dayMs);
  const expiredIds = db
    .select({ id: sandboxes.id })
    .from(sandboxes)
    .where(and(eq(sandboxes.status, "live"), lt(sandboxes.lastActiveAt, idleSince)))
    .all()
    .map((row) => row.id);
  retireSandboxes(expiredIds, "expired", db, now);

  // A gone row's lastActiveAt is when it went (see retire.ts).
  const tombstoneCutoff = new Date(now.getTime() - goneRowRetentionDays * dayMs);
  const tombstones = db
    .delete(sandboxes)
    .where(and(eq(sandboxes.status, "gone"), lt(sandboxes.lastActiveAt, tombstoneCutoff)))
    .run().changes;

  // Before the sweep, so a collected preview's files are not counted as strays.
  const previewsCollected = collectIdlePreviews(now, db);
  return { expired: expiredIds.length, tombstonesDeleted: tombstones, strayFilesRemoved: sweepStrayFiles(now, db), previewsCollected };
}
