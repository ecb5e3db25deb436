// Global caps: when too many sandboxes are live, or their files use too much disk, the longest-idle go first.
import "server-only";
import { idlestLiveSandboxIds, liveSandboxCount, liveSandboxIdsNewestFirst } from "@/db/queries/sandboxes";
import { runtime } from "@/lib/runtime/runtime";
import { sandboxDiskBytes } from "./files";
import { retireSandboxes } from "./retire";

/**
 * The count cap, checked on every provisioning: one indexed count, so a flood can never get past it
 * between GC runs. Never evicts the sandbox just made (keepId).
 */
export async function enforceLiveCap(keepId?: string, maxLive = runtime().config.sandboxMaxLive): Promise<string[]> {
  const excess = (await liveSandboxCount()) - maxLive;
  if (excess <= 0) return [];
  const evicted = await idlestLiveSandboxIds(excess, keepId);
  await retireSandboxes(evicted, "evicted");
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
export async function evictIfOverCap(limits: { maxLive?: number; maxDiskBytes?: number } = {}): Promise<{ evicted: string[] }> {
  const evicted = await enforceLiveCap(undefined, limits.maxLive ?? runtime().config.sandboxMaxLive);
  const maxDiskBytes = limits.maxDiskBytes ?? runtime().config.sandboxMaxDiskMb * 1024 * 1024;
  // Newest-active first: keep adding until the budget is spent; everything older than that goes. The budget is
  // this node's disk, so only its own files count (another node's would weigh nothing here and still be evicted).
  let used = 0;
  const overBudget: string[] = [];
  for (const id of await liveSandboxIdsNewestFirst(runtime().config.nodeName)) {
    used += sandboxDiskBytes(id);
    if (used > maxDiskBytes) overBudget.push(id);
  }
  await retireSandboxes(overBudget, "evicted");
  return { evicted: [...evicted, ...overBudget] };
}
