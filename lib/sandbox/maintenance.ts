// Background upkeep for a running server: garbage collection and the global caps, on an interval.
import "server-only";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { everyNode, type JobGate } from "@/lib/runtime/singletons";
import { evictIfOverCap } from "./eviction";
import { collectGarbage } from "./gc";

const intervalMs = 10 * 60_000;

/**
 * `rows`: expiry, tombstones, previews and the caps, which decide over every node's sandboxes and so run on one
 * node at a time (a singleton); the sweep of this node's own stray files runs on every node.
 */
export async function runSandboxMaintenance(
  now: Date = new Date(),
  options: { rows: boolean } = { rows: true },
): Promise<{ expired: number; evicted: number }> {
  const garbage = await collectGarbage(now, options);
  const { evicted } = options.rows ? await evictIfOverCap() : { evicted: [] };
  return { expired: garbage.expired, evicted: evicted.length };
}

/** Starts the interval (unref'd: it never keeps the process alive) and returns its cleanup. */
export function startSandboxMaintenance(rowsGate: JobGate = everyNode): StopRepeating {
  // One failed run (a locked file, a full disk) does not stop the next one.
  return repeatEvery(intervalMs, "sandbox maintenance", () => runSandboxMaintenance(new Date(), { rows: rowsGate() }), { runNow: true });
}
