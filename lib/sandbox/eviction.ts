// Global caps: when too many sandboxes are live, or their files use too much disk, the longest-idle go first.
import "server-only";
import { and, asc, count, desc, eq, ne } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { sandboxes } from "@/db/control/schema";
import { runtime } from "@/lib/runtime/runtime";
import { sandboxDiskBytes } from "./files";
import { retireSandboxes } from "./retire";

function liveCount(db: ControlDb): number {
  return db.select({ n: count() }).from(sandboxes).where(eq(sandboxes.status, "live")).get()?.n ?? 0;
}

function oldestIdleLive(db: ControlDb, limit: number, keepId?: string): string[] {
  return db
    .select({ id: sandboxes.id })
    .from(sandboxes)
    .where(keepId ? and(eq(sandboxes.status, "live"), ne(sandboxes.id, keepId)) : eq(sandboxes.status, "live"))
    .orderBy(asc(sandboxes.lastActiveAt))
    .limit(limit)
    .all()
    .map((row) => row.id);
}

/**
 * The count cap, checked on every provisioning: one indexed count, so a flood can never get past it
 * between GC runs. Never evicts the sandbox just made (keepId).
 */
export function enforceLiveCap(db: ControlDb = controlDb(), keepId?: string, maxLive = runtime().config.sandboxMaxLive): string[] {
  const excess = liveCount(db) - maxLive;
  if (excess <= 0) return [];
  const evicted = oldestIdleLive(db, excess, keepId);
  retireSandboxes(evicted, "evicted", db);
  return evicted;
}

/**
 * The live count the disk budget allows when every new sandbox starts as a full copy of its template. Used
 * with the count cap on every provisioning, so a flood of new sandboxes cannot outrun the disk pass that runs
 * with the GC; growth inside sandboxes (each bounded by SANDBOX_MAX_PAGES) is left to that pass.
 */
export function liveCapFor(
  templateBytes: number,
  limits: { maxLive: number; maxDiskBytes: number } = {
    maxLive: runtime().config.sandboxMaxLive,
    maxDiskBytes: runtime().config.sandboxMaxDiskMb * 1024 * 1024,
  },
): number {
  if (templateBytes <= 0) return limits.maxLive;
  return Math.max(1, Math.min(limits.maxLive, Math.floor(limits.maxDiskBytes / templateBytes)));
}

/** Both caps; the disk cap stats every live file, so it runs with the GC rather than per request. */
export function evictIfOverCap(
  db: ControlDb = controlDb(),
  limits: { maxLive?: number; maxDiskBytes?: number } = {},
): { evicted: string[] } {
  const evicted = enforceLiveCap(db, undefined, limits.maxLive ?? runtime().config.sandboxMaxLive);
  const maxDiskBytes = limits.maxDiskBytes ?? runtime().config.sandboxMaxDiskMb * 1024 * 1024;
  // Newest-active first: keep adding until the budget is spent; everything older than that goes.
  const live = db
    .select({ id: sandboxes.id })
    .from(sandboxes)
    .where(eq(sandboxes.status, "live"))
    .orderBy(desc(sandboxes.lastActiveAt))
    .all();
  let used = 0;
  const overBudget: string[] = [];
  for (const { id } of live) {
    used += sandboxDiskBytes(id);
    if (used > maxDiskBytes) overBudget.push(id);
  }
  retireSandboxes(overBudget, "evicted", db);
  return { evicted: [...evicted, ...overBudget] };
}
