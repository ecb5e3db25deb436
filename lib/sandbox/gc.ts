// Garbage collection: idle sandboxes and studio previews expire, old tombstones go, and files a crash left
// behind are swept.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { deleteTombstonesBefore, liveSandboxIds, liveSandboxIdsIdleSince } from "@/db/queries/sandboxes";
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
async function sweepStrayFiles(now: Date): Promise<number> {
  const cutoff = now.getTime() - strayFileAgeMs;
  let removed = 0;
  for (const dir of [runtime().paths.sandboxes, runtime().paths.templates]) {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const live =
      dir === runtime().paths.sandboxes
        ? // Studio previews keep their files beside prospects' sandboxes; their rows live in their own table.
          new Set([...(await liveSandboxIds()), ...(await previewSandboxIds())])
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

/** `rows: false`: only this node's stray files (another node holds the singleton that decides over rows). */
export async function collectGarbage(now: Date = new Date(), options: { rows: boolean } = { rows: true }): Promise<GarbageReport> {
  if (!options.rows) return { expired: 0, tombstonesDeleted: 0, strayFilesRemoved: await sweepStrayFiles(now), previewsCollected: 0 };
  const idleSince = new Date(now.getTime() - runtime().config.sandboxTtlDays * dayMs);
  const expiredIds = await liveSandboxIdsIdleSince(idleSince);
  await retireSandboxes(expiredIds, "expired", now);

  // A gone row's lastActiveAt is when it went (see retire.ts).
  const tombstones = await deleteTombstonesBefore(new Date(now.getTime() - goneRowRetentionDays * dayMs));

  // Before the sweep, so a collected preview's files are not counted as strays.
  const previewsCollected = await collectIdlePreviews(now);
  return { expired: expiredIds.length, tombstonesDeleted: tombstones, strayFilesRemoved: await sweepStrayFiles(now), previewsCollected };
}
